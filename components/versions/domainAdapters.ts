import type { GalleryImageVersion } from "@azure/arm-compute";
import type { LatestCandidate } from "@/lib/gallery/latest";
import { REPLICATION_STATES, type RegionalReplicationStatus, type ReplicationState } from "@/lib/gallery/replication";

/** The SDK types states as open strings and dates as Date; the domain rules take the wire's closed sets and ISO strings. */
function replicationState(value: string | undefined): ReplicationState {
  return (REPLICATION_STATES as readonly string[]).includes(value ?? "") ? (value as ReplicationState) : "Unknown";
}

export function regionalStatuses(version: Pick<GalleryImageVersion, "replicationStatus">): RegionalReplicationStatus[] {
  return (version.replicationStatus?.summary ?? [])
    .filter((s) => s.region)
    .map((s) => ({
      region: s.region!,
      state: replicationState(s.state),
      ...(s.details ? { details: s.details } : {}),
      ...(s.progress !== undefined ? { progress: s.progress } : {}),
    }));
}

export function latestCandidate(version: GalleryImageVersion): LatestCandidate {
  const profile = version.publishingProfile;
  return {
    name: version.name ?? "",
    location: version.location,
    publishingProfile: {
      ...(profile?.excludeFromLatest !== undefined ? { excludeFromLatest: profile.excludeFromLatest } : {}),
      ...(profile?.endOfLifeDate ? { endOfLifeDate: profile.endOfLifeDate.toISOString() } : {}),
      targetRegions: (profile?.targetRegions ?? []).map((t) => ({
        name: t.name,
        ...(t.excludeFromLatest !== undefined ? { excludeFromLatest: t.excludeFromLatest } : {}),
      })),
    },
    replicationStatus: { summary: regionalStatuses(version) },
  };
}
