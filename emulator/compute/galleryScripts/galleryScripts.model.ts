import {
  checkGalleryScriptUpdate,
  makeGalleryScriptPropertiesSchema,
  type GalleryScriptProperties,
} from "../../../lib/gallery/galleryScript.js";
import { checkGalleryArtifactName } from "../../../lib/gallery/names.js";
import { sameInstant } from "../shared/dates.js";
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
import { GALLERY_SCRIPT_TYPE, GALLERY_SCRIPT_VERSION_TYPE, GALLERY_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/scripts: the model (validation, state, view). */

export interface GalleryScriptRef extends GalleryRef {
  script: string;
}

export function galleryScriptId(ctx: EmulatorContext, ref: GalleryScriptRef): string {
  return `${parentGallery(ctx, ref).body.id}/scripts/${ref.script}`;
}

function nestedName(ref: GalleryScriptRef): string {
  return `${ref.gallery}/${ref.script}`;
}

export function findGalleryScript(ctx: EmulatorContext, ref: GalleryScriptRef): ArtifactRecord | undefined {
  return ctx.resources.get(galleryScriptId(ctx, ref));
}

export function getGalleryScript(ctx: EmulatorContext, ref: GalleryScriptRef): ArtifactRecord {
  const record = findGalleryScript(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(`${GALLERY_TYPE}/${ref.gallery}/scripts`, ref.script, ref.resourceGroup);
  return record;
}

export function galleryScriptView(record: ArtifactRecord, now: number) {
  return trackedArtifactView(record, GALLERY_SCRIPT_TYPE, now);
}

function write(
  ctx: EmulatorContext,
  ref: GalleryScriptRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: ArtifactRecord | undefined,
): WriteResult<ArtifactRecord> {
  const gallery = parentGallery(ctx, ref);
  // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie ahead.
  const sentEndOfLife = (input.properties as { endOfLifeDate?: unknown } | undefined)?.endOfLifeDate;
  const keeps = existing !== undefined && sameInstant(sentEndOfLife, existing.body.properties.endOfLifeDate);
  const now = ctx.clock.now();
  const properties = parseProperties(
    makeGalleryScriptPropertiesSchema(() => new Date(keeps ? 0 : now)),
    input.properties,
    "properties",
  );
  if (existing)
    throwViolation(checkGalleryScriptUpdate(existing.body.properties as GalleryScriptProperties, properties));
  return writeArtifact(ctx, {
    parent: gallery,
    type: GALLERY_SCRIPT_TYPE,
    name: ref.script,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties,
    existing,
  });
}

export function putGalleryScript(ctx: EmulatorContext, ref: GalleryScriptRef, rawBody: unknown) {
  throwViolation(checkGalleryArtifactName(ref.script, "galleryScriptName"));
  const body = requireObjectBody(rawBody);
  const gallery = parentGallery(ctx, ref);
  const existing = findGalleryScript(ctx, ref);
  const location = artifactLocation(body.location, {
    type: GALLERY_SCRIPT_TYPE,
    kind: "gallery script",
    galleryLocation: gallery.body.location,
    existing,
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
  });
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, existing);
}

export function patchGalleryScript(ctx: EmulatorContext, ref: GalleryScriptRef, rawBody: unknown) {
  const existing = getGalleryScript(ctx, ref);
  return write(ctx, ref, patchedBody(existing, rawBody), existing);
}

/** DELETE: refused while versions remain, as for image definitions. */
export function deleteGalleryScript(ctx: EmulatorContext, ref: GalleryScriptRef): OperationRecord {
  const existing = getGalleryScript(ctx, ref);
  return deleteArtifact(ctx, existing, {
    nestedName: nestedName(ref),
    childType: GALLERY_SCRIPT_VERSION_TYPE,
    childPrefix: `${GALLERY_TYPE}/${ref.gallery}/scripts/${existing.name}/versions`,
  });
}

/** Creates a script as a PUT would, for the demo seed and tests. */
export function createGalleryScript(
  ctx: EmulatorContext,
  input: GalleryScriptRef & { properties: Record<string, unknown> },
): ArtifactRecord {
  const { properties, ...ref } = input;
  return putGalleryScript(ctx, ref, { location: parentGallery(ctx, ref).body.location, properties }).record;
}
