import { apiVersionDefaults, regionStorage, type ApiVersionDefaults } from "./apiVersions";
import type { REPLICATION_MODES } from "./galleryImageVersion";
import { normalizeLocation, regionDisplayName } from "./regions";
import { REPLICATION_FIX } from "./troubleshooting";

export const REPLICATION_STATES = ["Unknown", "Replicating", "Completed", "Failed"] as const;
export const AGGREGATED_REPLICATION_STATES = ["Unknown", "InProgress", "Completed", "Failed"] as const;
export type ReplicationState = (typeof REPLICATION_STATES)[number];
export type AggregatedReplicationState = (typeof AGGREGATED_REPLICATION_STATES)[number];

/** One entry of `replicationStatus.summary` (returned with `$expand=ReplicationStatus`). */
export interface RegionalReplicationStatus {
  region: string;
  state: ReplicationState;
  details?: string;
  progress?: number;
}

/** The seed's guidance: a region still replicating after this long should be retried. */
export const STALLED_REPLICATION_MS = 6 * 60 * 60 * 1000;

/**
 * The version-wide state: any Failed region fails it, any Replicating one keeps it InProgress, all Completed
 * completes it; anything else (no summary, or a region still Unknown) is Unknown.
 */
export function aggregatedReplicationState(summary: readonly RegionalReplicationStatus[]): AggregatedReplicationState {
  if (summary.some((region) => region.state === "Failed")) return "Failed";
  if (summary.some((region) => region.state === "Replicating")) return "InProgress";
  if (summary.length > 0 && summary.every((region) => region.state === "Completed")) return "Completed";
  return "Unknown";
}

function regionProgress(region: RegionalReplicationStatus): number {
  if (region.state === "Completed") return 100;
  return Math.min(100, Math.max(0, region.progress ?? 0));
}

/** Mean progress over the regions, 0–100, rounded down so it reads 100 only when every region is done. */
export function overallReplicationProgress(summary: readonly RegionalReplicationStatus[]): number {
  if (summary.length === 0) return 0;
  return Math.floor(summary.reduce((total, region) => total + regionProgress(region), 0) / summary.length);
}

export function findRegionalStatus(
  summary: readonly RegionalReplicationStatus[],
  region: string,
): RegionalReplicationStatus | undefined {
  return summary.find((entry) => normalizeLocation(entry.region) === normalizeLocation(region));
}

export type RegionReadinessKind = "usable" | "replicating" | "stalled" | "failed" | "unknown";

export interface RegionReadiness {
  kind: RegionReadinessKind;
  /** True only when VMs and scale sets can be created from the version in this region. */
  usable: boolean;
  progress: number;
  /** What a deployer reads next to the region. */
  summary: string;
  fix?: string;
}

/**
 * What a region's replication state means to someone deploying there. `startedAt` (the version's creation or
 * last update) lets a long-running replication be called stalled, as the troubleshooting guide does after six hours.
 */
export function regionReadiness(
  status: RegionalReplicationStatus | undefined,
  now?: Date,
  startedAt?: Date,
): RegionReadiness {
  const name = status ? regionDisplayName(status.region) : "this region";
  if (!status || status.state === "Unknown") {
    return {
      kind: "unknown",
      usable: false,
      progress: 0,
      summary: `Replication state in ${name} is not known yet.`,
      fix: REPLICATION_FIX,
    };
  }
  if (status.state === "Completed") {
    return {
      kind: "usable",
      usable: true,
      progress: 100,
      summary: `Ready: VMs and scale sets can be created in ${name}.`,
    };
  }
  const progress = regionProgress(status);
  if (status.state === "Failed") {
    const details = status.details ? ` ${status.details}` : "";
    return {
      kind: "failed",
      usable: false,
      progress,
      summary: `Replication to ${name} failed.${details}`,
      fix: REPLICATION_FIX,
    };
  }
  if (now && startedAt && now.getTime() - startedAt.getTime() > STALLED_REPLICATION_MS) {
    return {
      kind: "stalled",
      usable: false,
      progress,
      summary: `Replication to ${name} has been running for more than six hours (${progress}%).`,
      fix: REPLICATION_FIX,
    };
  }
  return {
    kind: "replicating",
    usable: false,
    progress,
    summary: `Replicating to ${name}: ${progress}%. Not usable until it completes.`,
  };
}

