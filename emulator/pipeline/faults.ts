import type { FastifyRequest } from "fastify";
import { normalizeArmPath } from "../router.js";
import type { FaultInjector } from "../faults/injector.js";

/**
 * The pipeline stage that applies fault rules to ARM requests. It runs after authentication, so a fault answers
 * only a caller ARM would have served, and before the handler, so a refused request changes nothing.
 */
export function stageFaults(faults: FaultInjector) {
  return async (req: FastifyRequest) => {
    const path = normalizeArmPath(req.url.split("?", 1)[0]!);
    const fault = faults.onRequest(req.method, path, req.armRequestId);
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.error) throw fault.error;
  };
}
