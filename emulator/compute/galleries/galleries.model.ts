import { z } from "zod";
import { galleryResourceId } from "../../../lib/azure/resourceId.js";
import { checkCommunityInfo } from "../../../lib/gallery/community.js";
import { checkGalleryName } from "../../../lib/gallery/names.js";
import { checkLocationAvailable } from "../../../lib/gallery/regions.js";
import { azureEnum } from "../../../lib/gallery/schemaParts.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import { resourceGroupId } from "../../resources/resourceGroups.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { parseProperties, requireObjectBody, stringTags, throwViolation, trackedEnvelope } from "../shared/body.js";
import { checkQuotaForOneMore } from "../shared/quota.js";
import { canonicalLocation, GALLERY_TYPE, requiredLocation, requireResourceGroup } from "../shared/names.js";
import {
  assertNoOperationInFlight,
  beginOperation,
  isInFlight,
  provisioningStateOf,
  resourceOperationMs,
  type TrackedState,
} from "../shared/provisioning.js";
import { keptSharing, sharingProfileView, type StoredSharingProfile } from "../sharing/gallerySharing.profile.js";
import { identityView, resolveIdentity, type StoredIdentity } from "../../managedIdentity/resourceIdentity.js";

/** Microsoft.Compute/galleries: the model (validation, state, views). Handlers and the demo seed both go through it. */

export interface GalleryRef {
  subscriptionId: string;
  resourceGroup: string;
  gallery: string;
}

const SHARING_PERMISSIONS = ["Private", "Groups", "Community"] as const;

/** The publisher details a caller may set; publicNames and communityGalleryEnabled are the service's to fill. */
const communityGalleryInfoSchema = z
  .object({
    publisherUri: z.string().optional(),
    publisherContact: z.string().optional(),
    eula: z.string().optional(),
    publicNamePrefix: z.string().optional(),
  })
  .superRefine((info, ctx) => {
    const violation = checkCommunityInfo(info);
    if (violation)
      ctx.addIssue({ code: "custom", message: violation.message, path: [violation.target!.split(".").at(-1)!] });
  });

const galleryPropertiesSchema = z.object({
  description: z.string().optional(),
  sharingProfile: z
    .object({
      permissions: azureEnum(SHARING_PERMISSIONS, "gallery.properties.sharingProfile.permissions").optional(),
      communityGalleryInfo: communityGalleryInfoSchema.optional(),
    })
    .optional(),
  softDeletePolicy: z.object({ isSoftDeleteEnabled: z.boolean().optional() }).optional(),
});

type GalleryProperties = z.output<typeof galleryPropertiesSchema>;

export interface GalleryBody extends ArmResourceBody {
  location: string;
  identity?: StoredIdentity;
  properties: GalleryProperties;
}

/** The gallery's last share (gallerySharing.model.ts keeps it), from which sharingStatus is derived. */
interface GalleryState extends TrackedState {
  lastShare?: { operationId: string };
}

export type GalleryRecord = ResourceRecord<GalleryBody, GalleryState>;

export interface WriteResult<R> {
  record: R;
  created: boolean;
  operation: OperationRecord;
}

export function galleryId(ref: GalleryRef): string {
  return galleryResourceId(ref.subscriptionId, ref.resourceGroup, ref.gallery);
}

/** The gallery's unique name as Compute reports it: `{subscriptionId}-{GALLERYNAME}`. */
export function galleryUniqueName(subscriptionId: string, name: string): string {
  return `${subscriptionId}-${name.toUpperCase()}`;
}

export function findGallery(ctx: EmulatorContext, ref: GalleryRef): GalleryRecord | undefined {
  return ctx.resources.get<GalleryBody, GalleryState>(galleryId(ref));
}

export function getGallery(ctx: EmulatorContext, ref: GalleryRef): GalleryRecord {
  const record = findGallery(ctx, ref);
  if (!record) throw ArmErrors.resourceNotFound(GALLERY_TYPE, ref.gallery, ref.resourceGroup);
  return record;
}

