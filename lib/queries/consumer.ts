import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { type AzureError, toAzureError } from "@/lib/azure/errors";
import { mapWithConcurrency } from "@/lib/consumer/concurrency";
import { type ArmResourceJson, buildInventory, type InventoryImage } from "@/lib/consumer/inventory";
import { getSharedImage, type SharedImageRef, sharedGalleriesSource } from "@/lib/consumer/sharedGalleries";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";

/** Galleries API version of the fallback listing (the one @azure/arm-compute 25 sends). */
const GALLERY_API_VERSION = "2024-03-03";
/** Requests in flight at once in the fallback listing, so many subscriptions do not meet ARM's throttling together. */
export const CONSUMER_LISTING_CONCURRENCY = 6;

/**
 * Image definitions and versions with their whole properties: the consumer filters on architecture, OS state and
 * end of life and needs each version's target regions, none of which the shared inventory projects.
 */
export const CONSUMER_IMAGES_QUERY = [
  "resources",
  "| where type in~ ('microsoft.compute/galleries/images', 'microsoft.compute/galleries/images/versions')",
  "| project id, name, type, location, tenantId, subscriptionId, resourceGroup, properties",
  "| order by id asc",
].join("\n");

export interface ImageResources {
  definitions: ArmResourceJson[];
  versions: ArmResourceJson[];
}

export interface ConsumerImages {
  images: InventoryImage[];
  /** Resource Graph, or ARM listing when Resource Graph failed (then fallbackReason says why). */
  source: "resourceGraph" | "armListing";
  fallbackReason?: AzureError;
  /** Subscriptions or galleries whose listing failed; the rest is still shown. */
  failures: { scope: string; error: AzureError }[];
}

/**
 * A way the user reaches images besides Azure RBAC, giving rows marked with its `access`: directly shared galleries
 * (`sharedGalleriesSource` in lib/consumer/sharedGalleries.ts, read per region through
 * `…/locations/{loc}/sharedGalleries`).
 */
export interface ImageSource {
  list(
    arm: ArmClients,
    subscriptionIds: readonly string[],
    now: Date,
  ): Promise<{ images: InventoryImage[]; failures: ConsumerImages["failures"] }>;
}

async function fromResourceGraph(arm: ArmClients, subscriptionIds: readonly string[]): Promise<ImageResources> {
  const result: ImageResources = { definitions: [], versions: [] };
  for await (const rows of resourceGraphPages(arm.unretried, arm.endpoint, subscriptionIds, CONSUMER_IMAGES_QUERY)) {
    for (const row of rows as unknown as ArmResourceJson[]) {
      const type = row.type?.toLowerCase();
      if (type === "microsoft.compute/galleries/images") result.definitions.push(row);
      else if (type === "microsoft.compute/galleries/images/versions") result.versions.push(row);
    }
  }
  return result;
}

/**
 * Without Resource Graph: galleries per subscription, definitions per gallery, versions per definition, at most
 * CONSUMER_LISTING_CONCURRENCY requests at a time. A definition shared on its own (Compute Gallery Image Reader on
 * the definition) is invisible this way, since its gallery cannot be listed; Resource Graph finds it.
 */
