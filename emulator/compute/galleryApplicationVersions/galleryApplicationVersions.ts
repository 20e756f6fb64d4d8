import type { ArmRequest, ArmRoute } from "../../router.js";
import {
  deleteGalleryApplicationVersion,
  galleryApplicationVersionView,
  getGalleryApplicationVersion,
  patchGalleryApplicationVersion,
  putGalleryApplicationVersion,
  type GalleryApplicationVersionRecord,
  type GalleryApplicationVersionRef,
} from "./galleryApplicationVersions.model.js";
import { getGalleryApplication } from "../galleryApplications/galleryApplications.model.js";
import { APPLICATION_PATH, galleryApplicationRefOf } from "../galleryApplications/galleryApplications.js";
import { artifactRoutes, expandsReplication } from "../shared/galleryArtifacts.js";
import { GALLERY_APPLICATION_VERSION_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/applications/versions: routes and thin handlers over galleryApplicationVersions.model.ts. */

function refOf(req: ArmRequest): GalleryApplicationVersionRef {
  return { ...galleryApplicationRefOf(req), version: req.params.galleryApplicationVersionName! };
}

export const galleryApplicationVersionRoutes: ArmRoute[] = artifactRoutes<GalleryApplicationVersionRecord>({
  type: GALLERY_APPLICATION_VERSION_TYPE,
  path: `${APPLICATION_PATH}/versions/{galleryApplicationVersionName}`,
  put: (req) => putGalleryApplicationVersion(req.ctx, refOf(req), req.body),
  patch: (req) => patchGalleryApplicationVersion(req.ctx, refOf(req), req.body),
  get: (req) => getGalleryApplicationVersion(req.ctx, refOf(req)),
  remove: (req) => deleteGalleryApplicationVersion(req.ctx, refOf(req)),
  parentId: (req) => getGalleryApplication(req.ctx, galleryApplicationRefOf(req)).id,
  // An application version answers a write without its replication status, whatever the query asks.
  view: (record, now, req) =>
    galleryApplicationVersionView(record, now, { expandReplication: req.method === "GET" && expandsReplication(req) }),
});
