import type { GalleryInVMAccessControlProfile, GalleryInVMAccessControlProfileVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import { galleryArtifactPathOf, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import type {
  InVMAccessControlProfileProperties,
  InVMAccessControlProfileVersionProperties,
} from "@/lib/gallery/inVMAccessControl";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { collect } from "@/lib/queries/collect";
import { POLL, type Operation, type Tags } from "@/lib/queries/lro";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

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

function profilePath(id: string, version: boolean): GalleryArtifactPath {
  const path = galleryArtifactPathOf(id);
  if (path?.collection !== "inVMAccessControlProfiles" || (path.versionName !== undefined) !== version)
    throw new Error(`'${id}' is not an in-VM access control profile${version ? " version" : ""} id.`);
  return path;
}

export const accessControlProfileQueries = {
  all: () => [...publishQueryRoots.galleryArtifacts, "inVMAccessControlProfiles"] as const,
  list: (arm: ArmClients, galleryId: string) =>
    queryOptions({
      queryKey: [...accessControlProfileQueries.all(), "list", galleryId.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryInVMAccessControlProfile[]> => {
        const p = galleryPathOf(galleryId);
        if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
        try {
          return await collect(
            arm
              .compute(p.subscriptionId)
              .galleryInVMAccessControlProfiles.listByGallery(p.resourceGroupName, p.galleryName),
          );
        } catch (error) {
          throw toAzureError(error, `${galleryId}/inVMAccessControlProfiles`);
        }
      },
    }),
  detail: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...accessControlProfileQueries.all(), "detail", id.toLowerCase()] as const,
      queryFn: async (): Promise<GalleryInVMAccessControlProfile> => {
        const p = profilePath(id, false);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleryInVMAccessControlProfiles.get(p.resourceGroupName, p.galleryName, p.artifactName);
        } catch (error) {
          throw toAzureError(error, id);
        }
      },
    }),
  versions: (arm: ArmClients, profileId: string) =>
    queryOptions({
      queryKey: [...accessControlProfileQueries.all(), "versions", profileId.toLowerCase()] as const,
      queryFn: async (): Promise<InVMAccessControlProfileVersionJson[]> => {
        profilePath(profileId, false);
        return arm.rest.listAll<InVMAccessControlProfileVersionJson>(
          `${profileId}/versions?api-version=${SDK_GALLERY_API_VERSION}`,
        );
      },
    }),
  version: (arm: ArmClients, id: string) =>
    queryOptions({
      queryKey: [...accessControlProfileQueries.all(), "version", id.toLowerCase()] as const,
      queryFn: async (): Promise<InVMAccessControlProfileVersionJson> => {
        profilePath(id, true);
        return arm.rest.request<InVMAccessControlProfileVersionJson>(
          "GET",
          `${id}?api-version=${SDK_GALLERY_API_VERSION}`,
        );
      },
      refetchInterval: (query) =>
        query.state.data?.properties.replicationStatus?.summary?.some((r) => r.state === "Replicating") ? 5_000 : false,
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
