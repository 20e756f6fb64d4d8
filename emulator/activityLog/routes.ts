import { pageOf, nextLink, skipTokenOf } from "../paging.js";
import { visibleSubscription } from "../resources/subscriptions.js";
import type { ArmRoute } from "../router.js";
import { parseEventFilter } from "./filter.js";
import type { ActivityLogEvent } from "./store.js";

/** Microsoft.Insights Activity Log: the events route (pipeline/activityLog.ts records every ARM write). */

const READ = "Microsoft.Insights/eventtypes/values/read";

function project(event: ActivityLogEvent, select: string | undefined): Partial<ActivityLogEvent> {
  if (!select) return event;
  const fields = new Set(select.split(",").map((f) => f.trim().toLowerCase()));
  return Object.fromEntries(
    Object.entries(event).filter(([k]) => fields.has(k.toLowerCase())),
  ) as Partial<ActivityLogEvent>;
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
      const events = req.ctx.activityLog
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
