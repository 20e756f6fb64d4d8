/**
 * The retry rule of lib/azure/armRetry.ts as the Azure SDK pipeline's retry policy: only the SDK clients (loaded
 * after the page) need @azure/core-rest-pipeline.
 */
import { retryPolicy, type Pipeline, type PipelinePolicy, type RetryStrategy } from "@azure/core-rest-pipeline";
import { ARM_RETRY, isSafeMethod, retryAfterMsOf, retryDelayMs } from "@/lib/azure/armRetry";

const ARM_RETRY_POLICY_NAME = "armRetryPolicy";
const TRANSPORT_FAILURES = new Set([
  "REQUEST_SEND_ERROR",
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ENOTFOUND",
]);

function armRetryStrategy(): RetryStrategy {
  return {
    name: "armRetryStrategy",
    retry({ retryCount, response, responseError }) {
      let delay: number | undefined;
      if (response) {
        delay = retryDelayMs({ status: response.status, retryAfterMs: retryAfterMsOf(response.headers) }, retryCount);
      } else if (responseError && TRANSPORT_FAILURES.has(String(responseError.code))) {
        delay = retryDelayMs({ noAnswer: true, resendable: isSafeMethod(responseError.request?.method) }, retryCount);
      }
      return delay === undefined ? { skipStrategy: true } : { retryAfterInMs: delay };
    },
  };
}

function armRetryPolicy(): PipelinePolicy {
  return { ...retryPolicy([armRetryStrategy()], { maxRetries: ARM_RETRY.maxRetries }), name: ARM_RETRY_POLICY_NAME };
}

/** Puts the dashboard's retry policy in place of whatever retry policies the SDK assembled. */
export function installArmRetryPolicy(pipeline: Pipeline): void {
  pipeline.removePolicy({ phase: "Retry" });
  pipeline.addPolicy(armRetryPolicy(), { phase: "Retry" });
}
