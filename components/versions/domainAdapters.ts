import type { GalleryArtifactPublishingProfileBase, GalleryImageVersion } from "@azure/arm-compute";
import type { LatestCandidate } from "@/lib/gallery/latest";
import { REPLICATION_STATES, type RegionalReplicationStatus, type ReplicationState } from "@/lib/gallery/replication";

/**
 * A version that Compute replicates to target regions: an image version or an application version (both carry
 * GalleryArtifactPublishingProfileBase and a replicationStatus), so the replication views serve both.
 */
export type ReplicatedArtifactVersion = Pick<
  GalleryImageVersion,
  "id" | "name" | "location" | "tags" | "provisioningState" | "replicationStatus"
> & { publishingProfile?: GalleryArtifactPublishingProfileBase };

/** The SDK types states as open strings and dates as Date; the domain rules take the wire's closed sets and ISO strings. */
function replicationState(value: string | undefined): ReplicationState {
  return (REPLICATION_STATES as readonly string[]).includes(value ?? "") ? (value as ReplicationState) : "Unknown";
}

export function regionalStatuses(version: ReplicatedArtifactVersion): RegionalReplicationStatus[] {
  return (version.replicationStatus?.summary ?? [])
    .filter((s) => s.region)
    .map((s) => ({
      region: s.region!,
      state: replicationState(s.state),
      ...(s.details ? { details: s.details } : {}),
      ...(s.progress !== undefined ? { progress: s.progress } : {}),
    }));
}

export function latestCandidate(version: ReplicatedArtifactVersion): LatestCandidate {
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
