import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";

/** `GET /subscriptions` items, as ARM returns them. */
export interface Subscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
  state?: string;
}

/** `GET /tenants` items. */
export interface Tenant {
  id: string;
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

const SUBSCRIPTIONS_API_VERSION = "2022-12-01";

export const subscriptionQueries = {
  all: () => ["subscriptions"] as const,
  list: (arm: ArmClients) =>
    queryOptions({
      queryKey: subscriptionQueries.all(),
      queryFn: async () => {
        try {
          const subscriptions = await arm.rest.listAll<Subscription>(
            `/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`,
          );
          return subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName));
        } catch (error) {
          throw toAzureError(error, "/subscriptions");
        }
      },
    }),
};

export const tenantQueries = {
  list: (arm: ArmClients) =>
    queryOptions({
      queryKey: ["tenants"] as const,
      queryFn: async () => {
        try {
          return await arm.rest.listAll<Tenant>(`/tenants?api-version=${SUBSCRIPTIONS_API_VERSION}`);
        } catch (error) {
          throw toAzureError(error, "/tenants");
        }
      },
      staleTime: 10 * 60_000,
    }),
};
