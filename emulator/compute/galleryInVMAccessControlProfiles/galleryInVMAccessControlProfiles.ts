import type { ArmRequest, ArmRoute } from "../../router.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { artifactRoutes, GALLERY_PATH, galleryRefOf } from "../shared/galleryArtifacts.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE } from "../shared/names.js";
import {
  deleteProfile,
  getProfile,
  patchProfile,
  profileView,
  putProfile,
  type ProfileRef,
} from "./galleryInVMAccessControlProfiles.model.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles: routes and thin handlers. */

export const PROFILE_PATH = `${GALLERY_PATH}/inVMAccessControlProfiles/{inVMAccessControlProfileName}`;

export function profileRefOf(req: ArmRequest): ProfileRef {
  return { ...galleryRefOf(req), profile: req.params.inVMAccessControlProfileName! };
}

export const galleryInVMAccessControlProfileRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  path: PROFILE_PATH,
  put: (req) => putProfile(req.ctx, profileRefOf(req), req.body),
  patch: (req) => patchProfile(req.ctx, profileRefOf(req), req.body),
  get: (req) => getProfile(req.ctx, profileRefOf(req)),
  remove: (req) => deleteProfile(req.ctx, profileRefOf(req)),
  parentId: (req) => parentGallery(req.ctx, galleryRefOf(req)).id,
  view: (record, now) => profileView(record, now),
});
