import { ARM_RETRY, retryAfterMsOf } from "@/lib/azure/armRetry";
import type { AzureError } from "@/lib/azure/errors";
import type { ArmResponse } from "@/lib/inventory/transport";

/**
 * When the inventory sends a list request again. The inventory's transport has no retry policy of its own (it
 * schedules retries itself, so a waiting request holds no concurrency slot), so these are the rules of the
 * dashboard's ARM pipelines (lib/azure/armRetry.ts) applied per request.
 */
export interface RetryPolicy {
  /** Retries after the first attempt; after the last one the scope is reported failed with the last answer. */
  maxRetries: number;
  /** The first backoff step when the answer names no Retry-After; it doubles with each retry. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the scope fails with the answer and the page offers Retry. */
  maxDelayMs: number;
  random?: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: ARM_RETRY.maxRetries,
  baseDelayMs: ARM_RETRY.baseDelayMs,
  maxDelayMs: ARM_RETRY.maxDelayMs,
};

/** 408 and 429 ask to come back; a 5xx may pass (but 501 Not Implemented and 505 never will). Other 4xx are answers. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** Exponential backoff with jitter (half to the full step), so many subscriptions failing together do not retry in lockstep. */
export function backoffMs(retries: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
  return Math.round(step / 2 + ((policy.random ?? Math.random)() * step) / 2);
}

/** What came back from one attempt: an answer, or an error without one (status 0: the request never got an answer). */
export type Attempt = { response: ArmResponse } | { error: AzureError };

export interface RetryDecision {
  delayMs: number;
  /** A 429: ARM's read quota is per subscription and principal, so the whole subscription waits, not just this request. */
  throttled: boolean;
}

/**
 * Whether to send a request again after `retries` retries, and after how long: a transient status or a network
 * failure is retried after the answer's Retry-After (`retry-after-ms`, `x-ms-retry-after-ms` or `Retry-After`)
 * or, without one, after exponential backoff; undefined when the attempt is final (success, an answer such as
 * 403 AuthorizationFailed or 404, retries used up, or a Retry-After beyond maxDelayMs).
 */
export function retryDecision(attempt: Attempt, retries: number, nowMs: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision | undefined {
  if (retries >= policy.maxRetries) return undefined;
  if ("error" in attempt) return attempt.error.status === 0 ? { delayMs: backoffMs(retries, policy), throttled: false } : undefined;
  const { response } = attempt;
  if (!isTransientStatus(response.status)) return undefined;
  const asked = retryAfterMsOf({ get: (name) => response.header(name) ?? undefined }, nowMs);
  if (asked !== undefined && asked > policy.maxDelayMs) return undefined;
  return { delayMs: asked ?? backoffMs(retries, policy), throttled: response.status === 429 };
}
