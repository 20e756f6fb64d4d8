import type { GalleryScript, GalleryScriptVersion, GalleryScriptVersionPublishingProfile } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import type { GalleryScriptProperties, GalleryScriptVersionProperties } from "@/lib/gallery/galleryScript";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { collect } from "@/lib/queries/collect";
import { galleryArtifactReads } from "@/lib/queries/galleryArtifactReads";
import { isoDateAsDate, POLL, type Operation, type Tags } from "@/lib/queries/lro";

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

const reads = galleryArtifactReads<GalleryScript, GalleryScriptVersionJson>({
  collection: "scripts",
  noun: "gallery script",
  operations: (compute) => compute.galleryScripts,
  versionQuery: "&$expand=ReplicationStatus",
});

export const scriptQueries = {
  all: reads.all,
  list: reads.list,
  detail: reads.detail,
  version: reads.version,
  versions: (arm: ArmClients, scriptId: string) =>
    queryOptions({
      queryKey: [...reads.all(), "versions", scriptId.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryScriptVersion[]> => {
        const p = reads.pathOf(scriptId, false);
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