/** What the service fills in for the replication settings a publishing profile leaves out. */
export interface ReplicationDefaults {
  replicaCount: number;
  replicationMode: (typeof REPLICATION_MODES)[number];
  /** Storage is chosen per region: see regionStorage in apiVersions.ts. */
  storage: ApiVersionDefaults["storage"];
}

/** The replication defaults for an api-version; the SDK's when none is given. */
export function replicationDefaults(apiVersion?: string): ReplicationDefaults {
  return { replicaCount: 1, replicationMode: "Full", storage: apiVersionDefaults(apiVersion).storage };
}

/** The target region fields the rules read; the zod body, the SDK's TargetRegion and Resource Graph rows all fit. */
export interface TargetRegionInput {
  name: string;
  regionalReplicaCount?: number;
  storageAccountType?: string;
  excludeFromLatest?: boolean;
}

/** The publishing profile fields the replication rules read. */
export interface PublishingProfileInput {
  targetRegions?: readonly TargetRegionInput[];
  replicaCount?: number;
  storageAccountType?: string;
  storageAccountStrategy?: string;
  replicationMode?: string;
}

/** A version as the replication rules see it: its own location (the source region) and its publishing profile. */
export interface ReplicatedVersion {
  location: string;
  publishingProfile?: PublishingProfileInput;
}

/**
 * A publishing profile's version-wide replica count, storage and replication mode, defaults filled in. Storage is
 * either a type for every region or a strategy that each region reads against its zones.
 */
export function profileReplication(
  profile: PublishingProfileInput | undefined,
  apiVersion?: string,
): { replicaCount: number; storage: string; replicationMode: string } {
  const defaults = replicationDefaults(apiVersion);
  const fallback =
    "storageAccountStrategy" in defaults.storage
      ? defaults.storage.storageAccountStrategy
      : defaults.storage.storageAccountType;
  return {
    replicaCount: profile?.replicaCount ?? defaults.replicaCount,
    storage: profile?.storageAccountType ?? profile?.storageAccountStrategy ?? fallback,
    replicationMode: profile?.replicationMode ?? defaults.replicationMode,
  };
}

/** A target region with the service's defaults applied; `name` is the display name, as the service returns it. */
export interface EffectiveTargetRegion {
  name: string;
  regionalReplicaCount: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
}

/**
 * The regions a version replicates to, normalized (effectiveTargetRegions' names, without working out replicas and
 * storage), worked out once per version object: lists of 10,000 versions ask on every page and render.
 */
const regionNamesOf = new WeakMap<ReplicatedVersion, readonly string[]>();
export function targetRegionNames(version: ReplicatedVersion): readonly string[] {
  let names = regionNamesOf.get(version);
  if (!names) {
    const targets = version.publishingProfile?.targetRegions;
    names = (targets?.length ? targets.map((target) => target.name) : [version.location]).map(normalizeLocation);
    regionNamesOf.set(version, names);
  }
  return names;
}

/**
 * The target regions a version replicates to: the given ones, or the version's location alone, each with its own
 * replica count and storage type or else the profile's, or else what the storage strategy (given or the
 * api-version's default) picks for that region.
 */
export function effectiveTargetRegions(version: ReplicatedVersion, apiVersion?: string): EffectiveTargetRegion[] {
  const profile = version.publishingProfile;
  const { replicaCount } = profileReplication(profile, apiVersion);
  const regions: readonly TargetRegionInput[] = profile?.targetRegions?.length
    ? profile.targetRegions
    : [{ name: version.location }];
  return regions.map((region) => ({
    name: regionDisplayName(region.name),
    regionalReplicaCount: region.regionalReplicaCount ?? replicaCount,
    storageAccountType: regionStorage(
      region.name,
      {
        regionType: region.storageAccountType,
        profileType: profile?.storageAccountType,
        strategy: profile?.storageAccountStrategy,
      },
      apiVersion,
    ).storageAccountType,
    excludeFromLatest: region.excludeFromLatest ?? false,
  }));
}
