import { authorizationRoutes } from "./authorization/routes.js";
import type { ArmRoute } from "./router.js";
import { resourceGroupRoutes } from "./resources/resourceGroups.js";
import { subscriptionRoutes } from "./resources/subscriptions.js";
import { galleryRoutes } from "./compute/galleries.js";
import { galleryImageRoutes } from "./compute/galleryImages.js";
import { galleryImageVersionRoutes } from "./compute/galleryImageVersions.js";
import { managedImageRoutes } from "./compute/images.js";
import { diskRoutes } from "./compute/disks.js";
import { snapshotRoutes } from "./compute/snapshots.js";
import { diskEncryptionSetRoutes } from "./compute/diskEncryptionSets.js";
import { virtualMachineRoutes } from "./compute/virtualMachines.js";
import { virtualMachineScaleSetRoutes } from "./compute/virtualMachineScaleSets.js";
import { resourceGraphRoutes } from "./resourceGraph/routes.js";
import { gallerySharingRoutes } from "./compute/gallerySharing.js";
import { communityGalleryRoutes } from "./compute/communityGalleries.js";
import { sharedGalleryRoutes } from "./compute/sharedGalleries.js";
import { activityLogRoutes } from "./activityLog/routes.js";
import { deploymentRoutes } from "./resources/deployments.js";

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
];
