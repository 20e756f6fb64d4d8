import { subscriptionOfScope } from "../authorization/roleAssignments.js";
import type { EmulatorContext } from "../context.js";
import type { Principal, Tenant } from "../store/directory.js";
import { EntraErrors } from "./entraErrors.js";

/**
 * The `{tenant}` of an identity URL: one tenant (by id or domain), or `organizations` / `common`, where a user
 * signs into their home tenant.
 */
export type SignInAudience = { kind: "tenant"; tenant: Tenant; segment: string } | { kind: "any"; segment: string };

export function resolveTenantSegment(ctx: EmulatorContext, segment: string): SignInAudience {
  const lower = segment.toLowerCase();
  if (lower === "organizations" || lower === "common") return { kind: "any", segment: lower };
  const tenant = ctx.directory
    .tenants()
    .find((t) => t.tenantId.toLowerCase() === lower || t.defaultDomain.toLowerCase() === lower);
  if (!tenant) throw EntraErrors.tenantNotFound(segment);
  return { kind: "tenant", tenant, segment: tenant.tenantId.toLowerCase() };
}

/**
 * Whether the principal may sign into the tenant: it is a member (home tenant), or a guest there, which here
 * means it holds a role assignment (directly or through a group) in one of the tenant's subscriptions.
 */
export function canSignInto(ctx: EmulatorContext, principal: Principal, tenantId: string): boolean {
  if (principal.tenantId.toLowerCase() === tenantId.toLowerCase()) return true;
  const subscriptions = new Set(
    ctx.directory
      .subscriptions()
      .filter((s) => s.tenantId.toLowerCase() === tenantId.toLowerCase())
      .map((s) => s.subscriptionId.toLowerCase()),
  );
  const ids = [principal.objectId, ...ctx.directory.groupsOf(principal.objectId)];
  return ctx.roleAssignments
    .forPrincipals(ids)
    .some((a) => subscriptions.has(subscriptionOfScope(a.properties.scope).toLowerCase()));
}

/**
 * The tenant a principal's tokens are issued for: the named tenant when it is a member or guest there, its
 * home tenant for `organizations` / `common`. Throws Entra's AADSTS50020 for a tenant it does not belong to.
 */
export function tokenTenantFor(
  ctx: EmulatorContext,
  principal: Principal,
  audience: SignInAudience,
  clientId: string,
): string {
  if (audience.kind === "any") return principal.tenantId;
  if (!canSignInto(ctx, principal, audience.tenant.tenantId)) {
    throw EntraErrors.notInTenant(
      principal.upn ?? principal.objectId,
      principal.tenantId,
      audience.tenant.displayName,
      clientId,
    );
  }
  return audience.tenant.tenantId;
}

export interface SignInChoice {
  tenant: Tenant;
  users: { user: Principal; guest: boolean }[];
}

/** The users the sign-in page offers, grouped by the tenant they would sign into. */
export function signInChoices(ctx: EmulatorContext, audience: SignInAudience): SignInChoice[] {
  const users = ctx.directory.principals({ kind: "User" });
  if (audience.kind === "any") {
    return ctx.directory
      .tenants()
      .map((tenant) => ({
        tenant,
        users: users
          .filter((u) => u.tenantId.toLowerCase() === tenant.tenantId.toLowerCase())
          .map((user) => ({ user, guest: false })),
      }))
      .filter((c) => c.users.length > 0);
  }
  const tenantId = audience.tenant.tenantId.toLowerCase();
  const members = users.filter((u) => u.tenantId.toLowerCase() === tenantId).map((user) => ({ user, guest: false }));
  const guests = users
    .filter((u) => u.tenantId.toLowerCase() !== tenantId && canSignInto(ctx, u, tenantId))
    .map((user) => ({ user, guest: true }));
  return [{ tenant: audience.tenant, users: [...members, ...guests] }];
}
