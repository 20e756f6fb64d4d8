import { randomUUID } from "node:crypto";
import type { Clock } from "./clock.js";
import { retryAfterHeader } from "./compute/shared/retryAfter.js";
import { ArmErrors, type ArmErrorDetail } from "./errors.js";
import { HELD_UNTIL } from "./faults/injector.js";
import type { ArmRoute } from "./router.js";
import type { Db } from "./store/db.js";

export type OperationStatus = "InProgress" | "Succeeded" | "Failed" | "Canceled";

export interface OperationRecord {
  operationId: string;
  subscriptionId: string;
  location: string;
  resourceKey: string;
  kind: string;
  startedAt: number;
  endsAt: number;
  error?: ArmErrorDetail;
}

interface Row {
  operation_id: string;
  subscription_id: string;
  location: string;
  resource_key: string;
  kind: string;
  started_at: number;
  ends_at: number;
  error: string | null;
}

/**
 * Long-running operations as Microsoft.Compute reports them (capsOperations). An operation's status is derived
 * from its stored end time and the clock: InProgress until then, afterwards Succeeded, or Failed with its error.
 */
export class OperationStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Fault injection's hook: an operation it holds stays InProgress until its rule is removed. */
    private readonly holds: (resourceKey: string) => boolean = () => false,
  ) {}

  start(op: Omit<OperationRecord, "operationId" | "startedAt" | "endsAt"> & { durationMs: number }): OperationRecord {
    const startedAt = this.clock.now();
    const record: OperationRecord = {
      operationId: randomUUID(),
      subscriptionId: op.subscriptionId,
      location: op.location,
      resourceKey: op.resourceKey.toLowerCase(),
      kind: op.kind,
      startedAt,
      endsAt: this.holds(op.resourceKey) ? HELD_UNTIL : startedAt + Math.max(0, op.durationMs),
      error: op.error,
    };
    this.db
      .prepare(
        `INSERT INTO operations (operation_id, subscription_id, location, resource_key, kind, started_at, ends_at, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.operationId,
        record.subscriptionId,
        record.location,
        record.resourceKey,
        record.kind,
        record.startedAt,
        record.endsAt,
        record.error ? JSON.stringify(record.error) : null,
      );
    return record;
  }

  get(operationId: string): OperationRecord | undefined {
    const row = this.db.prepare("SELECT * FROM operations WHERE lower(operation_id) = lower(?)").get(operationId) as
      Row | undefined;
    return row && fromRow(row);
  }

  /** The operation still running on a resource, if any (a second write meanwhile is a conflict). */
  inFlightFor(resourceKey: string): OperationRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM operations WHERE resource_key = ? AND ends_at > ? ORDER BY started_at DESC LIMIT 1")
      .get(resourceKey.toLowerCase(), this.clock.now()) as Row | undefined;
    return row && fromRow(row);
  }

  statusOf(op: OperationRecord): OperationStatus {
    if (this.clock.now() < op.endsAt) return "InProgress";
    return op.error ? "Failed" : "Succeeded";
  }

  /** The body of `GET .../capsOperations/{id}`. */
  view(op: OperationRecord) {
    const status = this.statusOf(op);
    return {
      name: op.operationId,
      status,
      startTime: new Date(op.startedAt).toISOString(),
      ...(status !== "InProgress" ? { endTime: new Date(op.endsAt).toISOString() } : {}),
      ...(status === "Failed" && op.error ? { error: op.error } : {}),
    };
  }
}

/** Whether fault injection holds the operation InProgress (until the rule that holds it is removed). */
export function isHeld(op: OperationRecord): boolean {
  return op.endsAt === HELD_UNTIL;
}

const CAPS_API_VERSION = "2025-12-03";

/**
 * The URLs of a long-running operation: Azure-AsyncOperation (the status body) and Location (the monitor, 202
 * until done), shaped as Compute's capsOperations URLs are.
 */
export function asyncOperationHeaders(origin: string, op: OperationRecord): Record<string, string> {
  const base = `${origin}/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute/locations/${op.location}/capsOperations/${op.operationId}`;
  return {
    "Azure-AsyncOperation": `${base}?api-version=${CAPS_API_VERSION}`,
    Location: `${base}?monitor=true&api-version=${CAPS_API_VERSION}`,
  };
}

export const operationRoutes: ArmRoute[] = [
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/capsOperations/{operationId}",
    resourceType: "Microsoft.Compute/locations/capsOperations",
    handler: (req) => {
      const op = req.ctx.operations.get(req.params.operationId!);
      if (!op || op.subscriptionId.toLowerCase() !== req.params.subscriptionId!.toLowerCase()) {
        throw ArmErrors.operationNotFound(req.params.operationId!);
      }
      const body = req.ctx.operations.view(op);
      // Compute asks for patience only while the operation runs.
      const retryAfter = body.status === "InProgress" ? retryAfterHeader(req.ctx, op) : {};
      // The Location form (monitor=true) answers 202 while running and the final status code after, as ARM does.
      if (req.query.monitor === "true") {
        if (body.status === "InProgress")
          return { status: 202, headers: { ...asyncOperationHeaders(req.origin, op), ...retryAfter } };
        if (body.status === "Failed") return { status: 400, body: { error: op.error } };
        return { status: 200 };
      }
      return { status: 200, body, headers: retryAfter };
    },
  },
];

function fromRow(r: Row): OperationRecord {
  return {
    operationId: r.operation_id,
    subscriptionId: r.subscription_id,
    location: r.location,
    resourceKey: r.resource_key,
    kind: r.kind,
    startedAt: r.started_at,
    endsAt: r.ends_at,
    error: r.error ? (JSON.parse(r.error) as ArmErrorDetail) : undefined,
  };
}
