import type { Gallery } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, galleryPathOf } from "@/lib/azure/routeParams";
import { collect } from "@/lib/queries/collect";
import { galleryIdentityBody, type GalleryIdentityChoice } from "@/lib/gallery/galleryIdentity";
import type { GalleryPath } from "@/lib/azure/routeParams";
import { computeOf, POLL, type Operation, type Tags } from "@/lib/queries/lro";

function pathOf(id: string) {
  const path = galleryPathOf(id);
  if (!path) throw new Error(`'${id}' is not a Microsoft.Compute/galleries resource id.`);
  return path;
}

export const galleryQueries = {
  all: () => ["galleries"] as const,
  /** Every gallery of a subscription, in any resource group (`GET /subscriptions/{s}/providers/Microsoft.Compute/galleries`). */
  list: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...galleryQueries.all(), "list", subscriptionId.toLowerCase()] as const,
      queryFn: async () => {
        try {
          return await collect(arm.compute(subscriptionId).galleries.list());
        } catch (error) {
          throw toAzureError(error, `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...galleryQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<Gallery> => {
        const p = pathOf(id);
        try {
          return await arm.compute(p.subscriptionId).galleries.get(p.resourceGroupName, p.galleryName);
        } catch (error) {
          throw toAzureError(error, galleryIdOf(p));
        }
      },
    }),
};

// Writes: long-running operations, tracked by useOperation, which invalidates after them (lib/queries/publish.ts).

export function createGallery(
  arm: ArmClients,
  path: GalleryPath,
  body: { location: string; description?: string | undefined; tags: Tags; softDeleteEnabled: boolean },
): Operation<Gallery> {
  return computeOf(arm, path).galleries.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    {
      location: body.location,
      tags: body.tags,
      ...(body.description ? { description: body.description } : {}),
      // Sent either way, so the gallery holds the choice the form showed rather than the service's default.
      softDeletePolicy: { isSoftDeleteEnabled: body.softDeleteEnabled },
    },
    POLL,
  );
}

export function updateGallery(
  arm: ArmClients,
  path: GalleryPath,
  body: { description: string; tags: Tags; softDeleteEnabled: boolean; identity?: GalleryIdentityChoice | undefined },
): Operation<Gallery> {
  return computeOf(arm, path).galleries.update(
    path.resourceGroupName,
    path.galleryName,
    {
      description: body.description,
      tags: body.tags,
      softDeletePolicy: { isSoftDeleteEnabled: body.softDeleteEnabled },
      // Only a changed identity is sent: the PATCH then leaves a gallery's identity as it is.
      ...(body.identity ? { identity: galleryIdentityBody(body.identity) } : {}),
    },
    POLL,
  );
}

export function deleteGallery(arm: ArmClients, path: GalleryPath): Operation<void> {
  return computeOf(arm, path).galleries.delete(path.resourceGroupName, path.galleryName, POLL);
}
