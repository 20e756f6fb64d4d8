import type { GalleryInVMAccessControlProfile, GalleryScript } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, galleryPathOf } from "@/lib/azure/routeParams";
import { collect } from "@/lib/queries/collect";

/**
 * What a gallery holds besides image definitions and applications, as the gallery page lists it: its scripts and
 * in-VM access control profiles (their own pages read them in full).
 */
export const galleryContentQueries = {
  all: () => ["galleryContents"] as const,
  scripts: (arm: ArmClients, gallery: string) =>
    queryOptions({
      queryKey: [...galleryContentQueries.all(), "scripts", gallery.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScript[]> => {
        const p = galleryPathOf(gallery);
        if (!p) throw new Error(`'${gallery}' is not a gallery id.`);
        try {
          return await collect(
            arm.compute(p.subscriptionId).galleryScripts.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryIdOf(p)}/scripts`);
        }
      },
    }),
  inVMAccessControlProfiles: (arm: ArmClients, gallery: string) =>
    queryOptions({
      queryKey: [...galleryContentQueries.all(), "inVMAccessControlProfiles", gallery.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryInVMAccessControlProfile[]> => {
        const p = galleryPathOf(gallery);
        if (!p) throw new Error(`'${gallery}' is not a gallery id.`);
        try {
          return await collect(
            arm
              .compute(p.subscriptionId)
              .galleryInVMAccessControlProfiles.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryIdOf(p)}/inVMAccessControlProfiles`);
        }
      },
    }),
};
