import type { ArmRequest, ArmRoute } from "../../router.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { artifactRoutes, GALLERY_PATH, galleryRefOf } from "../shared/galleryArtifacts.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE } from "../shared/names.js";
import { inVMAccessControlProfiles, type ProfileRef } from "./galleryInVMAccessControlProfiles.model.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles: routes and thin handlers. */

export const PROFILE_PATH = `${GALLERY_PATH}/inVMAccessControlProfiles/{inVMAccessControlProfileName}`;

export function profileRefOf(req: ArmRequest): ProfileRef {
  return { ...galleryRefOf(req), profile: req.params.inVMAccessControlProfileName! };
}

export const galleryInVMAccessControlProfileRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  path: PROFILE_PATH,
  put: (req) => inVMAccessControlProfiles.put(req.ctx, profileRefOf(req), req.body),
  patch: (req) => inVMAccessControlProfiles.patch(req.ctx, profileRefOf(req), req.body),
  get: (req) => inVMAccessControlProfiles.get(req.ctx, profileRefOf(req)),
  remove: (req) => inVMAccessControlProfiles.remove(req.ctx, profileRefOf(req)),
  parentId: (req) => parentGallery(req.ctx, galleryRefOf(req)).id,
  view: inVMAccessControlProfiles.view,
});
