import { parseResourceId } from "../../../lib/azure/resourceId.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import type { GalleryImageBody } from "../galleryImages/galleryImages.model.js";
import { resolveLatest } from "../../../lib/gallery/latest.js";
import {
  type GalleryImageVersionBody,
  type GalleryImageVersionState,
  versionsWithReplication,
} from "./galleryImageVersions.model.js";
import { regionStatusAt } from "../shared/replication.js";
import { findCommunityGallery } from "../sharing/communityGalleries.model.js";
import { GALLERY_IMAGE_TYPE } from "../shared/names.js";
import { resolveComputeSource } from "../sources/versionSources.js";
import type { VersionSource } from "./versionSource.js";

/**
 * Another gallery image version as a source. It can be used in any region where its replication has completed,
 * so its location is the requested one when a replica is there, and its own region otherwise.
 */
function resolveGalleryImageVersion(
  ctx: EmulatorContext,
  id: string,
  wantedLocation: string,
): VersionSource | undefined {
  const parsed = parseResourceId(id);
  if (parsed?.kind !== "galleryImageVersion") return undefined;
  const record = ctx.resources.get<GalleryImageVersionBody, GalleryImageVersionState>(parsed.id);
  if (!record?.parentKey) return undefined;
  const definition = ctx.resources.get<GalleryImageBody>(record.parentKey);
  if (!definition) return undefined;
  const now = ctx.clock.now();
  const replicatedHere = record.state.replication.some(
    (plan) =>
      normalizeLocation(plan.region) === normalizeLocation(wantedLocation) &&
      regionStatusAt(plan, now).state === "Completed",
  );
  const { osType, osState, hyperVGeneration, architecture, features } = definition.body.properties;
  const securityType = features?.find((feature) => feature.name.toLowerCase() === "securitytype")?.value;
  const storage = record.body.properties.storageProfile;
  return {
    id: record.id,
    kind: "galleryImageVersion",
    location: replicatedHere ? wantedLocation : (record.location ?? ""),
    osType,
    osState,
    hyperVGeneration,
    architecture,
    ...(securityType ? { securityType } : {}),
    osDiskSizeGB: storage.osDiskImage.sizeInGB,
    dataDisks: storage.dataDiskImages.map((disk) => ({ lun: disk.lun, sizeGB: disk.sizeInGB })),
  };
}

/**
 * `/CommunityGalleries/{publicGalleryName}/Images/{image}[/Versions/{version|latest}]`, as Compute spells a community
 * image's id: GalleryImageVersion_Create_WithCommunityImageVersionAsSource names the image alone.
 */
const COMMUNITY_IMAGE_ID = /^\/CommunityGalleries\/([^/]+)\/Images\/([^/]+)(?:\/Versions\/([^/]+))?\/?$/i;

/**
 * A version of a community gallery's image as a source: public, so no role is checked; otherwise it is the
 * underlying gallery image version, usable where it has replicated. An id without a version (or with `latest`)
 * names the image's latest version in the wanted region, as for a VM.
 */
export function resolveCommunitySource(
  ctx: EmulatorContext,
  communityGalleryImageId: string,
  wantedLocation: string,
): VersionSource | undefined {
  const match = COMMUNITY_IMAGE_ID.exec(communityGalleryImageId);
  if (!match) return undefined;
  const [, publicName, imageName, versionName] = match as unknown as [string, string, string, string | undefined];
  const gallery = findCommunityGallery(ctx, publicName);
  const definition = gallery
    ? ctx.resources
        .listChildren<GalleryImageBody>(gallery.id, GALLERY_IMAGE_TYPE)
        .items.find((image) => image.name.toLowerCase() === imageName.toLowerCase())
    : undefined;
  if (!definition) return undefined;
  const versions = versionsWithReplication(ctx, definition.id);
  const candidates = versions.map(({ name, location, properties }) => ({ name, location, ...properties }));
  const wanted =
    versionName === undefined || versionName.toLowerCase() === "latest"
      ? resolveLatest(candidates, wantedLocation, new Date(ctx.clock.now())).latest
      : versionName;
  const version = versions.find((v) => v.name.toLowerCase() === wanted?.toLowerCase());
  return version ? resolveGalleryImageVersion(ctx, version.id, wantedLocation) : undefined;
}

/** Any source of an image version: gallery image versions here, managed images, VMs, disks and snapshots from sources/versionSources.ts. */
export function resolveVersionSource(
  ctx: EmulatorContext,
  id: string,
  versionLocation: string,
): VersionSource | undefined {
  return parseResourceId(id)?.kind === "galleryImageVersion"
    ? resolveGalleryImageVersion(ctx, id, versionLocation)
    : resolveComputeSource(ctx, id);
}
