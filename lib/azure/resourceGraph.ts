import { ARM_RETRY, outcomeOf, retryAfterMsOf, retryDelayMs, type RetryPolicy } from "@/lib/azure/armRetry";
import type { ArmClients } from "@/lib/azure/clients";
import { type Clock, realClock } from "@/lib/azure/clock";
import { AzureError } from "@/lib/azure/errors";
import type { ArmTransport } from "@/lib/azure/transport";

export const RESOURCE_GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources";
export const RESOURCE_GRAPH_API_VERSION = "2021-03-01";
/** Resource Graph's largest page. */
export const RESOURCE_GRAPH_PAGE_SIZE = 1000;
/** Resource Graph takes at most this many subscriptions per request; more are queried batch after batch. */
export const RESOURCE_GRAPH_MAX_SUBSCRIPTIONS = 1000;

export interface ResourceGraphOptions {
  clock?: Clock;
  signal?: AbortSignal;
  /**
   * How long, from the first 429, the pager may wait 429s out before it gives up with the 429 (so the caller can
   * fall back). Resource Graph's quota is per user (about 15 queries per 5 s), so a short wait usually suffices.
   * Waits of pages read at once overlap, so they count once.
   */
  maxThrottleWaitMs?: number;
  /**
   * The same once the first page has arrived (default: maxThrottleWaitMs). The first page gives the size of the
   * answer, and starting a long list over elsewhere can cost more than waiting for the quota's next window.
   */
  laterPagesMaxThrottleWaitMs?: number;
  /**
   * How a page that failed transiently (5xx, 408, no answer) is asked again before the pager gives up with
   * ResourceGraphFailed. Fewer retries than ARM's: the caller's fallback lists everything anyway, but falling back
   * turns one query into a request per subscription, so a blip is worth two tries first.
   */
  transientRetry?: RetryPolicy;
  pageSize?: number;
  /** Rows of the first page when fewer than pageSize: a small first page shows first rows sooner. */
  firstPageSize?: number;
  /**
   * Once the first page gives totalRecords, read the remaining pages this many at a time by `$skip` rather than
   * one after another by `$skipToken` (rows still come in order). Each page is still a query against the
   * per-user quota, so this trades no quota for latency.
   */
  parallelPages?: number;
}

const RESOURCE_GRAPH_TRANSIENT_RETRY: RetryPolicy = { ...ARM_RETRY, maxRetries: 2 };
/** ARM's 429s nearly always say how long to wait; guessing short would only earn another 429. */
const THROTTLE_WAIT_WITHOUT_RETRY_AFTER_MS = 1_000;

interface GraphPage {
  data?: unknown;
  $skipToken?: string | null;
  totalRecords?: number;
}

/** Thrown when a Resource Graph page could not be read; `error` is the AzureError of the last answer. */
export class ResourceGraphFailed extends Error {
  override name = "ResourceGraphFailed";
  constructor(
    readonly error: AzureError,
    /** Rows already delivered before the failure. */
    readonly delivered: number,
  ) {
    super(error.message);
  }
}

/**
 * The rows of one Resource Graph query over the subscriptions, page by page as each arrives, following
 * `$skipToken` (at most 1,000 rows a page). A 429 is waited out after its Retry-After and the same page asked
 * again, within maxThrottleWaitMs (laterPagesMaxThrottleWaitMs after the first page); a transient failure is tried again per transientRetry; anything else ends the
 * stream with ResourceGraphFailed.
 */
