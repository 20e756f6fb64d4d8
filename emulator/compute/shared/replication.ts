import type { z } from "zod";
import type { targetExtendedLocationSchema } from "../../../lib/gallery/galleryImageVersion.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { isHeld, type OperationRecord } from "../../operations.js";
import { beginOperation, type TrackedOperation } from "./provisioning.js";
import {
  aggregatedReplicationState,
  type AggregatedReplicationState,
  type EffectiveTargetRegion,
  effectiveTargetRegions,
  type PublishingProfileInput,
  type RegionalReplicationStatus,
  type TargetRegionInput,
} from "../../../lib/gallery/replication.js";

/**
 * Replication of an image version to its target regions, as a plan per region stored with the version and
 * read against the clock: nothing runs in the background, so moving the clock is all it takes to finish it.
 * Script versions and in-VM access control profile versions replicate the same way (shared/galleryArtifacts.ts),
 * as artifacts of 0 GB.
 *
 * Durations (emulated time), chosen so that small images replicate in minutes and large ones in hours, as the
 * seed documents describe:
 * - the source region holds the original, so it only registers the copy: 30 s + 0.25 s per GB;
 * - any other region copies every disk across regions: 3 min + 5 s per GB (30 GB ≈ 5.5 min, 1 TB ≈ 1.5 h);
 * - each replica beyond the first adds 15% of a region's single-copy time (replicas are made from the first
 *   copy inside the region, in parallel);
 * - a change of replica count or storage type in a region that had completed takes one local copy per added
 *   replica (at least the region's base time).
 * A data disk over 1 TB cannot be replicated: every region fails after its base time with the service's detail.
 */

export const SOURCE_REGION_BASE_MS = 30_000;
export const SOURCE_REGION_PER_GB_MS = 250;
export const REMOTE_REGION_BASE_MS = 3 * 60_000;
export const REMOTE_REGION_PER_GB_MS = 5_000;
export const EXTRA_REPLICA_FACTOR = 0.15;
/** The largest data disk the service replicates, in GB. */
export const MAX_DATA_DISK_GB = 1024;

export interface RegionReplicationPlan {
  /** The target region's display name, as the version reports it. */
  region: string;
  replicaCount: number;
  storageAccountType: string;
  startedAt: number;
  durationMs: number;
  /** The region fails `afterMs` after its start, with `details` in its status. */
  failure?: { afterMs: number; details: string };
}

/** What replication needs to know about the version's disks. */
export interface ReplicatedImage {
  sourceLocation: string;
  osDiskSizeGB: number;
  dataDiskSizesGB: number[];
}

function isSourceRegion(region: string, image: ReplicatedImage): boolean {
  return normalizeLocation(region) === normalizeLocation(image.sourceLocation);
}

function baseMs(region: string, image: ReplicatedImage): number {
  return isSourceRegion(region, image) ? SOURCE_REGION_BASE_MS : REMOTE_REGION_BASE_MS;
}

function totalSizeGB(image: ReplicatedImage): number {
  return image.osDiskSizeGB + image.dataDiskSizesGB.reduce((sum, size) => sum + size, 0);
}

/** Time to replicate the whole image to one region with its replica count. */
export function replicationDurationMs(region: string, replicaCount: number, image: ReplicatedImage): number {
  const perGB = isSourceRegion(region, image) ? SOURCE_REGION_PER_GB_MS : REMOTE_REGION_PER_GB_MS;
  const singleCopy = baseMs(region, image) + totalSizeGB(image) * perGB;
  return Math.round(singleCopy * (1 + EXTRA_REPLICA_FACTOR * Math.max(0, replicaCount - 1)));
}

/** The detail the service reports in a region that cannot take the image, word for word as troubleshooting-shared-images quotes it. */
export function oversizedDataDiskDetails(sizeGB: number): string {
  return `Replication failed in this region due to 'The GalleryImageVersion source resource size ${sizeGB} exceeds the max size ${MAX_DATA_DISK_GB} supported.'`;
}

function failureFor(region: string, image: ReplicatedImage): RegionReplicationPlan["failure"] {
  const oversized = image.dataDiskSizesGB.find((size) => size > MAX_DATA_DISK_GB);
  return oversized === undefined
    ? undefined
    : { afterMs: baseMs(region, image), details: oversizedDataDiskDetails(oversized) };
}

