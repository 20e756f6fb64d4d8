import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { buildInventory, type InventoryImage } from "@/lib/consumer/inventory";
import { getSharedImage, type SharedImageRef, sharedGalleriesSource } from "@/lib/consumer/sharedGalleries";
import { type ConsumerListing, listGalleryChildren } from "@/lib/queries/consumerListing";

export interface ConsumerImages extends ConsumerListing {
  images: InventoryImage[];
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

export async function listConsumerImages(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  now: Date,
  sources: readonly ImageSource[] = [],
): Promise<ConsumerImages> {
  const { parents, versions, ...listing } = await listGalleryChildren(arm, subscriptionIds, "images");
  const failures = [...listing.failures];
  const images = buildInventory(parents, versions, now);
  for (const extra of sources) {
    const found = await extra.list(arm, subscriptionIds, now);
    images.push(...found.images);
    failures.push(...found.failures);
  }
  return { ...listing, images, failures };
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
