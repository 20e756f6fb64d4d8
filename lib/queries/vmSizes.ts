import type { ResourceSku } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { normalizeLocation } from "@/lib/gallery/regions";

export const vmSizeQueries = {
  all: () => ["vmSizes"] as const,
  /**
   * The VM sizes `Microsoft.Compute/skus` lists for a subscription in one region, restrictions included (the
   * picker shows restricted sizes as unavailable rather than hiding them). The catalogue changes rarely.
   */
  inRegion: (arm: ArmClients, subscriptionId: string, region: string) =>
    queryOptions({
      queryKey: [...vmSizeQueries.all(), subscriptionId.toLowerCase(), normalizeLocation(region)] as const,
      queryFn: async (): Promise<ResourceSku[]> => {
        const skus: ResourceSku[] = [];
        try {
          for await (const sku of arm
            .compute(subscriptionId)
            .resourceSkus.list({ filter: `location eq '${normalizeLocation(region)}'` })) {
            if (sku.resourceType === "virtualMachines") skus.push(sku);
          }
        } catch (error) {
          throw toAzureError(error, `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/skus`);
        }
        return skus;
      },
      enabled: subscriptionId.length > 0 && region.length > 0,
      staleTime: 60 * 60_000,
    }),
};