/** A failure fault injection wants in a region (see emulator/faults): its details, and when it strikes. */
export type InjectedReplicationFailure = (region: string) => { details: string; afterMs?: number } | undefined;

function freshPlan(
  target: EffectiveTargetRegion,
  image: ReplicatedImage,
  now: number,
  injected?: InjectedReplicationFailure,
): RegionReplicationPlan {
  const injectedFailure = injected?.(target.name);
  const failure =
    failureFor(target.name, image) ??
    (injectedFailure && {
      afterMs: injectedFailure.afterMs ?? baseMs(target.name, image),
      details: injectedFailure.details,
    });
  return {
    region: target.name,
    replicaCount: target.regionalReplicaCount,
    storageAccountType: target.storageAccountType,
    startedAt: now,
    durationMs: replicationDurationMs(target.name, target.regionalReplicaCount, image),
    ...(failure ? { failure } : {}),
  };
}

/**
 * The plan after a create or update at `now`: regions that keep their settings keep their progress; new
 * regions and failed ones (re-running an update is the documented retry) start over; a region whose replica
 * count or storage type changed makes the added copies.
 */
export function planReplication(
  previous: readonly RegionReplicationPlan[],
  targets: readonly EffectiveTargetRegion[],
  image: ReplicatedImage,
  now: number,
  injected?: InjectedReplicationFailure,
): RegionReplicationPlan[] {
  return targets.map((target) => {
    const before = previous.find((plan) => normalizeLocation(plan.region) === normalizeLocation(target.name));
    if (!before) return freshPlan(target, image, now, injected);
    const status = regionStatusAt(before, now);
    if (status.state === "Failed") return freshPlan(target, image, now, injected);
    const unchanged =
      before.replicaCount === target.regionalReplicaCount && before.storageAccountType === target.storageAccountType;
    if (unchanged) return { ...before, region: target.name };
    if (status.state !== "Completed") return freshPlan(target, image, now, injected);
    const addedReplicas = Math.max(1, target.regionalReplicaCount - before.replicaCount);
    const singleCopy = replicationDurationMs(target.name, 1, image);
    return {
      region: target.name,
      replicaCount: target.regionalReplicaCount,
      storageAccountType: target.storageAccountType,
      startedAt: now,
      durationMs: Math.max(baseMs(target.name, image), Math.round(singleCopy * EXTRA_REPLICA_FACTOR * addedReplicas)),
    };
  });
}

/** One region's entry of `replicationStatus.summary` at `now`. */
export function regionStatusAt(plan: RegionReplicationPlan, now: number): RegionalReplicationStatus {
  const elapsed = Math.max(0, now - plan.startedAt);
  const progressAt = (ms: number) => Math.min(99, Math.floor((ms / Math.max(1, plan.durationMs)) * 100));
  if (plan.failure && elapsed >= plan.failure.afterMs) {
    return {
      region: plan.region,
      state: "Failed",
      details: plan.failure.details,
      progress: progressAt(plan.failure.afterMs),
    };
  }
  if (elapsed >= plan.durationMs) return { region: plan.region, state: "Completed", details: "", progress: 100 };
  return { region: plan.region, state: "Replicating", details: "", progress: progressAt(elapsed) };
}

export interface ReplicationStatus {
  aggregatedState: AggregatedReplicationState;
  summary: RegionalReplicationStatus[];
}

export function replicationStatusAt(plans: readonly RegionReplicationPlan[], now: number): ReplicationStatus {
  const summary = plans.map((plan) => regionStatusAt(plan, now));
  return { aggregatedState: aggregatedReplicationState(summary), summary };
}

/** When every region has finished (completed or failed). */
export function replicationEndsAt(plans: readonly RegionReplicationPlan[]): number {
  return Math.max(
    0,
    ...plans.map(
      (plan) => plan.startedAt + (plan.failure ? Math.min(plan.failure.afterMs, plan.durationMs) : plan.durationMs),
    ),
  );
}

