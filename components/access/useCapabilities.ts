"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { type Capabilities, capabilitiesFrom, isActionAllowed } from "@/lib/access/permissions";
import { accessQueries } from "@/lib/queries/access";

export interface CapabilitiesResult {
  /** Undefined while loading; all false when the permissions could not be read (controls stay hidden). */
  data: (Capabilities & { allows(action: string): boolean }) | undefined;
  isLoading: boolean;
  error: unknown;
}

/**
 * What the signed-in user may do at an ARM scope (subscription, resource group, gallery, image definition or
 * version id), from `{scope}/providers/Microsoft.Authorization/permissions`. `allows` answers any other action.
 */
export function useCapabilities(scopeId: string | undefined): CapabilitiesResult {
  const arm = useArm();
  const query = useQuery({ ...accessQueries.permissions(arm, scopeId ?? "/"), enabled: Boolean(scopeId) });
  const permissions = query.isError ? [] : query.data;
  return {
    data:
      permissions && scopeId
        ? { ...capabilitiesFrom(permissions, scopeId), allows: (action: string) => isActionAllowed(permissions, action) }
        : undefined,
    isLoading: Boolean(scopeId) && query.isPending,
    error: query.error,
  };
}
