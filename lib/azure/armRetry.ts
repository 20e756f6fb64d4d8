import {
  retryPolicy,
  type Pipeline,
  type PipelinePolicy,
  type PipelineResponse,
  type RetryStrategy,
} from "@azure/core-rest-pipeline";

/**
 * How the dashboard retries ARM and Graph calls. The SDK's default policy gives up after 3 retries, retries a 429
 * only when it can read Retry-After, and never retries a failed fetch in the browser (its "REQUEST_SEND_ERROR" is
 * not among the Node system errors it knows). Under sustained throttling that turned a busy ARM into an error
 * panel; this keeps the page loading while honouring what ARM asks for.
 */
export const ARM_RETRY = {
  /** 5 attempts: with 20% of requests throttled, one in 3,000 calls still fails. */
  maxRetries: 4,
  baseDelayMs: 800,
  /** A Retry-After longer than this is not waited out: the page shows the error and its retry button instead. */
  maxDelayMs: 30_000,
} as const;

export const ARM_RETRY_POLICY_NAME = "armRetryPolicy";

/** 408 and 5xx (but 501 Not Implemented and 505) may pass; 429 asks to come back later. */
function isTransient(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TRANSPORT_FAILURES = new Set(["REQUEST_SEND_ERROR", "ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ESOCKETTIMEDOUT", "ENOTFOUND"]);

/**
 * The wait a response asks for: `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds) or `Retry-After` (delay
 * seconds or an HTTP date, RFC 9110). Undefined when absent or unreadable.
 */
export function retryAfterMsOf(headers: { get(name: string): string | undefined }, nowMs = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name)?.trim();
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with jitter (half to the full step), so throttled tabs do not retry in lockstep. */
export function backoffMs(retryCount: number, random = Math.random): number {
  const step = Math.min(ARM_RETRY.maxDelayMs, ARM_RETRY.baseDelayMs * 2 ** retryCount);
  return Math.round(step / 2 + (random() * step) / 2);
}

export function armRetryStrategy(): RetryStrategy {
  return {
    name: "armRetryStrategy",
    retry({ retryCount, response, responseError }) {
      if (response && isTransient(response.status)) {
        const asked = retryAfterMsOf(response.headers);
        if (asked !== undefined && asked > ARM_RETRY.maxDelayMs) return { skipStrategy: true };
        return { retryAfterInMs: asked ?? backoffMs(retryCount) };
      }
      // No response at all: resend only what cannot have changed anything.
      if (!response && responseError && TRANSPORT_FAILURES.has(String(responseError.code))) {
        const method = responseError.request?.method ?? "";
        if (SAFE_METHODS.has(method)) return { retryAfterInMs: backoffMs(retryCount) };
      }
      return { skipStrategy: true };
    },
  };
}

export function armRetryPolicy(): PipelinePolicy {
  return { ...retryPolicy([armRetryStrategy()], { maxRetries: ARM_RETRY.maxRetries }), name: ARM_RETRY_POLICY_NAME };
}

/** Puts the dashboard's retry policy in place of whatever retry policies the SDK assembled. */
export function installArmRetryPolicy(pipeline: Pipeline): void {
  pipeline.removePolicy({ phase: "Retry" });
  pipeline.addPolicy(armRetryPolicy(), { phase: "Retry" });
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * `fetch` with the same retries as the pipelines, for calls made without the Azure SDK (Microsoft Graph). Returns
 * the last response when retries are exhausted or a Retry-After is too long, so callers read ARM's or Graph's
 * error body as before.
 */
export async function fetchWithRetry(input: URL | string, init: RequestInit = {}, fetchImpl: typeof fetch = fetch): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  for (let retry = 0; ; retry++) {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      if (retry >= ARM_RETRY.maxRetries || !SAFE_METHODS.has(method) || init.signal?.aborted) throw error;
      await sleep(backoffMs(retry), init.signal);
      continue;
    }
    if (!isTransient(response.status) || retry >= ARM_RETRY.maxRetries) return response;
    const asked = retryAfterMsOf({ get: (name) => response.headers.get(name) ?? undefined });
    if (asked !== undefined && asked > ARM_RETRY.maxDelayMs) return response;
    await sleep(asked ?? backoffMs(retry), init.signal);
  }
}

export type { PipelineResponse };
