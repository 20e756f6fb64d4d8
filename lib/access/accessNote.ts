import type { Capabilities, Permission } from "@/lib/access/permissions";
import { parseResourceId } from "@/lib/azure/resourceId";

/** The properties of a role assignment the note needs, as ARM returns them (plus the assignment's id). */
export interface RoleAssignment {
  id?: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: string;
}

export interface RoleDefinition {
  id: string;
  /** The role definition's GUID. */
  name: string;
  roleName: string;
  permissions: Permission[];
}

/** One way the caller holds access: which role, assigned where, and whether to them or to one of their groups. */
export interface AccessGrant {
  roleName: string;
  /** Where the assignment sits, in Azure's words: "subscription", "gallery", "image definition"… */
  level: string | undefined;
  viaGroup: boolean;
}

const LEVELS: Record<string, string> = {
  subscription: "subscription",
  resourceGroup: "resource group",
  gallery: "gallery",
  galleryImage: "image definition",
  galleryImageVersion: "image version",
  galleryApplication: "VM application",
  galleryApplicationVersion: "application version",
};

export function levelOfScope(scope: string): string {
  if (scope === "/" || scope === "") return "root";
  return LEVELS[parseResourceId(scope)?.kind ?? ""] ?? "resource";
}

function guidOf(roleDefinitionId: string): string {
  return (roleDefinitionId.split("/").pop() ?? roleDefinitionId).toLowerCase();
}

/** The grants behind the role assignments at and above a scope (the result of `atScope() and assignedTo(...)`). */
export function grantsFromAssignments(
  assignments: readonly RoleAssignment[],
  definitions: readonly RoleDefinition[],
  callerId: string,
): AccessGrant[] {
  const byGuid = new Map(definitions.map((d) => [d.name.toLowerCase(), d.roleName]));
  const grants = assignments.map((a) => ({
    roleName: byGuid.get(guidOf(a.roleDefinitionId)) ?? `role ${guidOf(a.roleDefinitionId)}`,
    level: levelOfScope(a.scope),
    viaGroup: a.principalId.toLowerCase() !== callerId.toLowerCase(),
  }));
  return dedupe(grants);
}

/**
 * When the caller may not list role assignments (the Compute Gallery roles cannot), the permissions endpoint still
 * tells which roles apply: each entry is one assigned role's permissions, matched here against the role definitions.
 */
export function grantsFromPermissions(
  permissions: readonly Permission[],
  definitions: readonly RoleDefinition[],
): AccessGrant[] {
  const key = (p: Permission) =>
    JSON.stringify([
      sorted(p.actions),
      sorted(p.notActions),
      sorted(p.dataActions ?? []),
      sorted(p.notDataActions ?? []),
    ]);
  const byPermissions = new Map<string, string>();
  for (const d of definitions) if (d.permissions.length === 1) byPermissions.set(key(d.permissions[0]!), d.roleName);
  return dedupe(
    permissions.map((p) => ({
      roleName: byPermissions.get(key(p)) ?? "a custom role",
      level: undefined,
      viaGroup: false,
    })),
  );
}

function sorted(values: readonly string[]) {
  return [...values].map((v) => v.toLowerCase()).sort();
}

function dedupe(grants: AccessGrant[]): AccessGrant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const k = `${g.roleName}|${g.level}|${g.viaGroup}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "Reader via gallery assignment (through a group)". */
export function describeGrant(grant: AccessGrant): string {
  const where = grant.level ? ` via ${grant.level} assignment` : "";
  return `${grant.roleName}${where}${grant.viaGroup ? " (through a group)" : ""}`;
}

/** What the caller may do, in one phrase: the note's second half. */
export function describeCapabilities(capabilities: Capabilities): string {
  if (!capabilities.read) return "no access";
  const can = [
    capabilities.write && "edit",
    capabilities.delete && "delete",
    capabilities.share && "share",
    capabilities.assignRoles && "grant access",
  ].filter((v): v is string => Boolean(v));
  return can.length === 0 ? "read-only" : `can ${joinWords(can)}`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
