import type { ArmRoute } from "../router.js";
import { existingScope } from "./scopeLookup.js";
import { normalizeScope, scopedPaths, scopeOfPath } from "./scopes.js";

export const PERMISSION_API_VERSIONS = [
  "2015-07-01",
  "2018-01-01-preview",
  "2022-04-01",
  "2022-05-01-preview",
] as const;

/**
 * The caller's own effective permissions at a scope: one entry per role assignment that applies there. Any
 * signed-in caller may ask about itself (no action is required; the answer is empty where it has no access),
 * which is how the portal, and the dashboard, decide which controls to show.
 */
export const permissionRoutes: ArmRoute[] = scopedPaths("/providers/Microsoft.Authorization/permissions").map(
  (path): ArmRoute => ({
    method: "GET",
    path,
    resourceType: "Microsoft.Authorization/permissions",
    apiVersions: PERMISSION_API_VERSIONS,
    handler: (req) => {
      const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
      const value = req.ctx.authorizer.permissionsAt(req.caller, scope).map((p) => ({
        actions: p.actions,
        notActions: p.notActions,
        dataActions: p.dataActions,
        notDataActions: p.notDataActions,
      }));
      return { status: 200, body: { value } };
    },
  }),
);
