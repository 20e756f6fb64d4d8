import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import type { EmulatorContext } from "../context.js";
import { EMPTY_SEED as S } from "./wellKnown.js";

/**
 * The development tenant with its admin, its user without access and its automation service principal; the
 * `empty` and `scale` seeds both start from it and differ in subscriptions and what they hold.
 */
export function seedEmulatorTenant(ctx: EmulatorContext, tenantDisplayName: string): void {
  const { directory } = ctx;
  directory.addTenant({ tenantId: S.tenantId, displayName: tenantDisplayName, defaultDomain: S.tenantDomain });
  directory.addPrincipal({
    objectId: S.admin.objectId,
    tenantId: S.tenantId,
    kind: "User",
    displayName: "Admin",
    upn: S.admin.upn,
    mail: S.admin.upn,
    password: S.admin.password,
    persona: "admin",
  });
  directory.addPrincipal({
    objectId: S.user.objectId,
    tenantId: S.tenantId,
    kind: "User",
    displayName: "User",
    upn: S.user.upn,
    mail: S.user.upn,
    password: S.user.password,
    persona: "no-access",
  });
  directory.addPrincipal({
    objectId: S.servicePrincipal.objectId,
    tenantId: S.tenantId,
    kind: "ServicePrincipal",
    displayName: "emulator-automation",
    appId: S.servicePrincipal.appId,
    secret: S.servicePrincipal.secret,
    persona: "automation",
  });
}

/** One tenant, one subscription, an Owner user, a user without access, and an Owner service principal. */
export function seedEmpty(ctx: EmulatorContext): void {
  seedEmulatorTenant(ctx, "Emulator");
  ctx.directory.addSubscription({
    subscriptionId: S.subscriptionId,
    tenantId: S.tenantId,
    displayName: "Emulator subscription",
    state: "Enabled",
  });
  const { roleAssignments } = ctx;
  const scope = `/subscriptions/${S.subscriptionId}`;
  roleAssignments.create({
    scope,
    roleDefinitionGuid: BUILT_IN_ROLE_IDS.Owner,
    principalId: S.admin.objectId,
    principalType: "User",
  });
  roleAssignments.create({
    scope,
    roleDefinitionGuid: BUILT_IN_ROLE_IDS.Owner,
    principalId: S.servicePrincipal.objectId,
    principalType: "ServicePrincipal",
  });
}
