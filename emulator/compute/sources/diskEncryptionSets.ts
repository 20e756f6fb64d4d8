import type { ArmRoute } from "../../router.js";
import { diskEncryptionSetType } from "./diskEncryptionSets.model.js";
import { computeResourceRoutes } from "./lifecycle.js";

/** Microsoft.Compute/diskEncryptionSets: PUT, GET, DELETE, list by resource group and subscription. */
export const diskEncryptionSetRoutes: ArmRoute[] = computeResourceRoutes(diskEncryptionSetType);
