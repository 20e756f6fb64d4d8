import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";
import { regionStorage } from "@/lib/gallery/apiVersions";
import {
  effectiveTargetRegions,
  findRegionalStatus,
  profileReplication,
  regionReadiness,
  type RegionReadiness,
} from "@/lib/gallery/replication";
import { regionalStatuses, type ReplicatedArtifactVersion } from "@/components/versions/domainAdapters";

export type RegionTone = "success" | "progress" | "failure" | "unknown";

/** One target region of a version, joined with its replication status and what that means for a deployer. */
export interface RegionReplication {
  region: string;
  displayName: string;
  replicaCount: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
  state: "Completed" | "Replicating" | "Failed" | "Unknown";
  progress: number;
  tone: RegionTone;
  /** "Completed", "Replicating 40%", "Failed": the bar's aria-valuetext and visible label. */
  label: string;
  readiness: RegionReadiness;
}

const TONE: Record<RegionReadiness["kind"], RegionTone> = {
  usable: "success",
  replicating: "progress",
  stalled: "progress",
  failed: "failure",
  unknown: "unknown",
};

/**
 * Target regions (the publishing profile: what was asked) joined with replicationStatus.summary (what happened),
 * matching region names the way ARM does ("West Europe" = "westeurope"). Regions with a status but no longer a
 * target are kept: their replicas still exist until removed.
 */
export function regionReplications(version: ReplicatedArtifactVersion, now: Date = new Date()): RegionReplication[] {
  const profile = version.publishingProfile;
  const summary = regionalStatuses(version);
  const targets = effectiveTargetRegions(version);
  const names = targets.map((t) => t.name);
  for (const status of summary) {
    if (!names.some((n) => sameLocation(n, status.region))) names.push(status.region);
  }
  const fallback = profileReplication(profile);
  return names.map((name) => {
    const target = targets.find((t) => sameLocation(t.name, name));
    const status = findRegionalStatus(summary, name);
    const readiness = regionReadiness(status ? { ...status, region: name } : undefined, now, profile?.publishedDate);
    const state = status?.state ?? "Unknown";
    return {
      region: name,
      displayName: regionDisplayName(name),
      replicaCount: target?.regionalReplicaCount ?? fallback.replicaCount,
      storageAccountType:
        target?.storageAccountType ??
        regionStorage(name, { profileType: profile?.storageAccountType, strategy: profile?.storageAccountStrategy })
          .storageAccountType,
      excludeFromLatest: target ? target.excludeFromLatest : (profile?.excludeFromLatest ?? false),
      state,
      progress: readiness.progress,
      tone: TONE[readiness.kind],
      label: state === "Replicating" ? `Replicating ${Math.round(readiness.progress)}%` : state,
      readiness,
    };
  });
}
