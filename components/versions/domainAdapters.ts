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

/**
 * Version objects are never changed in place (a new read is a new object), so each is converted once: the consumer
 * panels and latest resolve over the same 10,000 versions on every render of a page.
 */
const candidateOf = new WeakMap<ReplicatedArtifactVersion, LatestCandidate>();
const candidatesOf = new WeakMap<readonly ReplicatedArtifactVersion[], readonly LatestCandidate[]>();

/** latestCandidate of each version, the same array for the same list (so resolveLatest sorts it once). */
export function latestCandidates(versions: readonly ReplicatedArtifactVersion[]): readonly LatestCandidate[] {
  let candidates = candidatesOf.get(versions);
  if (!candidates) {
    candidates = versions.map(latestCandidate);
    candidatesOf.set(versions, candidates);
  }
  return candidates;
}

export function latestCandidate(version: ReplicatedArtifactVersion): LatestCandidate {
  let candidate = candidateOf.get(version);
  if (!candidate) {
    candidate = toLatestCandidate(version);
    candidateOf.set(version, candidate);
  }
  return candidate;
}

function toLatestCandidate(version: ReplicatedArtifactVersion): LatestCandidate {
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
