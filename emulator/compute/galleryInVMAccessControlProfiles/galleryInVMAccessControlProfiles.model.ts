import {
  checkInVMAccessControlProfileUpdate,
  inVMAccessControlProfilePropertiesSchema,
  type InVMAccessControlProfileProperties,
} from "../../../lib/gallery/inVMAccessControl.js";
import type { GalleryRef } from "../galleries/galleries.model.js";
import { parseProperties, throwViolation } from "../shared/body.js";
import { galleryChildModel } from "../shared/galleryChildren.js";
import {
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
} from "../shared/names.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles: the model (validation, state, view). */

export interface ProfileRef extends GalleryRef {
  profile: string;
}

export const inVMAccessControlProfiles = galleryChildModel<ProfileRef>({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  versionType: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  segment: "inVMAccessControlProfiles",
  kind: "in-VM access control profile",
  nameParameter: "inVMAccessControlProfileName",
  nameOf: (ref) => ref.profile,
  properties(_ctx, raw, existing) {
    const properties = parseProperties(inVMAccessControlProfilePropertiesSchema, raw, "properties");
    if (existing)
      throwViolation(
        checkInVMAccessControlProfileUpdate(existing.body.properties as InVMAccessControlProfileProperties, properties),
      );
    return properties;
  },
});
