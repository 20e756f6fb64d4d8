"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQueries, useQueryClient, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useRef } from "react";
import { useArm } from "@/components/layout/ArmContext";
import {
  latestCandidate,
  latestCandidates,
  type ReplicatedArtifactVersion,
} from "@/components/versions/domainAdapters";
import { targetRegionNames } from "@/lib/gallery/replication";
import {
  latestIneligibility,
  resolveLatest,
  resolveLatestNewestFirst,
  type LatestResolution,
  type PassedOverReason,
} from "@/lib/gallery/latest";
import { compareVersionNumbers, parseVersionName } from "@/lib/gallery/names";
import type { ArmClients } from "@/lib/azure/clients";
import { applicationVersionQueries } from "@/lib/queries/galleryApplications";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete } from "@/lib/queries/versionLists";

export interface ArtifactVersions<V extends ReplicatedArtifactVersion> {
  /** The list read failed; its error. */
  listError?: unknown;
  /** The versions, each with its replication status once its `$expand=ReplicationStatus` read arrived. */
  versions?: V[];
  /** Versions whose replication status could not be read, with the error. */
  detailErrors: { version: V; error: unknown }[];
  /** False while any replication status is still loading (so `latest` may still change). */
  complete: boolean;
}

export type DefinitionVersions = ArtifactVersions<GalleryImageVersion>;

/** The queries of one kind of replicated version: image versions (versionQueries) or application versions. */
export interface VersionQueries<V extends ReplicatedArtifactVersion, K extends QueryKey> {
  all: () => readonly string[];
  list: (arm: ArmClients, parentId: string) => UseQueryOptions<V[], Error, V[], QueryKey>;
  replication: (arm: ArmClients, id: string) => UseQueryOptions<V, Error, V, K>;
}

/** Definitions with at most this many versions have every version read; larger ones only what decides latest. */
export const READ_ALL_VERSIONS_UP_TO = 50;
/** Unread versions the `latest` probe reads per round and region; most definitions resolve within the newest few. */
const LATEST_PROBE_BATCH = 3;
/** Reasons a version is passed over that the list alone shows; no replication read can change them. */
const KNOWN_FROM_LIST: ReadonlySet<PassedOverReason> = new Set(["excludedGlobally", "excludedInRegion", "notTargeted"]);

/** Each version's id lower-cased once: the list's order maps 10,000 of them on every page. */
const lowerIds = new WeakMap<ReplicatedArtifactVersion, string>();
function idOf(version: ReplicatedArtifactVersion): string {
  let id = lowerIds.get(version);
  if (id === undefined) {
    id = (version.id ?? "").toLowerCase();
    lowerIds.set(version, id);
  }
  return id;
}

interface ListOrder {
  newestFirst: ReplicatedArtifactVersion[];
  /** The list's positions, newest version first. */
  newestFirstAt: number[];
  regions: Set<string>;
  /** Each version's place in the list, by lower-cased id. */
  indexOf: Map<string, number>;
}

/**
 * A list's versions newest first, the regions they target and where each id sits, computed once per list read
 * (the array is kept by the query), not per render.
 */
const orders = new WeakMap<readonly ReplicatedArtifactVersion[], ListOrder>();
function orderOf(versions: readonly ReplicatedArtifactVersion[]): ListOrder {
  let order = orders.get(versions);
  if (!order) {
    const regions = new Set<string>();
    const indexOf = new Map<string, number>();
    const parsed = versions.map((version, i) => {
      indexOf.set(idOf(version), i);
      for (const region of targetRegionNames(version)) regions.add(region);
      return parseVersionName(version.name ?? "");
    });
    // Each name parsed once above, not twice per comparison.
    const newestFirstAt = versions.map((_, i) => i).sort((a, b) => compareVersionNumbers(parsed[b], parsed[a]));
    order = { newestFirst: newestFirstAt.map((i) => versions[i]!), newestFirstAt, regions, indexOf };
    orders.set(versions, order);
  }
  return order;
}

/**
 * The newest-first positions of the arrays this hook hands out (a list with its replication reads put in place, in
 * the list's order), so latestIn walks them from the newest down instead of converting and sorting all of them.
 */
const handedOutOrder = new WeakMap<readonly ReplicatedArtifactVersion[], number[]>();

/** The previous array when it holds the same elements, so memoized views of 10,000 versions are not rebuilt per render. */
function stable<T>(previous: T[] | undefined, next: T[]): T[] {
  return previous && previous.length === next.length && previous.every((item, i) => item === next[i]) ? previous : next;
}

/**
 * The versions that must be read to know `latest` in every region any version targets: newest first, down to
 * the first one eligible in that region, skipping those the list already rules out, at most LATEST_PROBE_BATCH
 * unread at a time. `settled` once nothing unread is left above `latest` in any region. What latest resolves to
 * (and why newer versions are passed over) is then exactly what reading every version would give.
 */
