import type { GalleryInVMAccessControlProfile, GalleryInVMAccessControlProfileVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import type {
  InVMAccessControlProfileProperties,
  InVMAccessControlProfileVersionProperties,
} from "@/lib/gallery/inVMAccessControl";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { galleryArtifactReads } from "@/lib/queries/galleryArtifactReads";
import { POLL, type Operation, type Tags } from "@/lib/queries/lro";

/** In-VM access control profiles (Microsoft.Compute/galleries/inVMAccessControlProfiles) and their versions. */

/** A profile version as ARM's JSON, with its replication per region (always returned for these versions). */
export interface InVMAccessControlProfileVersionJson {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: InVMAccessControlProfileVersionProperties & {
    publishedDate?: string;
    provisioningState?: string;
    replicationStatus?: { summary?: RegionalReplicationStatus[] };
  };
}

const reads = galleryArtifactReads<GalleryInVMAccessControlProfile, InVMAccessControlProfileVersionJson>({
  collection: "inVMAccessControlProfiles",
  noun: "in-VM access control profile",
  operations: (compute) => compute.galleryInVMAccessControlProfiles,
});

export const accessControlProfileQueries = {
  all: reads.all,
  list: reads.list,
  detail: reads.detail,
  version: reads.version,
  versions: (arm: ArmClients, profileId: string) =>
    queryOptions({
      queryKey: [...reads.all(), "versions", profileId.toLowerCase()] as const,
      queryFn: async (): Promise<InVMAccessControlProfileVersionJson[]> => {
        reads.pathOf(profileId, false);
        return arm.rest.listAll<InVMAccessControlProfileVersionJson>(
          `${profileId}/versions?api-version=${SDK_GALLERY_API_VERSION}`,
        );
      },
    }),
};

// Writes: PUT for create and update alike, so an edit sends every property the form shows.

export function putAccessControlProfile(
  arm: ArmClients,
  path: GalleryArtifactPath,
  body: { location: string; properties: InVMAccessControlProfileProperties; tags: Tags },
): Operation<GalleryInVMAccessControlProfile> {
  return arm
    .compute(path.subscriptionId)
    .galleryInVMAccessControlProfiles.createOrUpdate(
      path.resourceGroupName,
      path.galleryName,
      path.artifactName,
      { location: body.location, tags: body.tags, properties: body.properties },
      POLL,
    );
}

export function deleteAccessControlProfile(arm: ArmClients, path: GalleryArtifactPath): Operation<void> {
  return arm
    .compute(path.subscriptionId)
    .galleryInVMAccessControlProfiles.delete(path.resourceGroupName, path.galleryName, path.artifactName, POLL);
}

export function putAccessControlProfileVersion(
  arm: ArmClients,
  path: GalleryArtifactPath & { versionName: string },
  body: { location: string; properties: InVMAccessControlProfileVersionProperties; tags: Tags },
): Operation<GalleryInVMAccessControlProfileVersion> {
  return arm.compute(path.subscriptionId).galleryInVMAccessControlProfileVersions.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.artifactName,
    path.versionName,
    // The rules type a target location's encryption loosely (the service checks it); the SDK's model is exact.
    {
      location: body.location,
      tags: body.tags,
      ...(body.properties as Omit<GalleryInVMAccessControlProfileVersion, "location">),
    },
    POLL,
  );
}

export function deleteAccessControlProfileVersion(
  arm: ArmClients,
  path: GalleryArtifactPath & { versionName: string },
): Operation<void> {
  return arm
    .compute(path.subscriptionId)
    .galleryInVMAccessControlProfileVersions.delete(
      path.resourceGroupName,
      path.galleryName,
      path.artifactName,
      path.versionName,
      POLL,
    );
}
