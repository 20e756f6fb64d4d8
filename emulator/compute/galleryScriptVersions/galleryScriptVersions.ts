import type { ArmRoute } from "../../router.js";
import { galleryScripts } from "../galleryScripts/galleryScripts.model.js";
import { galleryScriptRefOf, SCRIPT_PATH } from "../galleryScripts/galleryScripts.js";
import { artifactRoutes, expandsReplication } from "../shared/galleryArtifacts.js";
import { GALLERY_SCRIPT_VERSION_TYPE } from "../shared/names.js";
import {
  galleryScriptVersions,
  galleryScriptVersionView,
  type GalleryScriptVersionRef,
} from "./galleryScriptVersions.model.js";
import type { ArmRequest } from "../../router.js";

/** Microsoft.Compute/galleries/scripts/versions: routes and thin handlers over galleryScriptVersions.model.ts. */

function refOf(req: ArmRequest): GalleryScriptVersionRef {
  return { ...galleryScriptRefOf(req), version: req.params.galleryScriptVersionName! };
}

export const galleryScriptVersionRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_SCRIPT_VERSION_TYPE,
  path: `${SCRIPT_PATH}/versions/{galleryScriptVersionName}`,
  put: (req) => galleryScriptVersions.put(req.ctx, refOf(req), req.body),
  patch: (req) => galleryScriptVersions.patch(req.ctx, refOf(req), req.body),
  get: (req) => galleryScriptVersions.get(req.ctx, refOf(req)),
  remove: (req) => galleryScriptVersions.remove(req.ctx, refOf(req)),
  parentId: (req) => galleryScripts.get(req.ctx, galleryScriptRefOf(req)).id,
  view: (record, now, req) => galleryScriptVersionView(record, now, expandsReplication(req)),
});
