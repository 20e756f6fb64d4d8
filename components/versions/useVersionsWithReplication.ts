"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { latestCandidate } from "@/components/versions/domainAdapters";
import type { ArmClients } from "@/lib/azure/clients";
import { latestIneligibility, resolveLatest, type LatestResolution, type PassedOverReason } from "@/lib/gallery/latest";
import { compareVersionNames } from "@/lib/gallery/names";
import { createLimiter } from "@/lib/inventory/limiter";
import { isVersionSettling, versionQueries } from "@/lib/queries/galleryImageVersions";

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

export interface ReplicationReadOptions {
  /**
   * Read replication status only for these versions (lower-cased ids), e.g. the table rows on screen, instead of
   * for every version: a definition with 10,000 versions would otherwise send 10,000 GETs.
   */
  onScreen?: ReadonlySet<string>;
  /** With onScreen: also read, newest first, the versions that decide what `latest` resolves to in this region. */
  latestRegion?: string;
}

/** Replication-status reads in flight at once, across the whole page. */
export const REPLICATION_READ_CONCURRENCY = 6;
const limitReads = createLimiter(REPLICATION_READ_CONCURRENCY);
/** Unread versions the `latest` probe reads per round; most definitions resolve within the newest few. */
const LATEST_PROBE_BATCH = 3;
/** Reasons a version is passed over that the list alone shows; no replication read can change them. */
const KNOWN_FROM_LIST: ReadonlySet<PassedOverReason> = new Set(["excludedGlobally", "excludedInRegion", "notTargeted"]);

const idOf = (version: GalleryImageVersion) => (version.id ?? "").toLowerCase();

/** One version's `$expand=ReplicationStatus` read, queued behind the page-wide limit; settled versions stay cached. */
function detailRead(arm: ArmClients, id: string) {
  const base = versionQueries.detail(arm, id);
  return {
    ...base,
    queryFn: (context: Parameters<NonNullable<typeof base.queryFn>>[0]) => limitReads(async () => base.queryFn!(context), context.signal),
    // Completed or Failed replication does not change by itself: scrolling back to it needs no new read.
    staleTime: (query: { state: { data?: GalleryImageVersion } }) => (query.state.data && !isVersionSettling(query.state.data) ? Infinity : 0),
  };
}

/**
 * The versions, newest first, that must be read to know `latest` in the region: down to the first one eligible
 * there, skipping those the list already rules out, at most LATEST_PROBE_BATCH unread at a time. `settled` once
 * nothing unread is left above `latest`.
 */
function latestProbe(versions: GalleryImageVersion[], region: string, read: ReadonlyMap<string, GalleryImageVersion>) {
  const probe: GalleryImageVersion[] = [];
  let unread = 0;
  for (const version of [...versions].sort((a, b) => compareVersionNames(b.name ?? "", a.name ?? ""))) {
    const detail = read.get(idOf(version));
    const passedOver = latestIneligibility(latestCandidate(detail ?? version), region);
    if (!detail && passedOver && KNOWN_FROM_LIST.has(passedOver.reason)) continue;
    probe.push(version);
    if (detail && !passedOver) return { probe, settled: true };
    if (!detail && ++unread >= LATEST_PROBE_BATCH) return { probe, settled: false };
  }
  return { probe, settled: unread === 0 };
}

/**
 * The versions of several image definitions with their replication status: one list read per definition, then
 * one `$expand=ReplicationStatus` read per version (the list never carries it), at most
 * REPLICATION_READ_CONCURRENCY at a time, and with `onScreen` only for the versions in view (plus those that
 * decide `latest`). Versions still replicating keep polling through versionQueries.detail.
 */
export function useVersionsWithReplication(imageIds: string[], options: ReplicationReadOptions = {}): DefinitionVersions[] {
  const arm = useArm();
  const queryClient = useQueryClient();
  const lists = useQueries({ queries: imageIds.map((id) => versionQueries.list(arm, id)) });
  const listed = lists.map((list) => list.data ?? []);

  const { onScreen, latestRegion } = options;
  let wanted = listed.flat();
  let probesSettled = true;
  let cached = new Map<string, GalleryImageVersion>();
  if (onScreen) {
    cached = new Map(
      queryClient
        .getQueriesData<GalleryImageVersion>({ queryKey: [...versionQueries.all(), "detail"] })
        .flatMap(([, data]) => (data?.id ? [[data.id.toLowerCase(), data] as const] : [])),
    );
    const byId = new Map<string, GalleryImageVersion>();
    for (const version of wanted) if (onScreen.has(idOf(version))) byId.set(idOf(version), version);
    if (latestRegion) {
      for (const versions of listed) {
        const { probe, settled } = latestProbe(versions, latestRegion, cached);
        probesSettled &&= settled;
        for (const version of probe) byId.set(idOf(version), version);
      }
    }
    wanted = [...byId.values()];
  }
  const details = useQueries({ queries: wanted.map((version) => detailRead(arm, version.id ?? "")) });
  const detailOf = new Map(wanted.map((version, i) => [idOf(version), details[i]!]));

  return lists.map((list, index) => {
    const versions = listed[index]!;
    if (list.isError) return { listError: list.error, detailErrors: [], complete: true };
    if (!list.data) return { detailErrors: [], complete: false };
    const mine = versions.map((version) => detailOf.get(idOf(version)));
    return {
      versions: versions.map((version, i) => mine[i]?.data ?? cached.get(idOf(version)) ?? version),
      detailErrors: versions.flatMap((version, i) => (mine[i]?.isError ? [{ version, error: mine[i]!.error }] : [])),
      complete: probesSettled && mine.every((detail) => !detail?.isPending),
    };
  });
}

/** `latest` as a deployment to `region` resolves it (the definition's own region when no other is in mind). */
export function latestIn(versions: GalleryImageVersion[], region: string): LatestResolution {
  return resolveLatest(versions.map(latestCandidate), region);
}
