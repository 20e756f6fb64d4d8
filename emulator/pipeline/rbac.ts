import type { FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";

/**
 * Role-based access control: the caller must hold the route's action at its scope (or, for a list, at or
 * beneath it), else ARM's AuthorizationFailed before the handler runs.
 */
export function stageRbac(ctx: EmulatorContext) {
  return async (req: FastifyRequest) => {
    const { route, params, path } = req.armRoute!;
    if (!route.action) return;
    const caller = req.caller!;
    const scope = route.scope ? route.scope(params, path) : path;
    const allowed = route.listsBeneath
      ? ctx.authorizer.isAllowedAtOrBeneath(caller, route.action, scope)
      : ctx.authorizer.isAllowed(caller, route.action, scope);
    if (!allowed) throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, route.action, scope);
  };
}
