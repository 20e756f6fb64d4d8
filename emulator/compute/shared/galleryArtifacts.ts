import { effectiveTargetRegions, type TargetRegionInput } from "../../../lib/gallery/replication.js";
import type { RuleViolation } from "../../../lib/gallery/violation.js";
import { checkLocationAvailable } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import { listResponse, skipTokenOf } from "../../paging.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { GalleryRef, WriteResult } from "../galleries/galleries.model.js";
import { beginReplicatedWrite, replicationStatusAt, type RegionReplicationPlan } from "./replication.js";
import { requireObjectBody, stringTags, throwViolation, trackedEnvelope } from "./body.js";
import { canonicalLocation, GALLERY_API_VERSIONS, requiredLocation } from "./names.js";
import {
  assertNoOperationInFlight,
  beginOperation,
  galleryLroHeaders,
  provisioningStateOf,
  resourceOperationMs,
  type TrackedOperation,
  type TrackedState,
} from "./provisioning.js";

/**
 * The storage, operations and routes that gallery scripts, in-VM access control profiles and their versions share
 * (image definitions and applications, and their versions, use the parts that fit them): each is a child of a gallery
 * (or of one of those), lives in its gallery's region, is written by a long-running PUT/PATCH/DELETE and listed by its
 * parent. What differs (the properties' rules and the view) stays in each family.
 */

export interface ArtifactBody extends ArmResourceBody {
  location: string;
  properties: Record<string, unknown>;
}

export interface ArtifactState extends TrackedState {
  /** Versions only: their replication to their target regions, read against the clock. */
  replication?: RegionReplicationPlan[];
}

export type ArtifactRecord = ResourceRecord<ArtifactBody, ArtifactState>;

/**
 * The ARM JSON of a gallery child whose properties are shown as stored, with the provisioning state of its last
 * operation at `now`: image definitions, scripts and in-VM access control profiles answer alike.
 */
export function trackedArtifactView<P extends object>(
  record: ResourceRecord<ArmResourceBody & { location: string; properties: P }, TrackedState>,
  type: string,
  now: number,
) {
  return {
    ...trackedEnvelope(record.body, type),
    properties: { ...record.body.properties, provisioningState: provisioningStateOf(record.state.operation, now) },
  };
}

/** The parent's record, or ARM's ParentResourceNotFound. */
export function requireParent(ctx: EmulatorContext, parentId: string, parentName: string): ArtifactRecord {
  const parent = ctx.resources.get<ArtifactBody, ArtifactState>(parentId);
  if (!parent) throw ArmErrors.parentNotFound(parentName);
  return parent;
}

/** The location a PUT asks for: required, a region the type is offered in, in its canonical spelling. */
export function requestedLocation(rawLocation: string | undefined, type: string): string {
  const requested = requiredLocation(rawLocation);
  throwViolation(checkLocationAvailable(requested, type));
  return canonicalLocation(requested)!;
}

/** A child of a gallery keeps the location it was created in, and that is its gallery's. */
export function checkLocationInGallery(
  location: string,
  options: {
    kind: string;
    galleryLocation: string;
    existing?: { body: { location: string } };
    nestedName: string;
    resourceGroup: string;
  },
): void {
  if (options.existing && options.existing.body.location !== location) {
    throw ArmErrors.invalidResourceLocation(
      options.nestedName,
      options.existing.body.location,
      location,
      options.resourceGroup,
    );
  }
  if (location !== options.galleryLocation)
    throw ArmErrors.locationDiffersFromGallery(options.kind, location, options.galleryLocation);
}

/**
 * A PUT's body, read in the service's order: an object, a location it knows, the parent gallery and the stored
 * resource, then the location's rules against them (unchanged, the gallery's).
 */
export function readArtifactPut<T extends { body: { location: string } }>(
  rawBody: unknown,
  what: {
    type: string;
    kind: string;
    nestedName: string;
    resourceGroup: string;
    gallery: () => { body: { location: string } };
    find: () => T | undefined;
  },
): { input: { location: string; tags?: Record<string, string>; properties: unknown }; existing: T | undefined } {
  const body = requireObjectBody(rawBody);
  const location = requestedLocation(body.location, what.type);
  const galleryLocation = what.gallery().body.location;
  const existing = what.find();
  checkLocationInGallery(location, {
    kind: what.kind,
    galleryLocation,
    existing,
    nestedName: what.nestedName,
    resourceGroup: what.resourceGroup,
  });
  return { input: { location, tags: body.tags, properties: body.properties }, existing };
}

export interface ArtifactWrite {
  parent: ResourceRecord;
  type: string;
  name: string;
  nestedName: string;
  location: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  existing?: ArtifactRecord;
  /** Versions: the regions to replicate to (`targetRegions` / `targetLocations`); the operation ends with them. */
  targetRegions?: readonly TargetRegionInput[];
  /** The demo seed backdates a version so that it is already replicated, or half-way. */
  startedAt?: number;
}

