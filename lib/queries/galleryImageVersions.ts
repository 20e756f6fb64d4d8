import type { GalleryImageVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { imageIdOf, galleryPathOf, versionIdOf } from "@/lib/azure/routeParams";
import { createLimiter } from "@/lib/inventory/limiter";
import { VERSION_TYPE } from "@/lib/inventory/item";
import type { GalleryPath } from "@/lib/azure/routeParams";
import type { GalleryImageVersionProperties, PublishingProfile } from "@/lib/gallery/galleryImageVersion";
import { computeOf, isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";
import { streamedVersionList } from "@/lib/queries/versionLists";

/** How often a version that is still replicating (or being created/updated) is read again. */
export const REPLICATION_POLL_MS = 3_000;

/**
 * True while a version's state (an image or application version's) can still change on its own: replication under way, a delete running, or a
 * create/update whose replication has not reached a final state. A Creating version whose regions are all
 * Completed or Failed is about to settle, and is not worth polling for.
 */
export function isVersionSettling(
  version: Pick<GalleryImageVersion, "provisioningState" | "replicationStatus"> | undefined,
): boolean {
  if (!version) return false;
  const provisioning = (version.provisioningState ?? "").toLowerCase();
  if (provisioning === "deleting") return true;
  const status = version.replicationStatus;
  if (status?.aggregatedState === "InProgress") return true;
  if ((status?.summary ?? []).some((region) => region.state === "Replicating")) return true;
  const replicationFinal = status?.aggregatedState === "Completed" || status?.aggregatedState === "Failed";
  return (provisioning === "creating" || provisioning === "updating") && !replicationFinal;
}

/** Replication-status reads in flight at once, across the whole page. */
export const REPLICATION_READ_CONCURRENCY = 6;
const limitReplicationReads = createLimiter(REPLICATION_READ_CONCURRENCY);

async function readValidation(arm: ArmClients, id: string): Promise<GalleryImageVersion> {
  const p = galleryPathOf(id);
  if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
  try {
    return await arm
      .compute(p.subscriptionId)
      .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
        expand: "ValidationProfile",
      });
  } catch (error) {
    throw toAzureError(error, versionIdOf({ ...p, imageName: p.imageName, versionName: p.versionName }));
  }
}

export const versionQueries = {
  all: () => ["galleryImageVersions"] as const,
  /**
   * The versions of an image definition (the list carries no replication status; see detail), streamed through
   * Resource Graph with ARM's list as the fallback (streamedVersionList).
   */
  list: (arm: ArmClients, image: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "list", image.toLowerCase()] as const,
      queryFn: streamedVersionList<GalleryImageVersion>(arm, () => {
        const p = galleryPathOf(image);
        if (!p?.imageName) throw new Error(`'${image}' is not an image definition id.`);
        const { subscriptionId, resourceGroupName, galleryName, imageName } = p;
        return {
          type: VERSION_TYPE,
          parentId: imageIdOf({ ...p, imageName }),
          subscriptionId,
          armPages: () =>
            arm
              .compute(subscriptionId)
              .galleryImageVersions.listByGalleryImage(resourceGroupName, galleryName, imageName)
              .byPage(),
        };
      }),
    }),
  /**
   * One version with `$expand=ReplicationStatus`. Read again every few seconds while it is settling; once every
   * region is Completed or Failed the polling stops by itself.
   */
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImageVersion> => {
        const p = galleryPathOf(id);
        if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
              expand: "ReplicationStatus",
            });
        } catch (error) {
          throw toAzureError(error, versionIdOf({ ...p, imageName: p.imageName, versionName: p.versionName }));
        }
      },
      refetchInterval: (query) => (isVersionSettling(query.state.data) ? REPLICATION_POLL_MS : false),
    }),
  /**
   * One version with `$expand=ValidationProfile`: the platform's validation results and the image's provenance. Read
   * apart from the replication read, since ARM documents `$expand` as one value, and queued behind the same page-wide
   * limit so that a table's trust badges do not crowd out the reads that decide latest.
   */
  validation: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "validation", id.toLowerCase()] as const,
      queryFn: (context): Promise<GalleryImageVersion> =>
        limitReplicationReads(() => readValidation(arm, id), context.signal),
    }),
  /**
   * The detail read for version tables: queued behind the page-wide limit, and settled versions stay cached.
   * Table cells use it directly, so only the rows on screen are read.
   */
  replication: (arm: ArmClients, id: string) => {
    const base = versionQueries.detail(arm, id);
    return queryOptions({
      ...base,
      queryFn: (context) => limitReplicationReads(async () => base.queryFn!(context), context.signal),
      // Completed or Failed replication does not change by itself: scrolling back to it needs no new read.
      staleTime: (query) => (query.state.data && !isVersionSettling(query.state.data) ? Infinity : 0),
    });
  },
};

// Writes: long-running operations, tracked by useOperation, which invalidates after them (lib/queries/publish.ts).

function publishingProfileModel(profile: PublishingProfile | undefined): GalleryImageVersion["publishingProfile"] {
  if (!profile) return undefined;
  const { endOfLifeDate, ...rest } = profile;
  return {
    ...(rest as NonNullable<GalleryImageVersion["publishingProfile"]>),
    ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
  };
}

export function createImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: { location: string; properties: GalleryImageVersionProperties; tags: Tags },
): Operation<GalleryImageVersion> {
  const { publishingProfile, storageProfile, safetyProfile, securityProfile } = body.properties;
  return computeOf(arm, path).galleryImageVersions.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    {
      location: body.location,
      tags: body.tags,
      publishingProfile: publishingProfileModel(publishingProfile),
      storageProfile: storageProfile as GalleryImageVersion["storageProfile"],
      ...(safetyProfile ? { safetyProfile } : {}),
      ...(securityProfile ? { securityProfile: securityProfile as GalleryImageVersion["securityProfile"] } : {}),
    },
    POLL,
  );
}

export function updateImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: {
    publishingProfile: PublishingProfile;
    safetyProfile?: { allowDeletionOfReplicatedLocations: boolean };
    securityProfile?: GalleryImageVersionProperties["securityProfile"];
  },
): Operation<GalleryImageVersion> {
  return computeOf(arm, path).galleryImageVersions.update(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    {
      publishingProfile: publishingProfileModel(body.publishingProfile),
      ...(body.safetyProfile ? { safetyProfile: body.safetyProfile } : {}),
      ...(body.securityProfile
        ? { securityProfile: body.securityProfile as GalleryImageVersion["securityProfile"] }
        : {}),
    },
    POLL,
  );
}

export function deleteImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
): Operation<void> {
  return computeOf(arm, path).galleryImageVersions.delete(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    POLL,
  );
}
