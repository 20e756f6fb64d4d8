"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDateTime } from "@/components/ui/format";
import { Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { AzureError } from "@/lib/azure/errors";
import { activityLogQueries, type ActivityEvent } from "@/lib/queries/activityLog";

const SHOWN = 15;

/** Who did what and when to this resource and what it contains, from the Azure Activity Log. */
export function RecentActivity({ resourceId }: { resourceId: string }) {
  const arm = useArm();
  const events = useQuery(activityLogQueries.recent(arm, resourceId));
  return (
    <Section
      title="Recent activity"
      description="Writes in the last 14 days, role assignments included, from the Azure Activity Log."
    >
      {events.isPending && <Spinner label="Loading activity…" />}
      {events.isError &&
        (events.error instanceof AzureError && events.error.status === 403 ? (
          <p className="text-sm text-slate-600">Your roles do not let you read the activity log here.</p>
        ) : (
          <ErrorPanel error={events.error} title="The activity log could not be read" />
        ))}
      {events.data && events.data.length === 0 && (
        <p className="text-sm text-slate-600">No writes in the last 14 days.</p>
      )}
      {events.data && events.data.length > 0 && (
        <ol
          aria-label="Recent activity"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm"
        >
          {events.data.slice(0, SHOWN).map((e) => (
            <li key={e.eventDataId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <time dateTime={e.eventTimestamp} className="w-40 text-xs text-slate-600">
                {formatDateTime(e.eventTimestamp)}
              </time>
              <span className="font-medium text-slate-900">{e.operationName.localizedValue}</span>
              <span className="text-slate-700">{targetOf(e, resourceId)}</span>
              <StateBadge state={e.status.value} />
              <span className="ml-auto text-xs text-slate-600">by {e.caller ?? "unknown"}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** What the event touched, relative to the panel's resource ("images/ubuntu/versions/1.0.0", "role assignment"). */
function targetOf(e: ActivityEvent, resourceId: string): string {
  const rest = e.resourceId.slice(resourceId.length).replace(/^\//, "");
  if (!rest) return "";
  if (/providers\/Microsoft\.Authorization\/roleAssignments\//i.test(rest)) return "";
  return rest;
}
