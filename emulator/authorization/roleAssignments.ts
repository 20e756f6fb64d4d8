import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.js";
import type { ArmResourceBody, ResourceStore } from "../store/resources.js";
import { BUILT_IN_ROLES, type RoleDefinitionData } from "./builtInRoles.js";

export const ROLE_ASSIGNMENT_TYPE = "Microsoft.Authorization/roleAssignments";
export const ROLE_DEFINITION_TYPE = "Microsoft.Authorization/roleDefinitions";

export interface RoleAssignmentProperties {
  roleDefinitionId: string;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal" | "ForeignGroup" | "Device";
  scope: string;
  condition?: string | null;
  conditionVersion?: string | null;
  description?: string | null;
  createdOn: string;
  updatedOn: string;
  createdBy: string | null;
  updatedBy: string | null;
  delegatedManagedIdentityResourceId: null;
}

export type RoleAssignmentBody = ArmResourceBody & { properties: RoleAssignmentProperties };

/** The subscription a scope lies in ('' for tenant-level scopes such as `/`). */
export function subscriptionOfScope(scope: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? "";
}

/** The GUID at the end of a role definition id. */
export function roleDefinitionGuid(roleDefinitionId: string): string {
  return roleDefinitionId.split("/").pop()!.toLowerCase();
}

/**
 * Role assignments and role definitions. Assignments are stored as resources (type
 * Microsoft.Authorization/roleAssignments) under their scope; custom role definitions likewise. Reads go
 * through an in-memory index rebuilt after every change, because every ARM request consults it.
 */
export class RoleAssignmentStore {
  private index: RoleAssignmentBody[] | undefined;
  private customRoleIndex: RoleDefinitionData[] | undefined;

  constructor(
    private readonly resources: ResourceStore,
    private readonly clock: Clock,
  ) {}

  all(): RoleAssignmentBody[] {
    this.index ??= this.resources.allOfType(ROLE_ASSIGNMENT_TYPE).map((r) => r.body as RoleAssignmentBody);
    return this.index;
  }

  forPrincipals(principalIds: readonly string[]): RoleAssignmentBody[] {
    const ids = new Set(principalIds.map((p) => p.toLowerCase()));
    return this.all().filter((a) => ids.has(a.properties.principalId.toLowerCase()));
  }

  create(input: {
    scope: string;
    roleDefinitionGuid: string;
    principalId: string;
    principalType: RoleAssignmentProperties["principalType"];
    name?: string;
    createdBy?: string;
    description?: string;
  }): RoleAssignmentBody {
    const scope = input.scope.replace(/\/+$/, "") || "/";
    const name = input.name ?? randomUUID();
    const subscriptionId = subscriptionOfScope(scope);
    const id = `${scope === "/" ? "" : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
    const now = new Date(this.clock.now()).toISOString();
    const body: RoleAssignmentBody = {
      id,
      name,
      type: ROLE_ASSIGNMENT_TYPE,
      properties: {
        roleDefinitionId: `${subscriptionId ? `/subscriptions/${subscriptionId}` : ""}/providers/Microsoft.Authorization/roleDefinitions/${input.roleDefinitionGuid}`,
        principalId: input.principalId,
        principalType: input.principalType,
        scope,
        condition: null,
        conditionVersion: null,
        description: input.description ?? null,
        createdOn: now,
        updatedOn: now,
        createdBy: input.createdBy ?? null,
        updatedBy: input.createdBy ?? null,
        delegatedManagedIdentityResourceId: null,
      },
    };
    this.resources.put({
      id,
      type: ROLE_ASSIGNMENT_TYPE,
      name,
      subscriptionId,
      resourceGroup: /\/resourceGroups\/([^/]+)/i.exec(scope)?.[1],
      parentKey: scope,
      body,
      state: {},
    });
    this.index = undefined;
    return body;
  }

  remove(id: string): void {
    this.resources.remove(id);
    this.index = undefined;
  }

  get(id: string): RoleAssignmentBody | undefined {
    const key = id.toLowerCase();
    return this.all().find((a) => a.id.toLowerCase() === key);
  }

  /** A role definition by GUID: the built-ins, then custom roles stored as resources. */
  roleDefinition(guid: string): RoleDefinitionData | undefined {
    const g = guid.toLowerCase();
    return BUILT_IN_ROLES.find((r) => r.name === g) ?? this.customRoles().find((r) => r.name.toLowerCase() === g);
  }

  customRoles(): RoleDefinitionData[] {
    this.customRoleIndex ??= this.resources
      .allOfType(ROLE_DEFINITION_TYPE)
      .map((r) => r.body as ArmResourceBody & { properties: Omit<RoleDefinitionData, "name"> })
      .map((b) => ({ ...b.properties, name: b.name, type: "CustomRole" as const }));
    return this.customRoleIndex;
  }

  /**
   * Creates or replaces a custom role. Azure keeps custom roles under the subscription of their first
   * assignable scope, whatever scope the PUT named.
   */
  putCustomRole(role: Omit<RoleDefinitionData, "type">, actorObjectId: string): RoleDefinitionData {
    const existing = this.customRoles().find((r) => r.name.toLowerCase() === role.name.toLowerCase());
    const subscriptionId = subscriptionOfScope(role.assignableScopes[0] ?? "");
    const id = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`;
    const now = new Date(this.clock.now()).toISOString();
    const stored: RoleDefinitionData = {
      ...role,
      type: "CustomRole",
      createdOn: existing?.createdOn ?? now,
      updatedOn: now,
      createdBy: existing?.createdBy ?? actorObjectId,
      updatedBy: actorObjectId,
    };
    const { name, ...properties } = stored;
    // One row per role id: when its first assignable scope moves to another subscription, the old row goes.
    for (const row of this.resources.allOfType(ROLE_DEFINITION_TYPE)) {
      if (row.name.toLowerCase() === name.toLowerCase() && row.id.toLowerCase() !== id.toLowerCase())
        this.resources.remove(row.id);
    }
    this.resources.put({
      id,
      type: ROLE_DEFINITION_TYPE,
      name,
      subscriptionId,
      parentKey: `/subscriptions/${subscriptionId}`,
      body: { id, name, type: ROLE_DEFINITION_TYPE, properties: { ...properties } },
      state: {},
    });
    this.customRoleIndex = undefined;
    return stored;
  }

  removeCustomRole(guid: string): void {
    const role = this.resources
      .allOfType(ROLE_DEFINITION_TYPE)
      .find((r) => r.name.toLowerCase() === guid.toLowerCase());
    if (role) this.resources.remove(role.id);
    this.customRoleIndex = undefined;
  }

  /** Call after writing role assignments or definitions directly to the resource store. */
  invalidate(): void {
    this.index = undefined;
    this.customRoleIndex = undefined;
  }
}
