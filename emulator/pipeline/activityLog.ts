import type { FastifyReply, FastifyRequest } from "fastify";
import { recordWrite } from "../activityLog/record.js";
import type { EmulatorContext } from "../context.js";
import { normalizeArmPath } from "../router.js";

/**
 * After a write was answered (accepted or refused by any stage after authentication), record it in the
 * Activity Log. Unauthenticated requests have no caller and, as in Azure, leave no event.
 */
export function stageActivityLog(ctx: EmulatorContext) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.caller && req.method !== "GET" && req.method !== "HEAD") {
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
    }
    return payload;
  };
}
