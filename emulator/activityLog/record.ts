import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { writeOperationOf } from "./operations.js";
import type { ActivityLogEvent, ActivityStatus } from "./store.js";

/** Records the Activity Log events of ARM writes, as the service does for every write it accepts or refuses. */

const WRITE_METHODS = new Set(["PUT", "PATCH", "DELETE", "POST"]);

const HTTP_STATUS_NAMES: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "NoContent",
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  412: "PreconditionFailed",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  503: "ServiceUnavailable",
};

export interface WriteOutcome {
  method: string;
  path: string;
  statusCode: number;
  caller: Caller;
  correlationId: string;
  serviceRequestId: string;
  /** Whether the reply points at a long-running operation (Azure-AsyncOperation), which is then Accepted. */
  longRunning: boolean;
  /** The ARM error body of a refused write, as sent. */
  errorBody?: string;
}

function named(value: string) {
  return { value, localizedValue: value };
}

/**
 * A write the service accepted gets a Started event and its outcome (Accepted while a long-running operation goes
 * on, Succeeded otherwise); a
 * refused one gets a single Failed event carrying the error, as ARM records a refusal before the operation starts.
 */
export function recordWrite(ctx: EmulatorContext, outcome: WriteOutcome): ActivityLogEvent[] {
  if (!WRITE_METHODS.has(outcome.method)) return [];
  const op = writeOperationOf(outcome.method, outcome.path);
  if (!op) return [];
  const now = ctx.clock.now();
  const failed = outcome.statusCode >= 400;
  const statusName = HTTP_STATUS_NAMES[outcome.statusCode] ?? String(outcome.statusCode);
  const { caller } = outcome;
  const base = {
    authorization: { action: op.operationName, scope: op.resourceId },
    caller: caller.kind === "User" ? (caller.upn ?? caller.objectId) : caller.objectId,
    channels: "Operation" as const,
    claims: {
      "http://schemas.microsoft.com/identity/claims/objectidentifier": caller.objectId,
      "http://schemas.microsoft.com/identity/claims/tenantid": caller.tenantId,
      appid: caller.appId,
      ...(caller.displayName ? { name: caller.displayName } : {}),
    },
    correlationId: outcome.correlationId,
    description: "",
    category: { value: "Administrative" as const, localizedValue: "Administrative" as const },
    eventTimestamp: new Date(now).toISOString(),
    operationId: outcome.serviceRequestId,
    operationName: { value: op.operationName, localizedValue: op.localizedOperationName },
    ...(op.resourceGroupName ? { resourceGroupName: op.resourceGroupName } : {}),
    resourceProviderName: named(op.resourceProvider),
    resourceType: named(op.resourceType),
    resourceId: op.resourceId,
    submissionTimestamp: new Date(now).toISOString(),
    subscriptionId: op.subscriptionId,
    tenantId: caller.tenantId,
  };
  const event = (
    status: ActivityStatus,
    subStatus: string,
    eventName: "BeginRequest" | "EndRequest",
    properties: Record<string, string>,
  ) =>
    ctx.activityLog.add(
      {
        ...base,
        eventName: { value: eventName, localizedValue: eventName === "BeginRequest" ? "Begin request" : "End request" },
        level: status === "Failed" ? "Error" : "Informational",
        status: { value: status, localizedValue: status },
        subStatus: { value: subStatus, localizedValue: subStatus },
        properties: {
          eventCategory: "Administrative",
          entity: op.resourceId,
          message: op.operationName,
          hierarchy: caller.tenantId,
          serviceRequestId: outcome.serviceRequestId,
          ...properties,
        },
      },
      now,
    );
  if (failed) {
    return [
      event("Failed", statusName, "EndRequest", {
        statusCode: statusName,
        ...(outcome.errorBody ? { statusMessage: outcome.errorBody } : {}),
      }),
    ];
  }
  const started = event("Started", "", "BeginRequest", {});
  const ended = event(
    outcome.statusCode === 202 || outcome.longRunning ? "Accepted" : "Succeeded",
    statusName,
    "EndRequest",
    { statusCode: statusName },
  );
  return [started, ended];
}
