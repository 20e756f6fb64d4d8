import { galleryImageResourceId } from "../../../lib/azure/resourceId.js";
import {
  checkImageDefinitionUpdate,
  makeGalleryImagePropertiesSchema,
  type GalleryImageProperties,
} from "../../../lib/gallery/galleryImage.js";
import { withDefinitionDefaults } from "../../../lib/gallery/apiVersions.js";
import { findIdentifierConflict } from "../../../lib/gallery/identifier.js";
import { checkImageDefinitionName } from "../../../lib/gallery/names.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { findGallery, type GalleryRecord, type GalleryRef, type WriteResult } from "../galleries/galleries.model.js";
import {
  trackedArtifactView,
  deleteArtifact,
  patchedBody,
  readArtifactPut,
  writeArtifact,
  type ArtifactRecord,
} from "../shared/galleryArtifacts.js";
import { parseProperties, throwViolation } from "../shared/body.js";
import { sameInstant } from "../shared/dates.js";
import { checkQuotaForOneMore } from "../shared/quota.js";
import { GALLERY_IMAGE_TYPE, GALLERY_TYPE, GALLERY_IMAGE_VERSION_TYPE, requireResourceGroup } from "../shared/names.js";
import { refuseDeleteWhileSoftDeleted } from "../galleryImageVersions/softDeletedVersions.model.js";
import { assertNoOperationInFlight, type TrackedState } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/images (image definitions): the model (validation, state, views). */

export interface GalleryImageRef extends GalleryRef {
  image: string;
}

export interface GalleryImageBody extends ArmResourceBody {
  location: string;
  properties: Omit<GalleryImageProperties, "allowUpdateImage">;
}

export type GalleryImageRecord = ResourceRecord<GalleryImageBody, TrackedState>;

export function galleryImageId(ref: GalleryImageRef): string {
  return galleryImageResourceId(ref.subscriptionId, ref.resourceGroup, ref.gallery, ref.image);
}

export function findGalleryImage(ctx: EmulatorContext, ref: GalleryImageRef): GalleryImageRecord | undefined {
  return ctx.resources.get<GalleryImageBody, TrackedState>(galleryImageId(ref));
}

export function getGalleryImage(ctx: EmulatorContext, ref: GalleryImageRef): GalleryImageRecord {
  const record = findGalleryImage(ctx, ref);
  if (!record) throw ArmErrors.resourceNotFound(`${GALLERY_TYPE}/${ref.gallery}/images`, ref.image, ref.resourceGroup);
  return record;
}

/** The gallery a definition request names; ARM answers ParentResourceNotFound when it does not exist. */
export function parentGallery(ctx: EmulatorContext, ref: GalleryRef): GalleryRecord {
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const gallery = findGallery(ctx, ref);
  if (!gallery) throw ArmErrors.parentNotFound(ref.gallery);
  return gallery;
}

export function galleryImageView(record: GalleryImageRecord, now: number) {
  return trackedArtifactView(record, GALLERY_IMAGE_TYPE, now);
}

function nestedName(ref: GalleryImageRef): string {
  return `${ref.gallery}/${ref.image}`;
}

/**
 * The checks shared by PUT and PATCH: parent, region, every property rule of lib/gallery, immutable properties,
 * the identifier's uniqueness in the gallery, and the subscription's quota.
 */
