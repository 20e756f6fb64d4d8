"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQueries } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { latestCandidate } from "@/components/versions/domainAdapters";
import { resolveLatest, type LatestResolution } from "@/lib/gallery/latest";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

export interface DefinitionVersions {
  /** The list read failed; its error. */
  listError?: unknown;
  /** The versions, each with its replication status once its `$expand=ReplicationStatus` read arrived. */
  versions?: GalleryImageVersion[];
  /** Versions whose replication status could not be read, with the error. */
  detailErrors: { version: GalleryImageVersion; error: unknown }[];
  /** False while any replication status is still loading (so `latest` may still change). */
  complete: boolean;
}

/**
 * The versions of several image definitions with their replication status: one list read per definition, then
 * one `$expand=ReplicationStatus` read per version (the list never carries it). Versions still replicating keep
 * polling through versionQueries.detail.
 */
export function useVersionsWithReplication(imageIds: string[]): DefinitionVersions[] {
  const arm = useArm();
  const lists = useQueries({ queries: imageIds.map((id) => versionQueries.list(arm, id)) });
  const listed = lists.map((list) => list.data ?? []);
  const details = useQueries({
    queries: listed.flat().map((version) => versionQueries.detail(arm, version.id ?? "")),
  });

  let offset = 0;
  return lists.map((list, index) => {
    const versions = listed[index]!;
    const mine = details.slice(offset, offset + versions.length);
    offset += versions.length;
    if (list.isError) return { listError: list.error, detailErrors: [], complete: true };
    if (!list.data) return { detailErrors: [], complete: false };
    return {
      versions: versions.map((version, i) => mine[i]?.data ?? version),
      detailErrors: versions.flatMap((version, i) => (mine[i]?.isError ? [{ version, error: mine[i]!.error }] : [])),
      complete: mine.every((detail) => !detail.isPending),
    };
  });
}

/** `latest` as a deployment to `region` resolves it (the definition's own region when no other is in mind). */
export function latestIn(versions: GalleryImageVersion[], region: string): LatestResolution {
  return resolveLatest(versions.map(latestCandidate), region);
}
