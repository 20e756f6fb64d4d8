import type { GalleryApplication, GalleryApplicationVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import {
  applicationIdOf,
  applicationVersionIdOf,
  galleryIdOf,
  galleryPathOf,
  type GalleryPath,
} from "@/lib/azure/routeParams";
import type { GalleryApplicationProperties } from "@/lib/gallery/galleryApplication";
import type { GalleryApplicationVersionProperties } from "@/lib/gallery/galleryApplicationVersion";
import { createLimiter } from "@/lib/inventory/limiter";
import { collect } from "@/lib/queries/collect";
import {
  isVersionSettling,
  REPLICATION_POLL_MS,
  REPLICATION_READ_CONCURRENCY,
} from "@/lib/queries/galleryImageVersions";
import { computeOf, isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";
import { streamedVersionList } from "@/lib/queries/versionLists";
import { APPLICATION_VERSION_TYPE } from "@/lib/inventory/item";

/**
 * Gallery applications (VM Applications) and their versions: the queries the application pages read and the
 * writes the publish forms send, through the Compute SDK's galleryApplications and galleryApplicationVersions.
 */

export type ApplicationPath = GalleryPath & { applicationName: string };
export type ApplicationVersionPath = ApplicationPath & { versionName: string };

function applicationPathOf(id: string): ApplicationPath {
  const p = galleryPathOf(id);
  if (!p?.applicationName) throw new Error(`'${id}' is not a gallery application id.`);
  return { ...p, applicationName: p.applicationName };
}

function applicationVersionPathOf(id: string): ApplicationVersionPath {
  const p = applicationPathOf(id);
  if (!p.versionName) throw new Error(`'${id}' is not a gallery application version id.`);
  return { ...p, versionName: p.versionName };
}

export const applicationQueries = {
  all: () => ["galleryApplications"] as const,
  /** The applications of a gallery. */
  list: (arm: ArmClients, gallery: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), "list", gallery.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryApplication[]> => {
        const p = galleryPathOf(gallery);
        if (!p) throw new Error(`'${gallery}' is not a gallery id.`);
        try {
          return await collect(
            arm.compute(p.subscriptionId).galleryApplications.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryIdOf(p)}/applications`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryApplication> => {
        const p = applicationPathOf(id);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryApplications.get(p.resourceGroupName, p.galleryName, p.applicationName);
        } catch (error) {
          throw toAzureError(error, applicationIdOf(p));
        }
      },
    }),
};

const limitReplicationReads = createLimiter(REPLICATION_READ_CONCURRENCY);

export const applicationVersionQueries = {
  all: () => ["galleryApplicationVersions"] as const,
  /**
   * The versions of an application (the list carries no replication status; see detail), streamed through Resource
   * Graph with ARM's list as the fallback, as an image definition's (streamedVersionList).
   */
  list: (arm: ArmClients, application: string) =>
    queryOptions({
      queryKey: [...applicationVersionQueries.all(), "list", application.toLowerCase()] as const,
      queryFn: streamedVersionList<GalleryApplicationVersion>(arm, () => {
        const p = applicationPathOf(application);
        return {
          type: APPLICATION_VERSION_TYPE,
          parentId: applicationIdOf(p),
          subscriptionId: p.subscriptionId,
          armPages: () =>
            arm
              .compute(p.subscriptionId)
              .galleryApplicationVersions.listByGalleryApplication(
                p.resourceGroupName,
                p.galleryName,
                p.applicationName,
              )
              .byPage(),
        };
      }),
    }),
  /** One version with `$expand=ReplicationStatus`, read again every few seconds while it is settling. */
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...applicationVersionQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryApplicationVersion> => {
        const p = applicationVersionPathOf(id);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryApplicationVersions.get(p.resourceGroupName, p.galleryName, p.applicationName, p.versionName, {
              expand: "ReplicationStatus",
            });
        } catch (error) {
          throw toAzureError(error, applicationVersionIdOf(p));
        }
      },
      refetchInterval: (query) => (isVersionSettling(query.state.data) ? REPLICATION_POLL_MS : false),
    }),
  /** The detail read for version tables, queued behind a page-wide limit; settled versions stay cached. */
  replication: (arm: ArmClients, id: string) => {
    const base = applicationVersionQueries.detail(arm, id);
    return queryOptions({
      ...base,
      queryFn: (context) => limitReplicationReads(async () => base.queryFn!(context), context.signal),
      staleTime: (query) => (query.state.data && !isVersionSettling(query.state.data) ? Infinity : 0),
    });
  },
};

// Writes: long-running operations, tracked by useOperation, which invalidates after them (lib/queries/publish.ts).

function applicationModel(properties: Partial<GalleryApplicationProperties>): Omit<GalleryApplication, "location"> {
  const { endOfLifeDate, ...rest } = properties;
  return {
    ...(rest as Omit<GalleryApplication, "location">),
    ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
  };
}

/** PUT: creates the application or replaces every property of it (supportedOSType stays as created). */
export function putApplication(
  arm: ArmClients,
  path: ApplicationPath,
  body: { location: string; properties: GalleryApplicationProperties; tags: Tags },
): Operation<GalleryApplication> {
  return computeOf(arm, path).galleryApplications.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.applicationName,
    { location: body.location, tags: body.tags, ...applicationModel(body.properties) },
    POLL,
  );
}

export function deleteApplication(arm: ArmClients, path: ApplicationPath): Operation<void> {
  return computeOf(arm, path).galleryApplications.delete(
    path.resourceGroupName,
    path.galleryName,
    path.applicationName,
    POLL,
  );
}

type ApplicationVersionModel = Pick<GalleryApplicationVersion, "publishingProfile" | "safetyProfile">;

function applicationVersionModel(properties: GalleryApplicationVersionProperties): ApplicationVersionModel {
  const { endOfLifeDate, ...profile } = properties.publishingProfile;
  return {
    publishingProfile: {
      ...(profile as NonNullable<GalleryApplicationVersion["publishingProfile"]>),
      ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
    },
    ...(properties.safetyProfile ? { safetyProfile: properties.safetyProfile } : {}),
  };
}

/** PUT: creates a version (replication starts at once) or replaces one with every property sent. */
export function putApplicationVersion(
  arm: ArmClients,
  path: ApplicationVersionPath,
  body: { location: string; properties: GalleryApplicationVersionProperties; tags: Tags },
): Operation<GalleryApplicationVersion> {
  return computeOf(arm, path).galleryApplicationVersions.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.applicationName,
    path.versionName,
    { location: body.location, tags: body.tags, ...applicationVersionModel(body.properties) },
    POLL,
  );
}

export function deleteApplicationVersion(arm: ArmClients, path: ApplicationVersionPath): Operation<void> {
  return computeOf(arm, path).galleryApplicationVersions.delete(
    path.resourceGroupName,
    path.galleryName,
    path.applicationName,
    path.versionName,
    POLL,
  );
}
