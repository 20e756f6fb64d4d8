import { randomUUID } from "node:crypto";
import { communityInfoMissing, communityPublicName, missingCommunityFields } from "../../../lib/gallery/community.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import { getGallery, type GalleryBody, type GalleryRecord, type GalleryRef } from "../galleries/galleries.model.js";
import { SharingErrors } from "./gallerySharing.errors.js";
import {
  SHARING_GROUP_TYPES,
  SHARING_LIMITS,
  sharedIds,
  type SharingGroupType,
  type SharingProfileGroup,
  type StoredSharingProfile,
} from "./gallerySharing.profile.js";
import {
  assertNoOperationInFlight,
  beginOperation,
  isInFlight,
  resourceOperationMs,
  type TrackedState,
} from "../shared/provisioning.js";

/** `POST {gallery}/share`: the model of a gallery's direct sharing (Add, Remove, Reset, EnableCommunity). */

export const SHARING_UPDATE_OPERATIONS = ["Add", "Remove", "Reset", "EnableCommunity"] as const;
export type SharingUpdateOperation = (typeof SHARING_UPDATE_OPERATIONS)[number];

export interface SharingUpdate {
  operationType: SharingUpdateOperation;
  groups?: SharingProfileGroup[];
}

/** The last share on a gallery, kept so its operation's Location can answer with the update once it ends. */
export interface SharingState extends TrackedState {
  lastShare?: { operationId: string; update: SharingUpdate };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function canonical<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === "string" ? values.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
}

/** Reads the request body as the service binds a SharingUpdate, refusing what it refuses. */
export function parseSharingUpdate(raw: unknown): SharingUpdate {
  if (raw === undefined || raw === null) throw ArmErrors.missingRequestContent();
  if (typeof raw !== "object" || Array.isArray(raw))
    throw ArmErrors.invalidRequestContent("Unexpected JSON token; expected an object.");
  const body = raw as { operationType?: unknown; groups?: unknown };
  if (body.operationType === undefined || body.operationType === null)
    throw SharingErrors.missingParameter("sharingUpdate.operationType");
  const operationType = canonical(SHARING_UPDATE_OPERATIONS, body.operationType);
  if (!operationType)
    throw SharingErrors.invalidEnum("sharingUpdate.operationType", body.operationType, SHARING_UPDATE_OPERATIONS);

  const rawGroups = body.groups ?? undefined;
  if (operationType === "Reset" || operationType === "EnableCommunity") {
    if (Array.isArray(rawGroups) && rawGroups.length > 0) throw SharingErrors.groupsNotAllowed(operationType);
    return { operationType };
  }
  if (!Array.isArray(rawGroups) || rawGroups.length === 0) throw SharingErrors.missingParameter("sharingUpdate.groups");
  const merged = new Map<SharingGroupType, Set<string>>();
  for (const g of rawGroups as { type?: unknown; ids?: unknown }[]) {
    if (g?.type === undefined || g.type === null) throw SharingErrors.missingParameter("sharingUpdate.groups.type");
    const type = canonical(SHARING_GROUP_TYPES, g.type);
    if (!type) throw SharingErrors.invalidEnum("sharingUpdate.groups.type", g.type, SHARING_GROUP_TYPES);
    if (!Array.isArray(g.ids) || g.ids.length === 0) throw SharingErrors.missingParameter("sharingUpdate.groups.ids");
    const ids = merged.get(type) ?? new Set<string>();
    for (const id of g.ids) {
      if (typeof id !== "string" || !GUID.test(id)) throw SharingErrors.invalidGroupId(type, id);
      ids.add(id.toLowerCase());
    }
    merged.set(type, ids);
  }
  return { operationType, groups: [...merged].map(([type, ids]) => ({ type, ids: [...ids] })) };
}

/** The sharing profile after an update, within the service's limits. */
export function nextSharingProfile(
  current: StoredSharingProfile | undefined,
  update: SharingUpdate,
  gallery: { name: string },
): StoredSharingProfile {
  switch (update.operationType) {
    case "Reset":
      return { permissions: "Private" };
    case "EnableCommunity": {
      const info = current?.communityGalleryInfo;
      const missing = missingCommunityFields(info);
      if (!info || missing.length > 0) throw ArmErrors.fromViolation(communityInfoMissing(gallery.name, missing));
      const prefix = info.publicNamePrefix!;
      // The public name is made once: enabling again keeps the name consumers already use.
      const publicNames = info.publicNames.length > 0 ? info.publicNames : [communityPublicName(prefix, randomUUID())];
      return {
        permissions: "Community",
        communityGalleryInfo: { ...info, communityGalleryEnabled: true, publicNames },
      };
    }
    case "Add":
    case "Remove": {
      if (current?.permissions === "Community") throw SharingErrors.communityNotReversible(gallery.name);
      const groups = SHARING_GROUP_TYPES.map((type): SharingProfileGroup => {
        const existing = sharedIds(current, type);
        const changes = update.groups?.find((g) => g.type === type)?.ids ?? [];
        const ids =
          update.operationType === "Add"
            ? [...existing, ...changes.filter((id) => !existing.some((e) => e.toLowerCase() === id))]
            : existing.filter((e) => !changes.includes(e.toLowerCase()));
        if (ids.length > SHARING_LIMITS[type]) throw SharingErrors.limitExceeded(type, gallery.name, ids.length);
        return { type, ids };
      }).filter((g) => g.ids.length > 0);
      return { permissions: "Groups", groups };
    }
  }
}

export interface ShareResult {
  record: GalleryRecord;
  update: SharingUpdate;
  operation: OperationRecord;
}

/** Applies a share to the stored gallery and starts the operation that reports it; the gallery is Updating meanwhile. */
export function shareGallery(ctx: EmulatorContext, ref: GalleryRef, rawBody: unknown): ShareResult {
  const existing = getGallery(ctx, ref);
  assertNoOperationInFlight(ctx, existing, existing.name);
  const update = parseSharingUpdate(rawBody);
  const current = existing.body.properties.sharingProfile as StoredSharingProfile | undefined;
  const sharingProfile = nextSharingProfile(current, update, { name: existing.name });
  const { operation, tracked } = beginOperation(
    ctx,
    { id: existing.id, subscriptionId: existing.subscriptionId, location: existing.body.location },
    "Update",
    resourceOperationMs(ctx),
  );
  const body: GalleryBody = { ...existing.body, properties: { ...existing.body.properties, sharingProfile } };
  const state: SharingState = { operation: tracked, lastShare: { operationId: operation.operationId, update } };
  ctx.resources.put({ ...existing, body, state: state as Record<string, unknown> });
  return { record: getGallery(ctx, ref), update, operation };
}

/**
 * What the share's Location answers: nothing yet while the operation runs, then the update that was applied.
 * A share older than the gallery's last write is no longer known, as the service keeps only the latest.
 */
export function shareOutcome(
  ctx: EmulatorContext,
  ref: GalleryRef,
  operationId: string | undefined,
): { running: boolean; update?: SharingUpdate } {
  const gallery = getGallery(ctx, ref);
  const state = gallery.state as SharingState;
  const last = state.lastShare;
  if (!last || (operationId && last.operationId.toLowerCase() !== operationId.toLowerCase())) return { running: false };
  const running = state.operation?.operationId === last.operationId && isInFlight(state.operation, ctx.clock.now());
  return { running, update: last.update };
}
