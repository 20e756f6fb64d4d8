import type { Caller } from "../caller.js";
import type { DirectoryStore } from "../store/directory.js";
import type { Authorizer } from "./authorizer.js";
import type { RolePermissions } from "./builtInRoles.js";
import { type RoleAssignmentBody, type RoleAssignmentStore, roleDefinitionGuid, subscriptionOfScope } from "./roleAssignments.js";

/**
 * Azure RBAC evaluation: a caller's effective actions at a scope are the union of the roles assigned to the
 * caller (and to the groups it belongs to) at that scope and at every ancestor scope. Within one role,
 * notActions subtract from actions; `*` is a wildcard; matching ignores case.
 */
export class RbacAuthorizer implements Authorizer {
  constructor(
    private readonly assignments: RoleAssignmentStore,
    private readonly directory: DirectoryStore,
  ) {}

  isAllowed(caller: Caller, action: string, scope: string): boolean {
    const target = normalizeScope(scope);
    return this.assignmentsOf(caller).some((a) => isAtOrAbove(a.properties.scope, target) && this.grants(a, action));
  }

  isAllowedAtOrBeneath(caller: Caller, action: string, scope: string): boolean {
    const target = normalizeScope(scope);
    return this.assignmentsOf(caller).some(
      (a) => (isAtOrAbove(a.properties.scope, target) || isAtOrAbove(target, a.properties.scope)) && this.grants(a, action),
    );
  }

  hasAnyAccess(caller: Caller, subscriptionId: string): boolean {
    const sub = subscriptionId.toLowerCase();
    return this.assignmentsOf(caller).some((a) => {
      const s = subscriptionOfScope(a.properties.scope).toLowerCase();
      return s === sub || a.properties.scope === "/";
    });
  }

  /** The permissions (one entry per assignment that applies) at a scope, for `.../providers/Microsoft.Authorization/permissions`. */
  permissionsAt(caller: Caller, scope: string): RolePermissions[] {
    const target = normalizeScope(scope);
    return this.assignmentsOf(caller)
      .filter((a) => isAtOrAbove(a.properties.scope, target))
      .flatMap((a) => this.assignments.roleDefinition(roleDefinitionGuid(a.properties.roleDefinitionId))?.permissions ?? []);
  }

  private assignmentsOf(caller: Caller): RoleAssignmentBody[] {
    return this.assignments.forPrincipals([caller.objectId, ...this.directory.groupsOf(caller.objectId)]);
  }

  private grants(assignment: RoleAssignmentBody, action: string): boolean {
    const role = this.assignments.roleDefinition(roleDefinitionGuid(assignment.properties.roleDefinitionId));
    return (role?.permissions ?? []).some(
      (p) => p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((n) => actionMatches(n, action)),
    );
  }
}

// Whether an action pattern such as `Microsoft.Compute/*`, `*/read` or `*` covers an action; case-insensitive.
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, "i");
  return regex.test(action);
}

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

function normalizeScope(scope: string): string {
  return scope.replace(/\/+$/, "").toLowerCase() || "/";
}

/** Whether `ancestor` is `scope` itself or one of the scopes that contain it. */
function isAtOrAbove(ancestor: string, scope: string): boolean {
  const a = normalizeScope(ancestor);
  const s = normalizeScope(scope);
  return a === "/" || s === a || s.startsWith(`${a}/`);
}
