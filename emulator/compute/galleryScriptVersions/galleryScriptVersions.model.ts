import { targetExtendedLocationView, targetRegionsView } from "../shared/replication.js";
import {
  makeGalleryScriptVersionPropertiesSchema,
  validateScriptVersionRegions,
  scriptLinkWithoutSas,
  type GalleryScriptVersionProperties,
} from "../../../lib/gallery/galleryScript.js";
import { checkImageVersionName } from "../../../lib/gallery/names.js";
import { profileReplication } from "../../../lib/gallery/replication.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { WriteResult } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { getGalleryScript, type GalleryScriptRef } from "../galleryScripts/galleryScripts.model.js";
import { parseProperties, requireObjectBody, stringTags, throwViolation } from "../shared/body.js";
import { sameInstant } from "../shared/dates.js";
import {
  artifactLocation,
  deleteArtifact,
  replicationStatusOf,
  writeArtifactVersion,
  type ArtifactRecord,
} from "../shared/galleryArtifacts.js";
import { definedEntries } from "../galleries/galleries.model.js";
import { GALLERY_SCRIPT_VERSION_TYPE, GALLERY_TYPE } from "../shared/names.js";
import { provisioningStateOf } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/scripts/versions: the model (validation, replication, view). */

export interface GalleryScriptVersionRef extends GalleryScriptRef {
  version: string;
}

interface StoredScriptVersion extends GalleryScriptVersionProperties {
  publishedDate: string;
}

function nestedName(ref: GalleryScriptVersionRef): string {
  return `${ref.gallery}/${ref.script}/${ref.version}`;
}

export function findGalleryScriptVersion(ctx: EmulatorContext, ref: GalleryScriptVersionRef) {
  const script = getGalleryScript(ctx, ref);
  return {
    script,
    record: ctx.resources.get(`${script.body.id}/versions/${ref.version}`) as ArtifactRecord | undefined,
  };
}

