import type { EmulatorContext } from "../../context.js";
import { ArmErrors, type ArmErrorDetail } from "../../errors.js";
import { asyncOperationHeaders, type OperationRecord } from "../../operations.js";
import type { ArmRequest } from "../../router.js";
import { retryAfterHeader } from "./retryAfter.js";

export type ProvisioningState = "Creating" | "Updating" | "Deleting" | "Succeeded" | "Failed";
export type OperationKind = "Create" | "Update" | "Delete";

/** The last long-running operation on a resource, kept in its row so reads derive provisioningState without a join. */
export interface TrackedOperation {
  kind: OperationKind;
  operationId: string;
  startedAt: number;
  endsAt: number;
  failed?: boolean;
}

export interface TrackedState {
  operation?: TrackedOperation;
}

const RUNNING_STATE: Record<OperationKind, ProvisioningState> = {
  Create: "Creating",
  Update: "Updating",
  Delete: "Deleting",
};

/** Creating/Updating/Deleting until the operation's end, then Succeeded or Failed, judged by the emulator's clock. */
export function provisioningStateOf(operation: TrackedOperation | undefined, now: number): ProvisioningState {
  if (!operation) return "Succeeded";
  if (now < operation.endsAt) return RUNNING_STATE[operation.kind];
  return operation.failed ? "Failed" : "Succeeded";
}

export function isInFlight(operation: TrackedOperation | undefined, now: number): boolean {
  return operation !== undefined && now < operation.endsAt;
}

/** Starts the capsOperation a PUT/PATCH/DELETE reports, and the record of it kept on the resource. */
export function beginOperation(
  ctx: EmulatorContext,
  resource: { id: string; subscriptionId: string; location: string },
  kind: OperationKind,
  durationMs: number,
  error?: ArmErrorDetail,
): { operation: OperationRecord; tracked: TrackedOperation } {
  const operation = ctx.operations.start({
    subscriptionId: resource.subscriptionId,
    location: resource.location,
    resourceKey: resource.id,
    kind,
    durationMs,
    error,
  });
  return {
    operation,
    tracked: {
      kind,
      operationId: operation.operationId,
      startedAt: operation.startedAt,
      endsAt: operation.endsAt,
      ...(error ? { failed: true } : {}),
    },
  };
}

/** The emulator-wide duration of gallery and definition operations. */
export function resourceOperationMs(ctx: EmulatorContext): number {
  return Math.max(0, ctx.config.lroSeconds) * 1000;
}

/**
 * Compute refuses a second write while one is running on the same resource. `displayName` is the name as ARM
 * prints it (`gallery/image/1.0.0` for nested resources).
 */
export function assertNoOperationInFlight(
  ctx: EmulatorContext,
  record: { state: TrackedState },
  displayName: string,
): void {
  const operation = record.state.operation;
  if (isInFlight(operation, ctx.clock.now())) throw ArmErrors.operationInProgress(displayName);
}

/**
 * A version (image or application) that is being deleted can't be written (it is marked for deletion); one with
 * another write running can't either.
 */
export function assertVersionWritable(
  existing: { state: TrackedState } | undefined,
  version: string,
  displayName: string,
  now: number,
): void {
  const operation = existing?.state.operation;
  if (operation?.kind === "Delete" && isInFlight(operation, now)) throw ArmErrors.versionMarkedForDeletion(version);
  if (isInFlight(operation, now)) throw ArmErrors.operationInProgress(displayName);
}

/**
 * A version's DELETE: accepted while replication runs, and a repeated delete ends when the first one does. Returns
 * the operation and how long it runs.
 */
export function beginVersionDelete(
  ctx: EmulatorContext,
  existing: { id: string; subscriptionId: string; body: { location: string }; state: TrackedState },
): { operation: OperationRecord; tracked: TrackedOperation; durationMs: number } {
  const now = ctx.clock.now();
  const running = existing.state.operation;
  const durationMs =
    running?.kind === "Delete" && isInFlight(running, now) ? running.endsAt - now : resourceOperationMs(ctx);
  const begun = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: existing.subscriptionId, location: existing.body.location },
    "Delete",
    durationMs,
  );
  return { ...begun, durationMs };
}

/**
 * LRO headers per method. PUT and DELETE carry Azure-AsyncOperation and Location. PATCH carries only
 * Azure-AsyncOperation: SDK pollers read a PATCH's final result from Location when present, and Compute's
 * Location is the operation monitor, not the resource, so the resource must be read from the request URL.
 */
export function lroHeaders(
  origin: string,
  operation: OperationRecord,
  method: "PUT" | "PATCH" | "DELETE",
): Record<string, string> {
  const headers = asyncOperationHeaders(origin, operation);
  if (method === "PATCH") return { "Azure-AsyncOperation": headers["Azure-AsyncOperation"]! };
  return headers;
}

/**
 * LRO headers of galleries, image definitions and image versions, as Compute sends them (the Azure SDK for
 * Python's recorded galleries sessions): PUT (201/200) and PATCH (200) carry Azure-AsyncOperation alone, DELETE
 * (202) adds Location, the operation's monitor; image versions add Retry-After (retryAfter.ts).
 */
export function galleryLroHeaders(
  req: ArmRequest,
  operation: OperationRecord,
  method: "PUT" | "PATCH" | "DELETE",
): Record<string, string> {
  const { "Azure-AsyncOperation": asyncOperation, Location: monitor } = asyncOperationHeaders(req.origin, operation);
  return {
    "Azure-AsyncOperation": asyncOperation!,
    ...(method === "DELETE" ? { Location: monitor! } : {}),
    ...retryAfterHeader(req.ctx, operation),
  };
}
