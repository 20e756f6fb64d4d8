import { pagedListResponse } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmRoute } from "../../router.js";
import {
  communityGalleryView,
  communityImageView,
  communityVersionView,
  getCommunityGallery,
  getCommunityImage,
  getCommunityVersion,
  listCommunityImages,
  listCommunityVersions,
  type CommunityGallery,
} from "./communityGalleries.model.js";
import { GALLERY_API_VERSIONS } from "../shared/names.js";

/** Microsoft.Compute/locations/communityGalleries: routes and thin handlers over communityGalleries.model.ts. */

const BASE =
  "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/communityGalleries/{publicGalleryName}";
const base = {
  resourceType: "Microsoft.Compute/locations/communityGalleries",
  apiVersions: GALLERY_API_VERSIONS.filter((v) => v >= "2021-07-01"),
} as const;

/**
 * The caller's own subscription carries the request; the gallery is public, so nothing about the source gallery is
 * checked (no route action: RBAC on the publisher's side does not apply).
 */
function communityOf(req: ArmRequest): CommunityGallery {
  visibleSubscription(req, req.params.subscriptionId!);
  return getCommunityGallery(req.ctx, req.params.publicGalleryName!, req.params.location!);
}

export const communityGalleryRoutes: ArmRoute[] = [
  {
    ...base,
    method: "GET",
    path: BASE,
    handler: (req) => ({
      status: 200,
      body: communityGalleryView(communityOf(req), req.params.location!, req.apiVersion),
    }),
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/images`,
    handler: (req) => {
      const community = communityOf(req);
      const views = listCommunityImages(req.ctx, community.gallery).map((i) =>
        communityImageView(community, i, req.params.location!, req.apiVersion),
      );
      return pagedListResponse(req, views, (v) => v.name.toLowerCase());
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/images/{galleryImageName}`,
    handler: (req) => {
      const community = communityOf(req);
      const image = getCommunityImage(req.ctx, community, req.params.galleryImageName!);
      return { status: 200, body: communityImageView(community, image, req.params.location!, req.apiVersion) };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/images/{galleryImageName}/versions`,
    handler: (req) => {
      const community = communityOf(req);
      const image = getCommunityImage(req.ctx, community, req.params.galleryImageName!);
      const location = req.params.location!;
      const now = req.ctx.clock.now();
      const views = listCommunityVersions(req.ctx, image, location).map((v) =>
        communityVersionView(community, image, v, location, now, req.apiVersion),
      );
      return pagedListResponse(req, views, (v) => v.name.toLowerCase());
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/images/{galleryImageName}/versions/{galleryImageVersionName}`,
    handler: (req) => {
      const community = communityOf(req);
      const image = getCommunityImage(req.ctx, community, req.params.galleryImageName!);
      const location = req.params.location!;
      const version = getCommunityVersion(req.ctx, community, image, req.params.galleryImageVersionName!, location);
      return {
        status: 200,
        body: communityVersionView(community, image, version, location, req.ctx.clock.now(), req.apiVersion),
      };
    },
  },
];
