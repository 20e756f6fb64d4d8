"use client";

import { useMsal } from "@azure/msal-react";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useArm, useRuntimeConfig } from "@/components/layout/ArmContext";
import { homeTenantOf, selectTenant, workingTenant } from "@/lib/auth/tenantSelection";
import { tenantQueries } from "@/lib/queries/subscriptions";
import { visibleText } from "@/lib/security/safeLink";

/** The tenant the dashboard works in: the account's own, or the one picked in the tenant switcher. */
export function useCurrentTenantId(): string | undefined {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  return workingTenant(config, window.localStorage, instance.getActiveAccount())?.tenantId;
}

/**
 * Lets a user with access in several tenants (`GET /tenants`: home plus those where they are a guest) work in
 * another one. ARM answers only for the tenant of the token, so switching means new tokens from that tenant's
 * authority and a fresh start of every list: the page reloads at the overview.
 */
export function TenantSwitcher() {
  const { instance } = useMsal();
  const arm = useArm();
  const id = useId();
  const account = instance.getActiveAccount();
  const current = useCurrentTenantId();
  const tenants = useQuery({ ...tenantQueries.list(arm), enabled: Boolean(account) });
  if (!account || !tenants.data || tenants.data.length < 2) return null;

  const switchTo = (tenantId: string) => {
    const home = tenantId.toLowerCase() === homeTenantOf(account).toLowerCase();
    selectTenant(window.localStorage, account.homeAccountId, home ? undefined : tenantId);
    // A full page load, so every client and cached query is rebuilt for the new tenant.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  };

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs text-slate-300">
        Tenant
      </label>
      <select
        id={id}
        data-testid="tenant-switcher"
        value={current?.toLowerCase()}
        onChange={(event) => switchTo(event.target.value)}
        className="rounded-md border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white"
      >
        {tenants.data.map((t) => (
          <option key={t.tenantId} value={t.tenantId.toLowerCase()}>
            {visibleText(t.displayName ?? t.defaultDomain ?? t.tenantId)}
          </option>
        ))}
      </select>
    </div>
  );
}
