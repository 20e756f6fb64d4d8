import { ARM_RETRY, type Attempt, outcomeOf, retryDelayMs, type RetryPolicy } from "@/lib/azure/armRetry";

export interface RetryDecision {
  delayMs: number;
  /** A 429: ARM's read quota is per subscription and principal, so the whole subscription waits, not just this request. */
  throttled: boolean;
}

/**
 * Whether the inventory sends a list request again, and after how long: the dashboard's retry policy
 * (lib/azure/armRetry) applied per request, since the inventory's transport has none of its own (it schedules
 * retries itself, so a waiting request holds no concurrency slot).
 */
export function retryDecision(
  attempt: Attempt,
  retries: number,
  nowMs: number,
  policy: RetryPolicy = ARM_RETRY,
): RetryDecision | undefined {
  const delayMs = retryDelayMs(outcomeOf(attempt, nowMs), retries, policy);
  if (delayMs === undefined) return undefined;
  return { delayMs, throttled: "response" in attempt && attempt.response.status === 429 };
}
