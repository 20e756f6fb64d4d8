import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { BUILT_IN_ROLES, type RoleDefinitionData, type RolePermissions } from "./builtInRoles.js";
import { AuthorizationErrors } from "./errors.js";
import { GUID } from "./principals.js";
import { roleDefinitionGuid } from "./roleAssignments.js";
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
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase())) throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const body = requestBody as { properties?: Record<string, unknown> } | undefined;
  if (!body || typeof body !== "object") throw ArmErrors.missingRequestContent();
  const p = body.properties;
  if (!p || typeof p !== "object") throw ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON.");
  if (typeof p.roleName !== "string" || !p.roleName.trim()) {
    throw AuthorizationErrors.invalidRoleDefinition("The role definition must have a roleName.", "properties.roleName");
  }
  if (p.type !== undefined && String(p.type).toLowerCase() !== "customrole") {
    throw AuthorizationErrors.invalidRoleDefinition("Only custom roles (type 'CustomRole') can be created.", "properties.type");
  }
  const permissions: RolePermissions[] = (Array.isArray(p.permissions) ? p.permissions : []).map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    return {
      actions: stringArray(e.actions, `properties.permissions[${i}].actions`),
      notActions: stringArray(e.notActions, `properties.permissions[${i}].notActions`),
      dataActions: stringArray(e.dataActions, `properties.permissions[${i}].dataActions`),
      notDataActions: stringArray(e.notDataActions, `properties.permissions[${i}].notDataActions`),
    };
  });
  const assignableScopes = stringArray(p.assignableScopes, "properties.assignableScopes").map(normalizeScope);
  if (assignableScopes.length === 0) {
    throw AuthorizationErrors.invalidRoleDefinition("A custom role must have at least one assignable scope.", "properties.assignableScopes");
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

/**
 * Creates or updates a custom role whose assignable scopes exist (`canonicalScopes`, as created); the caller
 * needs roleDefinitions/write at every one of them. `created` tells a new role from an update.
 */
export function putCustomRole(
  ctx: EmulatorContext,
  caller: Caller,
  guid: string,
  role: ReturnType<typeof validatedCustomRole>,
  canonicalScopes: string[],
): { created: boolean; role: RoleDefinitionData } {
  for (const s of canonicalScopes) {
    if (!ctx.authorizer.isAllowed(caller, "Microsoft.Authorization/roleDefinitions/write", s)) {
      throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, "Microsoft.Authorization/roleDefinitions/write", s);
    }
  }
  const { roleName } = role;
  if (allRoles(ctx).some((r) => r.name.toLowerCase() !== guid.toLowerCase() && r.roleName.toLowerCase() === roleName.toLowerCase())) {
    throw AuthorizationErrors.roleDefinitionWithSameNameExists();
  }
  const existed = ctx.roleAssignments.roleDefinition(guid) !== undefined;
  const stored = ctx.roleAssignments.putCustomRole(
    {
      name: guid.toLowerCase(),
      roleName,
      description: role.description,
      permissions: role.permissions,
      assignableScopes: canonicalScopes,
    },
    caller.objectId,
  );
  return { created: !existed, role: stored };
}

/** Deletes a custom role that no assignment uses; undefined when there is none of that id. */
export function deleteCustomRole(ctx: EmulatorContext, guid: string): RoleDefinitionData | undefined {
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase())) throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const role = ctx.roleAssignments.customRoles().find((r) => r.name.toLowerCase() === guid.toLowerCase());
  if (!role) return undefined;
  if (ctx.roleAssignments.all().some((a) => roleDefinitionGuid(a.properties.roleDefinitionId) === role.name.toLowerCase())) {
    throw AuthorizationErrors.roleDefinitionHasAssignments();
  }
  ctx.roleAssignments.removeCustomRole(role.name);
  return role;
}

