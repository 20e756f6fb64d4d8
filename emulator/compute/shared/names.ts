import { findRegion } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { resourceGroupId } from "../../resources/resourceGroups.js";
import type { ResourceRecord } from "../../store/resources.js";

export { GALLERY_API_VERSIONS } from "../../../lib/gallery/apiVersions.js";

export const GALLERY_TYPE = "Microsoft.Compute/galleries";
export const GALLERY_IMAGE_TYPE = "Microsoft.Compute/galleries/images";
export const GALLERY_IMAGE_VERSION_TYPE = "Microsoft.Compute/galleries/images/versions";
export const DISK_TYPE = "Microsoft.Compute/disks";
export const SNAPSHOT_TYPE = "Microsoft.Compute/snapshots";
export const VIRTUAL_MACHINE_SCALE_SET_TYPE = "Microsoft.Compute/virtualMachineScaleSets";
export const VIRTUAL_MACHINE_TYPE = "Microsoft.Compute/virtualMachines";
export const DISK_ENCRYPTION_SET_TYPE = "Microsoft.Compute/diskEncryptionSets";
export const MANAGED_IMAGE_TYPE = "Microsoft.Compute/images";

/** The resource group a write goes to; ARM answers ResourceGroupNotFound before the provider sees the request. */
export function requireResourceGroup(
  ctx: EmulatorContext,
  subscriptionId: string,
  resourceGroup: string,
): ResourceRecord {
  const group = ctx.resources.get(resourceGroupId(subscriptionId, resourceGroup));
  if (!group) throw ArmErrors.resourceGroupNotFound(resourceGroup);
  return group;
}

/** ARM stores a region by its name ("westeurope") whatever spelling the client sent ("West Europe"). */
export function canonicalLocation(location: string): string | undefined {
  return findRegion(location)?.name;
}

export function requiredLocation(location: string | undefined): string {
  if (location === undefined || location.trim() === "") throw ArmErrors.missingLocation();
  return location;
}

export const GALLERY_SCRIPT_TYPE = "Microsoft.Compute/galleries/scripts";
export const GALLERY_SCRIPT_VERSION_TYPE = "Microsoft.Compute/galleries/scripts/versions";
export const GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE = "Microsoft.Compute/galleries/inVMAccessControlProfiles";
export const GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE =
  "Microsoft.Compute/galleries/inVMAccessControlProfiles/versions";
export const GALLERY_APPLICATION_TYPE = "Microsoft.Compute/galleries/applications";
export const GALLERY_APPLICATION_VERSION_TYPE = "Microsoft.Compute/galleries/applications/versions";
export const RESOURCE_SKU_TYPE = "Microsoft.Compute/skus";
/** The api-versions of `GET …/providers/Microsoft.Compute/skus`; @azure/arm-compute's resourceSkus.list sends 2021-07-01. */
export const SKU_API_VERSIONS = ["2017-03-30", "2017-09-01", "2019-04-01", "2021-07-01"] as const;
