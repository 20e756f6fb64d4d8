import type { AzureError } from "@/lib/azure/errors";
import type { InventoryChunk, InventorySource } from "@/lib/inventory/inventory";
import type { InventoryItem } from "@/lib/inventory/item";

/** The inventory as the UI holds it while chunks stream in. Each applyChunk returns a new state (React compares by reference). */
export interface InventoryState {
  items: InventoryItem[];
  /** Where the items came from; armListing once Resource Graph failed. */
  source?: InventorySource;
  /** Why Resource Graph was not used. */
  fallbackReason?: AzureError;
  failures: { scope: string; subscriptionId: string; error: AzureError }[];
  /** Subscriptions and galleries whose children are all delivered. */
  listed: ReadonlySet<string>;
}

export const EMPTY_INVENTORY: InventoryState = { items: [], failures: [], listed: new Set() };

export function applyChunk(state: InventoryState, chunk: InventoryChunk): InventoryState {
  switch (chunk.type) {
    case "items":
      return {
        ...state,
        source: chunk.source,
        items: chunk.items.length > 0 ? state.items.concat(chunk.items) : state.items,
        listed: chunk.listed.length > 0 ? new Set([...state.listed, ...chunk.listed]) : state.listed,
      };
    case "fallback":
      return { ...state, source: "armListing", fallbackReason: chunk.reason, listed: new Set() };
    case "failed":
      return { ...state, failures: [...state.failures, { scope: chunk.scope, subscriptionId: chunk.subscriptionId, error: chunk.error }] };
  }
}

/** Image definitions per gallery (by gallery key). */
export function definitionCounts(items: readonly InventoryItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item.kind === "definition") counts.set(item.galleryKey, (counts.get(item.galleryKey) ?? 0) + 1);
  return counts;
}
