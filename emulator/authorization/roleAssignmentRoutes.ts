import { ArmErrors } from "../errors.js";
import { nextLink, pageOf, skipTokenOf } from "../paging.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import { AuthorizationErrors } from "./errors.js";
import { GUID } from "./principals.js";
import { type RoleAssignmentBody, type RoleAssignmentProperties, ROLE_ASSIGNMENT_TYPE, roleDefinitionGuid } from "./roleAssignments.js";
import { existingScope } from "./scopeLookup.js";
import { isAtOrAbove, normalizeScope, scopedPaths, scopeOfPath } from "./scopes.js";

/** The api-versions of Microsoft.Authorization/roleAssignments; `@azure/arm-authorization` 9 sends 2022-04-01. */
export const ROLE_ASSIGNMENT_API_VERSIONS = [
  "2015-07-01",
  "2018-01-01-preview",
  "2018-09-01-preview",
  "2020-04-01-preview",
  "2020-08-01-preview",
  "2020-10-01-preview",
  "2022-01-01-preview",
  "2022-04-01",
] as const;

const COLLECTION = "/providers/Microsoft.Authorization/roleAssignments";
const ROLE_DEFINITION_ID = /^(?:\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i;
const PRINCIPAL_TYPES: RoleAssignmentProperties["principalType"][] = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"];

interface AssignmentInput {
  roleDefinitionId?: unknown;
  principalId?: unknown;
  principalType?: unknown;
  scope?: unknown;
  description?: unknown;
}

function assignmentId(scope: string, name: string): string {
  return `${scope === "/" ? "" : scope}${COLLECTION}/${name}`;
}

function checkName(name: string): void {
  if (!GUID.test(name)) throw AuthorizationErrors.invalidRoleAssignmentId(name);
}

/** Validates a PUT body against the directory and the role definitions, as the Authorization provider does. */
function validatedInput(req: ArmRequest, name: string, scope: string) {
  const body = req.body as { properties?: AssignmentInput } | undefined;
  if (!body || typeof body !== "object") throw ArmErrors.missingRequestContent();
  const p = body.properties;
  if (!p || typeof p !== "object") throw ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON.");
  if (typeof p.scope === "string" && normalizeScope(p.scope).toLowerCase() !== scope.toLowerCase()) {
    throw AuthorizationErrors.scopeMismatch(name, p.scope, scope);
  }

  const roleDefinitionId = typeof p.roleDefinitionId === "string" ? p.roleDefinitionId : "";
  const roleMatch = ROLE_DEFINITION_ID.exec(roleDefinitionId);
  if (!roleMatch || !GUID.test(roleMatch[1]!)) throw AuthorizationErrors.invalidRoleDefinitionId(roleDefinitionId);
  const role = req.ctx.roleAssignments.roleDefinition(roleMatch[1]!);
  // A custom role outside its assignable scopes does not exist as far as the assignment's scope is concerned.
  if (!role || !role.assignableScopes.some((s) => isAtOrAbove(s, scope))) {
    throw AuthorizationErrors.roleDefinitionDoesNotExist(roleMatch[1]!, 400);
  }

  const principalId = typeof p.principalId === "string" ? p.principalId : "";
  if (!GUID.test(principalId)) throw AuthorizationErrors.invalidPrincipalId(principalId);
  const tenantId = req.ctx.directory.subscription(/^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? "")?.tenantId ?? req.caller.tenantId;
  // Any directory object of the emulator may be assigned: without B2B invitations to model, a user of another
  // tenant is taken as already invited (it becomes a guest of this tenant through the assignment).
  const principal = req.ctx.directory.principal(principalId);
  if (!principal) throw AuthorizationErrors.principalNotFound(principalId, tenantId);
  if (p.principalType !== undefined && p.principalType !== null) {
    const given = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === String(p.principalType).toLowerCase());
    if (!given) throw ArmErrors.invalidParameter("principalType", `The principal type '${String(p.principalType)}' is not valid.`);
    if (given !== principal.kind) throw AuthorizationErrors.unmatchedPrincipalType(principalId, principal.kind, given);
  }
  return {
    roleGuid: role.name,
    principalId: principal.objectId,
    principalType: principal.kind,
    description: typeof p.description === "string" ? p.description : undefined,
  };
}

