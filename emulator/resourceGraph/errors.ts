import { ArmError } from "../errors.js";
import type { KqlErrorDetail } from "./kql/errors.js";

/**
 * Resource Graph's errors: a generic top-level message carrying the timestamp and correlation id, with the
 * real reason in `details` (first `InvalidQuery`, then what the parser or the binder found).
 */
function supportMessage(correlationId: string): string {
  return `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${correlationId}.`;
}

const INVALID_QUERY = {
  code: "InvalidQuery",
  message:
    "Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.",
};

export const ResourceGraphErrors = {
  invalidQuery: (detail: KqlErrorDetail, correlationId: string, headers: Record<string, string>) =>
    new ArmError(400, "BadRequest", supportMessage(correlationId), undefined, [INVALID_QUERY, detail], headers),

  invalidOption: (message: string, correlationId: string, headers: Record<string, string>) =>
    new ArmError(
      400,
      "BadRequest",
      supportMessage(correlationId),
      undefined,
      [{ code: "BadRequest", message }],
      headers,
    ),

  rateLimited: (retryAfterSeconds: number, correlationId: string, headers: Record<string, string>) =>
    new ArmError(
      429,
      "RateLimiting",
      supportMessage(correlationId),
      undefined,
      [
        {
          code: "RateLimiting",
          message:
            "Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. " +
            "Please see https://aka.ms/resourcegraph-throttling for help.",
        },
      ],
      { ...headers, "Retry-After": String(retryAfterSeconds) },
    ),
};
