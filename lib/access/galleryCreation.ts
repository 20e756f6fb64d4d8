import type { RoleDefinition } from "@/lib/access/accessNote";
import { isActionAllowed, type Permission } from "@/lib/access/permissions";
import type { ResourceGroup } from "@/lib/queries/resourceGroups";

export const GALLERY_WRITE_ACTION = "Microsoft.Compute/galleries/write";
export const RESOURCE_GROUP_WRITE_ACTION = "Microsoft.Resources/subscriptions/resourceGroups/write";
export const ROLE_ASSIGNMENT_WRITE_ACTION = "Microsoft.Authorization/roleAssignments/write";

/** An existing resource group with the caller's permissions read at it (which include those inherited from above). */
export interface ResourceGroupPermissions {
  resourceGroup: ResourceGroup;
  permissions: readonly Permission[];
}

export type NewResourceGroupAccess = { allowed: true } | { allowed: false; reason: string };

/** Where in one subscription the caller may create a gallery, or why nowhere. */
export type GalleryCreationAccess =
  | {
      subscriptionId: string;
      allowed: true;
      /** The existing resource groups where Microsoft.Compute/galleries/write holds, by name. */
      resourceGroups: ResourceGroup[];
      newResourceGroup: NewResourceGroupAccess;
    }
  | { subscriptionId: string; allowed: false; reason: string };

export const NO_GALLERY_WRITE_REASON = `Your role assignments do not include ${GALLERY_WRITE_ACTION} on this subscription or on any of its resource groups.`;

export const NO_RESOURCE_GROUP_REASON = `You may create galleries in this subscription, but it has no resource group you can read and your role assignments do not include ${RESOURCE_GROUP_WRITE_ACTION} to create one.`;

/**
 * Creating a gallery is a PUT of Microsoft.Compute/galleries/write at the gallery, so the caller needs that action at
 * the resource group it goes in (an assignment there or above). A new resource group needs, besides the right to
 * create it, galleries/write that the new group inherits: only an assignment at the subscription (or above) gives
 * that, since ARM grants its creator no role on the new group.
 */
export function galleryCreationAccess(
  subscriptionId: string,
  subscriptionPermissions: readonly Permission[],
  resourceGroups: readonly ResourceGroupPermissions[],
): GalleryCreationAccess {
  const writeAtSubscription = isActionAllowed(subscriptionPermissions, GALLERY_WRITE_ACTION);
  const groups = resourceGroups
    .filter((g) => writeAtSubscription || isActionAllowed(g.permissions, GALLERY_WRITE_ACTION))
    .map((g) => g.resourceGroup)
    .sort((a, b) => a.name.localeCompare(b.name));
  const newResourceGroup = newResourceGroupAccess(subscriptionPermissions, writeAtSubscription);
  if (groups.length === 0 && !newResourceGroup.allowed) {
    return {
      subscriptionId,
      allowed: false,
      reason: writeAtSubscription ? NO_RESOURCE_GROUP_REASON : NO_GALLERY_WRITE_REASON,
    };
  }
  return { subscriptionId, allowed: true, resourceGroups: groups, newResourceGroup };
}

function newResourceGroupAccess(
  subscriptionPermissions: readonly Permission[],
  writeAtSubscription: boolean,
): NewResourceGroupAccess {
  if (!isActionAllowed(subscriptionPermissions, RESOURCE_GROUP_WRITE_ACTION)) {
    return {
      allowed: false,
      reason: `Creating a resource group needs ${RESOURCE_GROUP_WRITE_ACTION} on the subscription, which your role assignments do not include.`,
    };
  }
  if (!writeAtSubscription) {
    return {
      allowed: false,
      reason: `You may create resource groups here, but ${GALLERY_WRITE_ACTION} is granted to you only on some resource groups, so a new one would not let you create the gallery in it.`,
    };
  }
  return { allowed: true };
}

/** The roles whose permissions include an action, in the order the definitions come: who to ask for, or who can grant. */
export function rolesAllowing(definitions: readonly RoleDefinition[], action: string): string[] {
  return definitions.filter((d) => isActionAllowed(d.permissions, action)).map((d) => d.roleName);
}
