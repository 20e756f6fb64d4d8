import type { GalleryApplication, GalleryApplicationVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import { galleryArtifactPathOf } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { buildApplicationInventory, type InventoryApplication } from "@/lib/consumer/applications";
import { consumerQueries } from "@/lib/queries/consumer";
import { type ConsumerListing, listGalleryChildren } from "@/lib/queries/consumerListing";

export interface ConsumerApplications extends ConsumerListing {
  applications: InventoryApplication[];
}

/** Every VM Application (with its versions) the user can read in the subscriptions. */
export async function listConsumerApplications(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  now: Date,
): Promise<ConsumerApplications> {
  const { parents, versions, ...listing } = await listGalleryChildren(arm, subscriptionIds, "applications");
  return { ...listing, applications: buildApplicationInventory(parents, versions, now) };
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
