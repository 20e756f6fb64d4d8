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

export function findRegionalStatus(summary: readonly RegionalReplicationStatus[], region: string): RegionalReplicationStatus | undefined {
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
export function regionReadiness(status: RegionalReplicationStatus | undefined, now?: Date, startedAt?: Date): RegionReadiness {
  const name = status ? regionDisplayName(status.region) : "this region";
  if (!status || status.state === "Unknown") {
    return { kind: "unknown", usable: false, progress: 0, summary: `Replication state in ${name} is not known yet.`, fix: REPLICATION_FIX };
  }
  if (status.state === "Completed") {
    return { kind: "usable", usable: true, progress: 100, summary: `Ready: VMs and scale sets can be created in ${name}.` };
  }
  const progress = regionProgress(status);
  if (status.state === "Failed") {
    const details = status.details ? ` ${status.details}` : "";
    return { kind: "failed", usable: false, progress, summary: `Replication to ${name} failed.${details}`, fix: REPLICATION_FIX };
  }
  if (now && startedAt && now.getTime() - startedAt.getTime() > STALLED_REPLICATION_MS) {
    return { kind: "stalled", usable: false, progress, summary: `Replication to ${name} has been running for more than six hours (${progress}%).`, fix: REPLICATION_FIX };
  }
  return { kind: "replicating", usable: false, progress, summary: `Replicating to ${name}: ${progress}%. Not usable until it completes.` };
}
