import { ArmErrors } from "../errors.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import { BUILT_IN_ROLES, type RoleDefinitionData, type RolePermissions } from "./builtInRoles.js";
import { AuthorizationErrors } from "./errors.js";
import { GUID } from "./principals.js";
import { ROLE_DEFINITION_TYPE, roleDefinitionGuid, subscriptionOfScope } from "./roleAssignments.js";
import { existingScope } from "./scopeLookup.js";
import { isAtOrAbove, normalizeScope, roleDefinitionPrefix, scopedPaths, scopeOfPath } from "./scopes.js";

export const ROLE_DEFINITION_API_VERSIONS = ["2015-07-01", "2018-01-01-preview", "2022-04-01", "2022-05-01-preview"] as const;

const COLLECTION = "/providers/Microsoft.Authorization/roleDefinitions";

/** A role definition as ARM returns it when read at `scope`: built-in ids are given under the scope's subscription. */
export function roleDefinitionView(role: RoleDefinitionData, scope: string) {
  return {
    id: `${roleDefinitionPrefix(role.type === "CustomRole" ? (role.assignableScopes[0] ?? scope) : scope)}${COLLECTION}/${role.name}`,
    name: role.name,
    type: ROLE_DEFINITION_TYPE,
    properties: {
      roleName: role.roleName,
      type: role.type,
      description: role.description,
      assignableScopes: role.assignableScopes,
      permissions: role.permissions.map((p) => ({ ...p, condition: null, conditionVersion: null })),
      createdOn: role.createdOn ?? "2015-02-02T21:55:09.8806423Z",
      updatedOn: role.updatedOn ?? "2024-04-25T00:00:00.0000000Z",
      createdBy: role.createdBy ?? null,
      updatedBy: role.updatedBy ?? null,
    },
  };
}

/** Built-in roles everywhere; a custom role where one of its assignable scopes is above, at or below `scope`. */
function visibleAt(role: RoleDefinitionData, scope: string): boolean {
  return role.type === "BuiltInRole" || role.assignableScopes.some((s) => isAtOrAbove(s, scope) || isAtOrAbove(scope, s));
}

function allRoles(req: ArmRequest): RoleDefinitionData[] {
  return [...BUILT_IN_ROLES, ...req.ctx.roleAssignments.customRoles()];
}

function requestScope(req: ArmRequest): string {
  const scope = normalizeScope(scopeOfPath(req.path));
  return existingScope(req, scope);
}

/** `$filter` for role definitions: `roleName eq '…'` and `type eq 'BuiltInRole' | 'CustomRole'`, joined with `and`. */
function filterOf(raw: string): (r: RoleDefinitionData) => boolean {
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

function list(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const matches = filterOf(req.query["$filter"] ?? "");
  const value = allRoles(req)
    .filter((r) => visibleAt(r, scope) && matches(r))
    .map((r) => roleDefinitionView(r, scope));
  return { status: 200, body: { value } };
}

function get(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const guid = req.params.roleDefinitionId!;
  const role = req.ctx.roleAssignments.roleDefinition(guid);
  if (!role || !visibleAt(role, scope)) throw AuthorizationErrors.roleDefinitionDoesNotExist(guid, 404);
  return { status: 200, body: roleDefinitionView(role, scope) };
}

function stringArray(value: unknown, target: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw AuthorizationErrors.invalidRoleDefinition(`The property '${target}' must be an array of strings.`, target);
  }
  return value as string[];
}

const WRITE = "Microsoft.Authorization/roleDefinitions/write";
const DELETE = "Microsoft.Authorization/roleDefinitions/delete";

/**
 * A custom role belongs to its assignable scopes, whatever scope the request names: writing or deleting it takes
 * the action at each of them, judged for the token's tenant (a scope of another tenant's subscription is never
 * authorized by this token), and ARM refuses with AuthorizationFailed naming the first scope that is missing it.
 */
