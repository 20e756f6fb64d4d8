import type { AuthorizationManagementClient } from "@azure/arm-authorization";
import type { Gallery, SharingUpdate } from "@azure/arm-compute";
import { type QueryClient, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Permission } from "@/lib/access/permissions";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf } from "@/lib/azure/routeParams";
import type { CommunityPublisherInfo } from "@/lib/gallery/community";
import { accessQueries } from "@/lib/queries/access";
import { galleryQueries } from "@/lib/queries/galleries";
import type { PrincipalType } from "@/lib/sharing/principals";
import type { RoleChoice } from "@/lib/sharing/roles";

const AUTHORIZATION_API_VERSION = "2022-04-01";

/** A role assignment that applies at a scope: at it, or inherited from a scope above. */
export interface ScopeAssignment {
  id: string;
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: PrincipalType;
}

export const sharingQueries = {
  all: () => ["sharing"] as const,
  /** Every assignment at the scope and above it (`atScope()`), needs roleAssignments/read there. */
  assignments: (arm: ArmClients, scopeId: string) =>
    queryOptions({
      queryKey: [...sharingQueries.all(), "assignments", scopeId.toLowerCase()] as const,
      queryFn: async (): Promise<ScopeAssignment[]> => {
        try {
          const items = await arm.rest.listAll<{
            id: string;
            name: string;
            properties: Omit<ScopeAssignment, "id" | "name">;
          }>(
            `${scopeId}/providers/Microsoft.Authorization/roleAssignments?$filter=${encodeURIComponent("atScope()")}&api-version=${AUTHORIZATION_API_VERSION}`,
          );
          return items.map((i) => ({ ...i.properties, id: i.id, name: i.name }));
        } catch (error) {
          throw toAzureError(error, scopeId);
        }
      },
    }),
  /**
   * The roles assignable at the scope: built-in ones and the custom roles whose assignable scopes cover it. Read at
   * the scope itself, so a caller who can read only the gallery can still see them.
   */
  roles: (arm: ArmClients, scopeId: string) =>
    queryOptions({
      queryKey: [...sharingQueries.all(), "roles", scopeId.toLowerCase()] as const,
      queryFn: async (): Promise<RoleChoice[]> => {
        try {
          const items = await arm.rest.listAll<{
            id: string;
            name: string;
            properties: { roleName: string; description?: string; type?: string; permissions?: Permission[] };
          }>(`${scopeId}/providers/Microsoft.Authorization/roleDefinitions?api-version=${AUTHORIZATION_API_VERSION}`);
          return items.map((i) => ({
            id: i.id,
            name: i.name,
            roleName: i.properties.roleName,
            description: i.properties.description,
            type: i.properties.type,
            permissions: i.properties.permissions ?? [],
          }));
        } catch (error) {
          throw toAzureError(error, scopeId);
        }
      },
      staleTime: 10 * 60_000,
    }),
  /** The gallery with whom it is shared directly (`$select=Permissions`). */
  directSharing: (arm: ArmClients, galleryId: string) =>
    queryOptions({
      queryKey: [...sharingQueries.all(), "direct", galleryId.toLowerCase()] as const,
      queryFn: async (): Promise<Gallery> => {
        const p = galleryPathOf(galleryId);
        if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
        try {
          return await arm
            .compute(p.subscriptionId)
            .galleries.get(p.resourceGroupName, p.galleryName, { select: "Permissions" });
        } catch (error) {
          throw toAzureError(error, galleryId);
        }
      },
    }),
};

export interface RoleAssignmentInput {
  scopeId: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: PrincipalType;
}

/** Grants a role at a scope; the assignment's name is a new GUID, as the portal makes it. */
export async function assignRole(
  authorization: AuthorizationManagementClient,
  input: RoleAssignmentInput,
): Promise<void> {
  try {
    await authorization.roleAssignments.create(input.scopeId, crypto.randomUUID(), {
      roleDefinitionId: input.roleDefinitionId,
      principalId: input.principalId,
      ...(input.principalType ? { principalType: input.principalType } : {}),
    });
  } catch (error) {
    throw toAzureError(error, input.scopeId);
  }
}

