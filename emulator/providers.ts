import { authorizationRoutes } from "./authorization/routes.js";
import type { ArmRoute } from "./router.js";
import { resourceGroupRoutes } from "./resources/resourceGroups.js";
import { subscriptionRoutes } from "./resources/subscriptions.js";
import { galleryRoutes } from "./compute/galleries/galleries.js";
import { galleryImageRoutes } from "./compute/galleryImages/galleryImages.js";
import { galleryImageVersionRoutes } from "./compute/galleryImageVersions/galleryImageVersions.js";
import { managedImageRoutes } from "./compute/sources/images.js";
import { diskRoutes } from "./compute/sources/disks.js";
import { snapshotRoutes } from "./compute/sources/snapshots.js";
import { diskEncryptionSetRoutes } from "./compute/sources/diskEncryptionSets.js";
import { virtualMachineRoutes } from "./compute/sources/virtualMachines.js";
import { virtualMachineScaleSetRoutes } from "./compute/sources/virtualMachineScaleSets.js";
import { resourceGraphRoutes } from "./resourceGraph/routes.js";
import { gallerySharingRoutes } from "./compute/sharing/gallerySharing.js";
import { communityGalleryRoutes } from "./compute/sharing/communityGalleries.js";
import { sharedGalleryRoutes } from "./compute/sharing/sharedGalleries.js";
import { activityLogRoutes } from "./activityLog/routes.js";
import { deploymentRoutes } from "./resources/deployments.js";
import { storageAccountRoutes } from "./storage/storageAccounts.js";
import { sharedGalleryInviteRoutes } from "./compute/sharing/sharedGalleryInvites.js";
import { galleryScriptRoutes } from "./compute/galleryScripts/galleryScripts.js";
import { galleryScriptVersionRoutes } from "./compute/galleryScriptVersions/galleryScriptVersions.js";
import { galleryInVMAccessControlProfileRoutes } from "./compute/galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.js";
import { galleryInVMAccessControlProfileVersionRoutes } from "./compute/galleryInVMAccessControlProfileVersions/galleryInVMAccessControlProfileVersions.js";
import { galleryApplicationRoutes } from "./compute/galleryApplications/galleryApplications.js";
import { galleryApplicationVersionRoutes } from "./compute/galleryApplicationVersions/galleryApplicationVersions.js";
import { softDeletedVersionRoutes } from "./compute/galleryImageVersions/softDeletedVersions.js";
import { userAssignedIdentityRoutes } from "./managedIdentity/userAssignedIdentities.js";
import { skuRoutes } from "./compute/skus/skus.js";

/** Every ARM operation the emulator serves, by resource provider. Order matters only where paths overlap. */
export const armRoutes: ArmRoute[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...authorizationRoutes,
  ...galleryRoutes,
  ...galleryImageRoutes,
  ...galleryImageVersionRoutes,
  ...managedImageRoutes,
  ...diskRoutes,
  ...snapshotRoutes,
  ...diskEncryptionSetRoutes,
  ...virtualMachineRoutes,
  ...virtualMachineScaleSetRoutes,
  ...resourceGraphRoutes,
  ...deploymentRoutes,
  ...gallerySharingRoutes,
  ...sharedGalleryRoutes,
  ...communityGalleryRoutes,
  ...activityLogRoutes,
  ...storageAccountRoutes,
  ...galleryScriptRoutes,
  ...galleryScriptVersionRoutes,
  ...galleryInVMAccessControlProfileRoutes,
  ...galleryInVMAccessControlProfileVersionRoutes,
  ...sharedGalleryInviteRoutes,
  ...galleryApplicationRoutes,
  ...galleryApplicationVersionRoutes,
  ...softDeletedVersionRoutes,
  ...userAssignedIdentityRoutes,
  ...skuRoutes,
];
