import type { FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { originOf } from "../http.js";

/** `/subscriptions/{subscriptionId}` and everything beneath it; matched case-insensitively, as ARM matches paths. */
const SUBSCRIPTION_PATH = /^\/+subscriptions\/+([^/?]+)(?:[/?]|$)/i;

/**
 * ARM binds a token to its tenant: a subscription-scoped request is answered only for a token issued by the
 * subscription's tenant. A guest holds a token from the tenant it visits (tid = that tenant), so it passes; a
 * user's home-tenant token on another tenant's subscription is refused before RBAC is consulted, even where the
 * user holds a role there. Paths above subscriptions (`/subscriptions`, `/tenants`, Resource Graph) answer for the
 * token's tenant only, in their handlers.
 */
export function stageTenantBinding(ctx: EmulatorContext) {
  return async (req: FastifyRequest) => {
    const caller = req.caller;
    const m = SUBSCRIPTION_PATH.exec(req.url);
    if (!caller || !m) return;
    let subscriptionId: string;
    try {
      subscriptionId = decodeURIComponent(m[1]!);
    } catch {
      return;
    }
    // An unknown subscription belongs to no tenant: the handlers answer SubscriptionNotFound.
    const subscription = ctx.directory.subscription(subscriptionId);
    if (!subscription || subscription.tenantId.toLowerCase() === caller.tenantId.toLowerCase()) return;
    // The challenge points at the emulator's own authority for that tenant, where the client can get the right token.
    throw ArmErrors.wrongTokenTenant(
      caller.tenantId,
      subscription.tenantId,
      `${originOf(req)}/${subscription.tenantId}`,
    );
  };
}