function requireAtEveryScope(req: ArmRequest, action: string, scopes: readonly string[]): void {
  const { caller, ctx } = req;
  for (const scope of scopes) {
    const tenant = ctx.directory.subscription(subscriptionOfScope(scope))?.tenantId;
    const sameTenant = tenant !== undefined && tenant.toLowerCase() === caller.tenantId.toLowerCase();
    if (!sameTenant || !ctx.authorizer.isAllowed(caller, action, scope)) {
      throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, action, scope);
    }
  }
}

/** Creates or updates a custom role; the caller needs roleDefinitions/write at every assignable scope, old and new. */
function put(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const guid = req.params.roleDefinitionId!;
  if (!GUID.test(guid)) throw AuthorizationErrors.invalidRoleDefinitionId(guid);
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase())) throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const body = req.body as { properties?: Record<string, unknown> } | undefined;
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
  const canonicalScopes = assignableScopes.map((s) => existingScope(req, s));
  // A role id names one role wherever the PUT is sent: changing it takes write where it is assignable now, too.
  const current = req.ctx.roleAssignments.customRoles().find((r) => r.name.toLowerCase() === guid.toLowerCase());
  requireAtEveryScope(req, WRITE, [...(current?.assignableScopes ?? []), ...canonicalScopes]);
  const roleName = p.roleName.trim();
  if (allRoles(req).some((r) => r.name.toLowerCase() !== guid.toLowerCase() && r.roleName.toLowerCase() === roleName.toLowerCase())) {
    throw AuthorizationErrors.roleDefinitionWithSameNameExists();
  }
  const stored = req.ctx.roleAssignments.putCustomRole(
    {
      name: guid.toLowerCase(),
      roleName,
      description: typeof p.description === "string" ? p.description : "",
      permissions,
      assignableScopes: canonicalScopes,
    },
    req.caller.objectId,
  );
  // ARM answers 201 to every PUT of a role definition, update or not (its spec lists no 200, and SDKs refuse one).
  return { status: 201, body: roleDefinitionView(stored, scope) };
}

function remove(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const guid = req.params.roleDefinitionId!;
  if (BUILT_IN_ROLES.some((r) => r.name === guid.toLowerCase())) throw AuthorizationErrors.builtInRoleNotModifiable(guid);
  const role = req.ctx.roleAssignments.customRoles().find((r) => r.name.toLowerCase() === guid.toLowerCase());
  if (!role) return { status: 204 };
  requireAtEveryScope(req, DELETE, role.assignableScopes);
  if (req.ctx.roleAssignments.all().some((a) => roleDefinitionGuid(a.properties.roleDefinitionId) === role.name.toLowerCase())) {
    throw AuthorizationErrors.roleDefinitionHasAssignments();
  }
  req.ctx.roleAssignments.removeCustomRole(role.name);
  return { status: 200, body: roleDefinitionView(role, scope) };
}

const common = { resourceType: ROLE_DEFINITION_TYPE, apiVersions: ROLE_DEFINITION_API_VERSIONS };
const READ = "Microsoft.Authorization/roleDefinitions/read";

/**
 * Role definitions: the built-ins and custom roles, listed and read at any scope; custom roles created and
 * deleted. At the tenant root (`/providers/Microsoft.Authorization/roleDefinitions`) any signed-in caller may
 * read them, as every Azure user can look up built-in roles.
 */
export const roleDefinitionRoutes: ArmRoute[] = [
  ...scopedPaths(`${COLLECTION}/{roleDefinitionId}`, { tenantRoot: true }).flatMap((path): ArmRoute[] => {
    const atRoot = path.startsWith("/providers/");
    return [
      { ...common, method: "GET", path, ...(atRoot ? {} : { action: READ }), handler: get },
      ...(atRoot
        ? []
        : [
            { ...common, method: "PUT" as const, path, action: WRITE, handler: put },
            { ...common, method: "DELETE" as const, path, action: DELETE, handler: remove },
          ]),
    ];
  }),
  ...scopedPaths(COLLECTION, { tenantRoot: true }).map(
    (path): ArmRoute => ({ ...common, method: "GET", path, ...(path.startsWith("/providers/") ? {} : { action: READ }), handler: list }),
  ),
];
