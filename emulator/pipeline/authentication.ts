import type { FastifyReply, FastifyRequest } from "fastify";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { originOf } from "../http.js";

declare module "fastify" {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/** The audiences ARM accepts a token for. */
export const ARM_AUDIENCES = [ARM_AUDIENCE, "https://management.core.windows.net"];

/** Verifies the bearer token and resolves the caller, with ARM's 401 errors and WWW-Authenticate challenge. */
export function stageAuthentication(ctx: EmulatorContext, audiences: readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const challenge = (error?: string) =>
      reply.header(
        "WWW-Authenticate",
        `Bearer authorization_uri="${originOf(req)}/organizations", error="${error ?? "invalid_token"}", error_description="The authentication failed because of missing 'Authorization' header."`,
      );
    const header = req.headers.authorization;
    if (!header) {
      challenge();
      throw ArmErrors.missingAuthorization();
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      challenge();
      throw ArmErrors.invalidAuthorizationHeader();
    }
    const check = await ctx.tokens.verify(m[1]!, audiences);
    if (!check.ok) {
      challenge();
      switch (check.reason) {
        case "expired":
          throw ArmErrors.expiredToken(check.expiredAt ?? new Date(0), new Date());
        case "audience":
          throw ArmErrors.wrongAudience(
            check.audience,
            audiences.map((a) => `${a}/`),
          );
        case "issuer":
          throw ArmErrors.invalidIssuer(check.issuer);
        case "signature":
          throw ArmErrors.invalidToken("The signature of the token could not be validated.");
        default:
          throw ArmErrors.invalidToken("The token is malformed or not yet valid.");
      }
    }
    const c = check.claims;
    const principal = ctx.directory.principal(c.oid);
    if (!principal)
      throw ArmErrors.invalidToken(`The principal '${c.oid}' of the token does not exist in the directory.`);
    req.caller = {
      objectId: principal.objectId,
      tenantId: c.tid,
      kind: principal.kind === "ServicePrincipal" ? "ServicePrincipal" : "User",
      clientName: principal.kind === "ServicePrincipal" ? (principal.appId ?? c.appid) : (principal.upn ?? c.oid),
      appId: c.appid,
      upn: principal.upn,
      displayName: principal.displayName,
    };
  };
}