/** The gallery's ARM JSON at `now`; `sharingGroups` adds whom it is shared with (`$select=Permissions`). */
export function galleryView(record: GalleryRecord, now: number, options: { sharingGroups?: boolean } = {}) {
  const { description, sharingProfile, softDeletePolicy } = record.body.properties;
  return {
    ...trackedEnvelope(record.body, GALLERY_TYPE),
    ...identityView(record.body.identity),
    properties: {
      ...(description !== undefined ? { description } : {}),
      identifier: { uniqueName: galleryUniqueName(record.subscriptionId, record.name) },
      sharingProfile: sharingProfileView(
        sharingProfile as StoredSharingProfile | undefined,
        options.sharingGroups ?? false,
      ),
      ...(softDeletePolicy ? { softDeletePolicy } : {}),
      ...sharingStatusOf(record, now),
      provisioningState: provisioningStateOf(record.state.operation, now),
    },
  };
}

/**
 * sharingStatus, once the gallery has been shared: InProgress while its last share runs, then Succeeded. The
 * emulator shares a gallery from its home region only, so the summary holds that one region.
 */
function sharingStatusOf(record: GalleryRecord, now: number) {
  const share = record.state.lastShare;
  if (!share) return {};
  const running = record.state.operation?.operationId === share.operationId && isInFlight(record.state.operation, now);
  const state = running ? "InProgress" : "Succeeded";
  // `details` is empty unless a region fails, which an emulated share never does (CommunityGallery_Get shows "").
  return {
    sharingStatus: { aggregatedState: state, summary: [{ region: record.body.location, state, details: "" }] },
  };
}

/** A PUT's or PATCH's identity over the stored one; `None` leaves the gallery without one. */
function identityOf(ctx: EmulatorContext, id: string, ref: GalleryRef, raw: unknown, existing?: GalleryRecord) {
  const resolved = resolveIdentity(ctx, id, ref.subscriptionId, raw, existing?.body.identity);
  return resolved?.type === "None" ? undefined : resolved;
}

function store(
  ctx: EmulatorContext,
  ref: GalleryRef,
  body: GalleryBody,
  state: TrackedState,
  existing?: GalleryRecord,
  goneAt?: number,
) {
  // The last share outlives later writes: sharingStatus still reports it.
  const lastShare = existing?.state.lastShare;
  // A new resource replaces whatever row a completed delete left under its key (purging by key stays cheap).
  if (!existing) ctx.resources.remove(body.id);
  ctx.resources.put({
    id: body.id,
    type: GALLERY_TYPE,
    name: body.name,
    subscriptionId: ref.subscriptionId,
    resourceGroup: existing?.resourceGroup ?? ref.resourceGroup,
    parentKey: resourceGroupId(ref.subscriptionId, existing?.resourceGroup ?? ref.resourceGroup),
    location: body.location,
    body,
    state: { ...(lastShare ? { lastShare } : {}), ...state } as Record<string, unknown>,
    createdAt: existing?.createdAt,
    goneAt,
  });
}

/** PUT: creates the gallery (201) or replaces its updatable fields (200). */
export function putGallery(ctx: EmulatorContext, ref: GalleryRef, rawBody: unknown): WriteResult<GalleryRecord> {
  throwViolation(checkGalleryName(ref.gallery));
  const body = requireObjectBody(rawBody);
  const requested = requiredLocation(body.location);
  throwViolation(checkLocationAvailable(requested, GALLERY_TYPE));
  const location = canonicalLocation(requested)!;
  const parsed = parseProperties(galleryPropertiesSchema, body.properties, "properties");
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);

  const existing = findGallery(ctx, ref);
  const properties: GalleryProperties = {
    ...parsed,
    ...keptSharing(existing?.body.properties.sharingProfile as StoredSharingProfile | undefined, parsed.sharingProfile),
  };
  if (existing) {
    if (existing.body.location !== location)
      throw ArmErrors.invalidResourceLocation(existing.name, existing.body.location, location, ref.resourceGroup);
    assertNoOperationInFlight(ctx, existing, existing.name);
  } else {
    const namesake = ctx.resources.findInSubscriptionByName(ref.subscriptionId, GALLERY_TYPE, ref.gallery);
    if (namesake) throw ArmErrors.galleryNameNotUnique(ref.gallery, ref.subscriptionId);
    checkQuotaForOneMore(ctx, "galleries", GALLERY_TYPE, ref.subscriptionId, location);
  }

  const id = existing?.body.id ?? galleryId(ref);
  const name = existing?.name ?? ref.gallery;
  const identity = identityOf(ctx, id, ref, body.identity, existing);
  const { operation, tracked } = beginOperation(
    ctx,
    { id, subscriptionId: ref.subscriptionId, location },
    existing ? "Update" : "Create",
    resourceOperationMs(ctx),
  );
  const stored: GalleryBody = {
    id,
    name,
    type: GALLERY_TYPE,
    location,
    ...stringTags(body.tags),
    ...(identity ? { identity } : {}),
    properties,
  };
  store(ctx, ref, stored, { operation: tracked }, existing);
  return { record: findGallery(ctx, ref)!, created: !existing, operation };
}

