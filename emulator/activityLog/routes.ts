import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { pageOf, nextLink, skipTokenOf } from "../paging.js";
import { visibleSubscription } from "../resources/subscriptions.js";
import { normalizeArmPath, type ArmRoute } from "../router.js";
import { parseEventFilter } from "./filter.js";
import { recordWrite } from "./record.js";
import { activityLogOf, type ActivityLogEvent } from "./store.js";

/** Microsoft.Insights Activity Log: the events route, and the hook that records every ARM write. */

const READ = "Microsoft.Insights/eventtypes/values/read";

function project(event: ActivityLogEvent, select: string | undefined): Partial<ActivityLogEvent> {
  if (!select) return event;
  const fields = new Set(select.split(",").map((f) => f.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(event).filter(([k]) => fields.has(k.toLowerCase()))) as Partial<ActivityLogEvent>;
}

export const activityLogRoutes: ArmRoute[] = [
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values",
    resourceType: "Microsoft.Insights/eventtypes/values",
    apiVersions: ["2015-04-01"],
    action: READ,
    scope: (params) => `/subscriptions/${params.subscriptionId}`,
    listsBeneath: true,
    handler: (req) => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const query = parseEventFilter(req.query.$filter, sub.subscriptionId, req.ctx.clock.now());
      // Like the service: only events about what the caller may read.
      const events = activityLogOf(req.ctx.db)
        .query(query)
        .filter((e) => req.ctx.authorizer.isAllowed(req.caller, READ, e.resourceId));
      const ordered = events.map((e, i) => ({ key: String(i).padStart(10, "0"), e }));
      const page = pageOf(ordered, (x) => x.key, skipTokenOf(req), req.ctx.config.pageSize);
      return {
        status: 200,
        body: {
          value: page.items.map((x) => project(x.e, req.query.$select)),
          ...(page.continueAfter !== undefined ? { nextLink: nextLink(req, page.continueAfter) } : {}),
        },
      };
    },
  },
];

/**
 * The one hook in the ARM pipeline: after a write was answered (accepted or refused by any stage after
 * authentication), record it. Unauthenticated requests have no caller and, as in Azure, leave no event. A record
 * that cannot be written is logged, not thrown: the answer is already decided, and a throw here would replace
 * it with Fastify's own error body.
 */
export function registerActivityLog(arm: FastifyInstance, ctx: EmulatorContext): void {
  arm.addHook("onSend", async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const caller = req.caller;
    if (caller && req.method !== "GET" && req.method !== "HEAD") {
      try {
        record(req, caller, reply, payload);
      } catch (error) {
        req.log.error(error);
        console.error(`[emulator] request ${req.armRequestId}: its activity log event could not be recorded:`, error);
      }
    }
    return payload;
  });

  function record(req: FastifyRequest, caller: Caller, reply: FastifyReply, payload: unknown) {
    recordWrite(ctx, {
      method: req.method,
      path: normalizeArmPath(req.url.split("?")[0]!),
      statusCode: reply.statusCode,
      caller,
      correlationId: String(reply.getHeader("x-ms-correlation-request-id") ?? req.armRequestId),
      serviceRequestId: String(reply.getHeader("x-ms-request-id") ?? req.armRequestId),
      longRunning: reply.getHeader("azure-asyncoperation") !== undefined,
      ...(reply.statusCode >= 400 && typeof payload === "string" ? { errorBody: payload } : {}),
    });
  }
}
