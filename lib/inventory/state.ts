import type { AzureError } from "@/lib/azure/errors";
import type { InventoryChunk, InventorySource } from "@/lib/inventory/inventory";
import type { InventoryItem, InventoryKind } from "@/lib/inventory/item";

export interface InventoryFailure {
  /** The collection that could not be listed, as the error names it. */
  scope: string;
  /** Lower-cased. */
  subscriptionId: string;
  /** The key `listed` gets once that collection is listed (the subscription id, or the gallery key). */
  container: string;
  error: AzureError;
  /** Its subscription is being listed again: the failure stays shown until rows (or a new failure) replace it. */
  retrying?: true;
}

/** The inventory as the UI holds it while chunks stream in. Each applyChunk returns a new state (React compares by reference). */
export interface InventoryState {
  items: InventoryItem[];
  /** Where the items came from; armListing once Resource Graph failed. */
  source?: InventorySource;
  /** Why Resource Graph was not used. */
  fallbackReason?: AzureError;
  failures: InventoryFailure[];
  /** Subscriptions and galleries whose children are all delivered. */
  listed: ReadonlySet<string>;
  /** Subscriptions (lower-cased) being listed again after a failure. */
  retrying: ReadonlySet<string>;
  /** Subscriptions listed again at least once: their items may arrive twice, and are kept once. */
  relisted: ReadonlySet<string>;
}

export const EMPTY_INVENTORY: InventoryState = {
  items: [],
  failures: [],
  listed: new Set(),
  retrying: new Set(),
  relisted: new Set(),
};

export function applyChunk(state: InventoryState, chunk: InventoryChunk): InventoryState {
  switch (chunk.type) {
    case "items": {
      const items = unseen(state, chunk.items);
      if (chunk.listed.length === 0)
        return { ...state, source: chunk.source, items: items.length > 0 ? state.items.concat(items) : state.items };
      const listed = new Set(chunk.listed);
      return {
        ...state,
        source: chunk.source,
        items: items.length > 0 ? state.items.concat(items) : state.items,
        listed: new Set([...state.listed, ...listed]),
        // The collection answered at last: its rows replace its error.
        failures: state.failures.filter((f) => !listed.has(f.container)),
      };
    }
    case "fallback":
      return { ...state, source: "armListing", fallbackReason: chunk.reason, listed: new Set() };
    case "failed": {
      const failure: InventoryFailure = {
        scope: chunk.scope,
        subscriptionId: chunk.subscriptionId,
        container: chunk.container,
        error: chunk.error,
      };
      return { ...state, failures: [...state.failures.filter((f) => f.container !== chunk.container), failure] };
    }
    case "retrying":
      return {
        ...state,
        retrying: new Set([...state.retrying, chunk.subscriptionId]),
        relisted: new Set([...state.relisted, chunk.subscriptionId]),
        failures: state.failures.map((f) => (f.subscriptionId === chunk.subscriptionId ? { ...f, retrying: true } : f)),
      };
    case "retried":
      return {
        ...state,
        retrying: new Set([...state.retrying].filter((s) => s !== chunk.subscriptionId)),
        // Neither listed nor failed again: its gallery is gone, or its subscription's list failed again (and says so).
        failures: state.failures.filter((f) => !(f.subscriptionId === chunk.subscriptionId && f.retrying)),
      };
  }
}

/** The items not held yet. Only subscriptions listed again can deliver an item twice, so only theirs are looked up. */
function unseen(state: InventoryState, items: InventoryItem[]): InventoryItem[] {
  if (!items.some((item) => state.relisted.has(item.subscriptionId))) return items;
  const known = new Set(
    state.items.filter((item) => state.relisted.has(item.subscriptionId)).map((item) => item.id.toLowerCase()),
  );
  return items.filter((item) => {
    const key = item.id.toLowerCase();
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
}

/** Items of a kind per gallery (by gallery key). */
export function countsPerGallery(items: readonly InventoryItem[], kind: InventoryKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item.kind === kind) counts.set(item.galleryKey, (counts.get(item.galleryKey) ?? 0) + 1);
  return counts;
}

/** Image definitions per gallery (by gallery key). */
export function definitionCounts(items: readonly InventoryItem[]): Map<string, number> {
  return countsPerGallery(items, "definition");
}
