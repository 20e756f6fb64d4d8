import {
  checkApplicationVersionUpdate,
  galleryApplicationVersionPropertiesShape,
  validateApplicationVersionRules,
  type ApplicationPublishingProfile,
} from "../../../lib/gallery/galleryApplicationVersion.js";
import { checkImageVersionName } from "../../../lib/gallery/names.js";
import { checkLocationAvailable } from "../../../lib/gallery/regions.js";
import { effectiveTargetRegions, profileReplication } from "../../../lib/gallery/replication.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { definedEntries, type WriteResult } from "../galleries/galleries.model.js";
import {
  findGalleryApplication,
  type GalleryApplicationRecord,
  type GalleryApplicationRef,
} from "../galleryApplications/galleryApplications.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import {
  beginReplicatedWrite,
  holdsReplicas,
  replicationStatusAt,
  type RegionReplicationPlan,
  type ReplicatedImage,
  targetExtendedLocationView,
} from "../shared/replication.js";
import { parseProperties, requireObjectBody, stringTags, throwViolation, trackedEnvelope } from "../shared/body.js";
import { requireReadablePackage } from "./galleryApplicationVersions.packages.js";
import { sameInstant } from "../shared/dates.js";
import { canonicalLocation, GALLERY_APPLICATION_VERSION_TYPE, requiredLocation } from "../shared/names.js";
import { storeGalleryChild } from "../shared/galleryArtifacts.js";
import {
  assertVersionWritable,
  beginVersionDelete,
  provisioningStateOf,
  type TrackedState,
} from "../shared/provisioning.js";

/**
 * Microsoft.Compute/galleries/applications/versions: the model. Replication is the image versions' (the same
 * per-region plans read against the clock), with the package counted as a 1 GB source: the emulator cannot
 * see the blob's size, and a package copies in about the time of a small image.
 */

export interface GalleryApplicationVersionRef extends GalleryApplicationRef {
  version: string;
}

const PACKAGE_SIZE_GB = 1;

export interface GalleryApplicationVersionBody extends ArmResourceBody {
  location: string;
  properties: {
    publishingProfile: ApplicationPublishingProfile;
    safetyProfile: { allowDeletionOfReplicatedLocations?: boolean };
    publishedDate: string;
  };
}

export interface GalleryApplicationVersionState extends TrackedState {
  replication: RegionReplicationPlan[];
}

export type GalleryApplicationVersionRecord = ResourceRecord<
  GalleryApplicationVersionBody,
  GalleryApplicationVersionState
>;

function nestedName(ref: GalleryApplicationVersionRef): string {
  return `${ref.gallery}/${ref.application}/${ref.version}`;
}

/** The application a version request names; ARM answers ParentResourceNotFound for a missing gallery or application. */
function parentApplication(ctx: EmulatorContext, ref: GalleryApplicationVersionRef): GalleryApplicationRecord {
  const application = findGalleryApplication(ctx, ref);
  if (!application) throw ArmErrors.parentNotFound(`${ref.gallery}/${ref.application}`);
  return application;
}

export function findGalleryApplicationVersion(
  ctx: EmulatorContext,
  application: GalleryApplicationRecord,
  version: string,
): GalleryApplicationVersionRecord | undefined {
  return ctx.resources.get<GalleryApplicationVersionBody, GalleryApplicationVersionState>(
    `${application.body.id}/versions/${version}`,
  );
}

export function getGalleryApplicationVersion(
  ctx: EmulatorContext,
  ref: GalleryApplicationVersionRef,
): GalleryApplicationVersionRecord {
  const record = findGalleryApplicationVersion(ctx, parentApplication(ctx, ref), ref.version);
  if (!record)
    throw ArmErrors.resourceNotFound(
      `Microsoft.Compute/galleries/${ref.gallery}/applications/${ref.application}/versions`,
      ref.version,
      ref.resourceGroup,
    );
  return record;
}

