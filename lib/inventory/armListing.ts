import { ARM_RETRY, type Attempt, type RetryPolicy } from "@/lib/azure/armRetry";
import { type Clock, realClock } from "@/lib/azure/clock";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import type { ArmTransport } from "@/lib/azure/transport";
import { type InventoryItem, itemFromArmResource } from "@/lib/inventory/item";
import { retryDecision } from "@/lib/inventory/retryPolicy";
import { BoundedScheduler } from "@/lib/inventory/scheduler";

export const GALLERY_API_VERSION = "2024-03-03";
/** Scripts and in-VM access control profiles exist from 2025-03-03: their lists (and applications') use the SDK's. */
const ARTIFACT_COLLECTIONS = ["applications", "scripts", "inVMAccessControlProfiles"] as const;
/**
 * Requests in flight at once. ARM allows about 25 reads/s sustained per subscription and principal, and the fan-out
 * spreads over subscriptions, so the bound is about the client: a browser opens 6 HTTP/1.1 connections per host
 * (HTTP/2 to management.azure.com multiplexes more).
 */
export const DEFAULT_FAN_OUT_CONCURRENCY = 16;

export interface FanOutEvents {
  /** Items of one page of one list. `listed` names the container (subscription or gallery key) once it is fully listed. */
  items(items: InventoryItem[], listed?: string): void;
  /**
   * A subscription's galleries, or a gallery's definitions, could not be listed. `container` is the key `items`
   * would have named as listed (the lower-cased subscription id, or the gallery key).
   */
  failed(scope: string, subscriptionId: string, error: AzureError, container: string): void;
}

export interface FanOutOptions {
  concurrency?: number;
  clock?: Clock;
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

/**
 * The inventory without Resource Graph: `GET /subscriptions/{s}/providers/Microsoft.Compute/galleries` for each
 * subscription, then `…/galleries/{g}/images` for each gallery found, following nextLink, at most `concurrency`
 * requests at a time. Items are reported as each page answers. A transient answer (408, 429, 5xx) or a network
 * failure is sent again after its Retry-After, or after exponential backoff with jitter, at most
 * `retry.maxRetries` times; a 429 holds back every request of that subscription meanwhile. Any other error (403
 * AuthorizationFailed, say) is an answer, reported at once. Each gallery's applications, scripts and in-VM access
 * control profiles are listed too. Image and application versions are not (one list per definition would cost more
 * requests than the rest together); their parents' pages list them.
 */
export async function fanOutInventory(
  transport: ArmTransport,
  endpoint: string,
  subscriptions: readonly string[],
  events: FanOutEvents,
  options: FanOutOptions = {},
): Promise<void> {
  const clock = options.clock ?? realClock;
  const policy = options.retry ?? ARM_RETRY;
  const scheduler = new BoundedScheduler(options.concurrency ?? DEFAULT_FAN_OUT_CONCURRENCY, clock, options.signal);

  interface List {
    subscriptionId: string;
    /** What failed, as the error names it: the collection's path. */
    scope: string;
    /** The key `items` reports once every page is in. */
    container: string;
    then?: (items: InventoryItem[]) => void;
  }

  /** Sends one page's GET (once more after a transient failure) and queues the next page. */
  function listPage(list: List, url: string, retries = 0, delayMs = 0) {
    scheduler.run(
      async () => {
        const attempt: Attempt = await transport.send({ method: "GET", url }, options.signal).then(
          (response) => ({ response }),
          (error: unknown) => ({ error: toAzureError(error, list.scope) }),
        );
        if (options.signal?.aborted) return;
        if ("response" in attempt && attempt.response.status < 400) {
          const page = (attempt.response.body ?? {}) as { value?: unknown; nextLink?: unknown };
          const value = Array.isArray(page.value) ? page.value : [];
          const nextLink = typeof page.nextLink === "string" && page.nextLink ? page.nextLink : undefined;
          const items = value.flatMap((resource) => itemFromArmResource(resource as Record<string, never>) ?? []);
          events.items(items, nextLink ? undefined : list.container);
          list.then?.(items);
          if (nextLink) listPage(list, nextLink);
          return;
        }
        const retry = retryDecision(attempt, retries, clock.now(), policy);
        if (retry?.throttled) scheduler.holdKey(list.subscriptionId, retry.delayMs);
        if (retry) return listPage(list, url, retries + 1, retry.throttled ? 0 : retry.delayMs);
        const error = "error" in attempt ? attempt.error : AzureError.fromResponse(attempt.response, list.scope);
        events.failed(list.scope, list.subscriptionId, error, list.container);
      },
      { key: list.subscriptionId, delayMs },
    );
  }

  for (const subscriptionId of subscriptions) {
    const sub = subscriptionId.toLowerCase();
    const scope = `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`;
    const galleries: List = {
      subscriptionId: sub,
      scope,
      container: sub,
      then: (found) => {
        for (const gallery of found) {
          const images = `${gallery.id}/images`;
          listPage(
            { subscriptionId: sub, scope: images, container: gallery.galleryKey },
            new URL(`${images}?api-version=${GALLERY_API_VERSION}`, endpoint).href,
          );
          // The gallery's other artifacts, each its own container: the gallery counts as listed once its
          // definitions are, as the overview's definition counts read it.
          for (const collection of ARTIFACT_COLLECTIONS) {
            const artifacts = `${gallery.id}/${collection}`;
            listPage(
              { subscriptionId: sub, scope: artifacts, container: `${gallery.galleryKey}/${collection.toLowerCase()}` },
              new URL(`${artifacts}?api-version=${SDK_GALLERY_API_VERSION}`, endpoint).href,
            );
          }
        }
      },
    };
    listPage(galleries, new URL(`${scope}?api-version=${GALLERY_API_VERSION}`, endpoint).href);
  }
  await scheduler.idle();
}
