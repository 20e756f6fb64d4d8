import type { ArmRoute } from "../../router.js";
import { diskType } from "./disks.model.js";
import { computeResourceRoutes } from "./lifecycle.js";

/** Microsoft.Compute/disks: PUT, GET, DELETE, list by resource group and subscription. */
export const diskRoutes: ArmRoute[] = computeResourceRoutes(diskType);
