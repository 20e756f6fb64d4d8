import type { Gallery } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, galleryPathOf } from "@/lib/azure/routeParams";
import { collect } from "@/lib/queries/collect";

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
