import { realClock } from "@/lib/azure/clock";
import type { AzureError } from "@/lib/azure/errors";
import type { ArmResponse } from "@/lib/azure/transport";

/**
 * The SDK-free half of the retry rule, so Resource Graph and Graph calls (on most pages' first load) do not pull the
 * Azure SDK's HTTP pipeline in with it; the SDK pipeline's policy is lib/azure/armRetryPolicy.ts.
 *
 * When to send an ARM or Graph call again, and after how long. The SDK's default policy gives up after 3 retries,
 * retries a 429 only when it can read Retry-After, and never retries a failed fetch in the browser (its
 * "REQUEST_SEND_ERROR" is not among the Node system errors it knows). Under sustained throttling that turned a busy
 * ARM into an error panel; this keeps the page loading while honouring what ARM asks for.
 */
export interface RetryPolicy {
  /** Retries after the first attempt; after the last one the caller gets the last answer. */
  maxRetries: number;
  /** The first backoff step when the answer names no Retry-After; it doubles with each retry. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the page shows the error and its retry button instead. */
  maxDelayMs: number;
  random?: () => number;
}

/** The policy of every ARM and Graph client (5 attempts: with 20% of requests throttled, one in 3,000 calls still fails). */
export const ARM_RETRY = {
  maxRetries: 4,
  baseDelayMs: 800,
  maxDelayMs: 30_000,
} as const satisfies RetryPolicy;

/** 408 and 429 ask to come back; a 5xx may pass (but 501 Not Implemented and 505 never will). Other 4xx are answers. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Methods that change nothing, so a request without an answer can be sent again. */
export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has((method ?? "").toUpperCase());
}

/**
 * The wait a response asks for: `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds) or `Retry-After` (delay
 * seconds or an HTTP date, RFC 9110). Undefined when absent or unreadable.
 */
export function retryAfterMsOf(
  headers: { get(name: string): string | null | undefined },
  nowMs = Date.now(),
): number | undefined {
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

/** Exponential backoff with jitter (half to the full step), so throttled tabs and subscriptions do not retry in lockstep. */
export function backoffMs(retries: number, policy: RetryPolicy = ARM_RETRY): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
  return Math.round(step / 2 + ((policy.random ?? Math.random)() * step) / 2);
}

/** What one attempt came to: an answer (with the wait it asked for), or none at all. */
export type AttemptOutcome =
  | { status: number; retryAfterMs: number | undefined }
  /** No answer (network failure, CORS, emulator down); `resendable` when sending again cannot repeat a change. */
  | { noAnswer: true; resendable: boolean };

/**
 * The one retry rule: after `retries` retries, how long to wait before sending again, or undefined when the
 * attempt is final (success, an answer such as 403 or 404, retries used up, or a Retry-After beyond maxDelayMs).
 */
export function retryDelayMs(
  outcome: AttemptOutcome,
  retries: number,
  policy: RetryPolicy = ARM_RETRY,
): number | undefined {
  if (retries >= policy.maxRetries) return undefined;
  if ("noAnswer" in outcome) return outcome.resendable ? backoffMs(retries, policy) : undefined;
  if (!isTransientStatus(outcome.status)) return undefined;
  if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.maxDelayMs) return undefined;
  return outcome.retryAfterMs ?? backoffMs(retries, policy);
}

/** One attempt of a raw ARM request: an answer, or an error without one (status 0: no answer arrived). */
export type Attempt = { response: ArmResponse } | { error: AzureError };

export function outcomeOf(attempt: Attempt, nowMs = Date.now()): AttemptOutcome {
  if ("error" in attempt) return { noAnswer: true, resendable: attempt.error.status === 0 };
  const { response } = attempt;
  return { status: response.status, retryAfterMs: retryAfterMsOf({ get: (name) => response.header(name) }, nowMs) };
}

/**
 * `fetch` with the same retries as the pipelines, for calls made without the Azure SDK (Microsoft Graph). Returns
 * the last response when retries are exhausted or a Retry-After is too long, so callers read ARM's or Graph's
 * error body as before.
 */
export async function fetchWithRetry(
  input: URL | string,
  init: RequestInit = {},
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  const resendable = isSafeMethod(init.method ?? "GET");
  for (let retry = 0; ; retry++) {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      const delay = init.signal?.aborted ? undefined : retryDelayMs({ noAnswer: true, resendable }, retry);
      if (delay === undefined) throw error;
      await realClock.sleep(delay, init.signal);
      continue;
    }
    const delay = retryDelayMs({ status: response.status, retryAfterMs: retryAfterMsOf(response.headers) }, retry);
    if (delay === undefined) return response;
    await realClock.sleep(delay, init.signal);
  }
}
