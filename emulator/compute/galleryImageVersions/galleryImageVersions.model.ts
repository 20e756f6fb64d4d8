import { galleryImageVersionResourceId } from "../../../lib/azure/resourceId.js";
import { checkSourceCompatibility } from "../../../lib/gallery/galleryImage.js";
import {
  checkImageVersionUpdate,
  checkUefiSettings,
  galleryImageVersionPropertiesShape,
  validateImageVersionRules,
  type GalleryImageVersionProperties,
  type PublishingProfile,
  checkImageVersionDeletion,
} from "../../../lib/gallery/galleryImageVersion.js";
import { checkImageVersionName } from "../../../lib/gallery/names.js";
import { withStorageDefaults } from "../../../lib/gallery/apiVersions.js";
import { securityTypeOf, validationsProfileAt } from "../../../lib/gallery/versionValidation.js";
import { effectiveFeatures } from "../../../lib/gallery/features.js";
import { effectiveTargetRegions, profileReplication } from "../../../lib/gallery/replication.js";
import { checkLocationAvailable, normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { ArmResourceBody, ResourceRecord } from "../../store/resources.js";
import { definedEntries, type WriteResult } from "../galleries/galleries.model.js";
import {
  findGalleryImage,
  parentGallery,
  type GalleryImageBody,
  type GalleryImageRecord,
  type GalleryImageRef,
} from "../galleryImages/galleryImages.model.js";
import { resolveCommunitySource, resolveVersionSource } from "./galleryImageVersions.sources.js";
import { checkVersionEncryption } from "./galleryImageVersions.encryption.js";
import { resolveVhd } from "./galleryImageVersions.vhd.js";
import { checkSourceThrottle } from "./galleryImageVersions.throttle.js";
import {
  beginReplicatedWrite,
  holdsReplicas,
  replicationEndsAt,
  replicationStatusAt,
  type RegionReplicationPlan,
  type ReplicatedImage,
  targetExtendedLocationView,
  targetRegionsView,
} from "../shared/replication.js";
import {
  isPlainObject,
  parseProperties,
  requireObjectBody,
  stringTags,
  throwViolation,
  trackedEnvelope,
} from "../shared/body.js";
import { sameInstant } from "../shared/dates.js";
import { checkQuotaForOneMore } from "../shared/quota.js";
import { canonicalLocation, GALLERY_IMAGE_VERSION_TYPE, requiredLocation } from "../shared/names.js";
import { storeGalleryChild } from "../shared/galleryArtifacts.js";
import {
  assertVersionWritable,
  beginOperation,
  beginVersionDelete,
  provisioningStateOf,
  resourceOperationMs,
  type TrackedState,
} from "../shared/provisioning.js";
import type { VersionSource } from "./versionSource.js";
import { findSoftDeletedVersion, keepSoftDeleted, takeBackSoftDeleted } from "./softDeletedVersions.model.js";

/** Microsoft.Compute/galleries/images/versions: the model (validation, sources, replication, views). */

export interface GalleryImageVersionRef extends GalleryImageRef {
  version: string;
}

const PROPERTIES = "galleryImageVersion.properties";
/** The size Compute reports for an OS disk whose source does not say (a 30 GB image is the Marketplace norm). */
const DEFAULT_OS_DISK_GB = 30;

interface DiskSource {
  id?: string;
  storageAccountId?: string;
  uri?: string;
}

export interface StoredStorageProfile {
  source?: { id?: string; virtualMachineId?: string; communityGalleryImageId?: string };
  osDiskImage: { sizeInGB: number; hostCaching: string; source?: DiskSource };
  dataDiskImages: { lun: number; sizeInGB: number; hostCaching: string; source?: DiskSource }[];
}

export interface GalleryImageVersionBody extends ArmResourceBody {
  location: string;
  properties: {
    publishingProfile: PublishingProfile & { targetRegions?: { name: string; encryption?: unknown }[] };
    storageProfile: StoredStorageProfile;
    safetyProfile: { allowDeletionOfReplicatedLocations?: boolean; blockDeletionBeforeEndOfLife?: boolean };
    securityProfile?: GalleryImageVersionProperties["securityProfile"];
    publishedDate: string;
  };
}

/** A report against a version (Microsoft's, in Azure; the emulator's control surface, here). */
export interface PolicyViolation {
  category: string;
  details: string;
}

export interface GalleryImageVersionState extends TrackedState {
  replication: RegionReplicationPlan[];
  /** Read-only for ARM clients: set through `/_emulator/policyViolations` to rehearse a flagged version. */
  policyViolations?: PolicyViolation[];
  /** Set through `/_emulator/validations` to rehearse a version whose platform validation failed. */
  validationFailed?: boolean;
}

export type GalleryImageVersionRecord = ResourceRecord<GalleryImageVersionBody, GalleryImageVersionState>;

export function galleryImageVersionId(ref: GalleryImageVersionRef): string {
  return galleryImageVersionResourceId(ref.subscriptionId, ref.resourceGroup, ref.gallery, ref.image, ref.version);
}

export function findGalleryImageVersion(
  ctx: EmulatorContext,
  ref: GalleryImageVersionRef,
): GalleryImageVersionRecord | undefined {
  return ctx.resources.get<GalleryImageVersionBody, GalleryImageVersionState>(galleryImageVersionId(ref));
}

export function getGalleryImageVersion(ctx: EmulatorContext, ref: GalleryImageVersionRef): GalleryImageVersionRecord {
  const record = findGalleryImageVersion(ctx, ref);
  if (!record)
    throw ArmErrors.resourceNotFound(
      `Microsoft.Compute/galleries/${ref.gallery}/images/${ref.image}/versions`,
      ref.version,
      ref.resourceGroup,
    );
  return record;
}

export interface VersionViewOptions {
  /** `$expand=ReplicationStatus`: add `properties.replicationStatus`. */
  expandReplication?: boolean;
  /** `$expand=UefiSettings`: show `securityProfile.uefiSettings` (a write's response always does). */
  expandUefiSettings?: boolean;
  /** `$expand=ValidationProfile`: add `properties.validationsProfile`; needs the version's definition. */
  validationOf?: GalleryImageRecord;
}

function securityProfileView(
  profile: GalleryImageVersionBody["properties"]["securityProfile"],
  expandUefiSettings: boolean,
) {
  if (!profile?.uefiSettings || !expandUefiSettings) return {};
  return { securityProfile: { uefiSettings: profile.uefiSettings } };
}

function validationsView(record: GalleryImageVersionRecord, definition: GalleryImageRecord, now: number) {
  const replication = replicationStatusAt(record.state.replication, now);
  const { identifier, features } = definition.body.properties;
  return validationsProfileAt(
    {
      // A SecurityType added with startsAtVersion asks for validation only from that version on.
      securityType: securityTypeOf(effectiveFeatures(features, record.body.name)),
      identifier,
      version: record.body.name,
      publishedDate: record.body.properties.publishedDate,
      replicatedAt:
        replication.aggregatedState === "Completed" ? replicationEndsAt(record.state.replication) : undefined,
      failed: record.state.validationFailed === true,
    },
    now,
  );
}

/** The version's ARM JSON at `now`, with the defaults Compute fills in and the state derived from the clock. */
export function galleryImageVersionView(
  record: GalleryImageVersionRecord,
  now: number,
  options: VersionViewOptions = {},
) {
  const { publishingProfile, storageProfile, safetyProfile, securityProfile, publishedDate } = record.body.properties;
  const targetRegions = targetRegionsView(record.body.location, publishingProfile);
  const policyViolations = record.state.policyViolations ?? [];
  const { replicaCount } = profileReplication(publishingProfile);
  return {
    ...trackedEnvelope(record.body, GALLERY_IMAGE_VERSION_TYPE),
    properties: {
      publishingProfile: {
        targetRegions,
        replicaCount,
        excludeFromLatest: publishingProfile.excludeFromLatest ?? false,
        publishedDate,
        ...(publishingProfile.endOfLifeDate !== undefined ? { endOfLifeDate: publishingProfile.endOfLifeDate } : {}),
        ...(publishingProfile.storageAccountStrategy !== undefined
          ? { storageAccountStrategy: publishingProfile.storageAccountStrategy }
          : { storageAccountType: publishingProfile.storageAccountType ?? "Standard_LRS" }),
        ...(publishingProfile.replicationMode !== undefined
          ? { replicationMode: publishingProfile.replicationMode }
          : {}),
        ...(publishingProfile.targetExtendedLocations !== undefined
          ? { targetExtendedLocations: publishingProfile.targetExtendedLocations.map(targetExtendedLocationView) }
          : {}),
      },
      storageProfile,
      safetyProfile: {
        allowDeletionOfReplicatedLocations: safetyProfile.allowDeletionOfReplicatedLocations ?? false,
        reportedForPolicyViolation: policyViolations.length > 0,
        ...(policyViolations.length > 0 ? { policyViolations } : {}),
        ...(safetyProfile.blockDeletionBeforeEndOfLife !== undefined
          ? { blockDeletionBeforeEndOfLife: safetyProfile.blockDeletionBeforeEndOfLife }
          : {}),
      },
      ...securityProfileView(securityProfile, options.expandUefiSettings ?? false),
      provisioningState: provisioningStateOf(record.state.operation, now),
      ...(options.expandReplication ? { replicationStatus: replicationStatusAt(record.state.replication, now) } : {}),
      ...(options.validationOf ? { validationsProfile: validationsView(record, options.validationOf, now) } : {}),
    },
  };
}

export type GalleryImageVersionView = ReturnType<typeof galleryImageVersionView>;

/**
 * Every version of a definition with its per-region replication at `now` (one query, views computed from the
 * stored plans), for the consumer views and VM creation.
 */
export function versionsWithReplication(ctx: EmulatorContext, imageId: string): GalleryImageVersionView[] {
  const now = ctx.clock.now();
  return ctx.resources
    .listChildren<GalleryImageVersionBody, GalleryImageVersionState>(imageId, GALLERY_IMAGE_VERSION_TYPE)
    .items.map((record) => galleryImageVersionView(record, now, { expandReplication: true }));
}

function nestedName(ref: GalleryImageVersionRef): string {
  return `${ref.gallery}/${ref.image}/${ref.version}`;
}

/** The definition a version request names; ARM answers ParentResourceNotFound for a missing gallery or definition. */
function parents(ctx: EmulatorContext, ref: GalleryImageVersionRef) {
  const gallery = parentGallery(ctx, ref);
  const image = findGalleryImage(ctx, ref);
  if (!image) throw ArmErrors.parentNotFound(`${ref.gallery}/${ref.image}`);
  return { gallery, image };
}

function requireSource(ctx: EmulatorContext, id: string, location: string, target: string): VersionSource {
  const source = resolveVersionSource(ctx, id, location);
  if (!source || normalizeLocation(source.location) !== normalizeLocation(location))
    throw ArmErrors.versionSourceNotFound(id, target);
  if (source.unusableBecause)
    throw ArmErrors.versionSourceUnusable(source.unusableBecause.code, source.unusableBecause.message, target);
  return source;
}

function checkAgainstDefinition(definition: GalleryImageRecord, source: VersionSource): void {
  const { osType, osState, hyperVGeneration, architecture, features } = definition.body.properties;
  throwViolation(checkSourceCompatibility({ osType, osState, hyperVGeneration, architecture, features }, source));
}

/** Resolves the version's sources and records the disks they give, as Compute reports them in storageProfile. */
function resolveStorage(
  ctx: EmulatorContext,
  input: GalleryImageVersionProperties["storageProfile"],
  location: string,
  definition: GalleryImageRecord,
): StoredStorageProfile {
  const dataCaching = (lun: number) => input.dataDiskImages?.find((disk) => disk.lun === lun)?.hostCaching ?? "None";
  const osCaching = input.osDiskImage?.hostCaching ?? "ReadWrite";
  const communityId = input.source?.communityGalleryImageId;
  if (communityId) {
    const source = resolveCommunitySource(ctx, communityId, location);
    if (!source)
      throw ArmErrors.versionSourceNotFound(communityId, `${PROPERTIES}.storageProfile.source.communityGalleryImageId`);
    checkAgainstDefinition(definition, source);
    return {
      source: { communityGalleryImageId: communityId },
      osDiskImage: { sizeInGB: source.osDiskSizeGB ?? DEFAULT_OS_DISK_GB, hostCaching: osCaching },
      dataDiskImages: source.dataDisks.map((disk) => ({
        lun: disk.lun,
        sizeInGB: disk.sizeGB,
        hostCaching: dataCaching(disk.lun),
      })),
    };
  }
  const directId = input.source?.id ?? input.source?.virtualMachineId;
  if (directId) {
    const target = `${PROPERTIES}.storageProfile.source.${input.source?.id ? "id" : "virtualMachineId"}`;
    const source = requireSource(ctx, directId, location, target);
    checkAgainstDefinition(definition, source);
    return {
      source: input.source?.id ? { id: input.source.id } : { virtualMachineId: directId },
      osDiskImage: { sizeInGB: source.osDiskSizeGB ?? DEFAULT_OS_DISK_GB, hostCaching: osCaching },
      dataDiskImages: source.dataDisks.map((disk) => ({
        lun: disk.lun,
        sizeInGB: disk.sizeGB,
        hostCaching: dataCaching(disk.lun),
      })),
    };
  }
  const osSource = input.osDiskImage?.source;
  const osSourceId = osSource?.id;
  const osDiskPath = `${PROPERTIES}.storageProfile.osDiskImage`;
  let osDisk: StoredStorageProfile["osDiskImage"];
  if (osSource?.uri !== undefined && osSourceId === undefined) {
    const vhd = resolveVhd(ctx, { ...osSource, uri: osSource.uri }, location, definition, osDiskPath, true);
    osDisk = {
      sizeInGB: vhd.sizeGB,
      hostCaching: osCaching,
      source: { storageAccountId: osSource.storageAccountId!, uri: osSource.uri },
    };
  } else if (osSourceId) {
    const source = requireSource(ctx, osSourceId, location, `${osDiskPath}.source.id`);
    checkAgainstDefinition(definition, source);
    osDisk = {
      sizeInGB: source.osDiskSizeGB ?? DEFAULT_OS_DISK_GB,
      hostCaching: osCaching,
      source: { id: osSourceId },
    };
  } else {
    throw ArmErrors.invalidParameter(osDiskPath, `Required parameter '${osDiskPath}' is missing (null).`);
  }
  return {
    osDiskImage: osDisk,
    dataDiskImages: (input.dataDiskImages ?? []).map((disk, index) => {
      const diskPath = `${PROPERTIES}.storageProfile.dataDiskImages[${index}]`;
      const id = disk.source?.id;
      const uri = disk.source?.uri;
      if (uri !== undefined && id === undefined) {
        const vhd = resolveVhd(ctx, { ...disk.source, uri }, location, definition, diskPath, false);
        return {
          lun: disk.lun,
          sizeInGB: vhd.sizeGB,
          hostCaching: disk.hostCaching ?? "None",
          source: { storageAccountId: disk.source!.storageAccountId!, uri },
        };
      }
      const source = id ? requireSource(ctx, id, location, `${diskPath}.source.id`) : undefined;
      const sizeInGB = source?.osDiskSizeGB ?? source?.dataDisks[0]?.sizeGB ?? 0;
      return { lun: disk.lun, sizeInGB, hostCaching: disk.hostCaching ?? "None", ...(id ? { source: { id } } : {}) };
    }),
  };
}

function replicatedImage(location: string, storage: StoredStorageProfile): ReplicatedImage {
  return {
    sourceLocation: location,
    osDiskSizeGB: storage.osDiskImage.sizeInGB,
    dataDiskSizesGB: storage.dataDiskImages.map((disk) => disk.sizeInGB),
  };
}

/**
 * The stored version as lib/gallery's update rule sees it: only the regions that already hold replicas count as
 * regions an update would remove (a region added a moment ago and not yet copied to can be dropped freely).
 */
function storedForUpdateCheck(existing: GalleryImageVersionRecord, now: number): GalleryImageVersionProperties {
  const { publishingProfile, storageProfile, safetyProfile } = existing.body.properties;
  const replicated = existing.state.replication
    .filter((plan) => holdsReplicas(plan, now))
    .map((plan) => ({ name: plan.region }));
  return {
    publishingProfile: { ...publishingProfile, targetRegions: replicated },
    storageProfile: storageProfile as GalleryImageVersionProperties["storageProfile"],
    safetyProfile,
  };
}

interface WriteOptions {
  /** Backdates replication (the demo seed's versions that are already replicated, or half-way). */
  startedAt?: number;
  /** The request's api-version, whose defaults a new version gets; the SDK's when not given. */
  apiVersion?: string;
}

function write(
  ctx: EmulatorContext,
  ref: GalleryImageVersionRef,
  input: { location: string; tags?: Record<string, string>; properties: unknown },
  options: WriteOptions = {},
): WriteResult<GalleryImageVersionRecord> {
  const now = ctx.clock.now();
  const startedAt = options.startedAt ?? now;
  const { gallery, image } = parents(ctx, ref);
  if (input.location !== gallery.body.location)
    throw ArmErrors.locationDiffersFromGallery("gallery image version", input.location, gallery.body.location);
  const existing = findGalleryImageVersion(ctx, ref);
  assertVersionWritable(existing, ref.version, nestedName(ref), now);

  const parsed = parseProperties(galleryImageVersionPropertiesShape, input.properties, "properties");
  const properties = {
    ...parsed,
    publishingProfile: withStorageDefaults(
      parsed.publishingProfile ?? {},
      options.apiVersion,
      existing?.body.properties.publishingProfile,
    ),
  };
  // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie ahead.
  const keepsEndOfLife =
    existing !== undefined &&
    sameInstant(properties.publishingProfile?.endOfLifeDate, existing.body.properties.publishingProfile.endOfLifeDate);
  throwViolation(checkUefiSettings(properties.securityProfile, securityTypeOf(image.body.properties.features)));
  const [violation] = validateImageVersionRules(properties, {
    location: input.location,
    now: new Date(keepsEndOfLife ? 0 : now),
    updating: existing !== undefined,
  });
  throwViolation(violation);

  let storage: StoredStorageProfile;
  if (existing) {
    throwViolation(checkImageVersionUpdate(storedForUpdateCheck(existing, now), properties, input.location));
    storage = existing.body.properties.storageProfile;
  } else {
    storage = resolveStorage(ctx, properties.storageProfile, input.location, image);
    checkQuotaForOneMore(ctx, "imageVersions", GALLERY_IMAGE_VERSION_TYPE, ref.subscriptionId, input.location);
    checkSourceThrottle(ctx, storage);
  }
  checkVersionEncryption(ctx, {
    subscriptionId: ref.subscriptionId,
    targetRegions: properties.publishingProfile?.targetRegions,
    dataDiskLuns: storage.dataDiskImages.map((disk) => disk.lun),
    stored: existing?.body.properties.publishingProfile.targetRegions,
    definitionSecurityType: securityTypeOf(image.body.properties.features),
    sharingPermissions: (gallery.body.properties.sharingProfile as { permissions?: string } | undefined)?.permissions,
    edgeZones: properties.publishingProfile?.targetExtendedLocations,
  });

  const targets = effectiveTargetRegions({ location: input.location, publishingProfile: properties.publishingProfile });
  const id = existing?.body.id ?? `${image.body.id}/versions/${ref.version}`;
  const { replication, operation, tracked } = beginReplicatedWrite(ctx, {
    id,
    subscriptionId: image.subscriptionId,
    location: input.location,
    previous: existing?.state.replication ?? [],
    targets,
    artifact: replicatedImage(input.location, storage),
    startedAt,
    updating: existing !== undefined,
  });
  const body: GalleryImageVersionBody = {
    id,
    name: existing?.name ?? ref.version,
    type: GALLERY_IMAGE_VERSION_TYPE,
    location: input.location,
    ...stringTags(input.tags),
    properties: {
      publishingProfile: properties.publishingProfile ?? {},
      storageProfile: storage,
      safetyProfile: properties.safetyProfile ?? {},
      ...definedEntries({ securityProfile: properties.securityProfile ?? existing?.body.properties.securityProfile }),
      publishedDate: existing?.body.properties.publishedDate ?? new Date(startedAt).toISOString(),
    },
  };
  const state: GalleryImageVersionState = {
    operation: tracked,
    replication,
    ...definedEntries({
      policyViolations: existing?.state.policyViolations,
      validationFailed: existing?.state.validationFailed,
    }),
  };
  storeGalleryChild(
    ctx,
    image,
    body,
    state,
    existing,
    existing?.createdAt ?? (options.startedAt !== undefined ? startedAt : undefined),
  );
  return { record: findGalleryImageVersion(ctx, ref)!, created: !existing, operation };
}

function locationOf(location: string | undefined): string {
  const requested = requiredLocation(location);
  throwViolation(checkLocationAvailable(requested, GALLERY_IMAGE_VERSION_TYPE));
  return canonicalLocation(requested)!;
}

/** PUT: creates the version and starts replication (201), or updates what may change and replicates again (200). */
export function putGalleryImageVersion(
  ctx: EmulatorContext,
  ref: GalleryImageVersionRef,
  rawBody: unknown,
  options: WriteOptions = {},
): WriteResult<GalleryImageVersionRecord> {
  throwViolation(checkImageVersionName(ref.version));
  const body = requireObjectBody(rawBody);
  const location = locationOf(body.location);
  const existing = findGalleryImageVersion(ctx, ref);
  if (existing && existing.body.location !== location) {
    throw ArmErrors.invalidResourceLocation(nestedName(ref), existing.body.location, location, ref.resourceGroup);
  }
  const restore = restoreFlag(body.properties);
  if (restore) return restoreVersion(ctx, ref, location, existing);
  if (!existing && findSoftDeletedVersion(ctx, galleryImageVersionId(ref)))
    throw ArmErrors.versionSoftDeleted(ref.version);
  return write(ctx, ref, { location, tags: body.tags, properties: body.properties }, options);
}

/** `properties.restore`, the one property of a restore request; anything but a boolean is Azure's InvalidParameter. */
function restoreFlag(properties: unknown): boolean {
  if (properties === null || typeof properties !== "object" || !Object.hasOwn(properties, "restore")) return false;
  const restore = (properties as { restore?: unknown }).restore;
  if (typeof restore !== "boolean")
    throw ArmErrors.invalidParameter("properties.restore", "The value of parameter restore is invalid.");
  return restore;
}

/**
 * PUT or PATCH with `restore: true` (a PATCH names no location: the kept version's is taken; example
 * GalleryImageVersion_Update_RestoreSoftDeleted): the soft-deleted version comes back as it was deleted (sources, regions, publishedDate),
 * with an update operation for the restore. Only a soft-deleted version can be restored.
 */
function restoreVersion(
  ctx: EmulatorContext,
  ref: GalleryImageVersionRef,
  requestedLocation: string | undefined,
  existing: GalleryImageVersionRecord | undefined,
): WriteResult<GalleryImageVersionRecord> {
  const { image } = parents(ctx, ref);
  const id = galleryImageVersionId(ref);
  const kept = findSoftDeletedVersion(ctx, id);
  if (existing || !kept) throw ArmErrors.versionNotSoftDeleted(ref.version);
  const location = requestedLocation ?? kept.body.location;
  if (kept.body.location !== location)
    throw ArmErrors.invalidResourceLocation(nestedName(ref), kept.body.location, location, ref.resourceGroup);
  const version = takeBackSoftDeleted(ctx, kept);
  const { operation, tracked } = beginOperation(
    ctx,
    { id: version.body.id, subscriptionId: image.subscriptionId, location },
    "Update",
    resourceOperationMs(ctx),
  );
  ctx.resources.remove(version.body.id);
  ctx.resources.put({
    id: version.body.id,
    type: GALLERY_IMAGE_VERSION_TYPE,
    name: version.body.name,
    subscriptionId: image.subscriptionId,
    resourceGroup: image.resourceGroup,
    parentKey: image.id,
    location,
    body: version.body,
    state: { ...version.state, operation: tracked } satisfies GalleryImageVersionState,
    createdAt: version.createdAt,
  });
  return { record: findGalleryImageVersion(ctx, ref)!, created: false, operation };
}

/** PATCH: the sent profiles over the stored ones, then the same rules as an update by PUT. */
export function patchGalleryImageVersion(
  ctx: EmulatorContext,
  ref: GalleryImageVersionRef,
  rawBody: unknown,
  apiVersion?: string,
): WriteResult<GalleryImageVersionRecord> {
  const body = requireObjectBody(rawBody);
  parents(ctx, ref);
  if (restoreFlag(body.properties)) return restoreVersion(ctx, ref, undefined, findGalleryImageVersion(ctx, ref));
  const existing = getGalleryImageVersion(ctx, ref);
  const patch = (body.properties ?? {}) as Partial<
    Record<"publishingProfile" | "storageProfile" | "safetyProfile" | "securityProfile", Record<string, unknown>>
  >;
  const stored = existing.body.properties;
  const publishingProfile = { ...stored.publishingProfile, ...definedEntries(patch.publishingProfile ?? {}) };
  const properties = {
    publishingProfile: {
      ...publishingProfile,
      targetRegions: keepStoredEncryption(publishingProfile.targetRegions, stored.publishingProfile.targetRegions),
    },
    storageProfile: patch.storageProfile ?? stored.storageProfile,
    safetyProfile: { ...stored.safetyProfile, ...definedEntries(patch.safetyProfile ?? {}) },
    ...definedEntries({ securityProfile: patch.securityProfile ?? stored.securityProfile }),
  };
  return write(
    ctx,
    ref,
    { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties },
    { apiVersion },
  );
}

/**
 * A PATCH's target regions, each without `encryption` taking the stored region's: the service keeps a region's
 * encryption unless the PATCH names it (example GalleryImageVersion_Update_WithoutSourceId).
 */
function keepStoredEncryption(incoming: unknown, stored: readonly { name: string; encryption?: unknown }[] = []) {
  if (!Array.isArray(incoming)) return incoming;
  return incoming.map((region: unknown) => {
    if (!isPlainObject(region) || region.encryption !== undefined || typeof region.name !== "string") return region;
    const name = normalizeLocation(region.name);
    const encryption = stored.find((s) => normalizeLocation(s.name) === name)?.encryption;
    return encryption === undefined ? region : { ...region, encryption };
  });
}

/**
 * DELETE: the version is Deleting until the operation ends; updates meanwhile are refused. Unlike other writes a
 * delete is accepted while replication runs (it cancels it: the documented way out of a stuck region), and a
 * repeated delete is the retry the service allows, finishing when the first one does.
 */
export function deleteGalleryImageVersion(ctx: EmulatorContext, ref: GalleryImageVersionRef): OperationRecord {
  const { gallery, image } = parents(ctx, ref);
  const existing = getGalleryImageVersion(ctx, ref);
  const now = ctx.clock.now();
  const { safetyProfile, publishingProfile } = existing.body.properties;
  throwViolation(
    checkImageVersionDeletion(
      ref.version,
      {
        blockDeletionBeforeEndOfLife: safetyProfile.blockDeletionBeforeEndOfLife,
        endOfLifeDate: publishingProfile.endOfLifeDate,
      },
      now,
    ),
  );
  const { operation, tracked, durationMs } = beginVersionDelete(ctx, existing);
  ctx.resources.put({
    ...existing,
    parentKey: image.id,
    state: { ...existing.state, operation: tracked },
    goneAt: tracked.endsAt,
  });
  // Kept from when the delete ends on this context's clock: the operation store keeps its own (real) clock, which a
  // seed's back-dated context does not move.
  if (gallery.body.properties.softDeletePolicy?.isSoftDeleteEnabled) keepSoftDeleted(ctx, existing, now + durationMs);
  return operation;
}

export interface NewGalleryImageVersion extends GalleryImageVersionRef {
  /** Defaults to the gallery's location. */
  location?: string;
  tags?: Record<string, string>;
  /** The `properties` of the PUT body (publishingProfile, storageProfile, safetyProfile). */
  properties: Record<string, unknown>;
  /**
   * When replication started (epoch ms). In the past, the version is as far along as that start allows at the
   * emulator's now: long enough ago and it is Completed everywhere.
   */
  startedAt?: number;
  /** The api-version whose defaults apply; the SDK's when not given. */
  apiVersion?: string;
}

/** Creates a version as a PUT would (same rules), for the demo seed and tests. */
export function createGalleryImageVersion(
  ctx: EmulatorContext,
  input: NewGalleryImageVersion,
): GalleryImageVersionRecord {
  const { location, tags, properties, startedAt, apiVersion, ...ref } = input;
  const gallery = parentGallery(ctx, ref);
  const body = { location: location ?? gallery.body.location, ...(tags ? { tags } : {}), properties };
  return putGalleryImageVersion(ctx, ref, body, {
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(apiVersion !== undefined ? { apiVersion } : {}),
  }).record;
}

/** The definition a version belongs to, for callers that hold only a version record. */
export function definitionOf(ctx: EmulatorContext, record: GalleryImageVersionRecord): GalleryImageRecord | undefined {
  return record.parentKey ? ctx.resources.get<GalleryImageBody, TrackedState>(record.parentKey) : undefined;
}

export const POLICY_VIOLATION_CATEGORIES = ["Other", "ImageFlaggedUnsafe", "CopyrightValidation", "IpTheft"] as const;

/**
 * Changes what the emulator's control surface reports against a version (what Microsoft does in Azure): its policy
 * violations (an empty list clears the report), or whether its platform validation failed. Undefined when the
 * version does not exist.
 */
export function reportOnVersion(
  ctx: EmulatorContext,
  versionId: string,
  report: Pick<GalleryImageVersionState, "policyViolations" | "validationFailed">,
): GalleryImageVersionRecord | undefined {
  const record = ctx.resources.get<GalleryImageVersionBody, GalleryImageVersionState>(versionId);
  if (record?.type !== GALLERY_IMAGE_VERSION_TYPE || (record.goneAt !== undefined && record.goneAt <= ctx.clock.now()))
    return undefined;
  ctx.resources.put({ ...record, state: { ...record.state, ...report } });
  return ctx.resources.get<GalleryImageVersionBody, GalleryImageVersionState>(versionId);
}
