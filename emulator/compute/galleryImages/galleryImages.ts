import type { ArmRequest, ArmRoute } from "../../router.js";
import {
  deleteGalleryImage,
  galleryImageView,
  getGalleryImage,
  parentGallery,
  patchGalleryImage,
  putGalleryImage,
  type GalleryImageRecord,
  type GalleryImageRef,
} from "./galleryImages.model.js";
import { artifactRoutes, GALLERY_PATH, galleryRefOf } from "../shared/galleryArtifacts.js";
import { GALLERY_IMAGE_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/images (image definitions): routes and thin handlers over galleryImages.model.ts. */

export const IMAGE_PATH = `${GALLERY_PATH}/images/{galleryImageName}`;

export function galleryImageRefOf(req: ArmRequest): GalleryImageRef {
  return { ...galleryRefOf(req), image: req.params.galleryImageName! };
}

export const galleryImageRoutes: ArmRoute[] = artifactRoutes<GalleryImageRecord>({
  type: GALLERY_IMAGE_TYPE,
  path: IMAGE_PATH,
  put: (req) => putGalleryImage(req.ctx, galleryImageRefOf(req), req.body, req.apiVersion),
  patch: (req) => patchGalleryImage(req.ctx, galleryImageRefOf(req), req.body, req.apiVersion),
  get: (req) => getGalleryImage(req.ctx, galleryImageRefOf(req)),
  remove: (req) => deleteGalleryImage(req.ctx, galleryImageRefOf(req)),
  parentId: (req) => parentGallery(req.ctx, galleryRefOf(req)).id,
  view: (record, now) => galleryImageView(record, now),
});
