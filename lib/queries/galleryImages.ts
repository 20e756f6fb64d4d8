import type { GalleryImage } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryId, imageId, parseGalleryPath } from "@/lib/azure/galleryPaths";
import { collect } from "@/lib/queries/collect";

export const imageQueries = {
  all: () => ["galleryImages"] as const,
  /** The image definitions of a gallery. */
  list: (arm: ArmClients, gallery: string) =>
    queryOptions({
      queryKey: [...imageQueries.all(), "list", gallery.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImage[]> => {
        const p = parseGalleryPath(gallery);
        if (!p) throw new Error(`'${gallery}' is not a gallery id.`);
        try {
          return await collect(
            arm.compute(p.subscriptionId).galleryImages.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryId(p)}/images`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...imageQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImage> => {
        const p = parseGalleryPath(id);
        if (!p?.imageName) throw new Error(`'${id}' is not an image definition id.`);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryImages.get(p.resourceGroupName, p.galleryName, p.imageName);
        } catch (error) {
          throw toAzureError(error, imageId({ ...p, imageName: p.imageName }));
        }
      },
    }),
};
