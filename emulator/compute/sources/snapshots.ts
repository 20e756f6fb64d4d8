import type { ArmRoute } from "../../router.js";
import { snapshotType } from "./disks.model.js";
import { computeResourceRoutes } from "./lifecycle.js";

/** Microsoft.Compute/snapshots: PUT, GET, DELETE, list by resource group and subscription. */
export const snapshotRoutes: ArmRoute[] = computeResourceRoutes(snapshotType);
