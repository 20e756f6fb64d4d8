import type { GalleryApplication, GalleryApplicationVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import { galleryArtifactPathOf } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { type AzureError, toAzureError } from "@/lib/azure/errors";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";
import { buildApplicationInventory, type InventoryApplication } from "@/lib/consumer/applications";
import { mapWithConcurrency } from "@/lib/consumer/concurrency";
import type { ArmResourceJson } from "@/lib/consumer/inventory";
import { CONSUMER_LISTING_CONCURRENCY, consumerQueries } from "@/lib/queries/consumer";

/** The galleries api-version of the fallback listing (the one @azure/arm-compute 25 sends). */
const GALLERY_API_VERSION = "2024-03-03";

/**
 * VM Applications and their versions with their whole properties (Resource Graph indexes both types as ARM
 * returns them, without replicationStatus, which the version page reads with `$expand`).
 */
export const CONSUMER_APPLICATIONS_QUERY = [
  "resources",
  "| where type in~ ('microsoft.compute/galleries/applications', 'microsoft.compute/galleries/applications/versions')",
  "| project id, name, type, location, tenantId, subscriptionId, resourceGroup, properties",
  "| order by id asc",
].join("\n");

export interface ConsumerApplications {
  applications: InventoryApplication[];
  source: "resourceGraph" | "armListing";
  fallbackReason?: AzureError;
  failures: { scope: string; error: AzureError }[];
}

async function fromResourceGraph(arm: ArmClients, subscriptionIds: readonly string[]) {
  const applications: ArmResourceJson[] = [];
  const versions: ArmResourceJson[] = [];
  for await (const rows of resourceGraphPages(
    arm.unretried,
    arm.endpoint,
    subscriptionIds,
    CONSUMER_APPLICATIONS_QUERY,
  )) {
    for (const row of rows as unknown as ArmResourceJson[]) {
      const type = row.type?.toLowerCase();
      if (type === "microsoft.compute/galleries/applications") applications.push(row);
      else if (type === "microsoft.compute/galleries/applications/versions") versions.push(row);
    }
  }
  return { applications, versions };
}

/** Without Resource Graph: galleries, then applications per gallery, then versions per application. */
async function fromArmListing(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  failures: ConsumerApplications["failures"],
) {
  const list = async (path: string): Promise<ArmResourceJson[]> => {
    try {
      return await arm.rest.listAll<ArmResourceJson>(`${path}?api-version=${GALLERY_API_VERSION}`);
    } catch (error) {
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
  };
  const each = async (items: readonly string[]) =>
    (await mapWithConcurrency(items, CONSUMER_LISTING_CONCURRENCY, list)).flat();
  const galleries = await each(subscriptionIds.map((s) => `/subscriptions/${s}/providers/Microsoft.Compute/galleries`));
  const applications = await each(galleries.map((g) => `${g.id}/applications`));
  const versions = await each(applications.map((a) => `${a.id}/versions`));
  return { applications, versions };
}

/** Every VM Application (with its versions) the user can read in the subscriptions. */
export async function listConsumerApplications(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  now: Date,
): Promise<ConsumerApplications> {
  if (subscriptionIds.length === 0) return { applications: [], source: "resourceGraph", failures: [] };
  const failures: ConsumerApplications["failures"] = [];
  try {
    const found = await fromResourceGraph(arm, subscriptionIds);
    return {
      applications: buildApplicationInventory(found.applications, found.versions, now),
      source: "resourceGraph",
      failures,
    };
  } catch (error) {
    if (!(error instanceof ResourceGraphFailed)) throw error;
    const found = await fromArmListing(arm, subscriptionIds, failures);
    return {
      applications: buildApplicationInventory(found.applications, found.versions, now),
      source: "armListing",
      fallbackReason: error.error,
      failures,
    };
  }
}

function artifactPath(id: string, what: string) {
  const path = galleryArtifactPathOf(id);
  if (path?.collection !== "applications") throw new Error(`'${id}' is not ${what} id.`);
  return path;
}

export const consumerApplicationQueries = {
  all: () => [...consumerQueries.all(), "applications"] as const,
  list: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [
        ...consumerApplicationQueries.all(),
        "list",
        [...subscriptionIds].map((s) => s.toLowerCase()).sort(),
      ] as const,
      queryFn: () => listConsumerApplications(arm, subscriptionIds, new Date()),
      enabled: subscriptionIds.length > 0,
    }),
  /** An application (its supported OS type decides the VM the snippets make). */
  application: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...consumerApplicationQueries.all(), "application", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryApplication> => {
        const p = artifactPath(id, "an application");
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryApplications.get(p.resourceGroupName, p.galleryName, p.artifactName);
        } catch (error) {
          throw toAzureError(error, id);
        }
      },
    }),
  /** An application version with its replication per region (`$expand=ReplicationStatus`). */
  version: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...consumerApplicationQueries.all(), "version", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryApplicationVersion> => {
        const p = artifactPath(id, "an application version");
        if (!p.versionName) throw new Error(`'${id}' is not an application version id.`);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryApplicationVersions.get(p.resourceGroupName, p.galleryName, p.artifactName, p.versionName, {
              expand: "ReplicationStatus",
            });
        } catch (error) {
          throw toAzureError(error, id);
        }
      },
      // Replication moves on: re-read while a region is still on its way.
      refetchInterval: (query) =>
        query.state.data?.replicationStatus?.summary?.some((r) => r.state === "Replicating") ? 5_000 : false,
    }),
};
