import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { AuthorizationErrors } from "./errors.js";
import { GUID } from "./principals.js";
import { type RoleAssignmentBody, type RoleAssignmentProperties, roleDefinitionGuid } from "./roleAssignments.js";
import { isAtOrAbove, normalizeScope } from "./scopes.js";

/** Role assignments as the Authorization provider validates them; roleAssignmentRoutes.ts maps requests here. */

export const ROLE_ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";
const ROLE_DEFINITION_ID =
  /^(?:\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i;
const PRINCIPAL_TYPES: RoleAssignmentProperties["principalType"][] = [
  "User",
  "Group",
  "ServicePrincipal",
  "ForeignGroup",
  "Device",
];

interface AssignmentInput {
  roleDefinitionId?: unknown;
  principalId?: unknown;
  principalType?: unknown;
  scope?: unknown;
  description?: unknown;
}

export function assignmentId(scope: string, name: string): string {
  return `${scope === "/" ? "" : scope}${ROLE_ASSIGNMENTS}/${name}`;
}

export function checkName(name: string): void {
  if (!GUID.test(name)) throw AuthorizationErrors.invalidRoleAssignmentId(name);
}

/** Validates a PUT body against the directory and the role definitions, as the Authorization provider does. */
function validatedInput(ctx: EmulatorContext, caller: Caller, requestBody: unknown, name: string, scope: string) {
  const body = requestBody as { properties?: AssignmentInput } | undefined;
  if (!body || typeof body !== "object") throw ArmErrors.missingRequestContent();
  const p = body.properties;
  if (!p || typeof p !== "object")
    throw ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON.");
  if (typeof p.scope === "string" && normalizeScope(p.scope).toLowerCase() !== scope.toLowerCase()) {
    throw AuthorizationErrors.scopeMismatch(name, p.scope, scope);
  }

  const roleDefinitionId = typeof p.roleDefinitionId === "string" ? p.roleDefinitionId : "";
  const roleMatch = ROLE_DEFINITION_ID.exec(roleDefinitionId);
  if (!roleMatch || !GUID.test(roleMatch[1]!)) throw AuthorizationErrors.invalidRoleDefinitionId(roleDefinitionId);
  const role = ctx.roleAssignments.roleDefinition(roleMatch[1]!);
  // A custom role outside its assignable scopes does not exist as far as the assignment's scope is concerned.
  if (!role || !role.assignableScopes.some((s) => isAtOrAbove(s, scope))) {
    throw AuthorizationErrors.roleDefinitionDoesNotExist(roleMatch[1]!, 400);
  }

  const principalId = typeof p.principalId === "string" ? p.principalId : "";
  if (!GUID.test(principalId)) throw AuthorizationErrors.invalidPrincipalId(principalId);
  const tenantId =
    ctx.directory.subscription(/^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? "")?.tenantId ?? caller.tenantId;
  // Any directory object of the emulator may be assigned: without B2B invitations to model, a user of another
  // tenant is taken as already invited (it becomes a guest of this tenant through the assignment).
  const principal = ctx.directory.principal(principalId);
  if (!principal) throw AuthorizationErrors.principalNotFound(principalId, tenantId);
  if (p.principalType !== undefined && p.principalType !== null) {
    const given = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === String(p.principalType).toLowerCase());
    if (!given)
      throw ArmErrors.invalidParameter(
        "principalType",
        `The principal type '${String(p.principalType)}' is not valid.`,
      );
    if (given !== principal.kind) throw AuthorizationErrors.unmatchedPrincipalType(principalId, principal.kind, given);
  }
  return {
    roleGuid: role.name,
    principalId: principal.objectId,
    principalType: principal.kind,
    description: typeof p.description === "string" ? p.description : undefined,
  };
}

/**
 * Creates an assignment at an existing scope, or answers the same one again (ARM treats that PUT as idempotent);
 * `created` tells which.
 */
export function putRoleAssignment(
  ctx: EmulatorContext,
  caller: Caller,
  scope: string,
  name: string,
  requestBody: unknown,
): { created: boolean; assignment: RoleAssignmentBody } {
  const input = validatedInput(ctx, caller, requestBody, name, scope);
  const store = ctx.roleAssignments;

  const existing = store.get(assignmentId(scope, name));
  if (existing) {
    const same =
      existing.properties.principalId.toLowerCase() === input.principalId.toLowerCase() &&
      roleDefinitionGuid(existing.properties.roleDefinitionId) === input.roleGuid.toLowerCase();
    if (!same) throw AuthorizationErrors.roleAssignmentUpdateNotPermitted();
    // The same assignment under the same name: ARM treats the PUT as idempotent (redeployed templates rely on it).
    return { created: false, assignment: existing };
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
    createdBy: caller.objectId,
    description: input.description,
  });
  return { created: true, assignment: created };
}

export type AssignmentFilter = (a: RoleAssignmentBody) => boolean;

/**
 * `$filter` as the provider reads it: `atScope()`, `principalId eq '{id}'` and `assignedTo('{id}')`, joined
 * with `and`. Without atScope() a list covers the scope, its ancestors and everything beneath it.
 */
export function assignmentFilter(ctx: EmulatorContext, filter: string | undefined, scope: string): AssignmentFilter {
  const raw = (filter ?? "").trim();
  const terms = raw ? raw.split(/\s+and\s+/i) : [];
  let atScope = false;
  const predicates: AssignmentFilter[] = [];
  for (const term of terms) {
    const principal = /^principalId\s+eq\s+'([^']*)'$/i.exec(term);
    const assignedTo = /^assignedTo\('([^']*)'\)$/i.exec(term);
    if (/^atScope\(\)$/i.test(term)) atScope = true;
    else if (principal) predicates.push((a) => a.properties.principalId.toLowerCase() === principal[1]!.toLowerCase());
    else if (assignedTo) {
      const ids = new Set(ctx.authorizer.principalIdsOf(assignedTo[1]!).map((id) => id.toLowerCase()));
      predicates.push((a) => ids.has(a.properties.principalId.toLowerCase()));
    } else throw AuthorizationErrors.invalidFilter(raw);
  }
  const inScope: AssignmentFilter = atScope
    ? (a) => isAtOrAbove(a.properties.scope, scope)
    : (a) => isAtOrAbove(a.properties.scope, scope) || isAtOrAbove(scope, a.properties.scope);
  return (a) => inScope(a) && predicates.every((p) => p(a));
}
