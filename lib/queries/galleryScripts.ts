import type { GalleryScript, GalleryScriptVersion, GalleryScriptVersionPublishingProfile } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import { galleryArtifactPathOf, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import type { GalleryScriptProperties, GalleryScriptVersionProperties } from "@/lib/gallery/galleryScript";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { collect } from "@/lib/queries/collect";
import { isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

/** Gallery scripts (Microsoft.Compute/galleries/scripts) and their versions: reads and writes. */

/** A script version as ARM's JSON (dates as ISO strings), with `replicationStatus` when expanded. */
export interface GalleryScriptVersionJson {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: GalleryScriptVersionProperties & {
    publishingProfile: { publishedDate?: string };
    provisioningState?: string;
    replicationStatus?: { summary?: RegionalReplicationStatus[] };
  };
}

function scriptPath(id: string, version: boolean): GalleryArtifactPath {
  const path = galleryArtifactPathOf(id);
  if (path?.collection !== "scripts" || (path.versionName !== undefined) !== version)
    throw new Error(`'${id}' is not a gallery script${version ? " version" : ""} id.`);
  return path;
}

export const scriptQueries = {
  all: () => [...publishQueryRoots.galleryArtifacts, "scripts"] as const,
  list: (arm: ArmClients, galleryId: string) =>
    queryOptions({
      queryKey: [...scriptQueries.all(), "list", galleryId.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScript[]> => {
        const p = galleryPathOf(galleryId);
        if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
        try {
          return await collect(
            arm.compute(p.subscriptionId).galleryScripts.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryId}/scripts`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...scriptQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScript> => {
        const p = scriptPath(id, false);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryScripts.get(p.resourceGroupName, p.galleryName, p.artifactName);
        } catch (error) {
          throw toAzureError(error, id);
        }
      },
    }),
  versions: (arm: ArmClients, scriptId: string) =>
    queryOptions({
      queryKey: [...scriptQueries.all(), "versions", scriptId.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScriptVersion[]> => {
        const p = scriptPath(scriptId, false);
        try {
          return await collect(
            arm
              .compute(p.subscriptionId)
              .galleryScriptVersions.listByGalleryScript(p.resourceGroupName, p.galleryName, p.artifactName),
          );
        } catch (error) {
          throw toAzureError(error, `${scriptId}/versions`);
        }
      },
    }),
  /** A version with its replication per region; the SDK's get has no `$expand`, so this one is read as REST. */
  version: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...scriptQueries.all(), "version", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScriptVersionJson> => {
        scriptPath(id, true);
        return arm.rest.request<GalleryScriptVersionJson>(
          "GET",
          `${id}?api-version=${SDK_GALLERY_API_VERSION}&$expand=ReplicationStatus`,
        );
      },
      refetchInterval: (query) =>
        query.state.data?.properties.replicationStatus?.summary?.some((r) => r.state === "Replicating") ? 5_000 : false,
    }),
};

// Writes: long-running operations tracked by useOperation. Create and update are both PUT (the service's
// createOrUpdate), so an edit sends every property the form shows, as the create does.

export function putGalleryScript(
  arm: ArmClients,
  path: GalleryArtifactPath,
  body: { location: string; properties: GalleryScriptProperties; tags: Tags },
): Operation<GalleryScript> {
  const { endOfLifeDate, ...properties } = body.properties;
  return arm.compute(path.subscriptionId).galleryScripts.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.artifactName,
    {
      location: body.location,
      tags: body.tags,
      properties: { ...properties, ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}) },
    },
    POLL,
  );
}

export function deleteGalleryScript(arm: ArmClients, path: GalleryArtifactPath): Operation<void> {
  return arm
    .compute(path.subscriptionId)
    .galleryScripts.delete(path.resourceGroupName, path.galleryName, path.artifactName, POLL);
}

export function putGalleryScriptVersion(
  arm: ArmClients,
  path: GalleryArtifactPath & { versionName: string },
  body: { location: string; properties: GalleryScriptVersionProperties; tags: Tags },
): Operation<GalleryScriptVersion> {
  const { publishingProfile, safetyProfile } = body.properties;
  const { endOfLifeDate, ...profile } = publishingProfile;
  return arm.compute(path.subscriptionId).galleryScriptVersions.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.artifactName,
    path.versionName,
    {
      location: body.location,
      tags: body.tags,
      properties: {
        // The shared schema's shape is the wire's; only dates differ from the SDK's model.
        publishingProfile: {
          ...(profile as Omit<GalleryScriptVersionPublishingProfile, "endOfLifeDate">),
          ...(endOfLifeDate ? { endOfLifeDate: isoDateAsDate(endOfLifeDate) } : {}),
        },
        ...(safetyProfile ? { safetyProfile } : {}),
      },
    },
    POLL,
  );
}

export function deleteGalleryScriptVersion(
  arm: ArmClients,
  path: GalleryArtifactPath & { versionName: string },
): Operation<void> {
  return arm
    .compute(path.subscriptionId)
    .galleryScriptVersions.delete(path.resourceGroupName, path.galleryName, path.artifactName, path.versionName, POLL);
}
