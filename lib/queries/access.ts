import { queryOptions } from "@tanstack/react-query";
import type { Permission } from "@/lib/access/permissions";
import type { RoleAssignment, RoleDefinition } from "@/lib/access/accessNote";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";

const AUTHORIZATION_API_VERSION = "2022-04-01";

/** An image definition as Resource Graph returns it (the ARM resource, flattened). */
export interface ReadableDefinition {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  properties?: { osType?: string; osState?: string; hyperVGeneration?: string; description?: string };
}

// Resource Graph returns only the resources the caller can read, wherever the role assignment sits.
const READABLE_DEFINITIONS_QUERY =
  "resources | where type =~ 'microsoft.compute/galleries/images' | project id, name, location, subscriptionId, resourceGroup, properties | order by name asc";

function scopePath(scopeId: string) {
  return scopeId === "/" ? "" : scopeId.replace(/\/+$/, "");
}

/** The caller's own permissions at a scope (`{scope}/providers/Microsoft.Authorization/permissions`). */
export async function readPermissions(arm: ArmClients, scopeId: string): Promise<Permission[]> {
  const path = `${scopePath(scopeId)}/providers/Microsoft.Authorization/permissions`;
  try {
    return await arm.rest.listAll<Permission>(`${path}?api-version=${AUTHORIZATION_API_VERSION}`);
  } catch (error) {
    throw toAzureError(error, scopeId);
  }
}

export const accessQueries = {
  all: () => ["access"] as const,
  /** The caller's own permissions at a scope: any signed-in caller may ask, the answer is empty without access. */
  permissions: (arm: ArmClients, scopeId: string) =>
    queryOptions({
      queryKey: [...accessQueries.all(), "permissions", scopeId.toLowerCase()] as const,
      queryFn: () => readPermissions(arm, scopeId),
      staleTime: 5 * 60_000,
    }),
  /**
   * The role assignments that give a principal (directly or through its groups) access at a scope: those at the
   * scope and above it. Needs Microsoft.Authorization/roleAssignments/read there (Reader has it; the
   * Compute Gallery roles do not), so callers treat a 403 as "unknown", not as "no access".
   */
  assignmentsOf: (arm: ArmClients, scopeId: string, principalId: string) =>
    queryOptions({
      queryKey: [...accessQueries.all(), "assignments", scopeId.toLowerCase(), principalId.toLowerCase()] as const,
      queryFn: async () => {
        const filter = encodeURIComponent(`atScope() and assignedTo('${principalId}')`);
        const path = `${scopePath(scopeId)}/providers/Microsoft.Authorization/roleAssignments`;
        try {
          const items = await arm.rest.listAll<{ id: string; properties: RoleAssignment }>(
            `${path}?$filter=${filter}&api-version=${AUTHORIZATION_API_VERSION}`,
          );
          return items.map((item) => ({ ...item.properties, id: item.id }));
        } catch (error) {
          throw toAzureError(error, scopeId);
        }
      },
      staleTime: 5 * 60_000,
    }),
  /**
   * Every image definition the caller can read in these subscriptions, also where they cannot read its gallery
   * (a role assigned at the definition only). ARM has no list for that; Resource Graph, filtered by RBAC, does.
   */
  readableDefinitions: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [
        ...accessQueries.all(),
        "readableDefinitions",
        subscriptionIds.map((s) => s.toLowerCase()).sort(),
      ] as const,
      queryFn: () => queryResourceGraph<ReadableDefinition>(arm, subscriptionIds, READABLE_DEFINITIONS_QUERY),
      enabled: subscriptionIds.length > 0,
    }),
  /** Role definitions as listed at the tenant root (the built-in roles), to name the roles of assignments. */
  roleDefinitions: (arm: ArmClients) =>
    queryOptions({
      queryKey: [...accessQueries.all(), "roleDefinitions"] as const,
      queryFn: async (): Promise<RoleDefinition[]> => {
        try {
          const items = await arm.rest.listAll<{
            id: string;
            name: string;
            properties: { roleName: string; type?: string; permissions?: Permission[] };
          }>(`/providers/Microsoft.Authorization/roleDefinitions?api-version=${AUTHORIZATION_API_VERSION}`);
          return items.map((item) => ({
            id: item.id,
            name: item.name,
            roleName: item.properties.roleName,
            permissions: item.properties.permissions ?? [],
          }));
        } catch (error) {
          throw toAzureError(error, "/providers/Microsoft.Authorization/roleDefinitions");
        }
      },
      staleTime: 60 * 60_000,
    }),
};
