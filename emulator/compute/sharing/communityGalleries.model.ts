import { COMMUNITY_DISCLAIMER_URI, communityGalleryImageId } from "../../../lib/gallery/community.js";
import type { EmulatorContext } from "../../context.js";
import { ArmError } from "../../errors.js";
import type { GalleryBody, GalleryRecord } from "../galleries/galleries.model.js";
import type { TrackedState } from "../shared/provisioning.js";
import type { StoredSharingProfile } from "./gallerySharing.profile.js";
import type { GalleryImageRecord } from "../galleryImages/galleryImages.model.js";
import type { GalleryImageVersionRecord } from "../galleryImageVersions/galleryImageVersions.model.js";
import {
  artifactTagsOf,
  isInRegion,
  listSharedImages,
  listSharedVersions,
  regionOf,
  sharedImageView,
  sharedVersionView,
} from "./sharedGalleries.model.js";
import { GALLERY_TYPE } from "../shared/names.js";

/**
 * Microsoft.Compute/locations/communityGalleries: the public, read-only view of galleries shared with the community.
 * Anyone signed in to Azure reads them by public name; neither a share with their subscription nor a role is needed.
 * Images and versions are read like a direct share's (a regional proxy: a version shows where its copy Completed).
 */

/** Galleries answer with `disclaimer` and `artifactTags` since 2022-08-03 and with `communityMetadata` since 2023-07-03. */
const ARTIFACT_TAGS_SINCE = "2022-08-03";
const COMMUNITY_METADATA_SINCE = "2023-07-03";

/** `disclaimer` where the api-version has it (with artifactTags). */
function disclaimerFor(apiVersion: string) {
  return apiVersion >= ARTIFACT_TAGS_SINCE ? { disclaimer: COMMUNITY_DISCLAIMER_URI } : {};
}

export const CommunityErrors = {
  galleryNotFound: (publicName: string) =>
    new ArmError(404, "ResourceNotFound", `The community gallery '${publicName}' was not found.`),
  imageNotFound: (publicName: string, image: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The community gallery image '${image}' was not found in community gallery '${publicName}'.`,
    ),
  versionNotFound: (publicName: string, image: string, version: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The community gallery image version '${version}' was not found in '${publicName}/${image}'.`,
    ),
};

export interface CommunityGallery {
  publicName: string;
  gallery: GalleryRecord;
}

function communityInfoOf(gallery: GalleryRecord) {
  const info = (gallery.body.properties.sharingProfile as StoredSharingProfile | undefined)?.communityGalleryInfo;
  return info?.communityGalleryEnabled ? info : undefined;
}

/** The gallery whose community sharing is enabled under this public name, in any region. */
export function findCommunityGallery(ctx: EmulatorContext, publicName: string): GalleryRecord | undefined {
  const wanted = publicName.toLowerCase();
  return ctx.resources
    .allOfType<GalleryBody, TrackedState>(GALLERY_TYPE)
    .find((g) => communityInfoOf(g)?.publicNames.some((n) => n.toLowerCase() === wanted));
}

/** The community gallery with this public name that shows in `location`. */
export function getCommunityGallery(ctx: EmulatorContext, publicName: string, location: string): CommunityGallery {
  const gallery = findCommunityGallery(ctx, publicName);
  if (!gallery || !isInRegion(ctx, gallery, regionOf(location))) throw CommunityErrors.galleryNotFound(publicName);
  const name = communityInfoOf(gallery)!.publicNames.find((n) => n.toLowerCase() === publicName.toLowerCase())!;
  return { publicName: name, gallery };
}

export function getCommunityImage(
  ctx: EmulatorContext,
  community: CommunityGallery,
  image: string,
): GalleryImageRecord {
  const found = listSharedImages(ctx, community.gallery).find((i) => i.name.toLowerCase() === image.toLowerCase());
  if (!found) throw CommunityErrors.imageNotFound(community.publicName, image);
  return found;
}

export function getCommunityVersion(
  ctx: EmulatorContext,
  community: CommunityGallery,
  image: GalleryImageRecord,
  version: string,
  location: string,
) {
  const found = listSharedVersions(ctx, image, location).find((v) => v.name.toLowerCase() === version.toLowerCase());
  if (!found) throw CommunityErrors.versionNotFound(community.publicName, image.name, version);
  return found;
}

export function communityGalleryView(community: CommunityGallery, location: string, apiVersion: string) {
  const info = communityInfoOf(community.gallery)!;
  return {
    name: community.publicName,
    location: regionOf(location),
    type: "Microsoft.Compute/Locations/CommunityGallery",
    identifier: { uniqueId: `/CommunityGalleries/${community.publicName}` },
    properties: {
      ...(apiVersion >= ARTIFACT_TAGS_SINCE ? { artifactTags: artifactTagsOf(community.gallery) } : {}),
      ...disclaimerFor(apiVersion),
      ...(apiVersion >= COMMUNITY_METADATA_SINCE
        ? {
            communityMetadata: {
              publisherUri: info.publisherUri,
              publisherContact: info.publisherContact,
              eula: info.eula,
              publicNames: info.publicNames,
            },
          }
        : {}),
    },
  };
}

/** The image as a direct share shows it, named by the community path. */
export function communityImageView(
  community: CommunityGallery,
  image: GalleryImageRecord,
  location: string,
  apiVersion: string,
) {
  const { properties } = sharedImageView(community.gallery, image, location);
  const { artifactTags, ...rest } = properties;
  return {
    name: image.name,
    location: regionOf(location),
    type: "Microsoft.Compute/Locations/CommunityGalleryImage",
    identifier: { uniqueId: communityGalleryImageId(community.publicName, image.name) },
    properties: {
      ...rest,
      ...(apiVersion >= ARTIFACT_TAGS_SINCE ? { artifactTags } : {}),
      ...disclaimerFor(apiVersion),
    },
  };
}

export function communityVersionView(
  community: CommunityGallery,
  image: GalleryImageRecord,
  version: GalleryImageVersionRecord,
  location: string,
  now: number,
  apiVersion: string,
) {
  const { properties } = sharedVersionView(community.gallery, image, version, location, now);
  const { artifactTags, ...rest } = properties;
  return {
    name: version.name,
    location: regionOf(location),
    type: "Microsoft.Compute/Locations/CommunityGalleryImageVersion",
    identifier: { uniqueId: communityGalleryImageId(community.publicName, image.name, version.name) },
    properties: {
      ...rest,
      ...(apiVersion >= ARTIFACT_TAGS_SINCE ? { artifactTags } : {}),
      ...disclaimerFor(apiVersion),
    },
  };
}

export { listSharedImages as listCommunityImages, listSharedVersions as listCommunityVersions };
