import type { EmulatorContext } from "../context.js";
import type { Principal } from "../store/directory.js";
import type { AccessTokenClaims } from "./tokens.js";

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

/** The issuer of tokens for a tenant, as Entra's v2 endpoints name it. */
export function issuerFor(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/**
 * An access token for a principal and a resource, shaped like Entra's: delegated tokens carry `scp` and the
 * user's names; app-only tokens carry `roles` and `idtyp: app`.
 */
export async function issueAccessToken(
  ctx: EmulatorContext,
  input: {
    principal: Principal;
    tenantId?: string;
    audience: string;
    clientId: string;
    scopes?: string[];
    origin: string;
  },
): Promise<string> {
  const { principal } = input;
  const tenantId = input.tenantId ?? principal.tenantId;
  const isApp = principal.kind === "ServicePrincipal";
  const claims: AccessTokenClaims = {
    aud: input.audience,
    iss: issuerFor(input.origin, tenantId),
    tid: tenantId,
    oid: principal.objectId,
    sub: principal.objectId,
    appid: input.clientId,
    azp: input.clientId,
    name: principal.displayName,
    ...(isApp
      ? { idtyp: "app" as const, roles: [] }
      : {
          idtyp: "user" as const,
          scp: (input.scopes?.length ? input.scopes : ["user_impersonation"]).join(" "),
          upn: principal.upn,
          preferred_username: principal.upn,
          unique_name: principal.upn,
        }),
    ver: "2.0",
  };
  return ctx.tokens.sign(claims, ACCESS_TOKEN_LIFETIME_SECONDS);
}
