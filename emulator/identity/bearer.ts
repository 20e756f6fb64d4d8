import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { type ArmError, ArmErrors } from "../errors.js";

export type BearerCheck = { ok: true; caller: Caller } | { ok: false; error: ArmError };

/**
 * A bearer token as ARM judges it: the emulator's signature, lifetime, issuer for its tenant, one of `audiences`, and
 * a principal the directory knows; the caller it names, or ARM's 401 error.
 */
export async function callerOfBearer(
  ctx: EmulatorContext,
  token: string,
  audiences: readonly string[],
): Promise<BearerCheck> {
  const check = await ctx.tokens.verify(token, audiences);
  if (!check.ok) {
    switch (check.reason) {
      case "expired":
        return { ok: false, error: ArmErrors.expiredToken(check.expiredAt ?? new Date(0), new Date()) };
      case "audience":
        return {
          ok: false,
          error: ArmErrors.wrongAudience(
            check.audience,
            audiences.map((a) => `${a}/`),
          ),
        };
      case "issuer":
        return { ok: false, error: ArmErrors.invalidIssuer(check.issuer) };
      case "signature":
        return { ok: false, error: ArmErrors.invalidToken("The signature of the token could not be validated.") };
      default:
        return { ok: false, error: ArmErrors.invalidToken("The token is malformed or not yet valid.") };
    }
  }
  const c = check.claims;
  const principal = ctx.directory.principal(c.oid);
  if (!principal)
    return {
      ok: false,
      error: ArmErrors.invalidToken(`The principal '${c.oid}' of the token does not exist in the directory.`),
    };
  return {
    ok: true,
    caller: {
      objectId: principal.objectId,
      tenantId: c.tid,
      kind: principal.kind === "ServicePrincipal" ? "ServicePrincipal" : "User",
      clientName: principal.kind === "ServicePrincipal" ? (principal.appId ?? c.appid) : (principal.upn ?? c.oid),
      appId: c.appid,
      upn: principal.upn,
      displayName: principal.displayName,
    },
  };
}