function write(
  ctx: EmulatorContext,
  ref: GalleryImageRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: GalleryImageRecord | undefined,
  gallery: GalleryRecord,
  apiVersion?: string,
): WriteResult<GalleryImageRecord> {
  const now = ctx.clock.now();
  // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie ahead.
  const sentEndOfLife = (input.properties as { endOfLifeDate?: unknown } | undefined)?.endOfLifeDate;
  const keepsEndOfLife = existing !== undefined && sameInstant(sentEndOfLife, existing.body.properties.endOfLifeDate);
  const judgedAt = keepsEndOfLife ? 0 : now;
  const parsed = parseProperties(
    makeGalleryImagePropertiesSchema(() => new Date(judgedAt)),
    input.properties,
    "properties",
  );
  // An update that leaves out the generation or the features keeps the stored ones (they took their defaults at
  // creation); a new definition gets the defaults of the request's api-version.
  const sent = existing
    ? {
        ...parsed,
        hyperVGeneration: parsed.hyperVGeneration ?? existing.body.properties.hyperVGeneration,
        features: parsed.features ?? existing.body.properties.features,
      }
    : withDefinitionDefaults(parsed, apiVersion);
  if (existing) {
    throwViolation(checkImageDefinitionUpdate(existing.body.properties, sent));
    assertNoOperationInFlight(ctx, existing, nestedName(ref));
  }
  const { allowUpdateImage: _consent, ...properties } = sent;
  const siblings = ctx.resources
    .listChildren(gallery.id, GALLERY_IMAGE_TYPE)
    .items.map((r) => ({ name: r.name, identifier: (r.body as GalleryImageBody).properties.identifier }));
  throwViolation(
    findIdentifierConflict({ name: existing?.name ?? ref.image, identifier: properties.identifier }, siblings),
  );
  if (!existing) {
    checkQuotaForOneMore(ctx, "imageDefinitions", GALLERY_IMAGE_TYPE, ref.subscriptionId, input.location);
  }
  const { created, operation } = writeArtifact(ctx, {
    parent: gallery,
    type: GALLERY_IMAGE_TYPE,
    name: ref.image,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties,
    existing: existing as ArtifactRecord | undefined,
  });
  return { record: findGalleryImage(ctx, ref)!, created, operation };
}

/** PUT: creates the definition (201) or updates it (200) when only updatable properties change. */
export function putGalleryImage(
  ctx: EmulatorContext,
  ref: GalleryImageRef,
  rawBody: unknown,
  apiVersion?: string,
): WriteResult<GalleryImageRecord> {
  throwViolation(checkImageDefinitionName(ref.image, ref.gallery));
  const { input, existing } = readArtifactPut(rawBody, {
    type: GALLERY_IMAGE_TYPE,
    kind: "gallery image",
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
    gallery: () => parentGallery(ctx, ref),
    find: () => findGalleryImage(ctx, ref),
  });
  return write(ctx, ref, input, existing, parentGallery(ctx, ref), apiVersion);
}

/** PATCH: the sent properties over the stored ones, then the same rules as PUT. */
export function patchGalleryImage(
  ctx: EmulatorContext,
  ref: GalleryImageRef,
  rawBody: unknown,
  apiVersion?: string,
): WriteResult<GalleryImageRecord> {
  const gallery = parentGallery(ctx, ref);
  const existing = getGalleryImage(ctx, ref);
  return write(ctx, ref, patchedBody(existing, rawBody), existing, gallery, apiVersion);
}

/** DELETE: refused while versions remain. */
export function deleteGalleryImage(ctx: EmulatorContext, ref: GalleryImageRef): OperationRecord {
  const gallery = parentGallery(ctx, ref);
  const existing = getGalleryImage(ctx, ref);
  return deleteArtifact(ctx, existing, {
    nestedName: nestedName(ref),
    childType: GALLERY_IMAGE_VERSION_TYPE,
    childPrefix: `${GALLERY_TYPE}/${gallery.name}/images/${existing.name}/versions`,
    refuse: () => refuseDeleteWhileSoftDeleted(ctx, existing.id, gallery.name),
  });
}

export interface NewGalleryImage extends GalleryImageRef {
  /** Defaults to the gallery's location. */
  location?: string;
  tags?: Record<string, string>;
  /** The `properties` of the PUT body (identifier, osType, osState, …). */
  properties: Record<string, unknown>;
  /** The api-version whose defaults apply; the SDK's when not given. */
  apiVersion?: string;
}

/** Creates an image definition as a PUT would, for the demo seed and tests. */
export function createGalleryImage(ctx: EmulatorContext, input: NewGalleryImage): GalleryImageRecord {
  const { location, tags, properties, apiVersion, ...ref } = input;
  const gallery = parentGallery(ctx, ref);
  return putGalleryImage(
    ctx,
    ref,
    { location: location ?? gallery.body.location, ...(tags ? { tags } : {}), properties },
    apiVersion,
  ).record;
}
