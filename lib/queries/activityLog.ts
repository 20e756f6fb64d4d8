import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { parseResourceId } from "@/lib/azure/resourceId";

const ACTIVITY_LOG_API_VERSION = "2015-04-01";

/** An Azure Activity Log event, as far as the recent-activity panel reads it. */
export interface ActivityEvent {
  eventDataId: string;
  caller?: string;
  correlationId: string;
  eventTimestamp: string;
  operationName: { value: string; localizedValue: string };
  status: { value: string; localizedValue: string };
  subStatus?: { value: string; localizedValue: string };
  resourceId: string;
  authorization?: { action: string; scope: string };
  properties?: Record<string, string>;
}

/**
 * Writes on a resource and everything beneath it (definitions, versions, role assignments) over the last days:
 * the resource group's events, kept when they concern the resource. Only each request's outcome is kept (the
 * Started events repeat it).
 */
export const activityLogQueries = {
  all: () => ["activityLog"] as const,
  recent: (arm: ArmClients, resourceId: string, days = 14) =>
    queryOptions({
      queryKey: [...activityLogQueries.all(), resourceId.toLowerCase(), days] as const,
      queryFn: async (): Promise<ActivityEvent[]> => {
        const parsed = parseResourceId(resourceId);
        if (!parsed?.resourceGroup) throw new Error(`'${resourceId}' is not a resource in a resource group.`);
        const since = new Date(Date.now() - days * 24 * 3600_000).toISOString();
        const filter = `eventTimestamp ge '${since}' and resourceGroupName eq '${parsed.resourceGroup}'`;
        try {
          const events = await arm.rest.listAll<ActivityEvent>(
            `/subscriptions/${parsed.subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values?api-version=${ACTIVITY_LOG_API_VERSION}&$filter=${encodeURIComponent(filter)}`,
          );
          const prefix = resourceId.toLowerCase();
          return events.filter(
            (e) =>
              e.status.value !== "Started" &&
              (e.resourceId.toLowerCase() === prefix || e.resourceId.toLowerCase().startsWith(`${prefix}/`)),
          );
        } catch (error) {
          throw toAzureError(error, resourceId);
        }
      },
      staleTime: 15_000,
    }),
};
