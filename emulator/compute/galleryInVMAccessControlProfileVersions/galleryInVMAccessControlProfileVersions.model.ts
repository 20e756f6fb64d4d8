import { targetRegionsView } from "../shared/replication.js";
import {
  makeInVMAccessControlProfileVersionPropertiesSchema,
  validateProfileVersionRegions,
  type InVMAccessControlProfileVersionProperties,
} from "../../../lib/gallery/inVMAccessControl.js";
import { checkImageVersionName } from "../../../lib/gallery/names.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import { definedEntries, type WriteResult } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import {
  getProfile,
  type ProfileRef,
} from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { parseProperties, requireObjectBody, stringTags, throwViolation } from "../shared/body.js";
import {
  artifactLocation,
  deleteArtifact,
  replicationStatusOf,
  writeArtifactVersion,
  type ArtifactRecord,
} from "../shared/galleryArtifacts.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE, GALLERY_TYPE } from "../shared/names.js";
import { provisioningStateOf } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles/versions: the model (rules, replication, view). */

export interface ProfileVersionRef extends ProfileRef {
  version: string;
}

interface StoredProfileVersion extends InVMAccessControlProfileVersionProperties {
  publishedDate: string;
}

function nestedName(ref: ProfileVersionRef): string {
  return `${ref.gallery}/${ref.profile}/${ref.version}`;
}

function find(ctx: EmulatorContext, ref: ProfileVersionRef) {
  const profile = getProfile(ctx, ref);
  return {
    profile,
    record: ctx.resources.get(`${profile.body.id}/versions/${ref.version}`) as ArtifactRecord | undefined,
  };
}

export function getProfileVersion(ctx: EmulatorContext, ref: ProfileVersionRef): ArtifactRecord {
  const { record } = find(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(
      `${GALLERY_TYPE}/${ref.gallery}/inVMAccessControlProfiles/${ref.profile}/versions`,
      ref.version,
      ref.resourceGroup,
    );
  return record;
}

/**
 * The version's ARM JSON at `now`. The SDK offers no `$expand` for these versions, so `replicationStatus` (read-only in
 * GalleryResourceProfileVersionPropertiesBase) is always returned.
 */
export function profileVersionView(record: ArtifactRecord, now: number) {
  const { targetLocations, excludeFromLatest, publishedDate, mode, defaultAccess, rules } = record.body
    .properties as unknown as StoredProfileVersion;
  return {
    id: record.body.id,
    name: record.body.name,
    type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
    location: record.body.location,
    ...stringTags(record.body.tags),
    properties: {
      targetLocations: targetRegionsView(record.body.location, { targetRegions: targetLocations }),
      excludeFromLatest: excludeFromLatest ?? false,
      publishedDate,
      mode,
      defaultAccess,
      ...(rules !== undefined ? { rules } : {}),
      provisioningState: provisioningStateOf(record.state.operation, now),
      replicationStatus: replicationStatusOf(record, now),
    },
  };
}

function write(
  ctx: EmulatorContext,
  ref: ProfileVersionRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: ArtifactRecord | undefined,
  startedAt?: number,
): WriteResult<ArtifactRecord> {
  const { profile } = find(ctx, ref);
  const properties = parseProperties(
    makeInVMAccessControlProfileVersionPropertiesSchema(),
    input.properties,
    "properties",
  );
  // Target locations follow the image version's region rules.
  return writeArtifactVersion(ctx, {
    parent: profile,
    type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
    name: ref.version,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties: properties as unknown as Record<string, unknown>,
    existing,
    targetRegions: properties.targetLocations ?? [],
    startedAt,
    regionRules: (context) => validateProfileVersionRegions(properties, context),
  });
}

export function putProfileVersion(ctx: EmulatorContext, ref: ProfileVersionRef, rawBody: unknown, startedAt?: number) {
  throwViolation(checkImageVersionName(ref.version));
  const body = requireObjectBody(rawBody);
  const gallery = parentGallery(ctx, ref);
  const { record: existing } = find(ctx, ref);
  const location = artifactLocation(body.location, {
    type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
    kind: "in-VM access control profile version",
    galleryLocation: gallery.body.location,
    existing,
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
  });
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, existing, startedAt);
}

/** PATCH: the sent properties over the stored ones (rules replace the stored rules whole), then the rules of PUT. */
export function patchProfileVersion(ctx: EmulatorContext, ref: ProfileVersionRef, rawBody: unknown) {
  const body = requireObjectBody(rawBody);
  const existing = getProfileVersion(ctx, ref);
  const { publishedDate: _published, ...stored } = existing.body.properties as unknown as StoredProfileVersion;
  const properties = { ...stored, ...definedEntries((body.properties ?? {}) as Record<string, unknown>) };
  return write(
    ctx,
    ref,
    { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties },
    existing,
  );
}

export function deleteProfileVersion(ctx: EmulatorContext, ref: ProfileVersionRef): OperationRecord {
  return deleteArtifact(ctx, getProfileVersion(ctx, ref), { nestedName: nestedName(ref) });
}

/** Creates a version as a PUT would; `startedAt` in the past backdates its replication (the demo seed). */
export function createProfileVersion(
  ctx: EmulatorContext,
  input: ProfileVersionRef & { properties: Record<string, unknown>; startedAt?: number },
): ArtifactRecord {
  const { properties, startedAt, ...ref } = input;
  const location = parentGallery(ctx, ref).body.location;
  return putProfileVersion(ctx, ref, { location, properties }, startedAt).record;
}