export async function removeAssignment(
  authorization: AuthorizationManagementClient,
  assignmentId: string,
): Promise<void> {
  try {
    await authorization.roleAssignments.deleteById(assignmentId);
  } catch (error) {
    throw toAzureError(error, assignmentId);
  }
}

/** Changes the gallery's direct sharing and waits for the operation to finish. */
export async function updateDirectSharing(arm: ArmClients, galleryId: string, update: SharingUpdate): Promise<void> {
  const p = galleryPathOf(galleryId);
  if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
  try {
    await arm
      .compute(p.subscriptionId)
      .gallerySharingProfile.update(p.resourceGroupName, p.galleryName, update, { updateIntervalInMs: 1000 });
  } catch (error) {
    throw toAzureError(error, galleryId);
  }
}

/**
 * Makes the gallery a community gallery as Azure asks: the publisher details on the gallery first (permissions
 * Community), then EnableCommunity, which gives it its public name. Returns the public names.
 */
export async function makeCommunityGallery(
  arm: ArmClients,
  galleryId: string,
  info: CommunityPublisherInfo,
): Promise<string[]> {
  const p = galleryPathOf(galleryId);
  if (!p) throw new Error(`'${galleryId}' is not a gallery id.`);
  const compute = arm.compute(p.subscriptionId);
  try {
    await compute.galleries.update(
      p.resourceGroupName,
      p.galleryName,
      { sharingProfile: { permissions: "Community", communityGalleryInfo: info } },
      { updateIntervalInMs: 1000 },
    );
    await compute.gallerySharingProfile.update(
      p.resourceGroupName,
      p.galleryName,
      { operationType: "EnableCommunity" },
      { updateIntervalInMs: 1000 },
    );
    const gallery = await compute.galleries.get(p.resourceGroupName, p.galleryName);
    return gallery.sharingProfile?.communityGalleryInfo?.publicNames ?? [];
  } catch (error) {
    throw toAzureError(error, galleryId);
  }
}

/** What the component does after a change, before the queries it affected are read again. */
interface MutationCallbacks<TData, TVariables> {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error) => void;
}

/** A role assignment changes who has access at the scope and what the caller may do there. */
function invalidateAssignments(queryClient: QueryClient) {
  return Promise.all(
    [sharingQueries.all(), accessQueries.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** Direct and community sharing change the gallery itself (its sharing profile is shown on the gallery pages). */
function invalidateGallerySharing(queryClient: QueryClient) {
  return Promise.all(
    [sharingQueries.all(), galleryQueries.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** `authorization` is called when the mutation runs, so a page that never assigns builds no client. */
export function useAssignRole(
  authorization: () => AuthorizationManagementClient,
  callbacks: MutationCallbacks<void, RoleAssignmentInput> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleAssignmentInput) => assignRole(authorization(), input),
    onSuccess: async (data, input) => {
      callbacks.onSuccess?.(data, input);
      await invalidateAssignments(queryClient);
    },
    onError: callbacks.onError,
  });
}

export function useRemoveAssignment(
  authorization: () => AuthorizationManagementClient,
  callbacks: MutationCallbacks<void, string> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => removeAssignment(authorization(), assignmentId),
    onSuccess: async (data, assignmentId) => {
      callbacks.onSuccess?.(data, assignmentId);
      await invalidateAssignments(queryClient);
    },
    onError: callbacks.onError,
  });
}

export function useUpdateDirectSharing(
  arm: ArmClients,
  galleryId: string,
  callbacks: MutationCallbacks<void, SharingUpdate> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: SharingUpdate) => updateDirectSharing(arm, galleryId, update),
    onSuccess: async (data, update) => {
      callbacks.onSuccess?.(data, update);
      await invalidateGallerySharing(queryClient);
    },
    onError: callbacks.onError,
  });
}

export function useMakeCommunityGallery(
  arm: ArmClients,
  galleryId: string,
  callbacks: MutationCallbacks<string[], CommunityPublisherInfo> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (info: CommunityPublisherInfo) => makeCommunityGallery(arm, galleryId, info),
    onSuccess: async (publicNames, info) => {
      callbacks.onSuccess?.(publicNames, info);
      await invalidateGallerySharing(queryClient);
    },
    onError: callbacks.onError,
  });
}