/** The version's ARM JSON at `now`, with the defaults Compute fills in and the state derived from the clock. */
export function galleryApplicationVersionView(
  record: GalleryApplicationVersionRecord,
  now: number,
  options: { expandReplication?: boolean } = {},
) {
  const { publishingProfile, safetyProfile, publishedDate } = record.body.properties;
  const { replicaCount } = profileReplication(publishingProfile);
  const { targetRegions: _given, targetExtendedLocations, ...rest } = publishingProfile;
  return {
    ...trackedEnvelope(record.body, GALLERY_APPLICATION_VERSION_TYPE),
    properties: {
      publishingProfile: {
        ...rest,
        enableHealthCheck: publishingProfile.enableHealthCheck ?? false,
        targetRegions: effectiveTargetRegions({ location: record.body.location, publishingProfile }),
        replicaCount,
        excludeFromLatest: publishingProfile.excludeFromLatest ?? false,
        publishedDate,
        storageAccountType: publishingProfile.storageAccountType ?? "Standard_LRS",
        ...(targetExtendedLocations !== undefined
          ? { targetExtendedLocations: targetExtendedLocations.map(targetExtendedLocationView) }
          : {}),
      },
      safetyProfile: { allowDeletionOfReplicatedLocations: safetyProfile.allowDeletionOfReplicatedLocations ?? false },
      provisioningState: provisioningStateOf(record.state.operation, now),
      ...(options.expandReplication ? { replicationStatus: replicationStatusAt(record.state.replication, now) } : {}),
    },
  };
}

export type GalleryApplicationVersionView = ReturnType<typeof galleryApplicationVersionView>;

function replicatedPackage(location: string): ReplicatedImage {
  return { sourceLocation: location, osDiskSizeGB: PACKAGE_SIZE_GB, dataDiskSizesGB: [] };
}

interface WriteOptions {
  /** Backdates replication (the demo seed's versions that are already replicated, or half-way). */
  startedAt?: number;
}

function write(
  ctx: EmulatorContext,
  ref: GalleryApplicationVersionRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  options: WriteOptions = {},
): WriteResult<GalleryApplicationVersionRecord> {
  const now = ctx.clock.now();
  const startedAt = options.startedAt ?? now;
  const gallery = parentGallery(ctx, ref);
  const application = parentApplication(ctx, ref);
  if (input.location !== gallery.body.location)
    throw ArmErrors.locationDiffersFromGallery("gallery application version", input.location, gallery.body.location);
  const existing = findGalleryApplicationVersion(ctx, application, ref.version);
  assertVersionWritable(existing, ref.version, nestedName(ref), now);

  const properties = parseProperties(galleryApplicationVersionPropertiesShape, input.properties, "properties");
  // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie ahead.
  const keepsEndOfLife =
    existing !== undefined &&
    sameInstant(properties.publishingProfile.endOfLifeDate, existing.body.properties.publishingProfile.endOfLifeDate);
  const [violation] = validateApplicationVersionRules(properties, {
    location: input.location,
    now: new Date(keepsEndOfLife ? 0 : now),
  });
  throwViolation(violation);
  requireReadablePackage(ctx, properties.publishingProfile.source);
  if (existing) {
    const replicated = existing.state.replication.filter((plan) => holdsReplicas(plan, now)).map((plan) => plan.region);
    throwViolation(checkApplicationVersionUpdate(replicated, properties, input.location));
  }

  const targets = effectiveTargetRegions({ location: input.location, publishingProfile: properties.publishingProfile });
  const id = existing?.body.id ?? `${application.body.id}/versions/${ref.version}`;
  const { replication, operation, tracked } = beginReplicatedWrite(ctx, {
    id,
    subscriptionId: application.subscriptionId,
    location: input.location,
    previous: existing?.state.replication ?? [],
    targets,
    artifact: replicatedPackage(input.location),
    startedAt,
    updating: existing !== undefined,
  });
  const body: GalleryApplicationVersionBody = {
    id,
    name: existing?.name ?? ref.version,
    type: GALLERY_APPLICATION_VERSION_TYPE,
    location: input.location,
    ...stringTags(input.tags),
    properties: {
      publishingProfile: properties.publishingProfile,
      safetyProfile: properties.safetyProfile ?? {},
      publishedDate: existing?.body.properties.publishedDate ?? new Date(startedAt).toISOString(),
    },
  };
  const state: GalleryApplicationVersionState = { operation: tracked, replication };
  storeGalleryChild(
    ctx,
    application,
    body,
    state,
    existing,
    existing?.createdAt ?? (options.startedAt !== undefined ? startedAt : undefined),
  );
  return {
    record: findGalleryApplicationVersion(ctx, application, ref.version)!,
    created: !existing,
    operation,
  };
}

