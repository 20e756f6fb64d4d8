import type { GalleryImage } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, imageIdOf, galleryPathOf } from "@/lib/azure/routeParams";
import { collect } from "@/lib/queries/collect";
import type { GalleryPath } from "@/lib/azure/routeParams";
import type { GalleryImageProperties } from "@/lib/gallery/galleryImage";
import { computeOf, isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";

export const imageQueries = {
  all: () => ["galleryImages"] as const,
  /** The image definitions of a gallery. */
  list: (arm: ArmClients, gallery: string) =>
    queryOptions({
      queryKey: [...imageQueries.all(), "list", gallery.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImage[]> => {
        const p = galleryPathOf(gallery);
        if (!p) throw new Error(`'${gallery}' is not a gallery id.`);
        try {
          return await collect(
            arm.compute(p.subscriptionId).galleryImages.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryIdOf(p)}/images`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...imageQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImage> => {
        const p = galleryPathOf(id);
        if (!p?.imageName) throw new Error(`'${id}' is not an image definition id.`);
        try {
          return await arm.compute(p.subscriptionId).galleryImages.get(p.resourceGroupName, p.galleryName, p.imageName);
        } catch (error) {
          throw toAzureError(error, imageIdOf({ ...p, imageName: p.imageName }));
        }
      },
    }),
};

// Writes: long-running operations, tracked by useOperation, which invalidates after them (lib/queries/publish.ts).

/** The SDK's model of a definition from the body the shared schema accepted (dates as Date). */
function galleryImageModel(properties: Partial<GalleryImageProperties>): Omit<GalleryImage, "location"> {
  const { endOfLifeDate, ...rest } = properties;
  return {
    ...(rest as Omit<GalleryImage, "location">),
    ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
  };
}

export function createImageDefinition(
  arm: ArmClients,
  path: GalleryPath & { imageName: string },
  body: { location: string; properties: GalleryImageProperties; tags: Tags },
): Operation<GalleryImage> {
  return computeOf(arm, path).galleryImages.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    { location: body.location, tags: body.tags, ...galleryImageModel(body.properties) },
    POLL,
  );
}

export function updateImageDefinition(
  arm: ArmClients,
  path: GalleryPath & { imageName: string },
  body: { properties: Partial<GalleryImageProperties>; tags: Tags },
): Operation<GalleryImage> {
  return computeOf(arm, path).galleryImages.update(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    { tags: body.tags, ...galleryImageModel(body.properties) },
    POLL,
  );
}

export function deleteImageDefinition(arm: ArmClients, path: GalleryPath & { imageName: string }): Operation<void> {
  return computeOf(arm, path).galleryImages.delete(path.resourceGroupName, path.galleryName, path.imageName, POLL);
}
