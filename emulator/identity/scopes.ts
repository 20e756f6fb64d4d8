import { ARM_AUDIENCE, GRAPH_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { EntraErrors } from "./entraErrors.js";

/** OpenID Connect scopes: they shape the reply (id_token, refresh token) but name no resource. */
const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);

/** The classic ARM resource that `az` asks for; Entra keeps it as the audience, and ARM accepts it. */
export const CLASSIC_ARM_AUDIENCE = "https://management.core.windows.net/";

/**
 * The resources this emulator can issue tokens for, by every name Entra knows them by (application ID URI and
 * application id), with what `.default` expands to in `scp`.
 */
const RESOURCES: { names: string[]; audience: string; defaultScp: string[] }[] = [
  {
    names: [ARM_AUDIENCE, "797f4846-ba00-4fd7-ba43-dac1f8f63013"],
    audience: ARM_AUDIENCE,
    defaultScp: ["user_impersonation"],
  },
  {
    names: ["https://management.core.windows.net"],
    audience: CLASSIC_ARM_AUDIENCE,
    defaultScp: ["user_impersonation"],
  },
  {
    names: [GRAPH_AUDIENCE, "00000003-0000-0000-c000-000000000000"],
    audience: GRAPH_AUDIENCE,
    defaultScp: ["User.Read", "User.ReadBasic.All"],
  },
];

export interface ScopeRequest {
  /** The scopes as the client sent them, for the reply's `scope` (MSAL caches tokens under them). */
  requested: string[];
  /** The token's audience: the one resource named, or Graph when only OpenID scopes were asked, as Entra does. */
  audience: string;
  /** The permission names for the access token's `scp`. */
  scp: string[];
  openid: boolean;
  offlineAccess: boolean;
  /** Whether the only resource scope is `{resource}/.default` (what client credentials require). */
  isDefault: boolean;
}

/**
 * Reads a `scope` parameter. Entra issues one access token per resource, so scopes of two resources are an
 * error; a bare permission (`User.Read`) means Microsoft Graph.
 */
export function parseScopes(raw: string, tenant: string): ScopeRequest {
  const requested = raw.split(/\s+/).filter(Boolean);
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const resourceScopes = requested.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const parsed = resourceScopes.map((s) => splitScope(s, tenant));
  const audiences = new Set(parsed.map((p) => p.resource.audience));
  if (audiences.size > 1) throw EntraErrors.multipleResources(raw);
  const resource = parsed[0]?.resource ?? RESOURCES.find((r) => r.audience === GRAPH_AUDIENCE)!;
  const scp = new Set<string>();
  for (const p of parsed)
    (p.permission === ".default" ? resource.defaultScp : [p.permission]).forEach((s) => scp.add(s));
  if (parsed.length === 0) ["openid", "profile", "email", "User.Read"].forEach((s) => scp.add(s));
  return {
    requested,
    audience: resource.audience,
    scp: [...scp],
    openid: oidc.some((s) => s.toLowerCase() === "openid"),
    offlineAccess: oidc.some((s) => s.toLowerCase() === "offline_access"),
    isDefault: parsed.length === 1 && parsed[0]!.permission === ".default",
  };
}

function splitScope(scope: string, tenant: string) {
  const m = /^(https?:\/\/[^/]+|[0-9a-f-]{36})\/+(.*)$/i.exec(scope);
  if (!m) {
    if (/^https?:\/\//i.test(scope) || scope.includes("/")) throw EntraErrors.resourceNotFound(scope, tenant);
    return { resource: RESOURCES.find((r) => r.audience === GRAPH_AUDIENCE)!, permission: scope };
  }
  const name = m[1]!.toLowerCase();
  const resource = RESOURCES.find((r) => r.names.some((n) => n.toLowerCase() === name));
  if (!resource) throw EntraErrors.resourceNotFound(m[1]!, tenant);
  return { resource, permission: m[2] || ".default" };
}
