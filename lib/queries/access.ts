import { queryOptions } from "@tanstack/react-query";
import type { Permission } from "@/lib/access/permissions";
import type { RoleAssignment, RoleDefinition } from "@/lib/access/accessNote";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";

const AUTHORIZATION_API_VERSION = "2022-04-01";

function scopePath(scopeId: string) {
  return scopeId === "/" ? "" : scopeId.replace(/\/+$/, "");
}

export const accessQueries = {
  all: () => ["access"] as const,
  /** The caller's own permissions at a scope: any signed-in caller may ask, the answer is empty without access. */
  permissions: (arm: ArmClients, scopeId: string) =>
    queryOptions({
      queryKey: [...accessQueries.all(), "permissions", scopeId.toLowerCase()] as const,
      queryFn: async (): Promise<Permission[]> => {
        const path = `${scopePath(scopeId)}/providers/Microsoft.Authorization/permissions`;
        try {
          return await arm.rest.listAll<Permission>(`${path}?api-version=${AUTHORIZATION_API_VERSION}`);
        } catch (error) {
          throw toAzureError(error, scopeId);
        }
      },
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
