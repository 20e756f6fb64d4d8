import type { ComputeManagementClient } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import { type ArtifactCollection, galleryArtifactPathOf, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { collect } from "@/lib/queries/collect";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

/**
 * The reads that gallery scripts and in-VM access control profiles share: the gallery's list and one artifact
 * through the SDK's operation group, and one version with its replication per region as REST (the SDK's get has no
 * `$expand`). Their keys start with the collection under publishQueryRoots.galleryArtifacts, which every write
 * invalidates.
 */

interface ArtifactOperations<T> {
  listByGallery(resourceGroupName: string, galleryName: string): AsyncIterable<T>;
  get(resourceGroupName: string, galleryName: string, name: string): Promise<T>;
}

/** A version as ARM's JSON, as far as the shared reads look at it. */
interface ReplicatingVersionJson {
  properties: { replicationStatus?: { summary?: RegionalReplicationStatus[] } };
}

export function galleryArtifactReads<T, V extends ReplicatingVersionJson>(options: {
  collection: Exclude<ArtifactCollection, "applications">;
  /** "gallery script", "in-VM access control profile": for the error of an id that is not one. */
  noun: string;
  operations: (compute: ComputeManagementClient) => ArtifactOperations<T>;
  /** The query a version GET adds (`$expand=ReplicationStatus` where the service returns it only when asked). */
  versionQuery?: string;
}) {
  const { collection, noun, operations } = options;
  const all = () => [...publishQueryRoots.galleryArtifacts, collection] as const;
  const pathOf = (id: string, version: boolean): GalleryArtifactPath => {
    const path = galleryArtifactPathOf(id);
    if (path?.collection !== collection || (path.versionName !== undefined) !== version)
      throw new Error(`'${id}' is not ${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}${version ? " version" : ""} id.`);
    return path;
  };
  return {
    all,
    pathOf,
    list: (arm: ArmClients, galleryId: string) =>
      queryOptions({
        queryKey: [...all(), "list", galleryId.toLowerCase()] as const,
        queryFn: async (): Promise<T[]> => {
          const p = galleryPathOf(galleryId);
          if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
          try {
            return await collect(
              operations(arm.compute(p.subscriptionId)).listByGallery(p.resourceGroupName, p.galleryName),
            );
          } catch (error) {
            throw toAzureError(error, `${galleryId}/${collection}`);
          }
        },
      }),
    detail: (arm: ArmClients, id: string) =>
      queryOptions({
        queryKey: [...all(), "detail", id.toLowerCase()] as const,
        queryFn: async (): Promise<T> => {
          const p = pathOf(id, false);
          try {
            return await operations(arm.compute(p.subscriptionId)).get(
              p.resourceGroupName,
              p.galleryName,
              p.artifactName,
            );
          } catch (error) {
            throw toAzureError(error, id);
          }
        },
      }),
    /** A version with its replication per region, polled while a region replicates. */
    version: (arm: ArmClients, id: string) =>
      queryOptions({
        queryKey: [...all(), "version", id.toLowerCase()] as const,
        queryFn: async (): Promise<V> => {
          pathOf(id, true);
          return arm.rest.request<V>(
            "GET",
            `${id}?api-version=${SDK_GALLERY_API_VERSION}${options.versionQuery ?? ""}`,
          );
        },
        refetchInterval: (query) =>
          query.state.data?.properties.replicationStatus?.summary?.some((r) => r.state === "Replicating")
            ? 5_000
            : false,
      }),
  };
}
