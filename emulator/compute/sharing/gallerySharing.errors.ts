import { ArmError } from "../../errors.js";
import { invalidEnumMessage, requiredParameterMessage } from "../../../lib/gallery/schemaParts.js";
import { SHARING_LIMITS, type SharingGroupType } from "./gallerySharing.profile.js";

/** The errors of `POST {gallery}/share`, in the service's words. */
export const SharingErrors = {
  missingParameter: (path: string) => new ArmError(400, "InvalidParameter", requiredParameterMessage(path), path),

  invalidEnum: (path: string, value: unknown, allowed: readonly string[]) =>
    new ArmError(400, "InvalidParameter", invalidEnumMessage(path, value, allowed), path),

  invalidGroupId: (type: SharingGroupType, id: unknown) =>
    new ArmError(
      400,
      "InvalidParameter",
      `The id '${String(id)}' in the '${type}' group is not valid. ${type === "Subscriptions" ? "A subscription" : "A tenant"} id must be a GUID.`,
      "sharingUpdate.groups.ids",
    ),

  groupsNotAllowed: (operationType: string) =>
    new ArmError(
      400,
      "InvalidParameter",
      `Parameter 'sharingUpdate.groups' is not allowed when operationType is '${operationType}'.`,
      "sharingUpdate.groups",
    ),

  limitExceeded: (type: SharingGroupType, galleryName: string, requested: number) =>
    new ArmError(
      400,
      "InvalidParameter",
      `A gallery can be shared with at most ${SHARING_LIMITS[type]} ${type === "Subscriptions" ? "subscriptions" : "tenants"}. ` +
        `This update would share gallery '${galleryName}' with ${requested}.`,
      "sharingUpdate.groups",
    ),

  communityNotReversible: (galleryName: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `Gallery '${galleryName}' is a community gallery. It can no longer be shared with subscriptions or tenants; reset its sharing profile first.`,
    ),

  sharedGalleryNotFound: (uniqueName: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The shared gallery '${uniqueName}' was not found or is not shared with this subscription or tenant.`,
    ),

  sharedImageNotFound: (uniqueName: string, image: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The shared gallery image '${image}' was not found in shared gallery '${uniqueName}'.`,
    ),

  sharedVersionNotFound: (uniqueName: string, image: string, version: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The shared gallery image version '${version}' was not found in '${uniqueName}/${image}'.`,
    ),

  /**
   * A VM's sharedGalleryImageId naming a gallery that does not exist or is not shared with the VM's subscription or
   * its tenant. Compute tells the two apart for no one (a caller must not learn which galleries exist): both are
   * GalleryImageNotFound, the code it gives for a gallery image it cannot find.
   */
  communityGalleryImageNotFound: (communityGalleryImageId: string) =>
    new ArmError(
      404,
      "GalleryImageNotFound",
      `The gallery image ${communityGalleryImageId} could not be found. Check the community gallery's public name and the image name, ` +
        "as the gallery's publisher lists them.",
      "imageReference.communityGalleryImageId",
    ),

  sharedGalleryImageNotFound: (sharedGalleryImageId: string, subscriptionId: string) =>
    new ArmError(
      404,
      "GalleryImageNotFound",
      `The gallery image ${sharedGalleryImageId} could not be found, or its gallery is not shared with subscription '${subscriptionId}' ` +
        "or its tenant. Ask the gallery's owner to share it directly with your subscription or tenant.",
      "imageReference.sharedGalleryImageId",
    ),

  invalidSharedTo: (value: string) =>
    new ArmError(400, "InvalidParameter", invalidEnumMessage("sharedTo", value, ["tenant"]), "sharedTo"),
};