export async function* resourceGraphPages(
  transport: ArmTransport,
  endpoint: string,
  subscriptions: readonly string[],
  query: string,
  options: ResourceGraphOptions = {},
): AsyncGenerator<Record<string, unknown>[]> {
  const clock = options.clock ?? realClock;
  const url = new URL(`${RESOURCE_GRAPH_PATH}?api-version=${RESOURCE_GRAPH_API_VERSION}`, endpoint).href;
  const pageSize = options.pageSize ?? RESOURCE_GRAPH_PAGE_SIZE;
  let throttleBudget = options.maxThrottleWaitMs ?? 10_000;
  /** When the first 429 of the current budget came. */
  let throttledSince: number | undefined;
  let delivered = 0;

  /** One page, 429s waited out and transient failures tried again; anything else throws ResourceGraphFailed. */
  async function readPage(batch: readonly string[], paging: Record<string, unknown>): Promise<GraphPage> {
    let retries = 0;
    for (;;) {
      const body = { subscriptions: batch, query, options: { resultFormat: "objectArray", ...paging } };
      const attempt = await transport.send({ method: "POST", url, body }, options.signal).then(
        (response) => ({ response }),
        (error: AzureError) => ({ error }),
      );
      if ("error" in attempt || (attempt.response.status >= 400 && attempt.response.status !== 429)) {
        const delayMs = retryDelayMs(
          outcomeOf(attempt, clock.now()),
          retries,
          options.transientRetry ?? RESOURCE_GRAPH_TRANSIENT_RETRY,
        );
        if (delayMs !== undefined) {
          retries += 1;
          await clock.sleep(delayMs, options.signal);
          continue;
        }
        throw new ResourceGraphFailed(
          "error" in attempt ? attempt.error : AzureError.fromResponse(attempt.response, RESOURCE_GRAPH_PATH),
          delivered,
        );
      }
      const { response } = attempt;
      if (response.status === 429) {
        const wait =
          retryAfterMsOf({ get: (name) => response.header(name) }, clock.now()) ?? THROTTLE_WAIT_WITHOUT_RETRY_AFTER_MS;
        const now = clock.now();
        throttledSince ??= now;
        if (now + wait - throttledSince > throttleBudget)
          throw new ResourceGraphFailed(AzureError.fromResponse(response, RESOURCE_GRAPH_PATH), delivered);
        await clock.sleep(wait, options.signal);
        continue;
      }
      // Progress: a later 429 starts its own wait.
      throttledSince = undefined;
      return (response.body ?? {}) as GraphPage;
    }
  }
  const rowsOf = (page: GraphPage) => (Array.isArray(page.data) ? (page.data as Record<string, unknown>[]) : []);

  for (let from = 0; from < subscriptions.length; from += RESOURCE_GRAPH_MAX_SUBSCRIPTIONS) {
    const batch = subscriptions.slice(from, from + RESOURCE_GRAPH_MAX_SUBSCRIPTIONS);
    let page = await readPage(batch, { $top: Math.min(options.firstPageSize ?? pageSize, pageSize) });
    let rows = rowsOf(page);
    delivered += rows.length;
    if (from === 0 && options.laterPagesMaxThrottleWaitMs !== undefined) {
      throttleBudget = options.laterPagesMaxThrottleWaitMs;
      throttledSince = undefined;
    }
    yield rows;
    if (page.$skipToken && (options.parallelPages ?? 1) > 1 && typeof page.totalRecords === "number") {
      try {
        for await (const more of pagesBySkip(rows.length, page.totalRecords, pageSize, options.parallelPages!, (skip) =>
          readPage(batch, { $top: pageSize, $skip: skip }).then(rowsOf),
        )) {
          delivered += more.length;
          yield more;
        }
      } catch (error) {
        // A later page may have failed before the pages ahead of it were delivered.
        throw error instanceof ResourceGraphFailed ? new ResourceGraphFailed(error.error, delivered) : error;
      }
      continue;
    }
    while (page.$skipToken) {
      page = await readPage(batch, { $top: pageSize, $skipToken: page.$skipToken });
      rows = rowsOf(page);
      delivered += rows.length;
      yield rows;
    }
  }
}

/**
 * The rows from `from` to `total`, `concurrency` pages read at once, in order. A page that arrives starts the next
 * read at once, whether or not the consumer has taken the pages before it (it may be rendering the last chunk):
 * the reads never wait for the consumer. Pages that have already arrived behind the one awaited come out together,
 * so a consumer that renders per chunk renders fewer times.
 */
async function* pagesBySkip(
  from: number,
  total: number,
  pageSize: number,
  concurrency: number,
  read: (skip: number) => Promise<Record<string, unknown>[]>,
): AsyncGenerator<Record<string, unknown>[]> {
  const pending: { rows?: Record<string, unknown>[]; promise: Promise<Record<string, unknown>[]> }[] = [];
  let next = from;
  let inFlight = 0;
  let stopped = false;
  const start = () => {
    while (!stopped && inFlight < concurrency && next < total) {
      const entry: (typeof pending)[number] = { promise: read(next) };
      inFlight += 1;
      // Awaited in order below; a failure of a later page must not surface as unhandled meanwhile, and ends the reads.
      entry.promise.then(
        (rows) => {
          entry.rows = rows;
          inFlight -= 1;
          start();
        },
        () => (stopped = true),
      );
      pending.push(entry);
      next += pageSize;
    }
  };
  try {
    start();
    while (pending.length > 0) {
      const rows = [...(await pending.shift()!.promise)];
      while (pending[0]?.rows) rows.push(...pending.shift()!.rows!);
      yield rows;
    }
  } finally {
    // The consumer stopped (or a page failed): no more reads.
    stopped = true;
  }
}

/**
 * Every row of a Resource Graph query over the subscriptions, for the forms and pages that want the whole answer.
 * Resource Graph only returns what the caller may read. Throttling and transient failures are waited out as ARM's
 * retry policy would; what remains is thrown as the AzureError of the last answer.
 */
export async function queryResourceGraph<T>(
  arm: ArmClients,
  subscriptions: readonly string[],
  query: string,
): Promise<T[]> {
  const rows: T[] = [];
  try {
    const pages = resourceGraphPages(arm.unretried, arm.endpoint, subscriptions, query, {
      maxThrottleWaitMs: ARM_RETRY.maxDelayMs,
      transientRetry: ARM_RETRY,
    });
    for await (const page of pages) rows.push(...(page as T[]));
  } catch (error) {
    throw error instanceof ResourceGraphFailed ? error.error : error;
  }
  return rows;
}
