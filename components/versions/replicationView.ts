import type { GalleryImageVersion, TargetRegion } from "@azure/arm-compute";
import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";

export type RegionTone = "success" | "progress" | "failure" | "unknown";

/** One target region of a version, joined with its replication status. */
export interface RegionReplication {
  region: string;
  displayName: string;
  replicaCount: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
  state: "Completed" | "Replicating" | "Failed" | "Unknown";
  progress: number;
  details: string | undefined;
  tone: RegionTone;
  /** "Completed", "Replicating 40%", "Failed": the bar's aria-valuetext and visible label. */
  label: string;
}

const TONE: Record<RegionReplication["state"], RegionTone> = {
  Completed: "success",
  Replicating: "progress",
  Failed: "failure",
  Unknown: "unknown",
};

function asState(value: string | undefined): RegionReplication["state"] {
  return value === "Completed" || value === "Replicating" || value === "Failed" ? value : "Unknown";
}

/**
 * Target regions (the publishing profile: what was asked) joined with replicationStatus.summary (what happened),
 * matching region names the way ARM does ("West Europe" = "westeurope"). Regions with a status but no longer a
 * target are kept: their replicas still exist until removed.
 */
export function regionReplications(version: GalleryImageVersion): RegionReplication[] {
  const profile = version.publishingProfile;
  const summary = version.replicationStatus?.summary ?? [];
  const targets: TargetRegion[] = profile?.targetRegions ?? (version.location ? [{ name: version.location }] : []);
  const names = [...targets.map((t) => t.name)];
  for (const status of summary) {
    if (status.region && !names.some((n) => sameLocation(n, status.region!))) names.push(status.region);
  }
  return names.map((name) => {
    const target = targets.find((t) => sameLocation(t.name, name));
    const status = summary.find((s) => s.region && sameLocation(s.region, name));
    const state = asState(status?.state);
    const progress = state === "Completed" ? 100 : (status?.progress ?? 0);
    return {
      region: name,
      displayName: regionDisplayName(name),
      replicaCount: target?.regionalReplicaCount ?? profile?.replicaCount ?? 1,
      storageAccountType: target?.storageAccountType ?? profile?.storageAccountType ?? "Standard_LRS",
      excludeFromLatest: target?.excludeFromLatest ?? profile?.excludeFromLatest ?? false,
      state,
      progress,
      details: status?.details,
      tone: TONE[state],
      label: state === "Replicating" ? `Replicating ${Math.round(progress)}%` : state,
    };
  });
}
