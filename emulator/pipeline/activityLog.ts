import type { FastifyReply, FastifyRequest } from "fastify";
import { recordWrite } from "../activityLog/record.js";
import type { EmulatorContext } from "../context.js";
import { normalizeArmPath } from "../router.js";

/**
 * After a write was answered (accepted or refused by any stage after authentication), record it in the
 * Activity Log. Unauthenticated requests have no caller and, as in Azure, leave no event. A record that cannot be
 * written is logged, not thrown: the answer is already decided, and a throw here would replace it with Fastify's
 * own error body.
 */
export function stageActivityLog(ctx: EmulatorContext) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.caller && req.method !== "GET" && req.method !== "HEAD") {
      try {
        recordWrite(ctx, {
          method: req.method,
          path: normalizeArmPath(req.url.split("?")[0]!),
          statusCode: reply.statusCode,
          caller: req.caller,
          correlationId: String(reply.getHeader("x-ms-correlation-request-id") ?? req.armRequestId),
          serviceRequestId: String(reply.getHeader("x-ms-request-id") ?? req.armRequestId),
          longRunning: reply.getHeader("azure-asyncoperation") !== undefined,
          ...(reply.statusCode >= 400 && typeof payload === "string" ? { errorBody: payload } : {}),
        });
      } catch (error) {
        req.log.error(error);
        console.error(`[emulator] request ${req.armRequestId}: its activity log event could not be recorded:`, error);
      }
    }
    return payload;
  };
}