function put(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const input = validatedInput(req, name, scope);
  const store = req.ctx.roleAssignments;

  const existing = store.get(assignmentId(scope, name));
  if (existing) {
    const same =
      existing.properties.principalId.toLowerCase() === input.principalId.toLowerCase() &&
      roleDefinitionGuid(existing.properties.roleDefinitionId) === input.roleGuid.toLowerCase();
    if (!same) throw AuthorizationErrors.roleAssignmentUpdateNotPermitted();
    // The same assignment under the same name: ARM treats the PUT as idempotent (redeployed templates rely on it).
    return { status: 200, body: existing };
  }
  const duplicate = store
    .forPrincipals([input.principalId])
    .find(
      (a) =>
        normalizeScope(a.properties.scope).toLowerCase() === scope.toLowerCase() &&
        roleDefinitionGuid(a.properties.roleDefinitionId) === input.roleGuid.toLowerCase(),
    );
  if (duplicate) throw AuthorizationErrors.roleAssignmentExists();

  const created = store.create({
    scope,
    name,
    roleDefinitionGuid: input.roleGuid,
    principalId: input.principalId,
    principalType: input.principalType,
    createdBy: req.caller.objectId,
    description: input.description,
  });
  return { status: 201, body: created };
}

function get(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const assignment = req.ctx.roleAssignments.get(assignmentId(scope, name));
  if (!assignment) throw AuthorizationErrors.roleAssignmentNotFound(name);
  return { status: 200, body: assignment };
}

function remove(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = normalizeScope(scopeOfPath(req.path));
  const assignment = req.ctx.roleAssignments.get(assignmentId(scope, name));
  if (!assignment) return { status: 204 };
  req.ctx.roleAssignments.remove(assignment.id);
  return { status: 200, body: assignment };
}

type AssignmentFilter = (a: RoleAssignmentBody) => boolean;

/**
 * `$filter` as the provider reads it: `atScope()`, `principalId eq '{id}'` and `assignedTo('{id}')`, joined
 * with `and`. Without atScope() a list covers the scope, its ancestors and everything beneath it.
 */
function filterOf(req: ArmRequest, scope: string): AssignmentFilter {
  const raw = (req.query["$filter"] ?? "").trim();
  const terms = raw ? raw.split(/\s+and\s+/i) : [];
  let atScope = false;
  const predicates: AssignmentFilter[] = [];
  for (const term of terms) {
    const principal = /^principalId\s+eq\s+'([^']*)'$/i.exec(term);
    const assignedTo = /^assignedTo\('([^']*)'\)$/i.exec(term);
    if (/^atScope\(\)$/i.test(term)) atScope = true;
    else if (principal) predicates.push((a) => a.properties.principalId.toLowerCase() === principal[1]!.toLowerCase());
    else if (assignedTo) {
      const ids = new Set(req.ctx.authorizer.principalIdsOf(assignedTo[1]!).map((id) => id.toLowerCase()));
      predicates.push((a) => ids.has(a.properties.principalId.toLowerCase()));
    } else throw AuthorizationErrors.invalidFilter(raw);
  }
  const inScope: AssignmentFilter = atScope
    ? (a) => isAtOrAbove(a.properties.scope, scope)
    : (a) => isAtOrAbove(a.properties.scope, scope) || isAtOrAbove(scope, a.properties.scope);
  return (a) => inScope(a) && predicates.every((p) => p(a));
}

function list(req: ArmRequest): ArmResponse {
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const matches = filterOf(req, scope);
  const items = req.ctx.roleAssignments.all().filter(matches);
  const page = pageOf(items, (a) => a.id.toLowerCase(), skipTokenOf(req), req.ctx.config.pageSize);
  const body: { value: RoleAssignmentBody[]; nextLink?: string } = { value: page.items };
  if (page.continueAfter !== undefined) body.nextLink = nextLink(req, page.continueAfter);
  return { status: 200, body };
}

const common = { resourceType: ROLE_ASSIGNMENT_TYPE, apiVersions: ROLE_ASSIGNMENT_API_VERSIONS };

/** Role assignments at any scope: create, get, delete, list (by scope, resource group, resource or subscription). */
export const roleAssignmentRoutes: ArmRoute[] = [
  ...scopedPaths(`${COLLECTION}/{roleAssignmentName}`).flatMap((path): ArmRoute[] => [
    { ...common, method: "PUT", path, action: "Microsoft.Authorization/roleAssignments/write", handler: put },
    { ...common, method: "GET", path, action: "Microsoft.Authorization/roleAssignments/read", handler: get },
    { ...common, method: "DELETE", path, action: "Microsoft.Authorization/roleAssignments/delete", handler: remove },
  ]),
  ...scopedPaths(COLLECTION).map(
    (path): ArmRoute => ({ ...common, method: "GET", path, action: "Microsoft.Authorization/roleAssignments/read", handler: list }),
  ),
];
