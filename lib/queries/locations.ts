import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";

const LOCATIONS_API_VERSION = "2022-12-01";

export interface Location {
  name: string;
  displayName: string;
  metadata?: { regionCategory?: string; geographyGroup?: string };
}

export const locationQueries = {
  list: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: ["locations", subscriptionId.toLowerCase()] as const,
      queryFn: async () => {
        try {
          const locations = await arm.rest.listAll<Location>(
            `/subscriptions/${subscriptionId}/locations?api-version=${LOCATIONS_API_VERSION}`,
          );
          return locations.sort((a, b) => a.displayName.localeCompare(b.displayName));
        } catch (error) {
          throw toAzureError(error, `/subscriptions/${subscriptionId}/locations`);
        }
      },
      enabled: subscriptionId.length > 0,
      staleTime: 60 * 60_000,
    }),
};
