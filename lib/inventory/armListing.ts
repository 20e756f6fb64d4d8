import { AzureError, toAzureError } from "@/lib/azure/errors";
import { type InventoryItem, itemFromArmResource } from "@/lib/inventory/item";
import { retryAfterMs } from "@/lib/inventory/retryAfter";
import { BoundedScheduler, type Clock, realClock } from "@/lib/inventory/scheduler";
import { type ArmTransport, errorOf } from "@/lib/inventory/transport";

export const GALLERY_API_VERSION = "2024-03-03";
/**
 * Requests in flight at once. ARM allows about 25 reads/s sustained per subscription and principal, and the fan-out
 * spreads over subscriptions, so the bound is about the client: a browser opens 6 HTTP/1.1 connections per host
 * (HTTP/2 to management.azure.com multiplexes more).
 */
export const DEFAULT_FAN_OUT_CONCURRENCY = 16;
/** A throttled request is retried this many times (each after its Retry-After) before its scope is reported failed. */
export const MAX_THROTTLE_RETRIES = 5;

export interface FanOutEvents {
  /** Items of one page of one list. `listed` names the container (subscription or gallery key) once it is fully listed. */
  items(items: InventoryItem[], listed?: string): void;
  /** A subscription's galleries, or a gallery's definitions, could not be listed. */
  failed(scope: string, subscriptionId: string, error: AzureError): void;
}

export interface FanOutOptions {
  concurrency?: number;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * The inventory without Resource Graph: `GET /subscriptions/{s}/providers/Microsoft.Compute/galleries` for each
 * subscription, then `…/galleries/{g}/images` for each gallery found, following nextLink, at most `concurrency`
 * requests at a time. Items are reported as each page answers. A 429 holds back every request of that
 * subscription for its Retry-After, then the request is sent again. Image versions are not listed here (one list
 * per definition would cost more requests than the rest together); the definition page lists them.
 */
export async function fanOutInventory(
  transport: ArmTransport,
  endpoint: string,
  subscriptions: readonly string[],
  events: FanOutEvents,
  options: FanOutOptions = {},
): Promise<void> {
  const clock = options.clock ?? realClock;
  const scheduler = new BoundedScheduler(options.concurrency ?? DEFAULT_FAN_OUT_CONCURRENCY, clock, options.signal);

  /** GETs one page, waiting out 429s of its subscription. */
  async function getPage(url: string, subscriptionId: string, scope: string): Promise<{ value: unknown[]; nextLink?: string }> {
    for (let attempt = 0; ; attempt++) {
      await scheduler.waitForKey(subscriptionId);
      const response = await transport.send({ method: "GET", url }, options.signal);
      if (response.status === 429 && attempt < MAX_THROTTLE_RETRIES) {
        scheduler.holdKey(subscriptionId, retryAfterMs(response.header("retry-after"), clock.now()));
        continue;
      }
      if (response.status >= 400) throw errorOf(response, scope);
      const page = (response.body ?? {}) as { value?: unknown; nextLink?: unknown };
      return {
        value: Array.isArray(page.value) ? page.value : [],
        ...(typeof page.nextLink === "string" && page.nextLink ? { nextLink: page.nextLink } : {}),
      };
    }
  }

  /** Lists one page of a container and queues its next page; `then` runs on each page's items. */
  function listPages(url: string, subscriptionId: string, scope: string, listedKey: string, then?: (items: InventoryItem[]) => void) {
    scheduler.run(async () => {
      try {
        const page = await getPage(url, subscriptionId, scope);
        const items = page.value.flatMap((resource) => itemFromArmResource(resource as Record<string, never>) ?? []);
        events.items(items, page.nextLink ? undefined : listedKey);
        then?.(items);
        if (page.nextLink) listPages(page.nextLink, subscriptionId, scope, listedKey, then);
      } catch (error) {
        if (options.signal?.aborted) return;
        events.failed(scope, subscriptionId, error instanceof AzureError ? error : toAzureError(error, scope));
      }
    });
  }

  for (const subscriptionId of subscriptions) {
    const sub = subscriptionId.toLowerCase();
    const scope = `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`;
    listPages(new URL(`${scope}?api-version=${GALLERY_API_VERSION}`, endpoint).href, sub, scope, sub, (galleries) => {
      for (const gallery of galleries) {
        const images = `${gallery.id}/images`;
        listPages(new URL(`${images}?api-version=${GALLERY_API_VERSION}`, endpoint).href, sub, images, gallery.galleryKey);
      }
    });
  }
  await scheduler.idle();
}
