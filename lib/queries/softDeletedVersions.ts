import type { GalleryImageVersion, GallerySoftDeletedResource } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf, imageIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { SOFT_DELETED_ARTIFACT_TYPE } from "@/lib/gallery/softDelete";
import { collect } from "@/lib/queries/collect";
import { computeOf, POLL, type Operation } from "@/lib/queries/lro";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

/** A soft-deleted image version as the recycle bins show it. */
export interface SoftDeletedVersion {
  /** The soft-deleted resource's id (`…/softDeletedArtifactTypes/Images/artifacts/{definition}/versions/{v}`). */
  id: string;
  /** The version's own id, which a restore PUTs to (`resourceArmId`). */
  versionId: string;
  path: GalleryPath & { imageName: string; versionName: string };
  location: string;
  softDeletedTime: Date | undefined;
}

/** The soft-deleted versions of one definition, and the failure of its list if it failed. */
export interface DefinitionBin {
  imageName: string;
  versions: SoftDeletedVersion[];
  error?: unknown;
}

function rowOf(gallery: GalleryPath, imageName: string, resource: GallerySoftDeletedResource): SoftDeletedVersion {
  const versionName = resource.name ?? "";
  const path = { ...gallery, imageName, versionName };
  const parsed = resource.resourceArmId ? galleryPathOf(resource.resourceArmId) : undefined;
  const versionId = parsed?.versionName ? resource.resourceArmId! : `${imageIdOf(path)}/versions/${versionName}`;
  const time = resource.softDeletedTime ? new Date(resource.softDeletedTime) : undefined;
  return {
    id: resource.id ?? versionId,
    versionId,
    path,
    location: resource.location,
    softDeletedTime: time && !Number.isNaN(time.getTime()) ? time : undefined,
  };
}

export const softDeletedVersionQueries = {
  all: () => publishQueryRoots.softDeletedVersions,
  /**
   * Every soft-deleted version of a gallery. The API lists them per definition
   * (`GET {gallery}/softDeletedArtifactTypes/Images/artifacts/{definition}/versions`), so this lists the gallery's
   * definitions, then each one's soft-deleted versions; a definition whose list fails keeps its error beside the
   * others' rows.
   */
  inGallery: (arm: ArmClients, galleryId: string) =>
    queryOptions({
      queryKey: [...softDeletedVersionQueries.all(), galleryId.toLowerCase()] as const,
      queryFn: async (): Promise<DefinitionBin[]> => {
        const gallery = galleryPathOf(galleryId);
        if (!gallery) throw new Error(`'${galleryId}' is not a gallery id.`);
        const compute = arm.compute(gallery.subscriptionId);
        let definitions: string[];
        try {
          definitions = (
            await collect(compute.galleryImages.listByGallery(gallery.resourceGroupName, gallery.galleryName))
          ).map((d) => d.name ?? "");
        } catch (error) {
          throw toAzureError(error, `${galleryId}/images`);
        }
        return Promise.all(
          definitions.map(async (imageName): Promise<DefinitionBin> => {
            try {
              const kept = await collect(
                compute.softDeletedResource.listByArtifactName(
                  gallery.resourceGroupName,
                  gallery.galleryName,
                  SOFT_DELETED_ARTIFACT_TYPE,
                  imageName,
                ),
              );
              return { imageName, versions: kept.map((resource) => rowOf(gallery, imageName, resource)) };
            } catch (error) {
              const scope = `${galleryId}/softDeletedArtifactTypes/${SOFT_DELETED_ARTIFACT_TYPE}/artifacts/${imageName}/versions`;
              return { imageName, versions: [], error: toAzureError(error, scope) };
            }
          }),
        );
      },
    }),
};

/**
 * Restores a soft-deleted version: a PUT of the version with only its home region and `restore: true`
 * (example GalleryImageVersion_Update_RestoreSoftDeleted). It comes back with its sources, regions and dates.
 */
export function restoreSoftDeletedVersion(
  arm: ArmClients,
  version: SoftDeletedVersion,
): Operation<GalleryImageVersion> {
  const p = version.path;
  return computeOf(arm, p).galleryImageVersions.createOrUpdate(
    p.resourceGroupName,
    p.galleryName,
    p.imageName,
    p.versionName,
    { location: version.location, restore: true },
    POLL,
  );
}
