import type { GalleryImage } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, imageIdOf, galleryPathOf } from "@/lib/azure/routeParams";
import { collect } from "@/lib/queries/collect";

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
