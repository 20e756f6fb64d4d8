import type { ArmRequest, ArmRoute } from "../../router.js";
import {
  deleteGalleryApplication,
  galleryApplicationView,
  getGalleryApplication,
  patchGalleryApplication,
  putGalleryApplication,
  type GalleryApplicationRecord,
  type GalleryApplicationRef,
} from "./galleryApplications.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { artifactRoutes, GALLERY_PATH, galleryRefOf } from "../shared/galleryArtifacts.js";
import { GALLERY_APPLICATION_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/applications: routes and thin handlers over galleryApplications.model.ts. */

export const APPLICATION_PATH = `${GALLERY_PATH}/applications/{galleryApplicationName}`;

export function galleryApplicationRefOf(req: ArmRequest): GalleryApplicationRef {
  return { ...galleryRefOf(req), application: req.params.galleryApplicationName! };
}

export const galleryApplicationRoutes: ArmRoute[] = artifactRoutes<GalleryApplicationRecord>({
  type: GALLERY_APPLICATION_TYPE,
  path: APPLICATION_PATH,
  put: (req) => putGalleryApplication(req.ctx, galleryApplicationRefOf(req), req.body),
  patch: (req) => patchGalleryApplication(req.ctx, galleryApplicationRefOf(req), req.body),
  get: (req) => getGalleryApplication(req.ctx, galleryApplicationRefOf(req)),
  remove: (req) => deleteGalleryApplication(req.ctx, galleryApplicationRefOf(req)),
  parentId: (req) => parentGallery(req.ctx, galleryRefOf(req)).id,
  view: (record) => galleryApplicationView(record),
});
