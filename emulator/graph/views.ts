import type { Principal, Tenant } from "../store/directory.js";

/** A directory object as Graph shows it to a caller of one tenant (guests carry that tenant's #EXT# name). */
export type GraphObject = Record<string, unknown> & { id: string };

export type EntitySet = "users" | "groups" | "servicePrincipals";

export const ODATA_TYPE: Record<Principal["kind"], string> = {
  User: "#microsoft.graph.user",
  Group: "#microsoft.graph.group",
  ServicePrincipal: "#microsoft.graph.servicePrincipal",
};

export const ENTITY_SET_OF: Record<Principal["kind"], EntitySet> = {
  User: "users",
  Group: "groups",
  ServicePrincipal: "servicePrincipals",
};

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** How a guest's UPN reads in the inviting tenant: `lee_fabrikam.onmicrosoft.com#EXT#@contoso.onmicrosoft.com`. */
export function guestUpn(upn: string, tenant: Tenant): string {
  return `${upn.replace("@", "_")}#EXT#@${tenant.defaultDomain}`;
}

function userView(p: Principal, tenant: Tenant): GraphObject {
  const guest = p.tenantId.toLowerCase() !== tenant.tenantId.toLowerCase();
  const [first, ...rest] = p.displayName.split(" ");
  return {
    id: p.objectId,
    businessPhones: [],
    displayName: p.displayName,
    givenName: str(p.extra?.givenName) ?? (rest.length ? (first ?? null) : null),
    jobTitle: str(p.extra?.jobTitle),
    mail: p.mail ?? (guest ? (p.upn ?? null) : null),
    mobilePhone: null,
    officeLocation: str(p.extra?.officeLocation),
    preferredLanguage: null,
    surname: str(p.extra?.surname) ?? (rest.length ? rest.join(" ") : null),
    userPrincipalName: p.upn && guest ? guestUpn(p.upn, tenant) : (p.upn ?? null),
    userType: guest ? "Guest" : "Member",
  };
}

function groupView(p: Principal): GraphObject {
  const mailEnabled = p.extra?.mailEnabled === true;
  return {
    id: p.objectId,
    deletedDateTime: null,
    classification: null,
    createdDateTime: str(p.extra?.createdDateTime) ?? "2024-01-15T09:00:00Z",
    description: str(p.extra?.description),
    displayName: p.displayName,
    groupTypes: Array.isArray(p.extra?.groupTypes) ? p.extra.groupTypes : [],
    mail: mailEnabled ? (p.mail ?? null) : null,
    mailEnabled,
    mailNickname: p.displayName.replace(/[^A-Za-z0-9]/g, "").toLowerCase() || p.objectId,
    securityEnabled: p.extra?.securityEnabled !== false,
    visibility: null,
  };
}

function servicePrincipalView(p: Principal): GraphObject {
  return {
    id: p.objectId,
    accountEnabled: true,
    appDisplayName: p.displayName,
    appId: p.appId ?? null,
    appOwnerOrganizationId: p.tenantId,
    displayName: p.displayName,
    servicePrincipalNames: p.appId ? [p.appId] : [],
    servicePrincipalType: str(p.extra?.servicePrincipalType) ?? "Application",
    tags: [],
  };
}

/** Every property the emulator knows for the object (what `$select` may name). */
export function graphView(p: Principal, tenant: Tenant): GraphObject {
  switch (p.kind) {
    case "User":
      return userView(p, tenant);
    case "Group":
      return groupView(p);
    default:
      return servicePrincipalView(p);
  }
}

/** Properties Graph returns only when `$select` names them. */
const NOT_DEFAULT = new Set(["userType"]);

/** The properties `$select` may name for a type. */
export function selectableProperties(kind: Principal["kind"]): string[] {
  const sample: Principal = { objectId: "", tenantId: "", kind, displayName: "" };
  return Object.keys(graphView(sample, { tenantId: "", displayName: "", defaultDomain: "" }));
}

/** The object with Graph's default properties, or only the selected ones (matched case-insensitively). */
export function project(view: GraphObject, select: string[] | undefined): Record<string, unknown> {
  if (!select) return Object.fromEntries(Object.entries(view).filter(([k]) => !NOT_DEFAULT.has(k)));
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(view).filter(([k]) => wanted.has(k.toLowerCase())));
}
