import { checkLocationAvailable } from "../../../lib/gallery/regions.js";
import type { Caller } from "../../caller.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import { listResponse, skipTokenOf } from "../../paging.js";
import { resourceGroupId } from "../../resources/resourceGroups.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { requireObjectBody, stringTags, throwViolation } from "../shared/body.js";
import { canonicalLocation, requiredLocation, requireResourceGroup } from "../shared/names.js";
import { type LinkPath, linkedIdsAt, requireLinkedRead, writeOn } from "../../authorization/linkedAccess.js";
import {
  assertNoOperationInFlight,
  beginOperation,
  lroHeaders,
  provisioningStateOf,
  resourceOperationMs,
  type TrackedState,
} from "../shared/provisioning.js";

/**
 * The lifecycle shared by the resource-group-level compute resources an image version is made from (managed
 * images, disks, snapshots, virtual machines): PUT, GET, list by resource group and subscription, DELETE, each
 * write a long-running operation. Each type supplies its own validation and derived fields.
 */

export interface ComputeRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export type ComputeBody<P> = ArmResourceBody & { location: string; properties: P };
export type ComputeRecord<P = Record<string, unknown>, S = object> = ResourceRecord<ComputeBody<P>, TrackedState & S>;

export interface WriteInput<P, S> {
  ref: ComputeRef;
  id: string;
  location: string;
  /** The request body, checked to be an object with a string location and string tags. */
  body: Record<string, unknown>;
  existing?: ComputeRecord<P, S>;
  /** Who sent the PUT, for checks of access to resources the body links to (a VM's image). */
  caller?: Caller;
}

export interface Built<P, S> {
  properties: P;
  /** Top-level fields beside properties (sku, zones, plan, managedBy). */
  extra?: Record<string, unknown>;
  state?: S;
  /** Work to do once the resource is stored (a VM creates and attaches its disks). */
  then?: (record: ComputeRecord<P, S>) => void;
}

export interface ComputeResourceType<P, S = object> {
  type: string;
  /** The path segment of the type, e.g. `images`. */
  collection: string;
  /** The path parameter naming the resource, as the REST spec calls it (`imageName`). */
  nameParameter: string;
  apiVersions: readonly string[];
  /** The service's name rule as a regex and as it prints it. */
  nameRule: { pattern: RegExp; text: string };
  /**
   * Where the body names other resources the caller must be able to read (linkedAccess.ts), as ARM checks before
   * the provider sees the PUT.
   */
  links?: readonly LinkPath[];
  /** Validates a PUT and returns what to store; throws ArmErrors. */
  build(ctx: EmulatorContext, input: WriteInput<P, S>): Built<P, S>;
  /** Fields derived at read time, merged into properties. */
  derived?(ctx: EmulatorContext, record: ComputeRecord<P, S>): Record<string, unknown>;
  /**
   * The status a PUT that creates answers with. Compute answers 201; the disk resource provider (disks,
   * snapshots) answers 202 Accepted, and clients generated from its spec (the Python SDK behind `az disk
   * create`) reject anything else.
   */
  createdStatus?: 201 | 202;
  /** Refuses a DELETE the service would refuse (a disk attached to a VM). */
  beforeDelete?(ctx: EmulatorContext, record: ComputeRecord<P, S>): void;
  /** Runs once the delete is scheduled (a VM deletes the disks marked deleteOption Delete). */
  afterDelete?(ctx: EmulatorContext, record: ComputeRecord<P, S>, goneAt: number): void;
}

