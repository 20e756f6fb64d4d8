"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { type Capabilities, capabilitiesFrom, isActionAllowed } from "@/lib/access/permissions";
import { AzureError } from "@/lib/azure/errors";
import { accessQueries } from "@/lib/queries/access";

export interface CapabilitiesResult {
  /**
   * Undefined while loading or when the read failed; all false when ARM refused it (403) or does not know the
   * scope (404): both mean the user may do nothing there.
   */
  data: (Capabilities & { allows(action: string): boolean }) | undefined;
  isLoading: boolean;
  /** A failed read that says nothing about access (a 500, a network error): shown with `retry`, never as "no access". */
  error: unknown;
  retry: () => void;
  retrying: boolean;
}

function meansNoAccess(error: unknown): boolean {
  return error instanceof AzureError && (error.status === 403 || error.status === 404);
}

/**
 * What the signed-in user may do at an ARM scope (subscription, resource group, gallery, image definition or
 * version id), from `{scope}/providers/Microsoft.Authorization/permissions`. `allows` answers any other action.
 */
export function useCapabilities(scopeId: string | undefined): CapabilitiesResult {
  const arm = useArm();
  const query = useQuery({ ...accessQueries.permissions(arm, scopeId ?? "/"), enabled: Boolean(scopeId) });
  const noAccess = query.isError && meansNoAccess(query.error);
  const permissions = noAccess ? [] : query.data;
  return {
    data:
      permissions && scopeId && (noAccess || !query.isError)
        ? {
            ...capabilitiesFrom(permissions, scopeId),
            allows: (action: string) => isActionAllowed(permissions, action),
          }
        : undefined,
    isLoading: Boolean(scopeId) && query.isPending,
    error: query.isError && !noAccess ? query.error : null,
    retry: () => void query.refetch(),
    retrying: query.isFetching,
  };
}