/** PUT: creates the version and starts replication (201), or updates it and replicates again (200). */
export function putGalleryApplicationVersion(
  ctx: EmulatorContext,
  ref: GalleryApplicationVersionRef,
  rawBody: unknown,
  options: WriteOptions = {},
): WriteResult<GalleryApplicationVersionRecord> {
  const nameViolation = checkImageVersionName(ref.version);
  throwViolation(nameViolation && { ...nameViolation, target: "galleryApplicationVersionName" });
  const body = requireObjectBody(rawBody);
  const requested = requiredLocation(body.location);
  throwViolation(checkLocationAvailable(requested, GALLERY_APPLICATION_VERSION_TYPE));
  const location = canonicalLocation(requested)!;
  const existing = findGalleryApplicationVersion(ctx, parentApplication(ctx, ref), ref.version);
  if (existing && existing.body.location !== location) {
    throw ArmErrors.invalidResourceLocation(nestedName(ref), existing.body.location, location, ref.resourceGroup);
  }
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, options);
}

/** PATCH: the sent profiles over the stored ones, then the same rules as an update by PUT. */
export function patchGalleryApplicationVersion(
  ctx: EmulatorContext,
  ref: GalleryApplicationVersionRef,
  rawBody: unknown,
): WriteResult<GalleryApplicationVersionRecord> {
  const body = requireObjectBody(rawBody);
  const existing = getGalleryApplicationVersion(ctx, ref);
  const patch = (body.properties ?? {}) as Partial<
    Record<"publishingProfile" | "safetyProfile", Record<string, unknown>>
  >;
  const stored = existing.body.properties;
  const properties = {
    publishingProfile: { ...stored.publishingProfile, ...definedEntries(patch.publishingProfile ?? {}) },
    safetyProfile: { ...stored.safetyProfile, ...definedEntries(patch.safetyProfile ?? {}) },
  };
  return write(ctx, ref, { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties });
}

/** DELETE: as for image versions, accepted while replication runs, and a repeated delete ends with the first. */
export function deleteGalleryApplicationVersion(
  ctx: EmulatorContext,
  ref: GalleryApplicationVersionRef,
): OperationRecord {
  const existing = getGalleryApplicationVersion(ctx, ref);
  const { operation, tracked } = beginVersionDelete(ctx, existing);
  ctx.resources.put({ ...existing, state: { ...existing.state, operation: tracked }, goneAt: tracked.endsAt });
  return operation;
}

export interface NewGalleryApplicationVersion extends GalleryApplicationVersionRef {
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  /** When replication started (epoch ms); in the past, the version is as far along as that allows. */
  startedAt?: number;
}

/** Creates a version as a PUT would (same rules), for the demo seed and tests. */
export function createGalleryApplicationVersion(
  ctx: EmulatorContext,
  input: NewGalleryApplicationVersion,
): GalleryApplicationVersionRecord {
  const { tags, properties, startedAt, ...ref } = input;
  const gallery = parentGallery(ctx, ref);
  const body = { location: gallery.body.location, ...(tags ? { tags } : {}), properties };
  return putGalleryApplicationVersion(ctx, ref, body, startedAt !== undefined ? { startedAt } : {}).record;
}
