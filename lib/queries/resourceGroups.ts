import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { invalidParameter, type RuleViolation } from "@/lib/gallery/violation";

const RESOURCES_API_VERSION = "2021-04-01";

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
}

export const resourceGroupQueries = {
  all: () => ["resourceGroups"] as const,
  list: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...resourceGroupQueries.all(), "list", subscriptionId.toLowerCase()] as const,
      queryFn: async () => {
        try {
          const groups = await arm.rest.listAll<ResourceGroup>(
            `/subscriptions/${subscriptionId}/resourceGroups?api-version=${RESOURCES_API_VERSION}`,
          );
          return groups.sort((a, b) => a.name.localeCompare(b.name));
        } catch (error) {
          throw toAzureError(error, `/subscriptions/${subscriptionId}/resourceGroups`);
        }
      },
      enabled: subscriptionId.length > 0,
    }),
};

/** Microsoft.Resources' rule for resource group names, in its words (ARM checks it before any provider). */
const MAX_RESOURCE_GROUP_NAME_LENGTH = 90;
const RESOURCE_GROUP_NAME = new RegExp(`^[-\\p{L}\\p{N}_.()]{1,${MAX_RESOURCE_GROUP_NAME_LENGTH}}$`, "u");

/** The resource group name rule as a form words it. */
export const RESOURCE_GROUP_NAME_HINT =
  `Up to ${MAX_RESOURCE_GROUP_NAME_LENGTH} letters, digits, underscores, hyphens, periods and parentheses; not ` +
  "ending with a period.";

export function checkResourceGroupName(name: string): RuleViolation | undefined {
  if (RESOURCE_GROUP_NAME.test(name) && !name.endsWith(".")) return undefined;
  return invalidParameter(
    `Resource group name '${name}' is invalid. It can include alphanumeric, underscore, parentheses, hyphen, period ` +
      "(except at end), and Unicode characters that match the allowed characters. It must be 1-90 characters long.",
    "resourceGroupName",
  );
}

export async function createResourceGroup(
  arm: ArmClients,
  subscriptionId: string,
  name: string,
  location: string,
): Promise<ResourceGroup> {
  return arm.rest.request<ResourceGroup>(
    "PUT",
    `/subscriptions/${subscriptionId}/resourceGroups/${encodeURIComponent(name)}?api-version=${RESOURCES_API_VERSION}`,
    { location },
  );
}
