import type { EmulatorContext } from "../context.js";
import type { Principal } from "../store/directory.js";
import { subscriptionOfScope } from "./roleAssignments.js";

/**
 * Which directory objects are visible in a tenant's directory (what Graph lists there): those of its home
 * tenant, and guests. The emulator does not model B2B invitations; a principal is a guest where the seed lists
 * the tenant in `extra.guestTenantIds`, or where it holds a role assignment (directly or through a group) in
 * one of the tenant's subscriptions, the rule sign-in uses too (identity/tenancy.ts).
 */
export function tenantMembership(ctx: EmulatorContext, tenantId: string): (principal: Principal) => boolean {
  const t = tenantId.toLowerCase();
  let subscriptions: Set<string> | undefined;
  return (principal) => {
    if (principal.tenantId.toLowerCase() === t) return true;
    const guests = principal.extra?.guestTenantIds;
    if (Array.isArray(guests) && guests.some((g) => typeof g === "string" && g.toLowerCase() === t)) return true;
    subscriptions ??= new Set(
      ctx.directory
        .subscriptions()
        .filter((s) => s.tenantId.toLowerCase() === t)
        .map((s) => s.subscriptionId.toLowerCase()),
    );
    const inTenant = subscriptions;
    return ctx.roleAssignments
      .forPrincipals(ctx.authorizer.principalIdsOf(principal.objectId))
      .some((a) => inTenant.has(subscriptionOfScope(a.properties.scope).toLowerCase()));
  };
}

/** `00000000-0000-0000-0000-000000000000` in any case, as ARM and Graph require for object ids and names. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
