import { parseResourceId } from "@/lib/azure/resourceId";

/** One entry of `GET {scope}/providers/Microsoft.Authorization/permissions`: one per role assignment that applies. */
export interface Permission {
  actions: string[];
  notActions: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

/** What the caller may do with the resource at a scope (or, at a subscription or resource group, with galleries there). */
export interface Capabilities {
  read: boolean;
  write: boolean;
  delete: boolean;
  /** Change the gallery's direct sharing (`Microsoft.Compute/galleries/share/action`). */
  share: boolean;
  /** Grant access through Azure RBAC (`Microsoft.Authorization/roleAssignments/write`). */
  assignRoles: boolean;
}

export type Capability = keyof Capabilities;

const SHARE_ACTION = "Microsoft.Compute/galleries/share/action";
const ASSIGN_ROLES_ACTION = "Microsoft.Authorization/roleAssignments/write";

// Compiling a pattern per check would dominate a page that evaluates dozens of scopes.
const patternCache = new Map<string, RegExp>();

// Whether an action pattern such as `*`, `*/read` or `Microsoft.Compute/galleries/*` covers an action; ARM ignores case.
export function actionMatches(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    regex = new RegExp(`^${escaped.join(".*")}$`, "i");
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

/**
 * Azure's rule: an action is allowed when some permission entry has a matching action and none of *that entry's*
 * notActions match. NotActions are not deny rules: another role assigned to the caller may still grant the action.
 */
export function isActionAllowed(permissions: readonly Permission[], action: string): boolean {
  return permissions.some(
    (p) => p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((n) => actionMatches(n, action)),
  );
}

/** The resource type whose read/write/delete actions a scope's capabilities are about. */
export function resourceTypeOfScope(scopeId: string): string {
  const parsed = parseResourceId(scopeId);
  switch (parsed?.kind) {
    case "galleryImage":
      return "Microsoft.Compute/galleries/images";
    case "galleryImageVersion":
      return "Microsoft.Compute/galleries/images/versions";
    default:
      // A gallery, or a subscription or resource group where galleries would be created.
      return "Microsoft.Compute/galleries";
  }
}

/** The capabilities at a scope, from the caller's permissions read at that very scope. */
export function capabilitiesFrom(permissions: readonly Permission[], scopeId: string): Capabilities {
  const type = resourceTypeOfScope(scopeId);
  return {
    read: isActionAllowed(permissions, `${type}/read`),
    write: isActionAllowed(permissions, `${type}/write`),
    delete: isActionAllowed(permissions, `${type}/delete`),
    share: isActionAllowed(permissions, SHARE_ACTION),
    assignRoles: isActionAllowed(permissions, ASSIGN_ROLES_ACTION),
  };
}
