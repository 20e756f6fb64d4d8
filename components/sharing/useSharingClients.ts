"use client";

import type { AuthorizationManagementClient } from "@azure/arm-authorization";
import { useMsal } from "@azure/msal-react";
import { useMemo } from "react";
import { useRuntimeConfig } from "@/components/layout/ArmContext";
import { workingTenant } from "@/lib/auth/tenantSelection";
import { acquireAccessToken, msalCredential } from "@/lib/auth/tokens";
import { createAuthorizationClient } from "@/lib/azure/authorizationClient";
import { GRAPH_SCOPES } from "@/lib/azure/wellKnown";
import type { GraphTransport } from "@/lib/queries/graph";

export interface SharingClients {
  authorization(subscriptionId: string): AuthorizationManagementClient;
  graph: GraphTransport;
}

/**
 * The clients sharing needs beyond ARM's read clients: Microsoft.Authorization writes and Microsoft Graph, with
 * tokens for the tenant the user works in (the one picked in the tenant switcher), like PortalProviders does.
 */
export function useSharingClients(): SharingClients {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  return useMemo(() => {
    const tenant = workingTenant(config, window.localStorage, instance.getActiveAccount());
    const credential = msalCredential(instance, tenant);
    const clients = new Map<string, AuthorizationManagementClient>();
    return {
      authorization(subscriptionId) {
        let client = clients.get(subscriptionId);
        if (!client) {
          client = createAuthorizationClient(config.armEndpoint, credential, subscriptionId);
          clients.set(subscriptionId, client);
        }
        return client;
      },
      graph: {
        endpoint: config.graphEndpoint,
        token: async () => (await acquireAccessToken(instance, GRAPH_SCOPES, tenant)).token,
      },
    };
  }, [instance, config]);
}
