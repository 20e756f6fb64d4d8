"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { useRuntimeConfig } from "@/components/layout/ArmContext";
import { workingTenant } from "@/lib/auth/tenantSelection";
import { acquireAccessToken } from "@/lib/auth/tokens";
import { STORAGE_SCOPE } from "@/lib/azure/wellKnown";

/**
 * A token for Azure Storage's data plane in the tenant the user works in. Silent only: it is asked for inside forms,
 * and a redirect for consent would lose what was typed; the caller falls back to typing the blob's URI.
 */
export function useStorageToken(): () => Promise<string> {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  return useCallback(async () => {
    const tenant = workingTenant(config, window.localStorage, instance.getActiveAccount());
    return (await acquireAccessToken(instance, [STORAGE_SCOPE], tenant, { interactive: false })).token;
  }, [instance, config]);
}
