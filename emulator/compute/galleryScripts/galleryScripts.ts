import type { ArmRequest, ArmRoute } from "../../router.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { artifactRoutes, GALLERY_PATH, galleryRefOf } from "../shared/galleryArtifacts.js";
import { GALLERY_SCRIPT_TYPE } from "../shared/names.js";
import { galleryScripts, type GalleryScriptRef } from "./galleryScripts.model.js";

/** Microsoft.Compute/galleries/scripts: routes and thin handlers over galleryScripts.model.ts. */

export const SCRIPT_PATH = `${GALLERY_PATH}/scripts/{galleryScriptName}`;

export function galleryScriptRefOf(req: ArmRequest): GalleryScriptRef {
  return { ...galleryRefOf(req), script: req.params.galleryScriptName! };
}

export const galleryScriptRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_SCRIPT_TYPE,
  path: SCRIPT_PATH,
  put: (req) => galleryScripts.put(req.ctx, galleryScriptRefOf(req), req.body),
  patch: (req) => galleryScripts.patch(req.ctx, galleryScriptRefOf(req), req.body),
  get: (req) => galleryScripts.get(req.ctx, galleryScriptRefOf(req)),
  remove: (req) => galleryScripts.remove(req.ctx, galleryScriptRefOf(req)),
  parentId: (req) => parentGallery(req.ctx, galleryRefOf(req)).id,
  view: galleryScripts.view,
});
