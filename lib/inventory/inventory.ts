import type { AzureError } from "@/lib/azure/errors";
import { fanOutInventory } from "@/lib/inventory/armListing";
import { Channel } from "@/lib/inventory/channel";
import { type InventoryItem, itemFromGraphRow } from "@/lib/inventory/item";
import { INVENTORY_QUERY } from "@/lib/inventory/kql";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/inventory/resourceGraph";
import type { Clock } from "@/lib/inventory/scheduler";
import type { ArmTransport } from "@/lib/inventory/transport";

export type InventorySource = "resourceGraph" | "armListing";

/** What the inventory stream delivers, in order. Items are never repeated, even across a fallback. */
export type InventoryChunk =
  | {
      type: "items";
      source: InventorySource;
      items: InventoryItem[];
      /** Containers (lower-cased subscription ids, gallery keys) whose children are now all delivered. */
      listed: string[];
    }
  /** Resource Graph failed or refused; ARM listing per subscription follows. */
  | { type: "fallback"; reason: AzureError }
  /** One subscription's galleries, or one gallery's definitions, could not be listed (ARM listing only). */
  | { type: "failed"; scope: string; subscriptionId: string; error: AzureError };

export interface InventoryOptions {
  transport: ArmTransport;
  endpoint: string;
  subscriptions: readonly string[];
  /** Skip Resource Graph (for comparison, or where it is known to be unavailable). */
  source?: "auto" | "armListing";
  concurrency?: number;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * Every gallery, image definition and image version the user can read in the subscriptions: one Resource Graph
 * query paged by `$skipToken`, delivered page by page; if Resource Graph fails or refuses (at the first page or
 * later), per-subscription ARM listing with bounded concurrency takes over and delivers what is still missing.
 * Chunks that arrive together are merged, so a consumer renders once per batch, not once per response.
 */
export async function* streamInventory(options: InventoryOptions): AsyncGenerator<InventoryChunk> {
  const seen = new Set<string>();
  const fresh = (items: InventoryItem[]) =>
    items.filter((item) => {
      const key = item.id.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

  if (options.source !== "armListing" && options.subscriptions.length > 0) {
    try {
      for await (const rows of resourceGraphPages(options.transport, options.endpoint, options.subscriptions, INVENTORY_QUERY, {
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })) {
        yield { type: "items", source: "resourceGraph", items: fresh(rows.flatMap((row) => itemFromGraphRow(row) ?? [])), listed: [] };
      }
      yield { type: "items", source: "resourceGraph", items: [], listed: options.subscriptions.map((s) => s.toLowerCase()) };
      return;
    } catch (error) {
      if (!(error instanceof ResourceGraphFailed)) throw error;
      yield { type: "fallback", reason: error.error };
    }
  }

  const channel = new Channel<InventoryChunk>();
  fanOutInventory(
    options.transport,
    options.endpoint,
    options.subscriptions,
    {
      items: (items, listed) => channel.push({ type: "items", source: "armListing", items: fresh(items), listed: listed ? [listed] : [] }),
      failed: (scope, subscriptionId, error) => channel.push({ type: "failed", scope, subscriptionId, error }),
    },
    {
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  ).then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  );
  for await (const batch of channel.batches()) yield* mergeItems(batch);
}

/** Consecutive item chunks of one batch as one chunk; other chunks as they are. */
function* mergeItems(batch: InventoryChunk[]): Generator<InventoryChunk> {
  let pending: Extract<InventoryChunk, { type: "items" }> | undefined;
  for (const chunk of batch) {
    if (chunk.type === "items") {
      pending = pending ? { ...pending, items: pending.items.concat(chunk.items), listed: pending.listed.concat(chunk.listed) } : chunk;
      continue;
    }
    if (pending) yield pending;
    pending = undefined;
    yield chunk;
  }
  if (pending) yield pending;
}
