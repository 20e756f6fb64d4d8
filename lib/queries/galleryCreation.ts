import { type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  GALLERY_WRITE_ACTION,
  type GalleryCreationAccess,
  galleryCreationAccess,
  type ResourceGroupPermissions,
} from "@/lib/access/galleryCreation";
import { isActionAllowed } from "@/lib/access/permissions";
import type { ArmClients } from "@/lib/azure/clients";
import { AzureError } from "@/lib/azure/errors";
import { accessQueries } from "@/lib/queries/access";
import { type ResourceGroup, resourceGroupQueries } from "@/lib/queries/resourceGroups";

async function readableResourceGroups(
  queryClient: QueryClient,
  arm: ArmClients,
  subscriptionId: string,
): Promise<ResourceGroup[]> {
  try {
    return await queryClient.fetchQuery(resourceGroupQueries.list(arm, subscriptionId));
  } catch (error) {
    // A caller who may list no resource group can still create one, when the subscription allows it.
    if (error instanceof AzureError && error.status === 403) return [];
    throw error;
  }
}

/**
 * Reads from ARM where in a subscription the caller may create a gallery: their permissions at the subscription,
 * and, unless those already allow galleries/write everywhere in it, at each resource group they can read. Goes
 * through the query client, so the permissions are shared with every other capability check of the page.
 */
export async function loadGalleryCreationAccess(
  queryClient: QueryClient,
  arm: ArmClients,
  subscriptionId: string,
): Promise<GalleryCreationAccess> {
  const subscriptionScope = `/subscriptions/${subscriptionId}`;
  const [subscriptionPermissions, groups] = await Promise.all([
    queryClient.fetchQuery(accessQueries.permissions(arm, subscriptionScope)),
    readableResourceGroups(queryClient, arm, subscriptionId),
  ]);
  // Permissions at a resource group include those inherited from its subscription: nothing more to ask ARM.
  const inherited = isActionAllowed(subscriptionPermissions, GALLERY_WRITE_ACTION);
  const resourceGroups: ResourceGroupPermissions[] = await Promise.all(
    groups.map(async (resourceGroup) => ({
      resourceGroup,
      permissions: inherited
        ? subscriptionPermissions
        : await queryClient.fetchQuery(accessQueries.permissions(arm, resourceGroup.id)),
    })),
  );
  return galleryCreationAccess(subscriptionId, subscriptionPermissions, resourceGroups);
}

export const galleryCreationQueries = {
  bySubscription: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...accessQueries.all(), "galleryCreation", subscriptionId.toLowerCase()] as const,
      queryFn: ({ client }) => loadGalleryCreationAccess(client, arm, subscriptionId),
    }),
};

/** How many subscriptions the overview checks at a time: its inventory shares the browser's few connections to ARM. */
const ANYWHERE_CONCURRENCY = 4;

/**
 * Whether the caller may create a gallery in any of these subscriptions, for the overview's Create gallery link.
 * Across hundreds of subscriptions the full check (permissions at each subscription and resource group) would
 * be hundreds of calls beside the inventory's; this one asks a few subscriptions at a time and stops at the
 * first that allows it, through the same cached per-subscription check the create page reads.
 */
export async function canCreateGalleryAnywhere(
  queryClient: QueryClient,
  arm: ArmClients,
  subscriptionIds: readonly string[],
): Promise<boolean> {
  for (let start = 0; start < subscriptionIds.length; start += ANYWHERE_CONCURRENCY) {
    const batch = subscriptionIds.slice(start, start + ANYWHERE_CONCURRENCY);
    const answers = await Promise.allSettled(
      batch.map((id) => queryClient.fetchQuery(galleryCreationQueries.bySubscription(arm, id))),
    );
    if (answers.some((answer) => answer.status === "fulfilled" && answer.value.allowed)) return true;
  }
  return false;
}

export const anyGalleryCreationQuery = (arm: ArmClients, subscriptionIds: readonly string[]) =>
  queryOptions({
    queryKey: [
      ...accessQueries.all(),
      "galleryCreationAnywhere",
      [...subscriptionIds].map((s) => s.toLowerCase()).sort(),
    ] as const,
    queryFn: ({ client }) => canCreateGalleryAnywhere(client, arm, subscriptionIds),
  });
