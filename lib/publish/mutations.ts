import type { Gallery, GalleryImage, GalleryImageVersion } from "@azure/arm-compute";
import type { OperationState, PollerLike } from "@azure/core-lro";
import type { QueryClient } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import type { GalleryPath } from "@/lib/azure/routeParams";
import type { GalleryImageProperties } from "@/lib/gallery/galleryImage";
import type { GalleryImageVersionProperties, PublishingProfile } from "@/lib/gallery/galleryImageVersion";
import { galleryQueries } from "@/lib/queries/galleries";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { imageQueries } from "@/lib/queries/galleryImages";
import { publishQueryRoots } from "@/lib/publish/queryRoots";

/** A long-running ARM operation as the SDK returns it: awaiting `submitted()` throws ARM's 4xx. */
export type Operation<T> = PollerLike<OperationState<T>, T>;

/** The emulator finishes gallery operations in seconds; poll often enough that progress is visible. */
const POLL = { updateIntervalInMs: 1_000 } as const;

type Tags = Record<string, string>;

function date(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

function compute(arm: ArmClients, path: GalleryPath) {
  return arm.compute(path.subscriptionId);
}

export function createGallery(
  arm: ArmClients,
  path: GalleryPath,
  body: { location: string; description?: string | undefined; tags: Tags },
): Operation<Gallery> {
  return compute(arm, path).galleries.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    { location: body.location, tags: body.tags, ...(body.description ? { description: body.description } : {}) },
    POLL,
  );
}

export function updateGallery(
  arm: ArmClients,
  path: GalleryPath,
  body: { description: string; tags: Tags },
): Operation<Gallery> {
  return compute(arm, path).galleries.update(
    path.resourceGroupName,
    path.galleryName,
    { description: body.description, tags: body.tags },
    POLL,
  );
}

export function deleteGallery(arm: ArmClients, path: GalleryPath): Operation<void> {
  return compute(arm, path).galleries.delete(path.resourceGroupName, path.galleryName, POLL);
}

/** The SDK's model of a definition from the body the shared schema accepted (dates as Date). */
function galleryImageModel(properties: Partial<GalleryImageProperties>): Omit<GalleryImage, "location"> {
  const { endOfLifeDate, ...rest } = properties;
  return {
    ...(rest as Omit<GalleryImage, "location">),
    ...(endOfLifeDate ? { endOfLifeDate: date(endOfLifeDate) } : {}),
  };
}

export function createImageDefinition(
  arm: ArmClients,
  path: GalleryPath & { imageName: string },
  body: { location: string; properties: GalleryImageProperties; tags: Tags },
): Operation<GalleryImage> {
  return compute(arm, path).galleryImages.createOrUpdate(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    { location: body.location, tags: body.tags, ...galleryImageModel(body.properties) },
    POLL,
  );
}

export function updateImageDefinition(
  arm: ArmClients,
  path: GalleryPath & { imageName: string },
  body: { properties: Partial<GalleryImageProperties>; tags: Tags },
): Operation<GalleryImage> {
  return compute(arm, path).galleryImages.update(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    { tags: body.tags, ...galleryImageModel(body.properties) },
    POLL,
  );
}

export function deleteImageDefinition(arm: ArmClients, path: GalleryPath & { imageName: string }): Operation<void> {
  return compute(arm, path).galleryImages.delete(path.resourceGroupName, path.galleryName, path.imageName, POLL);
}

function publishingProfileModel(profile: PublishingProfile | undefined): GalleryImageVersion["publishingProfile"] {
  if (!profile) return undefined;
  const { endOfLifeDate, ...rest } = profile;
  return {
    ...(rest as NonNullable<GalleryImageVersion["publishingProfile"]>),
    ...(endOfLifeDate ? { endOfLifeDate: date(endOfLifeDate) } : {}),
  };
}

export function createImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: { location: string; properties: GalleryImageVersionProperties; tags: Tags },
): Operation<GalleryImageVersion> {
  const { publishingProfile, storageProfile, safetyProfile } = body.properties;
  return compute(arm, path).galleryImageVersions.createOrUpdate(
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
    },
    POLL,
  );
}

export function updateImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
  body: { publishingProfile: PublishingProfile; safetyProfile?: { allowDeletionOfReplicatedLocations: boolean } },
): Operation<GalleryImageVersion> {
  return compute(arm, path).galleryImageVersions.update(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    {
      publishingProfile: publishingProfileModel(body.publishingProfile),
      ...(body.safetyProfile ? { safetyProfile: body.safetyProfile } : {}),
    },
    POLL,
  );
}

export function deleteImageVersion(
  arm: ArmClients,
  path: GalleryPath & { imageName: string; versionName: string },
): Operation<void> {
  return compute(arm, path).galleryImageVersions.delete(
    path.resourceGroupName,
    path.galleryName,
    path.imageName,
    path.versionName,
    POLL,
  );
}

/**
 * After any publish operation: every gallery, definition and version list and detail, the limits usage and the
 * source list may have changed. The query keys start with each resource's `.all()`, so one call reaches them all.
 */
export async function invalidateAfterPublish(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    [
      galleryQueries.all(),
      imageQueries.all(),
      versionQueries.all(),
      publishQueryRoots.galleryUsage,
      publishQueryRoots.versionSources,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