/** The failed regions with their details, for the error of the version's operation. */
export function failedRegions(plans: readonly RegionReplicationPlan[]): { region: string; details: string }[] {
  return plans.flatMap((plan) => (plan.failure ? [{ region: plan.region, details: plan.failure.details }] : []));
}

/** A region that has copied anything (Completed, or Replicating with progress) holds replicas. */
export function holdsReplicas(plan: RegionReplicationPlan, now: number): boolean {
  const status = regionStatusAt(plan, now);
  return status.state === "Completed" || (status.state === "Replicating" && (status.progress ?? 0) > 0);
}

/** A target region as stored: the replication fields lib/gallery reads, and the ones the view echoes. */
type StoredTargetRegion = TargetRegionInput & {
  encryption?: unknown;
  additionalReplicaSets?: { storageAccountType?: string; regionalReplicaCount?: number }[];
};

/**
 * `targetRegions` (or a profile version's `targetLocations`) as a version's GET shows them: the effective
 * replication of each region (lib/gallery/replication.ts) with the `encryption` and `additionalReplicaSets` the
 * spec's TargetRegion carries, as given. Image, script and access control profile versions share the type.
 */
export function targetRegionsView(location: string, publishingProfile: PublishingProfileInput) {
  const given = (publishingProfile.targetRegions ?? []) as readonly StoredTargetRegion[];
  return effectiveTargetRegions({ location, publishingProfile }).map((region, index) => {
    const { encryption, additionalReplicaSets } = given[index] ?? {};
    return {
      ...region,
      ...(encryption !== undefined ? { encryption } : {}),
      ...(additionalReplicaSets !== undefined
        ? {
            additionalReplicaSets: additionalReplicaSets.map((set) => ({
              storageAccountType: set.storageAccountType ?? "Standard_LRS",
              regionalReplicaCount: set.regionalReplicaCount ?? 1,
            })),
          }
        : {}),
    };
  });
}

/**
 * Plans a version's replication to its targets and begins the write's operation, which lasts until the last region
 * is done and fails with the regions that failed. Image, application, script and profile versions all replicate
 * this way; a write backdated by the demo seed (`startedAt` in the past) keeps its start and ends no earlier than now.
 */
export function beginReplicatedWrite(
  ctx: EmulatorContext,
  write: {
    id: string;
    subscriptionId: string;
    location: string;
    previous: readonly RegionReplicationPlan[];
    targets: readonly EffectiveTargetRegion[];
    artifact: ReplicatedImage;
    startedAt: number;
    updating: boolean;
  },
): { replication: RegionReplicationPlan[]; operation: OperationRecord; tracked: TrackedOperation } {
  const now = ctx.clock.now();
  const replication = planReplication(write.previous, write.targets, write.artifact, write.startedAt, (region) =>
    ctx.faults.replicationFailure(write.id, region),
  );
  const endsAt = Math.max(write.startedAt, replicationEndsAt(replication));
  const failures = failedRegions(replication);
  const error = failures.length > 0 ? ArmErrors.replicationFailed(failures) : undefined;
  const { operation, tracked } = beginOperation(
    ctx,
    { id: write.id, subscriptionId: write.subscriptionId, location: write.location },
    write.updating ? "Update" : "Create",
    endsAt - now,
    error && { code: error.code, message: error.message },
  );
  return {
    replication,
    operation,
    // The operation store's clock is the emulator's; a seeded write's clock may stand in the past.
    tracked: {
      ...tracked,
      startedAt: write.startedAt,
      endsAt: isHeld(operation) ? operation.endsAt : Math.max(now, endsAt),
    },
  };
}

/**
 * An edge zone (`targetExtendedLocations[]`) as a version's GET shows it: type EdgeZone, one replica and
 * Standard_LRS unless given. Image, application and script versions share GalleryTargetExtendedLocation.
 */
export function targetExtendedLocationView(location: z.output<typeof targetExtendedLocationSchema>) {
  return {
    name: location.name,
    extendedLocation: { name: location.extendedLocation.name, type: location.extendedLocation.type ?? "EdgeZone" },
    extendedLocationReplicaCount: location.extendedLocationReplicaCount ?? 1,
    storageAccountType: location.storageAccountType ?? "Standard_LRS",
    ...(location.encryption !== undefined ? { encryption: location.encryption } : {}),
  };
}
