"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { RegionBars } from "@/components/versions/RegionBars";
import { regionReplications } from "@/components/versions/replicationView";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";

export interface ReplicatedArtifactVersion {
  name: string;
  location: string;
  targetRegions?: {
    name: string;
    regionalReplicaCount?: number;
    storageAccountType?: string;
    excludeFromLatest?: boolean;
  }[];
  replicaCount?: number;
  storageAccountType?: string;
  storageAccountStrategy?: string;
  excludeFromLatest?: boolean;
  publishedDate?: string;
  summary?: RegionalReplicationStatus[];
}

/**
 * Per-region replication of a script or access control profile version, drawn by the image versions' RegionBars:
 * these versions replicate as image versions do, so the view reads them through the same rules.
 */
export function ArtifactReplication({ version }: { version: ReplicatedArtifactVersion }) {
  const asVersion = {
    name: version.name,
    location: version.location,
    publishingProfile: {
      targetRegions: version.targetRegions,
      replicaCount: version.replicaCount,
      storageAccountType: version.storageAccountType,
      storageAccountStrategy: version.storageAccountStrategy,
      excludeFromLatest: version.excludeFromLatest,
      ...(version.publishedDate ? { publishedDate: new Date(version.publishedDate) } : {}),
    },
    replicationStatus: { summary: version.summary },
  } as unknown as GalleryImageVersion;
  return <RegionBars regions={regionReplications(asVersion, new Date())} versionName={version.name} />;
}
