import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { BUILT_IN_ROLES, type RoleDefinitionData, type RolePermissions } from "./builtInRoles.js";
import { AuthorizationErrors } from "./errors.js";
import { GUID } from "./principals.js";
import { roleDefinitionGuid, subscriptionOfScope } from "./roleAssignments.js";
import { normalizeScope } from "./scopes.js";

/** Role definitions as the Authorization provider validates them; roleDefinitionRoutes.ts maps requests here. */

export function allRoles(ctx: EmulatorContext): RoleDefinitionData[] {
  return [...BUILT_IN_ROLES, ...ctx.roleAssignments.customRoles()];
}

/** `$filter` for role definitions: `roleName eq '…'` and `type eq 'BuiltInRole' | 'CustomRole'`, joined with `and`. */
export function roleDefinitionFilter(raw: string): (r: RoleDefinitionData) => boolean {
  const terms = raw.trim() ? raw.trim().split(/\s+and\s+/i) : [];
  const predicates = terms.map((term) => {
    const m = /^(roleName|type)\s+eq\s+'([^']*)'$/i.exec(term);
    if (!m) throw AuthorizationErrors.invalidFilter(raw);
    const value = m[2]!.toLowerCase();
    return m[1]!.toLowerCase() === "rolename"
      ? (r: RoleDefinitionData) => r.roleName.toLowerCase() === value
      : (r: RoleDefinitionData) => r.type.toLowerCase() === value;
  });
  return (r) => predicates.every((p) => p(r));
}

function stringArray(value: unknown, target: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw AuthorizationErrors.invalidRoleDefinition(`The property '${target}' must be an array of strings.`, target);
  }
  return value as string[];
}

/** A custom role's PUT body, checked as the provider checks it; the assignable scopes as sent, normalised. */
export function validatedCustomRole(guid: string, requestBody: unknown) {
  if (!GUID.test(guid)) throw AuthorizationErrors.invalidRoleDefinitionId(guid);
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase()))
    throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const body = requestBody as { properties?: Record<string, unknown> } | undefined;
  if (!body || typeof body !== "object") throw ArmErrors.missingRequestContent();
  const p = body.properties;
  if (!p || typeof p !== "object")
    throw ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON.");
  if (typeof p.roleName !== "string" || !p.roleName.trim()) {
    throw AuthorizationErrors.invalidRoleDefinition("The role definition must have a roleName.", "properties.roleName");
  }
  if (p.type !== undefined && String(p.type).toLowerCase() !== "customrole") {
    throw AuthorizationErrors.invalidRoleDefinition(
      "Only custom roles (type 'CustomRole') can be created.",
      "properties.type",
    );
  }
  const permissions: RolePermissions[] = (Array.isArray(p.permissions) ? p.permissions : []).map(
    (entry: unknown, i) => {
      const e = (entry ?? {}) as Record<string, unknown>;
      return {
        actions: stringArray(e.actions, `properties.permissions[${i}].actions`),
        notActions: stringArray(e.notActions, `properties.permissions[${i}].notActions`),
        dataActions: stringArray(e.dataActions, `properties.permissions[${i}].dataActions`),
        notDataActions: stringArray(e.notDataActions, `properties.permissions[${i}].notDataActions`),
      };
    },
  );
  const assignableScopes = stringArray(p.assignableScopes, "properties.assignableScopes").map(normalizeScope);
  if (assignableScopes.length === 0) {
    throw AuthorizationErrors.invalidRoleDefinition(
      "A custom role must have at least one assignable scope.",
      "properties.assignableScopes",
    );
  }
  if (assignableScopes.includes("/")) {
    throw AuthorizationErrors.invalidRoleDefinition(
      "The root scope '/' cannot be an assignable scope of a custom role. Use a subscription, resource group or resource.",
      "properties.assignableScopes",
    );
  }
  return {
    roleName: p.roleName.trim(),
    description: typeof p.description === "string" ? p.description : "",
    permissions,
    assignableScopes,
  };
}

export const WRITE = "Microsoft.Authorization/roleDefinitions/write";
export const DELETE = "Microsoft.Authorization/roleDefinitions/delete";

/**
 * A custom role belongs to its assignable scopes, whatever scope the request names: writing or deleting it takes
 * the action at each of them, judged for the token's tenant (a scope of another tenant's subscription is never
 * authorized by this token), and ARM refuses with AuthorizationFailed naming the first scope that is missing it.
 */
function requireAtEveryScope(ctx: EmulatorContext, caller: Caller, action: string, scopes: readonly string[]): void {
  for (const scope of scopes) {
    const tenant = ctx.directory.subscription(subscriptionOfScope(scope))?.tenantId;
    const sameTenant = tenant !== undefined && tenant.toLowerCase() === caller.tenantId.toLowerCase();
    if (!sameTenant || !ctx.authorizer.isAllowed(caller, action, scope)) {
      throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, action, scope);
    }
  }
}

/**
 * Creates or updates a custom role whose assignable scopes exist (`canonicalScopes`, as created). A role id names
 * one role wherever the PUT is sent, so the caller needs roleDefinitions/write at every assignable scope it has
 * now and will have.
 */
export function putCustomRole(
  ctx: EmulatorContext,
  caller: Caller,
  guid: string,
  role: ReturnType<typeof validatedCustomRole>,
  canonicalScopes: string[],
): RoleDefinitionData {
  const current = ctx.roleAssignments.customRoles().find((r) => r.name.toLowerCase() === guid.toLowerCase());
  requireAtEveryScope(ctx, caller, WRITE, [...(current?.assignableScopes ?? []), ...canonicalScopes]);
  const { roleName } = role;
  if (
    allRoles(ctx).some(
      (r) => r.name.toLowerCase() !== guid.toLowerCase() && r.roleName.toLowerCase() === roleName.toLowerCase(),
    )
  ) {
    throw AuthorizationErrors.roleDefinitionWithSameNameExists();
  }
  return ctx.roleAssignments.putCustomRole(
    {
      name: guid.toLowerCase(),
      roleName,
      description: role.description,
      permissions: role.permissions,
      assignableScopes: canonicalScopes,
    },
    caller.objectId,
  );
}

/**
 * Deletes a custom role that no assignment uses, for a caller with roleDefinitions/delete at every assignable scope;
 * undefined when there is none of that id.
 */
export function deleteCustomRole(ctx: EmulatorContext, caller: Caller, guid: string): RoleDefinitionData | undefined {
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase()))
    throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const role = ctx.roleAssignments.customRoles().find((r) => r.name.toLowerCase() === guid.toLowerCase());
  if (!role) return undefined;
  requireAtEveryScope(ctx, caller, DELETE, role.assignableScopes);
  if (
    ctx.roleAssignments.all().some((a) => roleDefinitionGuid(a.properties.roleDefinitionId) === role.name.toLowerCase())
  ) {
    throw AuthorizationErrors.roleDefinitionHasAssignments();
  }
  ctx.roleAssignments.removeCustomRole(role.name);
  return role;
}
