import { randomUUID } from "node:crypto";
import type { Db } from "../store/db.js";

/** One Activity Log event in Azure's shape (Microsoft.Insights eventtypes/management/values). */
export interface ActivityLogEvent {
  authorization: { action: string; scope: string };
  caller: string;
  channels: "Operation";
  claims: Record<string, string>;
  correlationId: string;
  description: string;
  eventDataId: string;
  eventName: { value: string; localizedValue: string };
  category: { value: "Administrative"; localizedValue: "Administrative" };
  eventTimestamp: string;
  id: string;
  level: "Informational" | "Error";
  operationId: string;
  operationName: { value: string; localizedValue: string };
  resourceGroupName?: string;
  resourceProviderName: { value: string; localizedValue: string };
  resourceType: { value: string; localizedValue: string };
  resourceId: string;
  status: { value: ActivityStatus; localizedValue: ActivityStatus };
  subStatus: { value: string; localizedValue: string };
  submissionTimestamp: string;
  subscriptionId: string;
  tenantId: string;
  properties: Record<string, string>;
}

export type ActivityStatus = "Started" | "Accepted" | "Succeeded" | "Failed";

export interface EventQuery {
  subscriptionId: string;
  from: number;
  to: number;
  resourceUri?: string;
  resourceGroupName?: string;
  resourceProvider?: string;
  correlationId?: string;
}

interface Row {
  body: string;
}

/** Events kept in the emulator's database, newest first, like the service returns them. */
export class ActivityLogStore {
  constructor(private readonly db: Db) {}

  add(event: Omit<ActivityLogEvent, "eventDataId" | "id">, at: number): ActivityLogEvent {
    const eventDataId = randomUUID();
    // Ticks as .NET counts them (100 ns since 0001-01-01), which the service puts in every event id.
    const ticks = BigInt(at) * 10_000n + 621_355_968_000_000_000n;
    const full: ActivityLogEvent = {
      ...event,
      eventDataId,
      id: `${event.resourceId}/events/${eventDataId}/ticks/${ticks}`,
    };
    this.db
      .prepare(
        `INSERT INTO activity_log (event_data_id, subscription_id, resource_group, resource_id, resource_provider, correlation_id, timestamp, seq, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM activity_log), ?)`,
      )
      .run(
        eventDataId,
        event.subscriptionId.toLowerCase(),
        event.resourceGroupName?.toLowerCase() ?? null,
        event.resourceId.toLowerCase(),
        event.resourceProviderName.value.toLowerCase(),
        event.correlationId.toLowerCase(),
        at,
        JSON.stringify(full),
      );
    return full;
  }

  query(q: EventQuery): ActivityLogEvent[] {
    const where = ["subscription_id = ?", "timestamp >= ?", "timestamp <= ?"];
    const args: (string | number)[] = [q.subscriptionId.toLowerCase(), q.from, q.to];
    const eq = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      args.push(value.toLowerCase());
    };
    eq("resource_id", q.resourceUri?.replace(/\/+$/, ""));
    eq("resource_group", q.resourceGroupName);
    eq("resource_provider", q.resourceProvider);
    eq("correlation_id", q.correlationId);
    const rows = this.db
      .prepare(`SELECT body FROM activity_log WHERE ${where.join(" AND ")} ORDER BY timestamp DESC, seq DESC`)
      .all(...args) as Row[];
    return rows.map((r) => JSON.parse(r.body) as ActivityLogEvent);
  }
}