/** PATCH: merges tags and the updatable properties (description, sharing profile) into the stored gallery. */
export function patchGallery(ctx: EmulatorContext, ref: GalleryRef, rawBody: unknown): WriteResult<GalleryRecord> {
  throwViolation(checkGalleryName(ref.gallery));
  const body = requireObjectBody(rawBody);
  const existing = getGallery(ctx, ref);
  assertNoOperationInFlight(ctx, existing, existing.name);
  const patch = parseProperties(galleryPropertiesSchema, body.properties, "properties");
  const properties: GalleryProperties = {
    ...existing.body.properties,
    ...definedEntries(patch),
    ...keptSharing(existing.body.properties.sharingProfile as StoredSharingProfile | undefined, patch.sharingProfile),
  };
  const { identity: _stored, ...kept } = existing.body;
  const identity =
    body.identity === undefined ? existing.body.identity : identityOf(ctx, existing.id, ref, body.identity, existing);
  const { operation, tracked } = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: ref.subscriptionId, location: existing.body.location },
    "Update",
    resourceOperationMs(ctx),
  );
  const tags = body.tags ?? existing.body.tags;
  const patched = { ...kept, ...stringTags(tags), ...(identity ? { identity } : {}), properties };
  store(ctx, ref, patched, { operation: tracked }, existing);
  return { record: findGallery(ctx, ref)!, created: false, operation };
}

/** The gallery's nested resource types that block its deletion, by their last type segment. */
const NESTED_GALLERY_TYPES = ["images", "applications", "scripts", "inVMAccessControlProfiles"] as const;

/** DELETE: refused while definitions, applications, scripts or in-VM access control profiles remain; otherwise the gallery is Deleting until the operation ends. */
export function deleteGallery(ctx: EmulatorContext, ref: GalleryRef): OperationRecord {
  const existing = getGallery(ctx, ref);
  assertNoOperationInFlight(ctx, existing, existing.name);
  const children = NESTED_GALLERY_TYPES.flatMap((type) =>
    ctx.resources
      .listChildren(existing.id, `${GALLERY_TYPE}/${type}`, "", 5)
      .items.map((c) => `${GALLERY_TYPE}/${existing.name}/${type}/${c.name}`),
  );
  if (children.length > 0) throw ArmErrors.cannotDeleteResource(children.slice(0, 5));
  const { operation, tracked } = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: ref.subscriptionId, location: existing.body.location },
    "Delete",
    resourceOperationMs(ctx),
  );
  store(ctx, ref, existing.body, { operation: tracked }, existing, tracked.endsAt);
  return operation;
}

export interface NewGallery extends GalleryRef {
  location: string;
  description?: string;
  tags?: Record<string, string>;
}

/** Creates a gallery as a PUT would, for the demo seed and tests. */
export function createGallery(ctx: EmulatorContext, input: NewGallery): GalleryRecord {
  const { location, description, tags, ...ref } = input;
  return putGallery(ctx, ref, {
    location,
    ...(tags ? { tags } : {}),
    properties: description !== undefined ? { description } : {},
  }).record;
}

/** Only the keys a PATCH sent: an omitted property keeps its stored value. */
export function definedEntries<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
