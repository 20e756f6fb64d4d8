import { type LatestCandidate, type LatestResolution, resolveLatest } from "@/lib/gallery/latest";
import { normalizeLocation, regionDisplayName } from "@/lib/gallery/regions";
import { findRegionalStatus, regionReadiness, targetRegionNames } from "@/lib/gallery/replication";
import { parseIsoDate } from "@/lib/gallery/isoDate";

/**
 * Where an image can be deployed, as a consumer asks it: "can I create a VM from this version (or from
 * `latest`) in my region now?". Built on the domain rules of lib/gallery (latest.ts, replication.ts); the
 * difference is the point of view: every region at once, grouped by what the deployer can do there.
 */

/** Only the fields usability needs; the SDK's and Resource Graph's shapes both reduce to it (see domainAdapters). */
export type ConsumerVersion = LatestCandidate;

export interface RegionEntry {
  region: string;
  displayName: string;
}

export interface InProgressRegion extends RegionEntry {
  progress: number;
  /** Replicating for more than six hours: the troubleshooting guide says to re-run the update. */
  stalled: boolean;
  summary: string;
}

export interface FailedRegion extends RegionEntry {
  summary: string;
  fix?: string;
}

export interface VersionUsability {
  /** Completed: VMs and scale sets can be created here now. */
  deployable: RegionEntry[];
  inProgress: InProgressRegion[];
  failed: FailedRegion[];
  /** Targeted, but the service reports no state yet. */
  unknown: RegionEntry[];
  /** True when the version's end-of-life date has passed: still deployable, but due for replacement. */
  pastEndOfLife: boolean;
  endOfLifeDate?: string;
}

function entry(region: string): RegionEntry {
  return { region: normalizeLocation(region), displayName: regionDisplayName(region) };
}

/** The regions a version targets; its own location when targetRegions is empty, as the service does. */
export function targetRegionsOf(version: ConsumerVersion): readonly string[] {
  return targetRegionNames(version);
}

export function isPastEndOfLife(endOfLifeDate: string | undefined, now: Date): boolean {
  const date = endOfLifeDate ? parseIsoDate(endOfLifeDate) : undefined;
  return date !== undefined && date.getTime() <= now.getTime();
}

const byDisplayName = (a: RegionEntry, b: RegionEntry) => a.displayName.localeCompare(b.displayName);

/**
 * Every target region of a version in the group a deployer cares about. `startedAt` (the version's publish or
 * last update time) lets a long replication be called stalled.
 */
export function versionUsability(version: ConsumerVersion, now: Date, startedAt?: Date): VersionUsability {
  const summary = version.replicationStatus?.summary ?? [];
  const result: VersionUsability = { deployable: [], inProgress: [], failed: [], unknown: [], pastEndOfLife: false };
  for (const region of targetRegionsOf(version)) {
    const readiness = regionReadiness(findRegionalStatus(summary, region), now, startedAt);
    const base = entry(region);
    if (readiness.usable) result.deployable.push(base);
    else if (readiness.kind === "replicating" || readiness.kind === "stalled") {
      result.inProgress.push({
        ...base,
        progress: readiness.progress,
        stalled: readiness.kind === "stalled",
        summary: readiness.summary,
      });
    } else if (readiness.kind === "failed")
      result.failed.push({ ...base, summary: readiness.summary, ...(readiness.fix ? { fix: readiness.fix } : {}) });
    else result.unknown.push(base);
  }
  const endOfLifeDate = version.publishingProfile?.endOfLifeDate;
  result.deployable.sort(byDisplayName);
  result.inProgress.sort(byDisplayName);
  result.failed.sort(byDisplayName);
  result.unknown.sort(byDisplayName);
  return { ...result, pastEndOfLife: isPastEndOfLife(endOfLifeDate, now), ...(endOfLifeDate ? { endOfLifeDate } : {}) };
}

/** What a deployment names: one exact version, or the definition (so `latest` in the deployment's region). */
export type ImageChoice =
  { kind: "version"; version: ConsumerVersion } | { kind: "latest"; versions: readonly ConsumerVersion[] };

export type RegionCheck = { usable: true; version: string; pastEndOfLife: boolean } | { usable: false; reason: string };

/**
 * Whether a VM can be created from the choice in the region, and from which version: the same answer Compute
 * gives (a version must have Completed there; `latest` must resolve there).
 */
export function checkRegion(choice: ImageChoice, region: string, now: Date): RegionCheck {
  const name = regionDisplayName(region);
  if (choice.kind === "version") {
    const { version } = choice;
    if (!targetRegionsOf(version).includes(normalizeLocation(region))) {
      return {
        usable: false,
        reason: `${version.name} is not replicated to ${name}: it is not one of its target regions.`,
      };
    }
    const status = findRegionalStatus(version.replicationStatus?.summary ?? [], region);
    if (status?.state === "Completed") {
      return {
        usable: true,
        version: version.name,
        pastEndOfLife: isPastEndOfLife(version.publishingProfile?.endOfLifeDate, now),
      };
    }
    if (status?.state === "Replicating") {
      return {
        usable: false,
        reason: `${version.name} is still replicating to ${name} (${status.progress ?? 0}%); it becomes usable once replication completes.`,
      };
    }
    if (status?.state === "Failed")
      return { usable: false, reason: `Replication of ${version.name} to ${name} failed.` };
    return { usable: false, reason: `Replication of ${version.name} to ${name} has not completed.` };
  }
  const resolution = resolveLatest(choice.versions, region, now);
  if (!resolution.latest) {
    const anyEligible = choice.versions.some((v) => !v.publishingProfile?.excludeFromLatest);
    return {
      usable: false,
      reason: anyEligible
        ? `No version of this image is replicated to ${name} and eligible for latest there.`
        : "Every version of this image is excluded from latest: deploy an exact version instead.",
    };
  }
  return { usable: true, version: resolution.latest, pastEndOfLife: resolution.latestIsPastEndOfLife };
}

export interface LatestInRegion extends RegionEntry, LatestResolution {}

/**
 * What `latest` resolves to in every region any version targets, with why each newer version is passed over
 * there. Regions no version targets cannot resolve latest and are left out.
 */
export function latestByRegion(versions: readonly ConsumerVersion[], now: Date): LatestInRegion[] {
  const regions = new Set(versions.flatMap(targetRegionsOf));
  return [...regions]
    .map((region) => ({ ...entry(region), ...resolveLatest(versions, region, now) }))
    .sort(byDisplayName);
}
