import type { GalleryImageVersion } from "@azure/arm-compute";
import { experimental_streamedQuery, queryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { imageIdOf, galleryPathOf, versionIdOf } from "@/lib/azure/routeParams";
import { createLimiter } from "@/lib/inventory/limiter";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";
import { VERSION_TYPE } from "@/lib/inventory/item";
import type { GalleryPath } from "@/lib/azure/routeParams";
import type { GalleryImageVersionProperties, PublishingProfile } from "@/lib/gallery/galleryImageVersion";
import { computeOf, isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";

/** How often a version that is still replicating (or being created/updated) is read again. */
export const REPLICATION_POLL_MS = 3_000;

/**
 * True while a version's state (an image or application version's) can still change on its own: replication under way, a delete running, or a
 * create/update whose replication has not reached a final state. A Creating version whose regions are all
 * Completed or Failed is about to settle, and is not worth polling for.
 */
export function isVersionSettling(
  version: Pick<GalleryImageVersion, "provisioningState" | "replicationStatus"> | undefined,
): boolean {
  if (!version) return false;
  const provisioning = (version.provisioningState ?? "").toLowerCase();
  if (provisioning === "deleting") return true;
  const status = version.replicationStatus;
  if (status?.aggregatedState === "InProgress") return true;
  if ((status?.summary ?? []).some((region) => region.state === "Replicating")) return true;
  const replicationFinal = status?.aggregatedState === "Completed" || status?.aggregatedState === "Failed";
  return (provisioning === "creating" || provisioning === "updating") && !replicationFinal;
}

/** Replication-status reads in flight at once, across the whole page. */
export const REPLICATION_READ_CONCURRENCY = 6;
const limitReplicationReads = createLimiter(REPLICATION_READ_CONCURRENCY);

/** How long after a write in this tab version lists are read from ARM rather than Resource Graph. */
export const VERSION_LIST_ARM_AFTER_WRITE_MS = 5 * 60_000;
let lastWriteAt = Number.NEGATIVE_INFINITY;

/** Called after every publish write: Resource Graph may not show it yet, so lists read ARM for a while. */
export function noteVersionListWrite(now = Date.now()): void {
  lastWriteAt = now;
}

/**
 * Rows of the list's first Resource Graph page: enough to fill the table's first screen (about 20 rows), quick to
 * send, and under DataTable's virtualizing threshold by half, as those rows are all rendered until the rest arrive.
 */
const VERSION_LIST_FIRST_PAGE = 50;
/**
 * Pages read at once after the first: 10,000 versions are ten pages, and one after another they cost ten round
 * trips. Below the browser's six connections per host, so replication reads of the rows on screen still go out.
 */
const VERSION_LIST_PARALLEL_PAGES = 4;

interface VersionListChunk {
  versions: GalleryImageVersion[];
  /** The rows so far are dropped: Resource Graph failed part-way and ARM's list starts over. */
  restart?: boolean;
}

/** True once a streamed version list has every page (not only the first rows). */
export function isListComplete(list: Pick<UseQueryResult, "isSuccess" | "fetchStatus">): boolean {
  return list.isSuccess && list.fetchStatus !== "fetching";
}

const versionsOfDefinitionQuery = (imageId: string) =>
  [
    "resources",
    `| where type =~ '${VERSION_TYPE}' and id startswith '${imageId.replaceAll("'", "")}/versions/'`,
    // Newest published first, so the first page holds the rows a table sorted newest first shows at the top;
    // the id makes the order total, as stable paging needs.
    "| extend publishedDate = tostring(properties.publishingProfile.publishedDate)",
    "| order by publishedDate desc, id asc",
    "| project id, name, type, location, tags, properties",
  ].join("\n");

/** A Resource Graph row (ARM's wire shape) as the SDK's model: properties flattened, dates as Dates. */
export function versionFromResourceRow(row: Record<string, unknown>): GalleryImageVersion {
  const { properties, ...resource } = row as { properties?: Record<string, unknown> } & Record<string, unknown>;
  const profile = properties?.publishingProfile as Record<string, unknown> | undefined;
  const date = (value: unknown) => (typeof value === "string" && value ? new Date(value) : undefined);
  return {
    ...(resource as Pick<GalleryImageVersion, "id" | "name" | "type" | "location" | "tags">),
    ...(properties as Omit<GalleryImageVersion, "id" | "name" | "type" | "location" | "tags">),
    ...(profile
      ? {
          publishingProfile: {
            ...(profile as NonNullable<GalleryImageVersion["publishingProfile"]>),
            publishedDate: date(profile.publishedDate),
            endOfLifeDate: date(profile.endOfLifeDate),
          },
        }
      : {}),
  } as GalleryImageVersion;
}

async function* versionListPages(
  arm: ArmClients,
  image: string,
  signal: AbortSignal,
): AsyncGenerator<VersionListChunk> {
  const p = galleryPathOf(image);
  if (!p?.imageName) throw new Error(`'${image}' is not an image definition id.`);
  const imageId = imageIdOf({ ...p, imageName: p.imageName });
  let restart = false;
  if (Date.now() - lastWriteAt > VERSION_LIST_ARM_AFTER_WRITE_MS) {
    try {
      // No waiting out a 429: Resource Graph's quota is per user and small, ARM's list serves at once.
      for await (const rows of resourceGraphPages(
        arm.unretried,
        arm.endpoint,
        [p.subscriptionId],
        versionsOfDefinitionQuery(imageId),
        {
          signal,
          maxThrottleWaitMs: 0,
          firstPageSize: VERSION_LIST_FIRST_PAGE,
          parallelPages: VERSION_LIST_PARALLEL_PAGES,
        },
      )) {
        yield { versions: rows.map(versionFromResourceRow) };
      }
      return;
    } catch (error) {
      if (!(error instanceof ResourceGraphFailed)) throw error;
      restart = error.delivered > 0;
    }
  }
  try {
    const pages = arm
      .compute(p.subscriptionId)
      .galleryImageVersions.listByGalleryImage(p.resourceGroupName, p.galleryName, p.imageName)
      .byPage();
    for await (const page of pages) {
      yield { versions: page, restart };
      restart = false;
    }
    if (restart) yield { versions: [], restart };
  } catch (error) {
    throw toAzureError(error, `${imageId}/versions`);
  }
}

async function readValidation(arm: ArmClients, id: string): Promise<GalleryImageVersion> {
  const p = galleryPathOf(id);
  if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
  try {
    return await arm
      .compute(p.subscriptionId)
      .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
        expand: "ValidationProfile",
      });
  } catch (error) {
    throw toAzureError(error, versionIdOf({ ...p, imageName: p.imageName, versionName: p.versionName }));
  }
}

