import { listResponse, skipTokenOf } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import {
  deleteGalleryImage,
  galleryImageView,
  getGalleryImage,
  parentGallery,
  patchGalleryImage,
  putGalleryImage,
  type GalleryImageBody,
  type GalleryImageRef,
} from "./galleryImages.model.js";
import type { GalleryRef } from "../galleries/galleries.model.js";
import { GALLERY_API_VERSIONS, GALLERY_IMAGE_TYPE } from "../shared/names.js";
import { galleryLroHeaders, type TrackedState } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/images (image definitions): routes and thin handlers over galleryImages.model.ts. */

const GALLERY_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}";
const IMAGE_PATH = `${GALLERY_PATH}/images/{galleryImageName}`;
const READ = "Microsoft.Compute/galleries/images/read";
const WRITE = "Microsoft.Compute/galleries/images/write";

function galleryRefOf(req: ArmRequest): GalleryRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
  };
}

function refOf(req: ArmRequest): GalleryImageRef {
  return { ...galleryRefOf(req), image: req.params.galleryImageName! };
}

const base = { resourceType: GALLERY_IMAGE_TYPE, apiVersions: GALLERY_API_VERSIONS } as const;

export const galleryImageRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: IMAGE_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, created, operation } = putGalleryImage(req.ctx, refOf(req), req.body, req.apiVersion);
      return {
        status: created ? 201 : 200,
        body: galleryImageView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PUT"),
      };
    },
  },
  {
    ...base,
    method: "PATCH",
    path: IMAGE_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, operation } = patchGalleryImage(req.ctx, refOf(req), req.body, req.apiVersion);
      return {
        status: 200,
        body: galleryImageView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PATCH"),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: IMAGE_PATH,
    action: READ,
    handler: (req): ArmResponse => ({
      status: 200,
      body: galleryImageView(getGalleryImage(req.ctx, refOf(req)), req.ctx.clock.now()),
    }),
  },
  {
    ...base,
    method: "DELETE",
    path: IMAGE_PATH,
    action: "Microsoft.Compute/galleries/images/delete",
    handler: (req): ArmResponse => {
      const operation = deleteGalleryImage(req.ctx, refOf(req));
      return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${GALLERY_PATH}/images`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const gallery = parentGallery(req.ctx, galleryRefOf(req));
      const page = req.ctx.resources.listChildren<GalleryImageBody, TrackedState>(
        gallery.id,
        GALLERY_IMAGE_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      const items = page.items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
      const now = req.ctx.clock.now();
      return listResponse(req, { ...page, items }, (r) => galleryImageView(r, now));
    },
  },
];
