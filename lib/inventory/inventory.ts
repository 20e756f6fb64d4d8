import type { RetryPolicy } from "@/lib/azure/armRetry";
import type { Clock } from "@/lib/azure/clock";
import type { AzureError } from "@/lib/azure/errors";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";
import type { ArmTransport } from "@/lib/azure/transport";
import { fanOutInventory } from "@/lib/inventory/armListing";
import { Channel } from "@/lib/inventory/channel";
import { type InventoryItem, itemFromGraphRow } from "@/lib/inventory/item";
import { INVENTORY_QUERY } from "@/lib/inventory/kql";

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
  /**
   * One subscription's galleries, or one gallery's definitions, could not be listed (ARM listing only).
   * `container` is the key `listed` names once that list succeeds (the lower-cased subscription id, or the gallery key).
   */
  | { type: "failed"; scope: string; subscriptionId: string; container: string; error: AzureError }
  /** One subscription is listed again through ARM (see relistSubscription); its rows and failures follow. */
  | { type: "retrying"; subscriptionId: string }
  /** Listing that subscription again has ended; whatever of its failures was not reported again is gone. */
  | { type: "retried"; subscriptionId: string };

export interface InventoryOptions {
  transport: ArmTransport;
  endpoint: string;
  subscriptions: readonly string[];
  /** Skip Resource Graph (for comparison, or where it is known to be unavailable). */
  source?: "auto" | "armListing";
  concurrency?: number;
  clock?: Clock;
  signal?: AbortSignal;
  /** How the ARM listing retries transient failures (default: the dashboard's, lib/azure/armRetry.ts). */
  retry?: RetryPolicy;
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
      for await (const rows of resourceGraphPages(
        options.transport,
        options.endpoint,
        options.subscriptions,
        INVENTORY_QUERY,
        {
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      )) {
        yield {
          type: "items",
          source: "resourceGraph",
          items: fresh(rows.flatMap((row) => itemFromGraphRow(row) ?? [])),
          listed: [],
        };
      }
      yield {
        type: "items",
        source: "resourceGraph",
        items: [],
        listed: options.subscriptions.map((s) => s.toLowerCase()),
      };
      return;
    } catch (error) {
      if (!(error instanceof ResourceGraphFailed)) throw error;
      yield { type: "fallback", reason: error.error };
    }
  }

  yield* armListingChunks(options, fresh);
}

/**
 * One subscription listed again through ARM, for the Retry of a subscription (or one of its galleries) that
 * failed: "retrying", then its items and failures as they arrive, then "retried". Every other subscription is left
 * alone. Items already delivered may come again; applyChunk keeps one of each.
 */
export async function* relistSubscription(
  options: Omit<InventoryOptions, "subscriptions" | "source"> & { subscriptionId: string },
): AsyncGenerator<InventoryChunk> {
  const subscriptionId = options.subscriptionId.toLowerCase();
  yield { type: "retrying", subscriptionId };
  yield* armListingChunks({ ...options, subscriptions: [options.subscriptionId] }, (items) => items);
  yield { type: "retried", subscriptionId };
}

/** fanOutInventory's events as chunks, merged per batch the consumer reads; `fresh` drops items delivered before. */
async function* armListingChunks(
  options: InventoryOptions,
  fresh: (items: InventoryItem[]) => InventoryItem[],
): AsyncGenerator<InventoryChunk> {
  const channel = new Channel<InventoryChunk>();
  fanOutInventory(
    options.transport,
    options.endpoint,
    options.subscriptions,
    {
      items: (items, listed) =>
        channel.push({ type: "items", source: "armListing", items: fresh(items), listed: listed ? [listed] : [] }),
      failed: (scope, subscriptionId, error, container) =>
        channel.push({ type: "failed", scope, subscriptionId, container, error }),
    },
    {
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
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
      pending = pending
        ? { ...pending, items: pending.items.concat(chunk.items), listed: pending.listed.concat(chunk.listed) }
        : chunk;
      continue;
    }
    if (pending) yield pending;
    pending = undefined;
    yield chunk;
  }
  if (pending) yield pending;
}