function latestProbe(
  versions: readonly ReplicatedArtifactVersion[],
  read: ReadonlyMap<string, ReplicatedArtifactVersion>,
) {
  const { newestFirst, regions } = orderOf(versions);
  const probe = new Set<ReplicatedArtifactVersion>();
  let settled = true;
  for (const region of regions) {
    let unread = 0;
    for (const version of newestFirst) {
      const detail = read.get(idOf(version));
      const passedOver = latestIneligibility(latestCandidate(detail ?? version), region);
      if (!detail && passedOver && KNOWN_FROM_LIST.has(passedOver.reason)) continue;
      probe.add(version);
      if (detail && !passedOver) break;
      if (!detail && ++unread >= LATEST_PROBE_BATCH) break;
    }
    settled &&= unread === 0;
  }
  return { probe, settled };
}

/**
 * The versions of several image definitions with their replication status: one list read per definition, then
 * one `$expand=ReplicationStatus` read per version (the list never carries it), at most
 * REPLICATION_READ_CONCURRENCY at a time. Beyond READ_ALL_VERSIONS_UP_TO versions, only those that decide
 * `latest` are read (a table shows the rest's status through versionQueries.replication as rows come on screen): a
 * definition with 10,000 versions would otherwise send 10,000 GETs.
 * Versions still replicating keep polling through versionQueries.detail.
 */
export function useVersionsWithReplication(imageIds: string[]): DefinitionVersions[] {
  return useReplicatedVersions(versionQueries, imageIds);
}

/** The versions of a VM application with their replication status, read as an image definition's are. */
export function useApplicationVersions(applicationId: string) {
  const [application] = useReplicatedVersions(applicationVersionQueries, [applicationId]);
  return application!;
}

/** useVersionsWithReplication for any kind of replicated version, through its queries. */
function useReplicatedVersions<V extends ReplicatedArtifactVersion, K extends QueryKey>(
  queries: VersionQueries<V, K>,
  parentIds: string[],
): ArtifactVersions<V>[] {
  const arm = useArm();
  const queryClient = useQueryClient();
  const lists = useQueries({ queries: parentIds.map((id) => queries.list(arm, id)) });
  const listed = lists.map((list) => list.data ?? []);

  let probesSettled = true;
  let cached = new Map<string, V>();
  const wanted: V[] = [];
  // Only a whole list is known to be short: the first page of a long one (50 rows) would otherwise start a read
  // of each of its versions, dropped again as the next page arrives, while the table renders its first rows.
  const readsAll = listed.map(
    (versions, index) => versions.length <= READ_ALL_VERSIONS_UP_TO && isListComplete(lists[index]!),
  );
  if (readsAll.includes(false)) {
    cached = new Map(
      queryClient
        .getQueriesData<V>({ queryKey: [...queries.all(), "detail"] })
        .flatMap(([, data]) => (data?.id ? [[data.id.toLowerCase(), data] as const] : [])),
    );
  }
  for (const [index, versions] of listed.entries()) {
    if (readsAll[index]) {
      wanted.push(...versions);
      continue;
    }
    const { probe, settled } = latestProbe(versions, cached);
    probesSettled &&= settled;
    wanted.push(...versions.filter((version) => probe.has(version)));
  }
  const details = useQueries({ queries: wanted.map((version) => queries.replication(arm, version.id ?? "")) });
  const detailOf = new Map(wanted.map((version, i) => [idOf(version), details[i]!]));
  const previous = useRef<(V[] | undefined)[]>([]);

  // The previous render's rows keep their identity when unchanged, so the tables below don't re-render: the ref is
  // read and written during render on purpose, and only this hook reads it.
  /* eslint-disable react-hooks/refs */
  const before = previous.current;
  const result = lists.map((list, index): ArtifactVersions<V> => {
    const versions = listed[index]!;
    if (list.isError) return { listError: list.error, detailErrors: [], complete: true };
    if (!list.data) return { detailErrors: [], complete: false };
    // Only the few versions with a read in the cache change: they are put in place by index, so a render costs
    // what those reads cost, not a lookup per version of 10,000.
    const { indexOf } = orderOf(versions);
    const withDetails = versions.slice();
    for (const [id, detail] of cached) {
      const i = indexOf.get(id);
      if (i !== undefined) withDetails[i] = detail;
    }
    const detailErrors: ArtifactVersions<V>["detailErrors"] = [];
    let detailsSettled = true;
    for (const [id, detail] of detailOf) {
      const i = indexOf.get(id);
      if (i === undefined) continue;
      if (detail.data) withDetails[i] = detail.data;
      if (detail.isError) detailErrors.push({ version: versions[i]!, error: detail.error });
      detailsSettled &&= !detail.isPending;
    }
    const handedOut = stable(before[index], withDetails);
    handedOutOrder.set(handedOut, orderOf(versions).newestFirstAt);
    return {
      versions: handedOut,
      detailErrors,
      complete: isListComplete(list) && probesSettled && detailsSettled,
    };
  });
  previous.current = result.map((definition) => definition.versions);
  /* eslint-enable react-hooks/refs */
  return result;
}

/** `latest` as a deployment to `region` resolves it (the definition's own region when no other is in mind). */
export function latestIn(versions: readonly ReplicatedArtifactVersion[], region: string): LatestResolution {
  const newestFirstAt = handedOutOrder.get(versions);
  if (!newestFirstAt) return resolveLatest(latestCandidates(versions), region);
  return resolveLatestNewestFirst(
    (function* () {
      for (const i of newestFirstAt) yield latestCandidate(versions[i]!);
    })(),
    region,
  );
}
