import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import type { EmulatorContext } from "../context.js";
import { RESOURCE_GROUP_TYPE, resourceGroupId } from "../resources/resourceGroups.js";
import { DEMO_ROLE_ASSIGNMENTS } from "./demoAccess.js";
import { DEMO_RESOURCE_GROUPS, type DemoResourceGroup, demoSubscriptionId } from "./demoData.js";
import {
  DEMO_GROUPS,
  DEMO_PASSWORD,
  DEMO_SERVICE_PRINCIPALS,
  DEMO_SUBSCRIPTIONS,
  DEMO_TENANTS,
  DEMO_USERS,
  type DemoUser,
} from "./demoIdentities.js";

/** Tenants, subscriptions, users, groups (with members) and service principals of the demo seed. */
export function seedDemoDirectory(ctx: EmulatorContext): void {
  const { directory } = ctx;
  for (const tenant of Object.values(DEMO_TENANTS)) directory.addTenant(tenant);
  for (const subscription of Object.values(DEMO_SUBSCRIPTIONS))
    directory.addSubscription({ ...subscription, state: "Enabled" });
  for (const u of Object.values(DEMO_USERS) as DemoUser[]) {
    directory.addPrincipal({
      objectId: u.objectId,
      tenantId: u.tenantId,
      kind: "User",
      displayName: u.displayName,
      upn: u.upn,
      mail: u.upn,
      password: DEMO_PASSWORD,
      ...(u.persona ? { persona: u.persona } : {}),
    });
  }
  for (const g of Object.values(DEMO_GROUPS)) {
    directory.addPrincipal({
      objectId: g.objectId,
      tenantId: g.tenantId,
      kind: "Group",
      displayName: g.displayName,
      extra: { description: g.description },
    });
  }
  for (const g of Object.values(DEMO_GROUPS))
    for (const member of g.members) directory.addGroupMember(g.objectId, member);
  for (const sp of Object.values(DEMO_SERVICE_PRINCIPALS)) {
    directory.addPrincipal({
      objectId: sp.objectId,
      tenantId: sp.tenantId,
      kind: "ServicePrincipal",
      displayName: sp.displayName,
      appId: sp.appId,
      secret: sp.secret,
      persona: sp.persona,
    });
  }
}

/** The resource groups the galleries and their image sources live in, stored as Microsoft.Resources stores them. */
export function seedDemoResourceGroups(ctx: EmulatorContext): void {
  for (const group of DEMO_RESOURCE_GROUPS) seedDemoResourceGroup(ctx, group);
}

/** One demo resource group, for seed modules that keep their resources apart from the catalogue's groups. */
export function seedDemoResourceGroup(ctx: EmulatorContext, group: DemoResourceGroup): void {
  const subscriptionId = demoSubscriptionId(group.subscription);
  const id = resourceGroupId(subscriptionId, group.name);
  ctx.resources.put({
    id,
    type: RESOURCE_GROUP_TYPE,
    name: group.name,
    subscriptionId,
    resourceGroup: group.name,
    parentKey: `/subscriptions/${subscriptionId}`,
    location: group.location,
    body: {
      id,
      name: group.name,
      type: RESOURCE_GROUP_TYPE,
      location: group.location,
      ...(group.tags ? { tags: group.tags } : {}),
    },
    state: {},
  });
}

/** Every role assignment of the demo, with its fixed GUID, as made by the tenant's platform admin. */
export function seedDemoRoleAssignments(ctx: EmulatorContext): void {
  for (const a of DEMO_ROLE_ASSIGNMENTS) {
    ctx.roleAssignments.create({
      name: a.name,
      scope: a.scope,
      roleDefinitionGuid: BUILT_IN_ROLE_IDS[a.role],
      principalId: a.principalId,
      principalType: a.principalType,
      createdBy: a.scope.includes(DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId)
        ? DEMO_USERS.lee.objectId
        : DEMO_USERS.megan.objectId,
      ...(a.description ? { description: a.description } : {}),
    });
  }
}