export function getGalleryScriptVersion(ctx: EmulatorContext, ref: GalleryScriptVersionRef): ArtifactRecord {
  const { record } = findGalleryScriptVersion(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(
      `${GALLERY_TYPE}/${ref.gallery}/scripts/${ref.script}/versions`,
      ref.version,
      ref.resourceGroup,
    );
  return record;
}

/** The version's ARM JSON at `now`, with Compute's defaults; `replicationStatus` with `$expand=ReplicationStatus`. */
export function galleryScriptVersionView(record: ArtifactRecord, now: number, expandReplication = false) {
  const { publishingProfile, safetyProfile, publishedDate } = record.body.properties as unknown as StoredScriptVersion;
  const { replicaCount } = profileReplication(publishingProfile);
  return {
    id: record.body.id,
    name: record.body.name,
    type: GALLERY_SCRIPT_VERSION_TYPE,
    location: record.body.location,
    ...stringTags(record.body.tags),
    properties: {
      publishingProfile: {
        source: { ...publishingProfile.source, scriptLink: scriptLinkWithoutSas(publishingProfile.source.scriptLink) },
        targetRegions: targetRegionsView(record.body.location, publishingProfile),
        replicaCount,
        excludeFromLatest: publishingProfile.excludeFromLatest ?? false,
        publishedDate,
        ...(publishingProfile.endOfLifeDate !== undefined ? { endOfLifeDate: publishingProfile.endOfLifeDate } : {}),
        ...(publishingProfile.storageAccountStrategy === undefined
          ? { storageAccountType: publishingProfile.storageAccountType ?? "Standard_LRS" }
          : {}),
        ...(publishingProfile.replicationMode !== undefined
          ? { replicationMode: publishingProfile.replicationMode }
          : {}),
        ...(publishingProfile.storageAccountStrategy !== undefined
          ? { storageAccountStrategy: publishingProfile.storageAccountStrategy }
          : {}),
        ...(publishingProfile.targetExtendedLocations !== undefined
          ? { targetExtendedLocations: publishingProfile.targetExtendedLocations.map(targetExtendedLocationView) }
          : {}),
      },
      safetyProfile: { allowDeletionOfReplicatedLocations: safetyProfile?.allowDeletionOfReplicatedLocations ?? false },
      provisioningState: provisioningStateOf(record.state.operation, now),
      ...(expandReplication ? { replicationStatus: replicationStatusOf(record, now) } : {}),
    },
  };
}

function write(
  ctx: EmulatorContext,
  ref: GalleryScriptVersionRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  existing: ArtifactRecord | undefined,
  startedAt?: number,
): WriteResult<ArtifactRecord> {
  const { script } = findGalleryScriptVersion(ctx, ref);
  const now = ctx.clock.now();
  const stored = existing?.body.properties as unknown as StoredScriptVersion | undefined;
  const sentEndOfLife = (input.properties as { publishingProfile?: { endOfLifeDate?: unknown } } | undefined)
    ?.publishingProfile?.endOfLifeDate;
  const keeps = stored !== undefined && sameInstant(sentEndOfLife, stored.publishingProfile.endOfLifeDate);
  const properties = parseProperties(
    makeGalleryScriptVersionPropertiesSchema(() => new Date(keeps ? 0 : now)),
    input.properties,
    "properties",
  );
  return writeArtifactVersion(ctx, {
    parent: script,
    type: GALLERY_SCRIPT_VERSION_TYPE,
    name: ref.version,
    nestedName: nestedName(ref),
    location: input.location,
    tags: input.tags,
    properties: properties as unknown as Record<string, unknown>,
    existing,
    targetRegions: properties.publishingProfile.targetRegions ?? [],
    startedAt,
    regionRules: (context) => validateScriptVersionRegions(properties.publishingProfile, context),
  });
}

/** PUT: creates the version and starts its replication (201), or updates it and replicates what changed (200). */
export function putGalleryScriptVersion(
  ctx: EmulatorContext,
  ref: GalleryScriptVersionRef,
  rawBody: unknown,
  startedAt?: number,
): WriteResult<ArtifactRecord> {
  throwViolation(checkImageVersionName(ref.version));
  const body = requireObjectBody(rawBody);
  const gallery = parentGallery(ctx, ref);
  const { record: existing } = findGalleryScriptVersion(ctx, ref);
  const location = artifactLocation(body.location, {
    type: GALLERY_SCRIPT_VERSION_TYPE,
    kind: "gallery script version",
    galleryLocation: gallery.body.location,
    existing,
    nestedName: nestedName(ref),
    resourceGroup: ref.resourceGroup,
  });
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, existing, startedAt);
}

/** PATCH: the sent profiles merged over the stored ones, then the rules of PUT. */
export function patchGalleryScriptVersion(ctx: EmulatorContext, ref: GalleryScriptVersionRef, rawBody: unknown) {
  const body = requireObjectBody(rawBody);
  const existing = getGalleryScriptVersion(ctx, ref);
  const stored = existing.body.properties as unknown as StoredScriptVersion;
  const patch = (body.properties ?? {}) as Partial<
    Record<"publishingProfile" | "safetyProfile", Record<string, unknown>>
  >;
  const properties = {
    publishingProfile: { ...stored.publishingProfile, ...definedEntries(patch.publishingProfile ?? {}) },
    safetyProfile: { ...stored.safetyProfile, ...definedEntries(patch.safetyProfile ?? {}) },
  };
  return write(
    ctx,
    ref,
    { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties },
    existing,
  );
}

export function deleteGalleryScriptVersion(ctx: EmulatorContext, ref: GalleryScriptVersionRef): OperationRecord {
  return deleteArtifact(ctx, getGalleryScriptVersion(ctx, ref), { nestedName: nestedName(ref) });
}

/** Creates a version as a PUT would; `startedAt` in the past backdates its replication (the demo seed). */
export function createGalleryScriptVersion(
  ctx: EmulatorContext,
  input: GalleryScriptVersionRef & { properties: Record<string, unknown>; startedAt?: number },
): ArtifactRecord {
  const { properties, startedAt, ...ref } = input;
  const location = parentGallery(ctx, ref).body.location;
  return putGalleryScriptVersion(ctx, ref, { location, properties }, startedAt).record;
}
