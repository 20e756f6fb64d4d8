"use client";
import "@/lib/security/zodWithoutEval";

import type { IPublicClientApplication } from "@azure/msal-browser";
import { MsalProvider } from "@azure/msal-react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { AuthGate } from "@/components/auth/AuthGate";
import { ArmContext, RuntimeConfigContext } from "@/components/layout/ArmContext";
import { PageStatus } from "@/components/ui/PageStatus";
import { startMsal } from "@/lib/auth/session";
import { activateTenantProfile, workingTenant } from "@/lib/auth/tenantSelection";
import { msalCredential } from "@/lib/auth/tokens";
import { type ArmClients, createArmClients } from "@/lib/azure/clients";
import { AzureError } from "@/lib/azure/errors";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";
import { prefetchRouteReads } from "@/lib/queries/routePrefetch";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // The ARM pipeline already retries throttling, 5xx and network failures with backoff that honours
        // Retry-After (lib/azure/armRetry.ts); retrying here too would multiply the wait before an error shows.
        // Only failures that never reached ARM's pipeline (no AzureError) get one more try.
        retry: (failureCount, error) => failureCount < 1 && !(error instanceof AzureError),
      },
    },
  });
}

/**
 * The ARM clients of the signed-in user: for the tenant picked in the tenant switcher, else the home tenant
 * (switching reloads the page, so this is read once).
 */
function armClientsOf(instance: IPublicClientApplication, config: RuntimeConfig): ArmClients {
  const account = instance.getActiveAccount();
  const tenant = workingTenant(config, window.localStorage, account);
  if (account && tenant) activateTenantProfile(instance, account, tenant.tenantId);
  return createArmClients(config.armEndpoint, msalCredential(instance, tenant));
}

export function PortalProviders({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [started, setStarted] = useState<{ instance: IPublicClientApplication; arm: ArmClients }>();
  const [failure, setFailure] = useState<string>();

  // MSAL needs window and crypto.subtle: it starts in the browser only (this component renders nowhere else), on
  // the first render rather than after it, as everything on the page waits for it; startMsal starts it once. The
  // page's first reads start as soon as it is ready, before React renders the page (prefetchRouteReads).
  const [starting] = useState(() =>
    startMsal(config, window.location.origin).then((instance) => {
      const arm = armClientsOf(instance, config);
      if (instance.getActiveAccount()) prefetchRouteReads(queryClient, arm, window.location.pathname);
      return { instance, arm };
    }),
  );
  useEffect(() => {
    starting.then(setStarted, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [starting]);

  if (failure) {
    return <PageStatus kind="error" title="Sign-in could not start" detail={failure} />;
  }
  if (!started) return <PageStatus kind="loading" title="Starting Gallerist…" />;
  const { instance, arm } = started;

  return (
    <RuntimeConfigContext.Provider value={config}>
      <MsalProvider instance={instance}>
        <QueryClientProvider client={queryClient}>
          <ArmContext.Provider value={arm}>
            <AuthGate>{children}</AuthGate>
          </ArmContext.Provider>
        </QueryClientProvider>
      </MsalProvider>
    </RuntimeConfigContext.Provider>
  );
}
