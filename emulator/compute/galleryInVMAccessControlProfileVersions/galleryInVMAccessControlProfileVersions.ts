import type { ArmRequest, ArmRoute } from "../../router.js";
import { inVMAccessControlProfiles } from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { PROFILE_PATH, profileRefOf } from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.js";
import { artifactRoutes } from "../shared/galleryArtifacts.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE } from "../shared/names.js";
import {
  profileVersions,
  profileVersionView,
  type ProfileVersionRef,
} from "./galleryInVMAccessControlProfileVersions.model.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles/versions: routes and thin handlers. */

function refOf(req: ArmRequest): ProfileVersionRef {
  return { ...profileRefOf(req), version: req.params.inVMAccessControlProfileVersionName! };
}

export const galleryInVMAccessControlProfileVersionRoutes: ArmRoute[] = artifactRoutes({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  path: `${PROFILE_PATH}/versions/{inVMAccessControlProfileVersionName}`,
  put: (req) => profileVersions.put(req.ctx, refOf(req), req.body),
  patch: (req) => profileVersions.patch(req.ctx, refOf(req), req.body),
  get: (req) => profileVersions.get(req.ctx, refOf(req)),
  remove: (req) => profileVersions.remove(req.ctx, refOf(req)),
  parentId: (req) => inVMAccessControlProfiles.get(req.ctx, profileRefOf(req)).id,
  view: (record, now) => profileVersionView(record, now),
});
