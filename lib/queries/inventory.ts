import { experimental_streamedQuery as streamedQuery, queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { streamInventory } from "@/lib/inventory/inventory";
import { applyChunk, EMPTY_INVENTORY, type InventoryState } from "@/lib/inventory/state";
import { galleryQueries } from "@/lib/queries/galleries";

export const inventoryQueries = {
  /** Under galleries, so the invalidation after a gallery change reaches the inventory too. */
  all: () => [...galleryQueries.all(), "inventory"] as const,
  /**
   * Every gallery, image definition and image version in the subscriptions, streamed: `data` grows page by page
   * (Resource Graph) or list by list (ARM fallback) while `fetchStatus` stays "fetching" until the last arrives.
   * A refetch keeps showing the previous inventory until the new one is complete.
   */
  list: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [
        ...inventoryQueries.all(),
        [...subscriptionIds]
          .map((s) => s.toLowerCase())
          .sort()
          .join(","),
      ] as const,
      queryFn: streamedQuery<Parameters<typeof applyChunk>[1], InventoryState>({
        streamFn: ({ signal }) =>
          streamInventory({
            transport: arm.unretried,
            endpoint: arm.endpoint,
            subscriptions: subscriptionIds,
            signal,
          }),
        reducer: applyChunk,
        initialValue: EMPTY_INVENTORY,
        refetchMode: "replace",
      }),
      enabled: subscriptionIds.length > 0,
      // Each chunk already makes a new state; deep-comparing 10,000 items per chunk would only cost time.
      structuralSharing: false,
    }),
};
