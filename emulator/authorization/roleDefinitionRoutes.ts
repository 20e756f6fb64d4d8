import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import type { RoleDefinitionData } from "./builtInRoles.js";
import { AuthorizationErrors } from "./errors.js";
import { ROLE_DEFINITION_TYPE } from "./roleAssignments.js";
import {
  allRoles,
  DELETE,
  deleteCustomRole,
  putCustomRole,
  roleDefinitionFilter,
  validatedCustomRole,
  WRITE,
} from "./roleDefinitions.model.js";
import { existingScope } from "./scopeLookup.js";
import { isAtOrAbove, normalizeScope, roleDefinitionPrefix, scopedPaths, scopeOfPath } from "./scopes.js";

export const ROLE_DEFINITION_API_VERSIONS = [
  "2015-07-01",
  "2018-01-01-preview",
  "2022-04-01",
  "2022-05-01-preview",
] as const;

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
  return (
    role.type === "BuiltInRole" || role.assignableScopes.some((s) => isAtOrAbove(s, scope) || isAtOrAbove(scope, s))
  );
}

function requestScope(req: ArmRequest): string {
  const scope = normalizeScope(scopeOfPath(req.path));
  return existingScope(req, scope);
}

function list(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const matches = roleDefinitionFilter(req.query["$filter"] ?? "");
  const value = allRoles(req.ctx)
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

/** Creates or updates a custom role. */
function put(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const guid = req.params.roleDefinitionId!;
  const role = validatedCustomRole(guid, req.body);
  const canonicalScopes = role.assignableScopes.map((s) => existingScope(req, s));
  const stored = putCustomRole(req.ctx, req.caller, guid, role, canonicalScopes);
  // ARM answers 201 to every PUT of a role definition, update or not (its spec lists no 200, and SDKs refuse one).
  return { status: 201, body: roleDefinitionView(stored, scope) };
}

function remove(req: ArmRequest): ArmResponse {
  const scope = requestScope(req);
  const role = deleteCustomRole(req.ctx, req.caller, req.params.roleDefinitionId!);
  return role ? { status: 200, body: roleDefinitionView(role, scope) } : { status: 204 };
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
  ...scopedPaths(COLLECTION, { tenantRoot: true }).map((path): ArmRoute => ({
    ...common,
    method: "GET",
    path,
    ...(path.startsWith("/providers/") ? {} : { action: READ }),
    handler: list,
  })),
];
