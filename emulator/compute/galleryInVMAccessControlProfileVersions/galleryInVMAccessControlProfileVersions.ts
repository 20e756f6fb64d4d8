import type { ArmRequest, ArmRoute } from "../../router.js";
import { getProfile } from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { PROFILE_PATH, profileRefOf } from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.js";
import { artifactRoutes } from "../shared/galleryArtifacts.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE } from "../shared/names.js";
import {
  deleteProfileVersion,
  getProfileVersion,
  patchProfileVersion,
  profileVersionView,
  putProfileVersion,
  type ProfileVersionRef,
} from "./galleryInVMAccessControlProfileVersions.model.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles/versions: routes and thin handlers. */

function refOf(req: ArmRequest): ProfileVersionRef {
  return { ...profileRefOf(req), version: req.params.inVMAccessControlProfileVersionName! };
}

export const galleryInVMAccessControlProfileVersionRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  path: `${PROFILE_PATH}/versions/{inVMAccessControlProfileVersionName}`,
  put: (req) => putProfileVersion(req.ctx, refOf(req), req.body),
  patch: (req) => patchProfileVersion(req.ctx, refOf(req), req.body),
  get: (req) => getProfileVersion(req.ctx, refOf(req)),
  remove: (req) => deleteProfileVersion(req.ctx, refOf(req)),
  parentId: (req) => getProfile(req.ctx, profileRefOf(req)).id,
  view: (record, now) => profileVersionView(record, now),
});
