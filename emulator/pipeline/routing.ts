import type { FastifyRequest } from "fastify";
import { type ArmRouter, normalizeArmPath, type RouteMatch } from "../router.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The ARM operation the path names, and the normalised path it was matched on. */
    armRoute?: RouteMatch & { path: string };
  }
}

/** Finds the operation for the method and path; ARM's NoRegisteredProviderFound or method error otherwise. */
export function stageRouting(router: ArmRouter) {
  return async (req: FastifyRequest) => {
    const path = normalizeArmPath(req.url.split("?", 1)[0]!);
    req.armRoute = { ...router.match(req.method, path), path };
  };
}
