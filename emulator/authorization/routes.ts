import type { ArmRoute } from "../router.js";
import { permissionRoutes } from "./permissionRoutes.js";
import { roleAssignmentRoutes } from "./roleAssignmentRoutes.js";
import { roleDefinitionRoutes } from "./roleDefinitionRoutes.js";

/** Every Microsoft.Authorization operation the emulator serves. */
export const authorizationRoutes: ArmRoute[] = [...roleAssignmentRoutes, ...roleDefinitionRoutes, ...permissionRoutes];
