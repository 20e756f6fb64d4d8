import type { FastifyRequest } from "fastify";
import { ArmErrors } from "../errors.js";

/** What an api-version looks like when a type does not list its own: a date, perhaps a preview. */
const DATED_API_VERSION = /^(\d{4}-\d{2}-\d{2})(-(preview|alpha|beta|privatepreview))?$/i;

/** A date, perhaps a preview, and not in the future: no service publishes a version dated after today. */
function isDatedApiVersion(apiVersion: string): boolean {
  const m = DATED_API_VERSION.exec(apiVersion);
  const date = m ? Date.parse(`${m[1]}T00:00:00Z`) : Number.NaN;
  return Number.isFinite(date) && date <= Date.now();
}

/** The api-version query parameter, whatever its case. */
export function apiVersionOf(req: FastifyRequest): string | undefined {
  const q = req.query as Record<string, unknown>;
  const entry = Object.entries(q).find(([k]) => k.toLowerCase() === "api-version");
  const v = entry?.[1];
  return Array.isArray(v) ? String(v[0]) : typeof v === "string" ? v : undefined;
}

/** Every ARM request names an api-version; ARM refuses one without before it looks at the token. */
export async function stageApiVersion(req: FastifyRequest) {
  if (!apiVersionOf(req)) throw ArmErrors.missingApiVersion();
}

/** Once the route is known: the api-version must be one its resource type serves (or, unlisted, a dated one). */
export async function stageRouteApiVersion(req: FastifyRequest) {
  const { route } = req.armRoute!;
  const apiVersion = apiVersionOf(req)!;
  if (route.apiVersions && !route.apiVersions.includes(apiVersion)) {
    throw ArmErrors.invalidApiVersion(apiVersion, route.resourceType, route.apiVersions);
  }
  if (!route.apiVersions && !isDatedApiVersion(apiVersion)) throw ArmErrors.malformedApiVersion(apiVersion);
}
