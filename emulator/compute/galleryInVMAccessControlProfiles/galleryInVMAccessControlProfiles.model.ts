import {
  checkInVMAccessControlProfileUpdate,
  inVMAccessControlProfilePropertiesSchema,
  type InVMAccessControlProfileProperties,
} from "../../../lib/gallery/inVMAccessControl.js";
import { checkGalleryArtifactName } from "../../../lib/gallery/names.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { GalleryRef, WriteResult } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { parseProperties, requireObjectBody, throwViolation } from "../shared/body.js";
import {
  artifactLocation,
  trackedArtifactView,
  deleteArtifact,
  patchedBody,
  writeArtifact,
  type ArtifactRecord,
} from "../shared/galleryArtifacts.js";
import {
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  GALLERY_TYPE,
} from "../shared/names.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles: the model (validation, state, view). */

export interface ProfileRef extends GalleryRef {
  profile: string;
}

function nestedName(ref: ProfileRef): string {
  return `${ref.gallery}/${ref.profile}`;
}

export function findProfile(ctx: EmulatorContext, ref: ProfileRef): ArtifactRecord | undefined {
  return ctx.resources.get(`${parentGallery(ctx, ref).body.id}/inVMAccessControlProfiles/${ref.profile}`);
}

export function getProfile(ctx: EmulatorContext, ref: ProfileRef): ArtifactRecord {
  const record = findProfile(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(
      `${GALLERY_TYPE}/${ref.gallery}/inVMAccessControlProfiles`,
      ref.profile,
      ref.resourceGroup,
    );
  return record;
}

export function profileView(record: ArtifactRecord, now: number) {
  return trackedArtifactView(record, GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE, now);
}

function write(
  ctx: EmulatorContext,
  ref: ProfileRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: ArtifactRecord | undefined,
): WriteResult<ArtifactRecord> {
  const properties = parseProperties(inVMAccessControlProfilePropertiesSchema, input.properties, "properties");
  if (existing)
    throwViolation(
      checkInVMAccessControlProfileUpdate(existing.body.properties as InVMAccessControlProfileProperties, properties),
    );
  return writeArtifact(ctx, {
    parent: parentGallery(ctx, ref),
    type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
    name: ref.profile,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties,
    existing,
  });
}

export function putProfile(ctx: EmulatorContext, ref: ProfileRef, rawBody: unknown) {
  throwViolation(checkGalleryArtifactName(ref.profile, "inVMAccessControlProfileName"));
  const body = requireObjectBody(rawBody);
  const gallery = parentGallery(ctx, ref);
  const existing = findProfile(ctx, ref);
  const location = artifactLocation(body.location, {
    type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
    kind: "in-VM access control profile",
    galleryLocation: gallery.body.location,
    existing,
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
  });
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, existing);
}

export function patchProfile(ctx: EmulatorContext, ref: ProfileRef, rawBody: unknown) {
  const existing = getProfile(ctx, ref);
  return write(ctx, ref, patchedBody(existing, rawBody), existing);
}

/** DELETE: refused while versions remain. */
export function deleteProfile(ctx: EmulatorContext, ref: ProfileRef): OperationRecord {
  const existing = getProfile(ctx, ref);
  return deleteArtifact(ctx, existing, {
    nestedName: nestedName(ref),
    childType: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
    childPrefix: `${GALLERY_TYPE}/${ref.gallery}/inVMAccessControlProfiles/${existing.name}/versions`,
  });
}

/** Creates a profile as a PUT would, for the demo seed and tests. */
export function createProfile(ctx: EmulatorContext, input: ProfileRef & { properties: Record<string, unknown> }) {
  const { properties, ...ref } = input;
  return putProfile(ctx, ref, { location: parentGallery(ctx, ref).body.location, properties }).record;
}
