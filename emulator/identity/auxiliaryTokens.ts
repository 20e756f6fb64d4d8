import type { FastifyRequest } from "fastify";
import { decodeJwt } from "jose";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { callerOfBearer } from "./bearer.js";

export const AUXILIARY_HEADER = "x-ms-authorization-auxiliary";
/** "The auxiliary header can hold up to three auxiliary tokens" (ARM, "Authenticate requests across tenants"). */
const MAX_AUXILIARY_TOKENS = 3;

/**
 * Verifies the tokens of `x-ms-authorization-auxiliary` (`Bearer <token>`, comma-separated) as the primary one is
 * verified, and keeps their identities on the caller for linked-access checks. ARM requires every auxiliary token
 * to be valid, whether or not the request links to another tenant, and answers 401 naming the bad token's client
 * and tenant.
 */
export function stageAuxiliaryTokens(ctx: EmulatorContext, audiences: readonly string[]) {
  return async (req: FastifyRequest) => {
    const raw = req.headers[AUXILIARY_HEADER];
    const caller = req.caller;
    if (raw === undefined || !caller) return;
    const entries = (Array.isArray(raw) ? raw.join(",") : raw)
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== "");
    if (entries.length > MAX_AUXILIARY_TOKENS) throw ArmErrors.tooManyAuxiliaryTokens(entries.length);
    caller.auxiliary = [];
    for (const entry of entries) {
      const m = /^Bearer\s+(\S+)$/i.exec(entry);
      const { appId, tenantId } = claimedBy(m?.[1]);
      if (!m)
        throw ArmErrors.invalidAuxiliaryToken(
          "InvalidAuthenticationToken",
          "Each token must be given as 'Bearer <token>'.",
          appId,
          tenantId,
        );
      const check = await callerOfBearer(ctx, m[1]!, audiences);
      if (!check.ok) throw ArmErrors.invalidAuxiliaryToken(check.error.code, check.error.message, appId, tenantId);
      caller.auxiliary.push(check.caller);
    }
  };
}

/** The client and tenant a token claims, unverified, for naming it in a refusal. */
function claimedBy(token: string | undefined): { appId: string; tenantId: string } {
  try {
    const claims = decodeJwt(token ?? "");
    return { appId: String(claims.appid ?? claims.azp ?? ""), tenantId: String(claims.tid ?? "") };
  } catch {
    return { appId: "", tenantId: "" };
  }
}
