import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { RESOURCE_GRAPH_PATH } from "@/lib/azure/resourceGraph";
import { type GalleryReach, readImageUsage } from "@/lib/lifecycle/usage";

export const imageUsageQueries = {
  all: () => ["imageUsage"] as const,
  /**
   * The VMs and scale sets using the gallery's images, in the subscriptions given (the caller's): one Resource
   * Graph query shared by the gallery, definition and version pages.
   */
  byGallery: (arm: ArmClients, reach: GalleryReach | undefined, subscriptionIds: readonly string[] | undefined) =>
    queryOptions({
      queryKey: [
        ...imageUsageQueries.all(),
        reach?.id.toLowerCase(),
        reach?.uniqueName,
        reach?.publicNames,
        [...(subscriptionIds ?? [])].map((s) => s.toLowerCase()).sort(),
      ] as const,
      queryFn: async () => {
        try {
          return await readImageUsage(arm, subscriptionIds!, reach!);
        } catch (error) {
          throw toAzureError(error, RESOURCE_GRAPH_PATH);
        }
      },
      enabled: reach !== undefined && subscriptionIds !== undefined,
    }),
};
