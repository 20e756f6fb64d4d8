/** Principals as Microsoft Graph returns them, reduced to what a role assignment and its explanation need. */

export type PrincipalType = "User" | "Group" | "ServicePrincipal";

export interface DirectoryPrincipal {
  id: string;
  type: PrincipalType;
  displayName: string;
  /** UPN or mail for users, app id for service principals. */
  detail?: string;
  /** A user of another tenant, here as a guest. */
  guest: boolean;
}

interface GraphObject {
  "@odata.type"?: string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  userType?: string | null;
  appId?: string | null;
}

const TYPE_OF: Record<string, PrincipalType> = {
  "#microsoft.graph.user": "User",
  "#microsoft.graph.group": "Group",
  "#microsoft.graph.serviceprincipal": "ServicePrincipal",
};

export function principalFromGraph(o: GraphObject, fallbackType?: PrincipalType): DirectoryPrincipal | undefined {
  const type = TYPE_OF[(o["@odata.type"] ?? "").toLowerCase()] ?? fallbackType;
  if (!type) return undefined;
  const guest =
    type === "User" && ((o.userType ?? "").toLowerCase() === "guest" || /#EXT#/i.test(o.userPrincipalName ?? ""));
  const detail =
    type === "ServicePrincipal"
      ? o.appId
        ? `app id ${o.appId}`
        : undefined
      : ((guest ? (o.mail ?? o.userPrincipalName) : (o.userPrincipalName ?? o.mail)) ?? undefined);
  return { id: o.id, type, displayName: o.displayName ?? o.id, ...(detail ? { detail } : {}), guest };
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the search box holds an object id (pasted) rather than a name. */
export function asObjectId(text: string): string | undefined {
  const trimmed = text.trim();
  return GUID.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/** Graph's `$search` syntax needs quotes; a quote inside the term is escaped as Graph documents. */
export function displayNameSearch(term: string): string {
  return `"displayName:${term.trim().replace(/"/g, '\\"')}"`;
}

/** Users first, then groups, then service principals; each by name. */
export function sortPrincipals(principals: readonly DirectoryPrincipal[]): DirectoryPrincipal[] {
  const order: Record<PrincipalType, number> = { User: 0, Group: 1, ServicePrincipal: 2 };
  return [...principals].sort((a, b) => order[a.type] - order[b.type] || a.displayName.localeCompare(b.displayName));
}

export const PRINCIPAL_TYPE_LABELS: Record<PrincipalType, string> = {
  User: "User",
  Group: "Group",
  ServicePrincipal: "Service principal",
};

/** Why and how people of another tenant can be granted access, for the wizard's "who" step. */
export const OTHER_TENANT_EXPLANATION =
  "People of another tenant can be granted access too. Once invited as guests they appear in this search (marked Guest); " +
  "an app of another tenant appears as a service principal once it has been consented to here. You can also paste the object id " +
  "they have in this directory. They then switch to this tenant in Gallerist (or the Azure portal) to see what you shared.";
