import type { FastifyReply, FastifyRequest } from "fastify";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { originOf } from "../http.js";
import { callerOfBearer } from "../identity/bearer.js";

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
    const challenge = () =>
      reply.header(
        "WWW-Authenticate",
        `Bearer authorization_uri="${originOf(req)}/organizations", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
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
    const check = await callerOfBearer(ctx, m[1]!, audiences);
    if (!check.ok) {
      challenge();
      throw check.error;
    }
    req.caller = check.caller;
  };
}