async function fromArmListing(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  failures: ConsumerImages["failures"],
): Promise<ImageResources> {
  const list = async (path: string): Promise<ArmResourceJson[]> => {
    try {
      return await arm.rest.listAll<ArmResourceJson>(`${path}?api-version=${GALLERY_API_VERSION}`);
    } catch (error) {
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
  };
  const galleries = (
    await mapWithConcurrency(subscriptionIds, CONSUMER_LISTING_CONCURRENCY, (s) =>
      list(`/subscriptions/${s}/providers/Microsoft.Compute/galleries`),
    )
  ).flat();
  const definitions = (
    await mapWithConcurrency(galleries, CONSUMER_LISTING_CONCURRENCY, (g) => list(`${g.id}/images`))
  ).flat();
  const versions = (
    await mapWithConcurrency(definitions, CONSUMER_LISTING_CONCURRENCY, (d) => list(`${d.id}/versions`))
  ).flat();
  return { definitions, versions };
}

export async function listConsumerImages(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  now: Date,
  sources: readonly ImageSource[] = [],
): Promise<ConsumerImages> {
  if (subscriptionIds.length === 0) return { images: [], source: "resourceGraph", failures: [] };
  const failures: ConsumerImages["failures"] = [];
  let rbac: ImageResources;
  let source: ConsumerImages["source"] = "resourceGraph";
  let fallbackReason: AzureError | undefined;
  try {
    rbac = await fromResourceGraph(arm, subscriptionIds);
  } catch (error) {
    if (!(error instanceof ResourceGraphFailed)) throw error;
    source = "armListing";
    fallbackReason = error.error;
    rbac = await fromArmListing(arm, subscriptionIds, failures);
  }
  const images = buildInventory(rbac.definitions, rbac.versions, now);
  for (const extra of sources) {
    const found = await extra.list(arm, subscriptionIds, now);
    images.push(...found.images);
    failures.push(...found.failures);
  }
  return { images, source, ...(fallbackReason ? { fallbackReason } : {}), failures };
}

export const consumerQueries = {
  all: () => ["consumer"] as const,
  /** Every image definition and version the user can read in the subscriptions (see listConsumerImages). */
  images: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...consumerQueries.all(), "images", [...subscriptionIds].map((s) => s.toLowerCase()).sort()] as const,
      queryFn: () => listConsumerImages(arm, subscriptionIds, new Date()),
      enabled: subscriptionIds.length > 0,
    }),
  /**
   * Images of galleries shared directly with the subscriptions or their tenants, searched in the regions (a query
   * of its own, so choosing another region re-reads only these).
   */
  sharedImages: (
    arm: ArmClients,
    subscriptions: readonly { subscriptionId: string; tenantId?: string }[],
    regions: readonly string[],
  ) =>
    queryOptions({
      queryKey: [
        ...consumerQueries.all(),
        "sharedImages",
        subscriptions.map((s) => s.subscriptionId.toLowerCase()).sort(),
        [...regions].sort(),
      ] as const,
      queryFn: () => {
        const tenants = new Map(subscriptions.map((s) => [s.subscriptionId, s.tenantId]));
        return sharedGalleriesSource(regions, (s) => tenants.get(s)).list(
          arm,
          subscriptions.map((s) => s.subscriptionId),
          new Date(),
        );
      },
      enabled: subscriptions.length > 0 && regions.length > 0,
    }),
  /** One shared image with its versions in the regions, for its page. */
  sharedImage: (arm: ArmClients, ref: SharedImageRef) =>
    queryOptions({
      queryKey: [
        ...consumerQueries.all(),
        "sharedImage",
        ref.subscriptionId.toLowerCase(),
        ref.location,
        ref.galleryUniqueName.toLowerCase(),
        ref.imageName.toLowerCase(),
        ref.sharedTo,
        [...ref.regions].sort(),
      ] as const,
      queryFn: () => getSharedImage(arm, ref, new Date()),
    }),
  /** `GET /subscriptions/{s}/locations`: the regions a user may add to the shared-gallery search. */
  locations: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...consumerQueries.all(), "locations", subscriptionId.toLowerCase()] as const,
      queryFn: async () => {
        const path = `/subscriptions/${subscriptionId}/locations`;
        try {
          const locations = await arm.rest.listAll<{
            name: string;
            displayName?: string;
            metadata?: { regionType?: string };
          }>(`${path}?api-version=2022-12-01`);
          return locations
            .filter((l) => l.metadata?.regionType !== "Logical")
            .sort((a, b) => (a.displayName ?? a.name).localeCompare(b.displayName ?? b.name));
        } catch (error) {
          throw toAzureError(error, path);
        }
      },
      enabled: subscriptionId !== "",
      staleTime: Infinity,
    }),
  /** Resource groups of a subscription the user can see, for the deployment check. */
  resourceGroups: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...consumerQueries.all(), "resourceGroups", subscriptionId.toLowerCase()] as const,
      queryFn: async () => {
        const path = `/subscriptions/${subscriptionId}/resourcegroups`;
        try {
          const groups = await arm.rest.listAll<{ name: string; location: string }>(`${path}?api-version=2021-04-01`);
          return groups.sort((a, b) => a.name.localeCompare(b.name));
        } catch (error) {
          throw toAzureError(error, path);
        }
      },
      enabled: subscriptionId !== "",
    }),
};
