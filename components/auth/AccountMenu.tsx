"use client";

import { useMsal } from "@azure/msal-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { TenantSwitcher, useCurrentTenantId } from "@/components/auth/TenantSwitcher";
import { useArm } from "@/components/layout/ArmContext";
import { tenantQueries } from "@/lib/queries/subscriptions";
import { signOut as signOutEverywhere } from "@/lib/security/signOut";

/** Who is signed in, into which tenant, and the way out. */
export function AccountMenu() {
  const { instance } = useMsal();
  const arm = useArm();
  const queryClient = useQueryClient();
  const account = instance.getActiveAccount();
  const currentTenantId = useCurrentTenantId();
  const tenants = useQuery({ ...tenantQueries.list(arm), enabled: Boolean(account) });
  if (!account) return null;

  const tenantId = currentTenantId ?? account.tenantId;
  const tenant = tenants.data?.find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
  const tenantLabel = tenant?.displayName ?? tenant?.defaultDomain ?? tenantId;

  // Clears cached Azure data, our stored choices (the tenant among them) and MSAL's tokens: lib/security/signOut.
  const signOut = () => void signOutEverywhere(instance, queryClient);

  return (
    <div className="flex items-center gap-3">
      <div className="text-right leading-tight">
        <p className="text-sm font-medium" data-testid="account-name">
          {account.name ?? account.username}
        </p>
        <p className="text-xs text-slate-300">
          <span data-testid="account-username">{account.username}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, tenant </span>
          <span data-testid="account-tenant" title={tenantId}>
            {tenantLabel}
          </span>
        </p>
      </div>
      <TenantSwitcher />
      <button
        type="button"
        onClick={signOut}
        className="rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800"
      >
        Sign out
      </button>
    </div>
  );
}
