import { compareVersionNames, parseVersionName } from "./names";
import { normalizeLocation } from "./regions";
import { effectiveTargetRegions, findRegionalStatus, type RegionalReplicationStatus } from "./replication";
import { parseIsoDate } from "./isoDate";

/** The parts of an image version that decide whether it is `latest` in a region. */
export interface LatestCandidate {
  name: string;
  /** The version's own location; it is the only target region when targetRegions is empty. */
  location: string;
  publishingProfile?: {
    excludeFromLatest?: boolean;
    endOfLifeDate?: string;
    targetRegions?: { name: string; excludeFromLatest?: boolean }[];
  };
  replicationStatus?: { summary?: RegionalReplicationStatus[] };
}

export type PassedOverReason =
  "excludedGlobally" | "excludedInRegion" | "notTargeted" | "replicating" | "failed" | "notReplicated";

export interface PassedOverVersion {
  name: string;
  reason: PassedOverReason;
  explanation: string;
}

export interface LatestResolution {
  /** The version `latest` resolves to in the region, or undefined when no version is eligible. */
  latest?: string;
  /** Set when the resolved version is past its end-of-life date: still deployable, but due for replacement. */
  latestIsPastEndOfLife: boolean;
  /** Versions newer than `latest` (all versions when there is none), newest first, each with why it was passed over. */
  passedOver: PassedOverVersion[];
}

/** Why a version cannot be `latest` in the region, or undefined when it can. */
export function latestIneligibility(version: LatestCandidate, region: string): PassedOverVersion | undefined {
  const passed = (reason: PassedOverReason, explanation: string) => ({ name: version.name, reason, explanation });
  if (version.publishingProfile?.excludeFromLatest) {
    return passed("excludedGlobally", `${version.name} is excluded from latest in every region.`);
  }
  const target = effectiveTargetRegions(version).find(
    (candidate) => normalizeLocation(candidate.name) === normalizeLocation(region),
  );
  if (!target) return passed("notTargeted", `${version.name} is not replicated to this region.`);
  if (target.excludeFromLatest)
    return passed("excludedInRegion", `${version.name} is excluded from latest in this region.`);
  const status = findRegionalStatus(version.replicationStatus?.summary ?? [], region);
  if (status?.state === "Failed") return passed("failed", `Replication of ${version.name} to this region failed.`);
  if (status?.state === "Replicating") {
    return passed("replicating", `${version.name} is still replicating to this region (${status.progress ?? 0}%).`);
  }
  if (status?.state !== "Completed")
    return passed("notReplicated", `Replication of ${version.name} to this region has not completed.`);
  return undefined;
}

/**
 * What `latest` means for a definition in a region: the highest version not excluded (globally or in that
 * region) whose replication to the region has Completed.
 */
export function resolveLatest(
  versions: readonly LatestCandidate[],
  region: string,
  now: Date = new Date(),
): LatestResolution {
  return resolveLatestNewestFirst(newestFirst(versions), region, now);
}

/**
 * A list's versions newest first, sorted once per list: a page resolves latest over the same list in every region
 * (and again on each render), and a definition may hold 10,000 versions. Lists are not changed in place; the
 * length check is a guard should one grow.
 */
const sorted = new WeakMap<readonly LatestCandidate[], { length: number; newestFirst: LatestCandidate[] }>();
function newestFirst(versions: readonly LatestCandidate[]): LatestCandidate[] {
  let entry = sorted.get(versions);
  if (!entry || entry.length !== versions.length) {
    entry = {
      length: versions.length,
      newestFirst: [...versions].sort((a, b) => compareVersionNames(b.name, a.name)),
    };
    sorted.set(versions, entry);
  }
  return entry.newestFirst;
}

/**
 * resolveLatest over versions already ordered newest first, read only down to the one latest resolves to: a
 * caller that keeps its list in that order (a table of 10,000 versions) neither sorts nor converts the rest.
 */
export function resolveLatestNewestFirst(
  newestFirst: Iterable<LatestCandidate>,
  region: string,
  now: Date = new Date(),
): LatestResolution {
  const passedOver: PassedOverVersion[] = [];
  for (const version of newestFirst) {
    if (!parseVersionName(version.name)) continue;
    const reason = latestIneligibility(version, region);
    if (reason) {
      passedOver.push(reason);
      continue;
    }
    const endOfLife = version.publishingProfile?.endOfLifeDate
      ? parseIsoDate(version.publishingProfile.endOfLifeDate)
      : undefined;
    return {
      latest: version.name,
      latestIsPastEndOfLife: endOfLife !== undefined && endOfLife.getTime() <= now.getTime(),
      passedOver,
    };
  }
  return { latestIsPastEndOfLife: false, passedOver };
}
