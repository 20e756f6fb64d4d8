import { levelOfScope } from "@/lib/access/accessNote";
import type { AzureError } from "@/lib/azure/errors";
import { parseResourceId, scopeChain } from "@/lib/azure/resourceId";
import { ROLES_THAT_ASSIGN } from "@/lib/sharing/roles";

/** Role assignment failures explained: what happened, in the admin's words, and what to do. */

export interface AssignmentErrorExplanation {
  kind: "alreadyAssigned" | "notAllowed" | "principalNotFound" | "other";
  title: string;
  detail: string;
  /** Who can do it, when the caller cannot. */
  whoCan?: { roles: string[]; scopes: { id: string; label: string }[] };
}

/** The scope and every scope above it, nearest first, described ("gallery 'x'", "resource group 'rg'", "subscription …"). */
export function scopesAtAndAbove(scopeId: string): { id: string; label: string }[] {
  return scopeChain(scopeId).map((id) => {
    const parsed = parseResourceId(id);
    const level = levelOfScope(id);
    const name =
      parsed?.galleryImageVersion ??
      parsed?.galleryImage ??
      parsed?.gallery ??
      (level === "resource group" ? parsed?.resourceGroup : parsed?.subscriptionId);
    return { id, label: `${level} '${name ?? id}'` };
  });
}

export function explainAssignmentError(
  error: AzureError,
  input: { principalName: string; roleName: string; scopeId: string },
): AssignmentErrorExplanation {
  switch (error.code) {
    case "RoleAssignmentExists":
      return {
        kind: "alreadyAssigned",
        title: `${input.principalName} already has this access`,
        detail: `${input.principalName} already holds ${input.roleName} on this ${levelOfScope(input.scopeId)}. Nothing needs to change.`,
      };
    case "AuthorizationFailed":
      return {
        kind: "notAllowed",
        title: "You can't grant access here",
        detail:
          "Granting access needs Microsoft.Authorization/roleAssignments/write, which your roles do not give you on this scope. " +
          "Ask someone who holds one of these roles on it, or on a scope above it:",
        whoCan: { roles: ROLES_THAT_ASSIGN, scopes: scopesAtAndAbove(input.scopeId) },
      };
    case "PrincipalNotFound":
      return {
        kind: "principalNotFound",
        title: "This principal is not in the directory",
        detail:
          "Azure could not find the object id in this tenant. Someone from another tenant must first be invited as a guest (or, for an app, its service principal created in this tenant); then assign the role to that guest's object id here.",
      };
    default:
      return { kind: "other", title: "The role assignment failed", detail: `${error.code}: ${error.message}` };
  }
}
