import type { Caller } from "../caller.js";
import type { RolePermissions } from "./builtInRoles.js";

/**
 * Answers Azure RBAC questions for the pipeline's RBAC stage and for handlers that filter collections.
 * Scopes are ARM ids (subscription, resource group, resource); an assignment at a scope applies to it and
 * everything beneath it.
 */
export interface Authorizer {
  /** Whether the caller's effective actions at `scope` include `action`. */
  isAllowed(caller: Caller, action: string, scope: string): boolean;
  /** Whether the caller holds `action` at `scope` or at any scope beneath it (list calls are then filtered). */
  isAllowedAtOrBeneath(caller: Caller, action: string, scope: string): boolean;
  /** Whether the caller holds any role assignment in the subscription (what `GET /subscriptions` lists). */
  hasAnyAccess(caller: Caller, subscriptionId: string): boolean;
  /** The permissions of every role that applies at `scope` (`.../providers/Microsoft.Authorization/permissions`). */
  permissionsAt(caller: Caller, scope: string): RolePermissions[];
  /** The caller's object id and the groups it belongs to, directly or through nested groups. */
  principalIdsOf(objectId: string): string[];
}
