import type { Caller } from "../caller.js";
import type { DirectoryStore } from "../store/directory.js";
import type { Authorizer } from "./authorizer.js";
import type { RolePermissions } from "./builtInRoles.js";
import {
  type RoleAssignmentBody,
  type RoleAssignmentStore,
  roleDefinitionGuid,
  subscriptionOfScope,
} from "./roleAssignments.js";
import { isAtOrAbove } from "./scopes.js";

/**
 * Azure RBAC evaluation: a caller's effective actions at a scope are the union of the roles assigned to the
 * caller (and to the groups it belongs to) at that scope and at every ancestor scope. Within one permission
 * block, notActions subtract from that block's actions only (so another role can still grant what one role's
 * notActions leave out, as in Azure); `*` is a wildcard; matching ignores case.
 */
export class RbacAuthorizer implements Authorizer {
  constructor(
    private readonly assignments: RoleAssignmentStore,
    private readonly directory: DirectoryStore,
  ) {}

  isAllowed(caller: Caller, action: string, scope: string): boolean {
    return this.assignmentsOf(caller).some((a) => isAtOrAbove(a.properties.scope, scope) && this.grants(a, action));
  }

  isAllowedAtOrBeneath(caller: Caller, action: string, scope: string): boolean {
    // A subscription-wide list of a type (`/subscriptions/{s}/providers/Microsoft.Compute/galleries`) covers
    // every resource group, so what lies beneath it is the whole subscription.
    const collection = /^(\/subscriptions\/[^/]+)\/providers\/[^/]+\/[^/]+$/i.exec(scope);
    if (collection) scope = collection[1]!;
    return this.assignmentsOf(caller).some(
      (a) =>
        (isAtOrAbove(a.properties.scope, scope) || isAtOrAbove(scope, a.properties.scope)) && this.grants(a, action),
    );
  }

  hasAnyAccess(caller: Caller, subscriptionId: string): boolean {
    const sub = subscriptionId.toLowerCase();
    return this.assignmentsOf(caller).some((a) => {
      const s = subscriptionOfScope(a.properties.scope).toLowerCase();
      return s === sub || a.properties.scope === "/";
    });
  }

  permissionsAt(caller: Caller, scope: string): RolePermissions[] {
    return this.assignmentsOf(caller)
      .filter((a) => isAtOrAbove(a.properties.scope, scope))
      .flatMap(
        (a) => this.assignments.roleDefinition(roleDefinitionGuid(a.properties.roleDefinitionId))?.permissions ?? [],
      );
  }

  principalIdsOf(objectId: string): string[] {
    return [objectId, ...this.directory.groupsOf(objectId)];
  }

  private assignmentsOf(caller: Caller): RoleAssignmentBody[] {
    return this.assignments.forPrincipals(this.principalIdsOf(caller.objectId));
  }

  private grants(assignment: RoleAssignmentBody, action: string): boolean {
    const role = this.assignments.roleDefinition(roleDefinitionGuid(assignment.properties.roleDefinitionId));
    return (role?.permissions ?? []).some((p) => permissionGrants(p, action));
  }
}

/** Whether one permission block grants an action: some action pattern covers it and no notAction does. */
export function permissionGrants(p: RolePermissions, action: string): boolean {
  return p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((n) => actionMatches(n, action));
}

// Whether an action pattern such as `Microsoft.Compute/*`, `*/read` or `*` covers an action; case-insensitive.
export function actionMatches(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, "i");
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

// Every ARM request evaluates the same few dozen patterns.
const patternCache = new Map<string, RegExp>();

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