/**
 * Writes a script or profile version: its target regions follow the image version's region rules (known regions, no
 * duplicates, its own region, ZRS where sent), reported under the version's own property names, and it keeps the
 * date it was first published. Both families publish to regions alike; only their properties' shape differs.
 */
export function writeArtifactVersion(
  ctx: EmulatorContext,
  write: ArtifactWrite & {
    targetRegions: readonly TargetRegionInput[];
    /** The family's region rules from lib/gallery (validateVersionRegions under its own names), the first refused. */
    regionRules: (context: { location: string; now: Date }) => readonly RuleViolation[];
  },
): WriteResult<ArtifactRecord> {
  const now = ctx.clock.now();
  throwViolation(write.regionRules({ location: write.location, now: new Date(now) })[0]);
  const publishedDate =
    (write.existing?.body.properties.publishedDate as string | undefined) ??
    new Date(write.startedAt ?? now).toISOString();
  return writeArtifact(ctx, { ...write, properties: { ...write.properties, publishedDate } });
}

/** Stores a create or update with its tracked operation (and replication plan, for versions). */
export function writeArtifact(ctx: EmulatorContext, write: ArtifactWrite): WriteResult<ArtifactRecord> {
  const { parent, existing } = write;
  if (existing) assertNoOperationInFlight(ctx, existing, write.nestedName);
  const now = ctx.clock.now();
  const startedAt = write.startedAt ?? now;
  const id = existing?.body.id ?? `${parent.body.id}/${segmentOf(write.type)}/${write.name}`;
  let replication: RegionReplicationPlan[] | undefined;
  let begun: { operation: OperationRecord; tracked: TrackedOperation };
  if (write.targetRegions !== undefined) {
    const targets = effectiveTargetRegions({
      location: write.location,
      publishingProfile: { targetRegions: write.targetRegions },
    });
    // A script or a rule set is a small file: replication takes each region's base time.
    const artifact = { sourceLocation: write.location, osDiskSizeGB: 0, dataDiskSizesGB: [] };
    ({ replication, ...begun } = beginReplicatedWrite(ctx, {
      id,
      subscriptionId: parent.subscriptionId,
      location: write.location,
      previous: existing?.state.replication ?? [],
      targets,
      artifact,
      startedAt,
      updating: existing !== undefined,
    }));
  } else {
    begun = beginOperation(
      ctx,
      { id, subscriptionId: parent.subscriptionId, location: write.location },
      existing ? "Update" : "Create",
      resourceOperationMs(ctx),
    );
  }
  const { operation, tracked } = begun;
  const body: ArtifactBody = {
    id,
    name: existing?.name ?? write.name,
    type: write.type,
    location: write.location,
    ...stringTags(write.tags),
    properties: write.properties,
  };
  storeGalleryChild(
    ctx,
    parent,
    body,
    {
      operation: tracked,
      ...(replication ? { replication } : {}),
    },
    existing,
    existing?.createdAt ?? (write.startedAt !== undefined ? startedAt : undefined),
  );
  return {
    record: ctx.resources.get<ArtifactBody, ArtifactState>(id)!,
    created: !existing,
    operation,
  };
}

/**
 * Stores the row of a resource beneath a gallery (or beneath one of its children), filed under its parent for
 * listing; every family beneath a gallery keeps its rows this way.
 */
export function storeGalleryChild(
  ctx: EmulatorContext,
  parent: ResourceRecord,
  body: ArmResourceBody & { location: string },
  state: TrackedState,
  existing?: ResourceRecord,
  createdAt = existing?.createdAt,
): void {
  // A new resource replaces whatever row a completed delete left under its key (purging by key stays cheap).
  if (!existing) ctx.resources.remove(body.id);
  ctx.resources.put({
    id: body.id,
    type: body.type,
    name: body.name,
    subscriptionId: parent.subscriptionId,
    resourceGroup: parent.resourceGroup,
    parentKey: parent.id,
    location: body.location,
    body,
    state: state as Record<string, unknown>,
    createdAt,
  });
}

function segmentOf(type: string): string {
  return type.split("/").at(-1)!;
}

/** DELETE: refused while children of `childType` remain (Azure's CannotDeleteResource), else Deleting until done. */
export function deleteArtifact(
  ctx: EmulatorContext,
  existing: ResourceRecord<ArmResourceBody & { location: string }, TrackedState>,
  options: {
    nestedName: string;
    childType?: string;
    childPrefix?: string;
    /** A family's own refusal, judged once no child stands in the way (image definitions: soft-deleted versions). */
    refuse?: () => void;
  },
): OperationRecord {
  assertNoOperationInFlight(ctx, existing, options.nestedName);
  if (options.childType) {
    const children = ctx.resources.listChildren(existing.id, options.childType, "", 5).items;
    if (children.length > 0)
      throw ArmErrors.cannotDeleteResource(children.map((child) => `${options.childPrefix}/${child.name}`));
  }
  options.refuse?.();
  const { operation, tracked } = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: existing.subscriptionId, location: existing.body.location },
    "Delete",
    resourceOperationMs(ctx),
  );
  ctx.resources.put({ ...existing, state: { ...existing.state, operation: tracked }, goneAt: tracked.endsAt });
  return operation;
}