export const versionQueries = {
  all: () => ["galleryImageVersions"] as const,
  /**
   * The versions of an image definition (the list carries no replication status; see detail), streamed: the
   * query has data from the first page on and stays `fetching` until the last (isListComplete tells them apart).
   * Read through Resource Graph, 1,000 rows a page, as ARM's list gives 50 a page and a definition may hold
   * 10,000; ARM's list is the fallback when Resource Graph fails or throttles, and is read instead for a while
   * after this tab wrote, as Resource Graph learns of a write some seconds after ARM (see VERSION_LIST_ARM_AFTER_WRITE_MS).
   */
  list: (arm: ArmClients, image: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "list", image.toLowerCase()] as const,
      queryFn: experimental_streamedQuery<VersionListChunk, GalleryImageVersion[]>({
        streamFn: ({ signal }) => versionListPages(arm, image, signal),
        reducer: (versions, chunk) => (chunk.restart ? chunk.versions : [...versions, ...chunk.versions]),
        initialValue: [],
        // A refetch (after a publish) shows the old list until the new one is whole, not a half-read one.
        refetchMode: "replace",
      }),
    }),
  /**
   * One version with `$expand=ReplicationStatus`. Read again every few seconds while it is settling; once every
   * region is Completed or Failed the polling stops by itself.
   */
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryImageVersion> => {
        const p = galleryPathOf(id);
        if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
              expand: "ReplicationStatus",
            });
        } catch (error) {
          throw toAzureError(error, versionIdOf({ ...p, imageName: p.imageName, versionName: p.versionName }));
        }
      },
      refetchInterval: (query) => (isVersionSettling(query.state.data) ? REPLICATION_POLL_MS : false),
    }),
  /**
   * One version with `$expand=ValidationProfile`: the platform's validation results and the image's provenance. Read
   * apart from the replication read, since ARM documents `$expand` as one value, and queued behind the same page-wide
   * limit so that a table's trust badges do not crowd out the reads that decide latest.
   */
  validation: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(), "validation", id.toLowerCase()] as const,
      queryFn: (context): Promise<GalleryImageVersion> =>
        limitReplicationReads(() => readValidation(arm, id), context.signal),
    }),
  /**
   * The detail read for version tables: queued behind the page-wide limit, and settled versions stay cached.
   * Table cells use it directly, so only the rows on screen are read.
   */
  replication: (arm: ArmClients, id: string) => {
    const base = versionQueries.detail(arm, id);
    return queryOptions({
      ...base,
      queryFn: (context) => limitReplicationReads(async () => base.queryFn!(context), context.signal),
      // Completed or Failed replication does not change by itself: scrolling back to it needs no new read.
      staleTime: (query) => (query.state.data && !isVersionSettling(query.state.data) ? Infinity : 0),
    });
  },
};

// Writes: long-running operations, tracked by useOperation, which invalidates after them (lib/queries/publish.ts).

function publishingProfileModel(profile: PublishingProfile | undefined): GalleryImageVersion["publishingProfile"] {
  if (!profile) return undefined;
  const { endOfLifeDate, ...rest } = profile;
  return {
    ...(rest as NonNullable<GalleryImageVersion["publishingProfile"]>),
    ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
  };
}

export function createImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: { location: string; properties: GalleryImageVersionProperties; tags: Tags },
): Operation<GalleryImageVersion> {
  const { publishingProfile, storageProfile, safetyProfile, securityProfile } = body.properties;
  return computeOf(arm, path).galleryImageVersions.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    {
      location: body.location,
      tags: body.tags,
      publishingProfile: publishingProfileModel(publishingProfile),
      storageProfile: storageProfile as GalleryImageVersion["storageProfile"],
      ...(safetyProfile ? { safetyProfile } : {}),
      ...(securityProfile ? { securityProfile: securityProfile as GalleryImageVersion["securityProfile"] } : {}),
    },
    POLL,
  );
}

export function updateImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: {
    publishingProfile: PublishingProfile;
    safetyProfile?: { allowDeletionOfReplicatedLocations: boolean };
    securityProfile?: GalleryImageVersionProperties["securityProfile"];
  },
): Operation<GalleryImageVersion> {
  return computeOf(arm, path).galleryImageVersions.update(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    {
      publishingProfile: publishingProfileModel(body.publishingProfile),
      ...(body.safetyProfile ? { safetyProfile: body.safetyProfile } : {}),
      ...(body.securityProfile
        ? { securityProfile: body.securityProfile as GalleryImageVersion["securityProfile"] }
        : {}),
    },
    POLL,
  );
}

export function deleteImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
): Operation<void> {
  return computeOf(arm, path).galleryImageVersions.delete(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    POLL,
  );
}
