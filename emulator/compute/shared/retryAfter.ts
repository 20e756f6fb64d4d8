import type { EmulatorContext } from "../../context.js";
import type { OperationRecord } from "../../operations.js";

/**
 * Retry-After on Compute's gallery operations, as the service sends it. The Azure SDK for Python's recorded
 * galleries sessions (api-versions 2021-07-01 and 2022-03-03) show `Retry-After: 60` on an image version's
 * PUT (201), PATCH (200) and DELETE (202) and on its capsOperations polls while InProgress, and no Retry-After
 * on gallery and image definition operations nor on their polls (clients then poll at their own pace: az's 30 s).
 */
export const SERVICE_RETRY_AFTER_SECONDS = 60;

const IMAGE_VERSION_ID = /\/providers\/microsoft\.compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;

/**
 * The Retry-After the operation's answers carry, in real seconds, or undefined where Compute sends none. The
 * remaining emulated time is divided by the clock's speed; the wait is capped by the emulator's own pace
 * (EMULATOR_LRO_SECONDS, at least 1 s) as well as the service's 60 s, because emulated time also moves when a
 * test or a user advances the clock, and a client told to sleep a minute would not see that. Never below 1, even
 * for an operation already over: azure-core (az) and @azure/core-lro read a 0 as no Retry-After at all and wait
 * their own interval instead (az's 30 s).
 */
export function retryAfterSeconds(ctx: EmulatorContext, op: OperationRecord): number | undefined {
  if (!IMAGE_VERSION_ID.test(op.resourceKey)) return undefined;
  const remainingSeconds = Math.ceil((op.endsAt - ctx.clock.now()) / ctx.clock.speed / 1000);
  const cap = Math.min(SERVICE_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(ctx.config.lroSeconds)));
  return Math.min(cap, Math.max(1, remainingSeconds));
}

/** The Retry-After header of an answer about the operation, if Compute sends one. */
export function retryAfterHeader(ctx: EmulatorContext, op: OperationRecord): Record<string, string> {
  const seconds = retryAfterSeconds(ctx, op);
  return seconds === undefined ? {} : { "Retry-After": String(seconds) };
}
