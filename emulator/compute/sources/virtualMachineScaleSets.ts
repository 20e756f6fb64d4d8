import type { ArmRoute } from "../../router.js";
import { computeResourceRoutes } from "./lifecycle.js";
import { virtualMachineScaleSetType } from "./virtualMachineScaleSets.model.js";

/** Microsoft.Compute/virtualMachineScaleSets: PUT, GET, DELETE, list by resource group and subscription. */
export const virtualMachineScaleSetRoutes: ArmRoute[] = computeResourceRoutes(virtualMachineScaleSetType);
