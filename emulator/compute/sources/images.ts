import type { ArmRoute } from "../../router.js";
import { managedImageType } from "./images.model.js";
import { computeResourceRoutes } from "./lifecycle.js";

/** Microsoft.Compute/images (managed images): PUT, GET, DELETE, list by resource group and subscription. */
export const managedImageRoutes: ArmRoute[] = computeResourceRoutes(managedImageType);
