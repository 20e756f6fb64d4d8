import type { ArmRoute } from "./router.js";
import { resourceGroupRoutes } from "./resources/resourceGroups.js";
import { subscriptionRoutes } from "./resources/subscriptions.js";

/** Every ARM operation the emulator serves, by resource provider. Order matters only where paths overlap. */
export const armRoutes: ArmRoute[] = [...subscriptionRoutes, ...resourceGroupRoutes];
