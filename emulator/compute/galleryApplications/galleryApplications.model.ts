import {
  checkApplicationName,
  checkApplicationUpdate,
  galleryApplicationPropertiesShape,
  validateApplicationRules,
  type GalleryApplicationProperties,
} from "../../../lib/gallery/galleryApplication.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import type { GalleryRecord, GalleryRef, WriteResult } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import {
  deleteArtifact,
  patchedBody,
  readArtifactPut,
  writeArtifact,
  type ArtifactRecord,
} from "../shared/galleryArtifacts.js";
import { parseProperties, throwViolation, trackedEnvelope } from "../shared/body.js";
import { sameInstant } from "../shared/dates.js";
import { GALLERY_APPLICATION_TYPE, GALLERY_APPLICATION_VERSION_TYPE, GALLERY_TYPE } from "../shared/names.js";
import type { TrackedState } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/applications (VM Applications): the model (validation, state, views). */

export interface GalleryApplicationRef extends GalleryRef {
  application: string;
}

export interface GalleryApplicationBody extends ArmResourceBody {
  location: string;
  properties: GalleryApplicationProperties;
}

export type GalleryApplicationRecord = ResourceRecord<GalleryApplicationBody, TrackedState>;

export function galleryApplicationId(gallery: GalleryRecord, application: string): string {
  return `${gallery.body.id}/applications/${application}`;
}

export function findGalleryApplication(
  ctx: EmulatorContext,
  ref: GalleryApplicationRef,
): GalleryApplicationRecord | undefined {
  const gallery = parentGallery(ctx, ref);
  return ctx.resources.get<GalleryApplicationBody, TrackedState>(galleryApplicationId(gallery, ref.application));
}

export function getGalleryApplication(ctx: EmulatorContext, ref: GalleryApplicationRef): GalleryApplicationRecord {
  const record = findGalleryApplication(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(`${GALLERY_TYPE}/${ref.gallery}/applications`, ref.application, ref.resourceGroup);
  return record;
}

/**
 * The application's ARM JSON. GalleryApplicationProperties has no provisioningState (the spec's examples show
 * none), so the running operation shows only through the LRO.
 */
export function galleryApplicationView(record: GalleryApplicationRecord) {
  return {
    ...trackedEnvelope(record.body, GALLERY_APPLICATION_TYPE),
    properties: record.body.properties,
  };
}

function nestedName(ref: GalleryApplicationRef): string {
  return `${ref.gallery}/${ref.application}`;
}

function write(
  ctx: EmulatorContext,
  ref: GalleryApplicationRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: GalleryApplicationRecord | undefined,
  gallery: GalleryRecord,
): WriteResult<GalleryApplicationRecord> {
  const now = ctx.clock.now();
  const properties = parseProperties(galleryApplicationPropertiesShape, input.properties, "properties");
  // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie ahead.
  const keepsEndOfLife =
    existing !== undefined && sameInstant(properties.endOfLifeDate, existing.body.properties.endOfLifeDate);
  const [violation] = validateApplicationRules(properties, new Date(keepsEndOfLife ? 0 : now));
  throwViolation(violation);
  if (existing) throwViolation(checkApplicationUpdate(existing.body.properties, properties));
  const { created, operation } = writeArtifact(ctx, {
    parent: gallery,
    type: GALLERY_APPLICATION_TYPE,
    name: ref.application,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties,
    existing: existing as ArtifactRecord | undefined,
  });
  return { record: findGalleryApplication(ctx, ref)!, created, operation };
}

/** PUT: creates the application (201) or updates it (200); supportedOSType is fixed at creation. */
export function putGalleryApplication(
  ctx: EmulatorContext,
  ref: GalleryApplicationRef,
  rawBody: unknown,
): WriteResult<GalleryApplicationRecord> {
  throwViolation(checkApplicationName(ref.application, ref.gallery));
  const { input, existing } = readArtifactPut(rawBody, {
    type: GALLERY_APPLICATION_TYPE,
    kind: "gallery application",
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
    gallery: () => parentGallery(ctx, ref),
    find: () => findGalleryApplication(ctx, ref),
  });
  return write(ctx, ref, input, existing, parentGallery(ctx, ref));
}

/** PATCH: the sent properties over the stored ones, then the same rules as PUT. */
export function patchGalleryApplication(
  ctx: EmulatorContext,
  ref: GalleryApplicationRef,
  rawBody: unknown,
): WriteResult<GalleryApplicationRecord> {
  const gallery = parentGallery(ctx, ref);
  const existing = getGalleryApplication(ctx, ref);
  return write(ctx, ref, patchedBody(existing, rawBody), existing, gallery);
}

/** DELETE: refused while versions remain, as for image definitions. */
export function deleteGalleryApplication(ctx: EmulatorContext, ref: GalleryApplicationRef): OperationRecord {
  const gallery = parentGallery(ctx, ref);
  const existing = getGalleryApplication(ctx, ref);
  return deleteArtifact(ctx, existing, {
    nestedName: nestedName(ref),
    childType: GALLERY_APPLICATION_VERSION_TYPE,
    childPrefix: `${GALLERY_TYPE}/${gallery.name}/applications/${existing.name}/versions`,
  });
}

export interface NewGalleryApplication extends GalleryApplicationRef {
  tags?: Record<string, string>;
  /** The `properties` of the PUT body (supportedOSType, description, customActions, …). */
  properties: Record<string, unknown>;
}

/** Creates an application as a PUT would, for the demo seed and tests. */
export function createGalleryApplication(ctx: EmulatorContext, input: NewGalleryApplication): GalleryApplicationRecord {
  const { tags, properties, ...ref } = input;
  const gallery = parentGallery(ctx, ref);
  return putGalleryApplication(ctx, ref, {
    location: gallery.body.location,
    ...(tags ? { tags } : {}),
    properties,
  }).record;
}
