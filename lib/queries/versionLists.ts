import { experimental_streamedQuery, type QueryFunction, type UseQueryResult } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";

/**
 * The version lists of image definitions and VM applications, which may hold 10,000 versions: read through Resource
 * Graph, a short first page then 1,000 rows a page, with ARM's list (50 a page) as the fallback, and streamed so a
 * table shows the first rows while the rest arrive.
 */

/** How long after a write in this tab version lists are read from ARM rather than Resource Graph. */
export const VERSION_LIST_ARM_AFTER_WRITE_MS = 5 * 60_000;
let lastWriteAt = Number.NEGATIVE_INFINITY;

/** Called after every publish write: Resource Graph may not show it yet, so lists read ARM for a while. */
export function noteVersionListWrite(now = Date.now()): void {
  lastWriteAt = now;
}

/**
 * Rows of the list's first Resource Graph page: enough to fill the table's first screen (at 900 px the table starts
 * halfway down; 25 rows fill 1,100 px of table), quick to send, and all rendered until the rest arrive (DataTable
 * virtualizes above 100): each row rendered costs about 1.3 ms on the bench machine, so 50 cost 30 ms more before
 * the first rows show.
 */
const VERSION_LIST_FIRST_PAGE = 25;
/**
 * Pages read at once after the first: 10,000 versions are ten pages, and one after another they cost ten round
 * trips. Below the browser's six connections per host, so replication reads of the rows on screen still go out.
 */
const VERSION_LIST_PARALLEL_PAGES = 4;

/** One window of Resource Graph's per-user quota (15 queries per 5 s) and a margin. */
const VERSION_LIST_LATER_PAGES_THROTTLE_WAIT_MS = 6_000;

interface VersionListChunk<V> {
  versions: V[];
  /** The rows so far are dropped: Resource Graph failed part-way and ARM's list starts over. */
  restart?: boolean;
}

/** True once a streamed version list has every page (not only the first rows). */
export function isListComplete(list: Pick<UseQueryResult, "isSuccess" | "fetchStatus">): boolean {
  return list.isSuccess && list.fetchStatus !== "fetching";
}

const versionsUnderQuery = (type: string, parentId: string) =>
  [
    "resources",
    `| where type =~ '${type}' and id startswith '${parentId.replaceAll("'", "")}/versions/'`,
    // Newest published first, so the first page holds the rows a table sorted newest first shows at the top;
    // the id makes the order total, as stable paging needs.
    "| extend publishedDate = tostring(properties.publishingProfile.publishedDate)",
    "| order by publishedDate desc, id asc",
    "| project id, name, type, location, tags, properties",
  ].join("\n");

/** A Resource Graph row (ARM's wire shape) as the SDK's model: properties flattened, dates as Dates. */
function versionFromResourceRow<V>(row: Record<string, unknown>): V {
  const { properties, ...resource } = row as { properties?: Record<string, unknown> } & Record<string, unknown>;
  const profile = properties?.publishingProfile as Record<string, unknown> | undefined;
  const date = (value: unknown) => (typeof value === "string" && value ? new Date(value) : undefined);
  return {
    ...resource,
    ...properties,
    ...(profile
      ? {
          publishingProfile: {
            ...profile,
            publishedDate: date(profile.publishedDate),
            endOfLifeDate: date(profile.endOfLifeDate),
          },
        }
      : {}),
  } as V;
}

export interface VersionListSource<V> {
  /** The Resource Graph type of the versions, e.g. microsoft.compute/galleries/images/versions. */
  type: string;
  /** The definition's or application's id, lower-case or not. */
  parentId: string;
  subscriptionId: string;
  /** ARM's list of the same versions, page by page (the SDK list's byPage()). */
  armPages: () => AsyncIterable<V[]>;
}

async function* versionListPages<V>(
  arm: ArmClients,
  source: VersionListSource<V>,
  signal: AbortSignal,
): AsyncGenerator<VersionListChunk<V>> {
  let restart = false;
  if (Date.now() - lastWriteAt > VERSION_LIST_ARM_AFTER_WRITE_MS) {
    try {
      // No waiting out a 429 for the first page: Resource Graph's quota is per user and small, and ARM's list serves
      // a short list at once. Once the first page is in, the list may be long (10,000 versions are 200 of ARM's
      // pages, tens of seconds): a later page waits for the quota's next window (5 s) rather than start over there,
      // as reloading the page of a long list within 5 s would otherwise.
      for await (const rows of resourceGraphPages(
        arm.unretried,
        arm.endpoint,
        [source.subscriptionId],
        versionsUnderQuery(source.type, source.parentId),
        {
          signal,
          maxThrottleWaitMs: 0,
          laterPagesMaxThrottleWaitMs: VERSION_LIST_LATER_PAGES_THROTTLE_WAIT_MS,
          firstPageSize: VERSION_LIST_FIRST_PAGE,
          parallelPages: VERSION_LIST_PARALLEL_PAGES,
        },
      )) {
        yield { versions: rows.map((row) => versionFromResourceRow<V>(row)) };
      }
      return;
    } catch (error) {
      if (!(error instanceof ResourceGraphFailed)) throw error;
      restart = error.delivered > 0;
    }
  }
  try {
    for await (const page of source.armPages()) {
      yield { versions: page, restart };
      restart = false;
    }
    if (restart) yield { versions: [], restart };
  } catch (error) {
    throw toAzureError(error, `${source.parentId}/versions`);
  }
}

/**
 * The query function of a version list, streamed: the query has data from the first page on and stays `fetching`
 * until the last (isListComplete tells them apart). ARM's list is the fallback when Resource Graph fails or
 * throttles, and is read instead for a while after this tab wrote, as Resource Graph learns of a write some
 * seconds after ARM (see VERSION_LIST_ARM_AFTER_WRITE_MS).
 */
export function streamedVersionList<V>(arm: ArmClients, source: () => VersionListSource<V>): QueryFunction<V[]> {
  return experimental_streamedQuery<VersionListChunk<V>, V[]>({
    streamFn: ({ signal }) => versionListPages(arm, source(), signal),
    reducer: (versions, chunk) => (chunk.restart ? chunk.versions : [...versions, ...chunk.versions]),
    initialValue: [],
    // A refetch (after a publish) shows the old list until the new one is whole, not a half-read one.
    refetchMode: "replace",
  });
}