export function computeId(type: { collection: string }, ref: ComputeRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/${type.collection}/${ref.name}`;
}

export function findComputeResource<P, S>(ctx: EmulatorContext, type: ComputeResourceType<P, S>, ref: ComputeRef) {
  return ctx.resources.get<ComputeBody<P>, TrackedState & S>(computeId(type, ref));
}

export function getComputeResource<P, S>(ctx: EmulatorContext, type: ComputeResourceType<P, S>, ref: ComputeRef) {
  const record = findComputeResource(ctx, type, ref);
  if (!record) throw ArmErrors.resourceNotFound(type.type, ref.name, ref.resourceGroup);
  return record;
}

/** The resource's ARM JSON at the emulator's now. */
export function computeView<P, S>(ctx: EmulatorContext, type: ComputeResourceType<P, S>, record: ComputeRecord<P, S>) {
  const { id, name, location, tags, properties, type: _type, ...extra } = record.body;
  const provisioningState =
    record.goneAt !== undefined ? "Deleting" : provisioningStateOf(record.state.operation, ctx.clock.now());
  return {
    id,
    name,
    type: type.type,
    location,
    ...stringTags(tags),
    ...extra,
    properties: { ...properties, ...(type.derived?.(ctx, record) ?? {}), provisioningState },
  };
}

function storeRecord<P, S>(
  ctx: EmulatorContext,
  type: ComputeResourceType<P, S>,
  ref: ComputeRef,
  body: ComputeBody<P>,
  state: TrackedState & S,
  existing?: ComputeRecord<P, S>,
  goneAt?: number,
) {
  const resourceGroup = existing?.resourceGroup ?? ref.resourceGroup;
  ctx.resources.put({
    id: body.id,
    type: type.type,
    name: body.name,
    subscriptionId: ref.subscriptionId,
    resourceGroup,
    parentKey: resourceGroupId(ref.subscriptionId, resourceGroup),
    location: body.location,
    body,
    state: state as Record<string, unknown>,
    createdAt: existing?.createdAt,
    goneAt,
  });
}

/** PUT: creates (201, or the type's createdStatus) or replaces (200) the resource; both report a running operation. */
export function putComputeResource<P, S>(
  ctx: EmulatorContext,
  type: ComputeResourceType<P, S>,
  ref: ComputeRef,
  rawBody: unknown,
  caller?: Caller,
): { record: ComputeRecord<P, S>; created: boolean; operation: OperationRecord } {
  if (!type.nameRule.pattern.test(ref.name)) throw ArmErrors.invalidEntityName(type.nameParameter, type.nameRule.text);
  const body = requireObjectBody(rawBody) as Record<string, unknown> & {
    location?: string;
    tags?: Record<string, string>;
  };
  const requested = requiredLocation(body.location);
  throwViolation(checkLocationAvailable(requested, type.type));
  const location = canonicalLocation(requested)!;
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  ctx.resources.purge();

  const existing = findComputeResource(ctx, type, ref);
  if (existing) {
    if (existing.body.location !== location) {
      throw ArmErrors.invalidResourceLocation(existing.name, existing.body.location, location, ref.resourceGroup);
    }
    if (existing.goneAt !== undefined) throw ArmErrors.operationInProgress(existing.name);
    assertNoOperationInFlight(ctx, existing, existing.name);
  }
  const id = existing?.body.id ?? computeId(type, ref);
  const name = existing?.name ?? ref.name;
  if (caller && type.links) requireLinkedRead(ctx, caller, writeOn(id), linkedIdsAt(body, type.links));
  const built = type.build(ctx, { ref: { ...ref, name }, id, location, body, existing, caller });
  const { operation, tracked } = beginOperation(
    ctx,
    { id, subscriptionId: ref.subscriptionId, location },
    existing ? "Update" : "Create",
    resourceOperationMs(ctx),
  );
  const stored: ComputeBody<P> = {
    id,
    name,
    type: type.type,
    location,
    ...stringTags(body.tags),
    ...(built.extra ?? {}),
    properties: built.properties as ComputeBody<P>["properties"],
  };
  storeRecord(ctx, type, ref, stored, { ...(built.state ?? ({} as S)), operation: tracked }, existing);
  const record = findComputeResource(ctx, type, ref)!;
  built.then?.(record);
  return { record, created: !existing, operation };
}

/** DELETE: the resource reads as Deleting until the operation ends; a missing one answers 204, as ARM does. */
export function deleteComputeResource<P, S>(
  ctx: EmulatorContext,
  type: ComputeResourceType<P, S>,
  ref: ComputeRef,
): OperationRecord | undefined {
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const existing = findComputeResource(ctx, type, ref);
  if (!existing || existing.goneAt !== undefined) return undefined;
  assertNoOperationInFlight(ctx, existing, existing.name);
  type.beforeDelete?.(ctx, existing);
  const { operation, tracked } = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: ref.subscriptionId, location: existing.body.location },
    "Delete",
    resourceOperationMs(ctx),
  );
  storeRecord(ctx, type, ref, existing.body, { ...existing.state, operation: tracked }, existing, tracked.endsAt);
  type.afterDelete?.(ctx, existing, tracked.endsAt);
  return operation;
}

/**
 * Marks a resource Updating for one operation without changing its body (POST actions, attaching a disk),
 * or replaces its state and body when given.
 */
export function updateComputeRecord<P, S>(
  ctx: EmulatorContext,
  type: ComputeResourceType<P, S>,
  record: ComputeRecord<P, S>,
  change: { body?: ComputeBody<P>; state?: TrackedState & S },
) {
  const ref = { subscriptionId: record.subscriptionId, resourceGroup: record.resourceGroup!, name: record.name };
  storeRecord(ctx, type, ref, change.body ?? record.body, change.state ?? record.state, record, record.goneAt);
}

export function refOf(req: ArmRequest, nameParameter: string): ComputeRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    name: req.params[nameParameter]!,
  };
}

/** PUT, GET, DELETE and the two lists of a compute type, with Azure's RBAC action names. */
export function computeResourceRoutes<P, S>(type: ComputeResourceType<P, S>): ArmRoute[] {
  const collectionPath = `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/${type.collection}`;
  const itemPath = `${collectionPath}/{${type.nameParameter}}`;
  const read = `${type.type}/read`;
  const base = { resourceType: type.type, apiVersions: type.apiVersions } as const;
  const view = (req: ArmRequest) => (r: ResourceRecord) => computeView(req.ctx, type, r as ComputeRecord<P, S>);
  const readable = (req: ArmRequest, items: ResourceRecord[]) =>
    items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, read, r.id));
  return [
    {
      ...base,
      method: "PUT",
      path: itemPath,
      action: `${type.type}/write`,
      handler: (req): ArmResponse => {
        const { record, created, operation } = putComputeResource(
          req.ctx,
          type,
          refOf(req, type.nameParameter),
          req.body,
          req.caller,
        );
        const status = created ? (type.createdStatus ?? 201) : 200;
        return { status, body: computeView(req.ctx, type, record), headers: lroHeaders(req.origin, operation, "PUT") };
      },
    },
    {
      ...base,
      method: "GET",
      path: itemPath,
      action: read,
      handler: (req): ArmResponse => {
        const ref = refOf(req, type.nameParameter);
        requireResourceGroup(req.ctx, ref.subscriptionId, ref.resourceGroup);
        return { status: 200, body: computeView(req.ctx, type, getComputeResource(req.ctx, type, ref)) };
      },
    },
    {
      ...base,
      method: "DELETE",
      path: itemPath,
      action: `${type.type}/delete`,
      handler: (req): ArmResponse => {
        const operation = deleteComputeResource(req.ctx, type, refOf(req, type.nameParameter));
        if (!operation) return { status: 204 };
        return { status: 202, headers: lroHeaders(req.origin, operation, "DELETE") };
      },
    },
    {
      ...base,
      method: "GET",
      path: collectionPath,
      action: read,
      listsBeneath: true,
      handler: (req): ArmResponse => {
        const sub = visibleSubscription(req, req.params.subscriptionId!);
        requireResourceGroup(req.ctx, sub.subscriptionId, req.params.resourceGroupName!);
        const page = req.ctx.resources.listByResourceGroup(
          sub.subscriptionId,
          req.params.resourceGroupName!,
          type.type,
          skipTokenOf(req),
          req.ctx.config.pageSize,
        );
        return listResponse(req, { ...page, items: readable(req, page.items) }, view(req));
      },
    },
    {
      ...base,
      method: "GET",
      path: `/subscriptions/{subscriptionId}/providers/Microsoft.Compute/${type.collection}`,
      action: read,
      listsBeneath: true,
      handler: (req): ArmResponse => {
        const sub = visibleSubscription(req, req.params.subscriptionId!);
        const page = req.ctx.resources.listBySubscription(
          sub.subscriptionId,
          type.type,
          skipTokenOf(req),
          req.ctx.config.pageSize,
        );
        return listResponse(req, { ...page, items: readable(req, page.items) }, view(req));
      },
    },
  ];
}

/** Compute's name rule for images, disks and snapshots (and, at 64 characters, virtual machines). */
export function computeNameRule(maxLength: number): { pattern: RegExp; text: string } {
  const rest = maxLength - 1;
  return {
    pattern: new RegExp(`^[^_\\W][\\w\\-._]{0,${rest}}(?<![-.])$`),
    text: `^[^_\\W][\\w-._]{0,${rest}}(?<![-.])$`,
  };
}

/** The api-versions of Microsoft.Compute's CRP types (images, virtual machines), through the one SDK 25 sends. */
export const CRP_API_VERSIONS = [
  "2017-03-30",
  "2017-12-01",
  "2018-04-01",
  "2018-06-01",
  "2018-10-01",
  "2019-03-01",
  "2019-07-01",
  "2019-12-01",
  "2020-06-01",
  "2020-12-01",
  "2021-03-01",
  "2021-04-01",
  "2021-07-01",
  "2021-11-01",
  "2022-03-01",
  "2022-08-01",
  "2022-11-01",
  "2023-03-01",
  "2023-07-01",
  "2023-09-01",
  "2024-03-01",
  "2024-07-01",
  "2024-11-01",
  "2025-04-01",
  "2025-11-01",
  "2026-04-01",
] as const;

/** The api-versions of Microsoft.Compute's disk RP (disks, snapshots), through the one SDK 25 sends. */
export const DISK_RP_API_VERSIONS = [
  "2017-03-30",
  "2018-04-01",
  "2018-06-01",
  "2018-09-30",
  "2019-03-01",
  "2019-07-01",
  "2019-11-01",
  "2020-05-01",
  "2020-06-30",
  "2020-09-30",
  "2020-12-01",
  "2021-04-01",
  "2021-08-01",
  "2021-12-01",
  "2022-03-02",
  "2022-07-02",
  "2023-01-02",
  "2023-04-02",
  "2023-10-02",
  "2024-03-02",
  "2025-01-02",
  "2026-03-02",
] as const;
