import type { ArmClients } from "@/lib/azure/clients";
import { type AzureError, toAzureError } from "@/lib/azure/errors";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";
import { mapWithConcurrency } from "@/lib/consumer/concurrency";
import type { ArmResourceJson } from "@/lib/consumer/inventory";

/** Galleries API version of the fallback listing (the one @azure/arm-compute 25 sends). */
const GALLERY_API_VERSION = "2024-03-03";
/** Requests in flight at once in the fallback listing, so many subscriptions do not meet ARM's throttling together. */
export const CONSUMER_LISTING_CONCURRENCY = 6;

/** How a consumer list was read, and what of it could not be. */
export interface ConsumerListing {
  /** Resource Graph, or ARM listing when Resource Graph failed (then fallbackReason says why). */
  source: "resourceGraph" | "armListing";
  fallbackReason?: AzureError;
  /** Subscriptions or galleries whose listing failed; the rest is still shown. */
  failures: { scope: string; error: AzureError }[];
}

/** A gallery collection ("images", "applications") and its versions, as ARM returns them. */
export interface GalleryChildren {
  parents: ArmResourceJson[];
  versions: ArmResourceJson[];
}

/**
 * The Resource Graph query of a gallery collection and its versions with their whole properties (the consumer
 * filters on properties that no shared projection keeps).
 */
export function galleryChildrenQuery(collection: string): string {
  const type = `microsoft.compute/galleries/${collection}`;
  return [
    "resources",
    `| where type in~ ('${type}', '${type}/versions')`,
    "| project id, name, type, location, tenantId, subscriptionId, resourceGroup, properties",
    "| order by id asc",
  ].join("\n");
}

async function fromResourceGraph(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  collection: string,
): Promise<GalleryChildren> {
  const type = `microsoft.compute/galleries/${collection}`;
  const found: GalleryChildren = { parents: [], versions: [] };
  const query = galleryChildrenQuery(collection);
  for await (const rows of resourceGraphPages(arm.unretried, arm.endpoint, subscriptionIds, query)) {
    for (const row of rows as unknown as ArmResourceJson[]) {
      const rowType = row.type?.toLowerCase();
      if (rowType === type) found.parents.push(row);
      else if (rowType === `${type}/versions`) found.versions.push(row);
    }
  }
  return found;
}

/**
 * Without Resource Graph: galleries per subscription, the collection per gallery, versions per item, at most
 * CONSUMER_LISTING_CONCURRENCY requests at a time. An item shared on its own (a reader role on the definition) is
 * invisible this way, since its gallery cannot be listed; Resource Graph finds it.
 */
async function fromArmListing(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  collection: string,
  failures: ConsumerListing["failures"],
): Promise<GalleryChildren> {
  const list = async (path: string): Promise<ArmResourceJson[]> => {
    try {
      return await arm.rest.listAll<ArmResourceJson>(`${path}?api-version=${GALLERY_API_VERSION}`);
    } catch (error) {
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
  };
  const each = async (paths: readonly string[]) =>
    (await mapWithConcurrency(paths, CONSUMER_LISTING_CONCURRENCY, list)).flat();
  const galleries = await each(subscriptionIds.map((s) => `/subscriptions/${s}/providers/Microsoft.Compute/galleries`));
  const parents = await each(galleries.map((g) => `${g.id}/${collection}`));
  const versions = await each(parents.map((p) => `${p.id}/versions`));
  return { parents, versions };
}

/**
 * A gallery collection and its versions across the subscriptions the user reads: through Resource Graph, or by ARM
 * listing when Resource Graph fails.
 */
export async function listGalleryChildren(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  collection: "images" | "applications",
): Promise<GalleryChildren & ConsumerListing> {
  if (subscriptionIds.length === 0) return { parents: [], versions: [], source: "resourceGraph", failures: [] };
  try {
    return { ...(await fromResourceGraph(arm, subscriptionIds, collection)), source: "resourceGraph", failures: [] };
  } catch (error) {
    if (!(error instanceof ResourceGraphFailed)) throw error;
    const failures: ConsumerListing["failures"] = [];
    const found = await fromArmListing(arm, subscriptionIds, collection, failures);
    return { ...found, source: "armListing", fallbackReason: error.error, failures };
  }
}
