import { SOFT_DELETE_RETENTION_MS } from "../../../lib/gallery/softDelete.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { ResourceRecord } from "../../store/resources.js";
import { GALLERY_TYPE } from "../shared/names.js";
import type {
  GalleryImageVersionBody,
  GalleryImageVersionRecord,
  GalleryImageVersionState,
} from "./galleryImageVersions.model.js";

/**
 * Soft-deleted image versions (softDeletePolicy.isSoftDeleteEnabled on the gallery). A deleted version's body and
 * state are kept in a row of their own type, beside the definition, from the moment its delete completes until the
 * retention period ends; the store hides the row after that, so purging needs no timer. A row of its own type keeps
 * soft-deleted versions out of every version list, `latest`, Resource Graph and the shared and community views.
 */

export const SOFT_DELETED_VERSION_TYPE = "Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions";

interface SoftDeletedBody {
  id: string;
  name: string;
  type: string;
  location: string;
  properties: { resourceArmId: string; softDeletedArtifactType: "Images" };
  [field: string]: unknown;
}

interface SoftDeletedState {
  softDeletedAt: number;
  version: { body: GalleryImageVersionBody; state: GalleryImageVersionState; createdAt: number };
}

export type SoftDeletedVersionRecord = ResourceRecord<SoftDeletedBody, SoftDeletedState>;

/** `…/galleries/{g}/softDeletedArtifactTypes/Images/artifacts/{image}/versions/{version}` for a version's id. */
export function softDeletedVersionId(versionId: string): string {
  return versionId.replace(/\/images\/([^/]+)\/versions\//i, "/softDeletedArtifactTypes/Images/artifacts/$1/versions/");
}

/** Keeps the version, soft-deleted from `deletedAt` (when its delete completes) for the retention period. */
export function keepSoftDeleted(ctx: EmulatorContext, version: GalleryImageVersionRecord, deletedAt: number): void {
  const id = softDeletedVersionId(version.id);
  ctx.resources.remove(id);
  ctx.resources.put<SoftDeletedBody, SoftDeletedState>({
    id,
    type: SOFT_DELETED_VERSION_TYPE,
    name: version.name,
    subscriptionId: version.subscriptionId,
    resourceGroup: version.resourceGroup,
    parentKey: version.parentKey,
    location: version.body.location,
    body: {
      id,
      name: version.name,
      type: SOFT_DELETED_VERSION_TYPE,
      location: version.body.location,
      properties: { resourceArmId: version.id, softDeletedArtifactType: "Images" },
    },
    state: {
      softDeletedAt: deletedAt,
      version: { body: version.body, state: version.state, createdAt: version.createdAt },
    },
    goneAt: deletedAt + SOFT_DELETE_RETENTION_MS,
  });
}

/** A version's soft-deleted copy, once its delete has completed and until retention ends. */
export function findSoftDeletedVersion(ctx: EmulatorContext, versionId: string): SoftDeletedVersionRecord | undefined {
  const record = ctx.resources.get<SoftDeletedBody, SoftDeletedState>(softDeletedVersionId(versionId));
  return record && record.state.softDeletedAt <= ctx.clock.now() ? record : undefined;
}

/** The soft-deleted versions of a definition at the emulator's now. */
export function softDeletedVersionsOf(ctx: EmulatorContext, imageId: string): SoftDeletedVersionRecord[] {
  const now = ctx.clock.now();
  return ctx.resources
    .listChildren<SoftDeletedBody, SoftDeletedState>(imageId, SOFT_DELETED_VERSION_TYPE)
    .items.filter((record) => record.state.softDeletedAt <= now);
}

/** Any soft-deleted (or about to be) version under a definition: it may not be deleted while one is kept. */
export function refuseDeleteWhileSoftDeleted(ctx: EmulatorContext, imageId: string, galleryName: string): void {
  const kept = ctx.resources.listChildren(imageId, SOFT_DELETED_VERSION_TYPE, "", 5).items;
  if (kept.length === 0) return;
  const image = imageId.split("/").at(-1)!;
  throw ArmErrors.cannotDeleteResource(
    kept.map(
      (v) => `${GALLERY_TYPE}/${galleryName}/softDeletedArtifactTypes/Images/artifacts/${image}/versions/${v.name}`,
    ),
  );
}

/** The GallerySoftDeletedResource JSON. */
export function softDeletedVersionView(record: SoftDeletedVersionRecord) {
  return {
    id: record.body.id,
    name: record.body.name,
    type: SOFT_DELETED_VERSION_TYPE,
    location: record.body.location,
    properties: {
      ...record.body.properties,
      softDeletedTime: new Date(record.state.softDeletedAt).toISOString(),
    },
  };
}

/** Takes the soft-deleted copy back: the stored version row as it was when deleted, and the copy dropped. */
export function takeBackSoftDeleted(
  ctx: EmulatorContext,
  record: SoftDeletedVersionRecord,
): { body: GalleryImageVersionBody; state: GalleryImageVersionState; createdAt: number } {
  ctx.resources.remove(record.id);
  return record.state.version;
}

export const isSoftDeletedType = (type: string) => type.toLowerCase() === SOFT_DELETED_VERSION_TYPE.toLowerCase();
