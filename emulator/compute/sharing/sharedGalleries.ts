import { pagedListResponse } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmRoute } from "../../router.js";
import { SharingErrors } from "./gallerySharing.errors.js";
import {
  getSharedGallery,
  getSharedImage,
  getSharedVersion,
  listSharedGalleries,
  listSharedImages,
  listSharedVersions,
  sharedGalleryView,
  sharedImageView,
  sharedVersionView,
  type SharedGalleryScope,
} from "./sharedGalleries.model.js";
import { GALLERY_API_VERSIONS } from "../shared/names.js";

/** Microsoft.Compute/locations/sharedGalleries: routes and thin handlers over sharedGalleries.model.ts. */

const BASE = "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGalleries";
const base = {
  resourceType: "Microsoft.Compute/locations/sharedGalleries",
  apiVersions: GALLERY_API_VERSIONS.filter((v) => v >= "2020-09-30"),
} as const;

/** The consumer's subscription (any role in it will do: the share, not RBAC on the gallery, grants the read). */
function scopeOf(req: ArmRequest): SharedGalleryScope {
  const subscription = visibleSubscription(req, req.params.subscriptionId!);
  const sharedTo = req.query.sharedTo;
  if (sharedTo !== undefined && sharedTo.toLowerCase() !== "tenant") throw SharingErrors.invalidSharedTo(sharedTo);
  return { subscription, location: req.params.location!, sharedTo: sharedTo ? "tenant" : "subscription" };
}

export const sharedGalleryRoutes: ArmRoute[] = [
  {
    ...base,
    method: "GET",
    path: BASE,
    handler: (req) => {
      const scope = scopeOf(req);
      const views = listSharedGalleries(req.ctx, scope).map((g) => sharedGalleryView(g, scope.location));
      return pagedListResponse(req, views, (v) => v.name.toLowerCase());
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/{galleryUniqueName}`,
    handler: (req) => {
      const scope = scopeOf(req);
      return {
        status: 200,
        body: sharedGalleryView(getSharedGallery(req.ctx, scope, req.params.galleryUniqueName!), scope.location),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/{galleryUniqueName}/images`,
    handler: (req) => {
      const scope = scopeOf(req);
      const gallery = getSharedGallery(req.ctx, scope, req.params.galleryUniqueName!);
      const views = listSharedImages(req.ctx, gallery).map((i) => sharedImageView(gallery, i, scope.location));
      return pagedListResponse(req, views, (v) => v.name.toLowerCase());
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/{galleryUniqueName}/images/{galleryImageName}`,
    handler: (req) => {
      const scope = scopeOf(req);
      const gallery = getSharedGallery(req.ctx, scope, req.params.galleryUniqueName!);
      return {
        status: 200,
        body: sharedImageView(gallery, getSharedImage(req.ctx, gallery, req.params.galleryImageName!), scope.location),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/{galleryUniqueName}/images/{galleryImageName}/versions`,
    handler: (req) => {
      const scope = scopeOf(req);
      const gallery = getSharedGallery(req.ctx, scope, req.params.galleryUniqueName!);
      const image = getSharedImage(req.ctx, gallery, req.params.galleryImageName!);
      const now = req.ctx.clock.now();
      const views = listSharedVersions(req.ctx, image, scope.location).map((v) =>
        sharedVersionView(gallery, image, v, scope.location, now),
      );
      return pagedListResponse(req, views, (v) => v.name.toLowerCase());
    },
  },
  {
    ...base,
    method: "GET",
    path: `${BASE}/{galleryUniqueName}/images/{galleryImageName}/versions/{galleryImageVersionName}`,
    handler: (req) => {
      const scope = scopeOf(req);
      const gallery = getSharedGallery(req.ctx, scope, req.params.galleryUniqueName!);
      const image = getSharedImage(req.ctx, gallery, req.params.galleryImageName!);
      const version = getSharedVersion(req.ctx, gallery, image, req.params.galleryImageVersionName!, scope.location);
      return { status: 200, body: sharedVersionView(gallery, image, version, scope.location, req.ctx.clock.now()) };
    },
  },
];