/** The merged PATCH body of a resource whose `properties` merge one level deep. */
export function patchedBody(
  existing: { body: { location: string; tags?: Record<string, string>; properties: object } },
  rawBody: unknown,
): { location: string; tags?: Record<string, string>; properties: Record<string, unknown> } {
  const body = requireObjectBody(rawBody);
  const patch = (body.properties ?? {}) as Record<string, unknown>;
  const properties: Record<string, unknown> = { ...existing.body.properties };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined && value !== null) properties[key] = value;
  return { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties };
}

/** `$expand=ReplicationStatus`, matched as ARM matches query values: without regard to case. */
export function expandsReplication(req: ArmRequest): boolean {
  const expand = Object.entries(req.query).find(([key]) => key.toLowerCase() === "$expand")?.[1] ?? "";
  return expand.split(",").some((part) => part.trim().toLowerCase() === "replicationstatus");
}

export function replicationStatusOf(record: ArtifactRecord, now: number) {
  return replicationStatusAt(record.state.replication ?? [], now);
}

/** The path of a gallery; every gallery artifact's path starts with it. */
export const GALLERY_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}";

/** The gallery a request's path names, once the caller may see its subscription: each artifact's ref extends it. */
export function galleryRefOf(req: ArmRequest): GalleryRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
  };
}

export interface ArtifactRouteSpec<R extends ResourceRecord = ArtifactRecord> {
  type: string;
  /** The resource's path; the list is its parent's path plus the last segment. */
  path: string;
  put: (req: ArmRequest) => WriteResult<R>;
  patch: (req: ArmRequest) => WriteResult<R>;
  get: (req: ArmRequest) => R;
  remove: (req: ArmRequest) => OperationRecord;
  /** The parent's id, after checking it exists, for the list. */
  parentId: (req: ArmRequest) => string;
  view: (record: R, now: number, req: ArmRequest) => unknown;
}

/**
 * PUT, PATCH, GET, DELETE and the list of one gallery artifact type, with their RBAC actions. Image definitions,
 * applications, scripts, profiles and the versions of the last three answer these five requests alike (201/200 with
 * the LRO headers, 202 on delete, a paged list filtered by the read action): only the model and the view differ.
 */
export function artifactRoutes<R extends ResourceRecord = ArtifactRecord>(spec: ArtifactRouteSpec<R>): ArmRoute[] {
  const base = { resourceType: spec.type, apiVersions: GALLERY_API_VERSIONS } as const;
  // ARM names a resource type's RBAC actions after the type: `<type>/read`, `<type>/write`, `<type>/delete`.
  const actions = { read: `${spec.type}/read`, write: `${spec.type}/write`, delete: `${spec.type}/delete` };
  const written =
    (method: "PUT" | "PATCH", write: (req: ArmRequest) => WriteResult<R>) =>
    (req: ArmRequest): ArmResponse => {
      const { record, created, operation } = write(req);
      return {
        status: created ? 201 : 200,
        body: spec.view(record, req.ctx.clock.now(), req),
        headers: galleryLroHeaders(req, operation, method),
      };
    };
  return [
    { ...base, method: "PUT", path: spec.path, action: actions.write, handler: written("PUT", spec.put) },
    { ...base, method: "PATCH", path: spec.path, action: actions.write, handler: written("PATCH", spec.patch) },
    {
      ...base,
      method: "GET",
      path: spec.path,
      action: actions.read,
      handler: (req): ArmResponse => ({ status: 200, body: spec.view(spec.get(req), req.ctx.clock.now(), req) }),
    },
    {
      ...base,
      method: "DELETE",
      path: spec.path,
      action: actions.delete,
      handler: (req): ArmResponse => {
        const operation = spec.remove(req);
        return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
      },
    },
    {
      ...base,
      method: "GET",
      path: spec.path.slice(0, spec.path.lastIndexOf("/")),
      action: actions.read,
      listsBeneath: true,
      handler: (req): ArmResponse => {
        const page = req.ctx.resources.listChildren<R["body"], R["state"]>(
          spec.parentId(req),
          spec.type,
          skipTokenOf(req),
          req.ctx.config.pageSize,
        );
        const items = page.items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, actions.read, r.id));
        const now = req.ctx.clock.now();
        return listResponse(req, { ...page, items }, (r) => spec.view(r as R, now, req));
      },
    },
  ];
}
