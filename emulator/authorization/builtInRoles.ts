/** A role's permissions as Azure lists them in the role definition. */
export interface RolePermissions {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface RoleDefinitionData {
  /** The role definition's GUID (its name). */
  name: string;
  roleName: string;
  description: string;
  type: "BuiltInRole" | "CustomRole";
  permissions: RolePermissions[];
  assignableScopes: string[];
  /** Custom roles only: when and by whom (object id) they were created and last changed. */
  createdOn?: string;
  updatedOn?: string;
  createdBy?: string | null;
  updatedBy?: string | null;
}

const perms = (actions: string[], notActions: string[] = []): RolePermissions[] => [
  { actions, notActions, dataActions: [], notDataActions: [] },
];

export const BUILT_IN_ROLE_IDS = {
  Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  Reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  UserAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
  RoleBasedAccessControlAdministrator: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
  ComputeGallerySharingAdmin: "1ef6a3be-d0ac-425d-8c01-acb62866290b",
  ComputeGalleryArtifactsPublisher: "85a2d0d9-2eba-4c9c-b355-11c2cc0788ab",
  ComputeGalleryImageReader: "cf7c76d2-98a3-4358-a134-615aa78bf44d",
} as const;

/**
 * The built-in roles that matter for galleries (gallery-domain.md §5), with the actions and notActions Azure
 * publishes for them (learn.microsoft.com, "Azure built-in roles": General and Compute).
 */
export const BUILT_IN_ROLES: RoleDefinitionData[] = [
  {
    name: BUILT_IN_ROLE_IDS.Owner,
    roleName: "Owner",
    description: "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
    type: "BuiltInRole",
    permissions: perms(["*"]),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.Contributor,
    roleName: "Contributor",
    description:
      "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.",
    type: "BuiltInRole",
    permissions: perms(
      ["*"],
      [
        "Microsoft.Authorization/*/Delete",
        "Microsoft.Authorization/*/Write",
        "Microsoft.Authorization/elevateAccess/Action",
        "Microsoft.Blueprint/blueprintAssignments/write",
        "Microsoft.Blueprint/blueprintAssignments/delete",
        "Microsoft.Compute/galleries/share/action",
        "Microsoft.Purview/consents/write",
        "Microsoft.Purview/consents/delete",
        "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
        "Microsoft.Subscription/cancel/action",
        "Microsoft.Subscription/enable/action",
      ],
    ),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.Reader,
    roleName: "Reader",
    description: "View all resources, but does not allow you to make any changes.",
    type: "BuiltInRole",
    permissions: perms(["*/read"]),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.UserAccessAdministrator,
    roleName: "User Access Administrator",
    description: "Lets you manage user access to Azure resources.",
    type: "BuiltInRole",
    permissions: perms(["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"]),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.RoleBasedAccessControlAdministrator,
    roleName: "Role Based Access Control Administrator",
    description:
      "Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.",
    type: "BuiltInRole",
    permissions: perms([
      "Microsoft.Authorization/roleAssignments/write",
      "Microsoft.Authorization/roleAssignments/delete",
      "*/read",
      "Microsoft.Support/*",
    ]),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.ComputeGallerySharingAdmin,
    roleName: "Compute Gallery Sharing Admin",
    description: "This role allows user to share gallery to another subscription/tenant or share it to the public.",
    type: "BuiltInRole",
    permissions: perms(["Microsoft.Compute/galleries/share/action"]),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.ComputeGalleryArtifactsPublisher,
    roleName: "Compute Gallery Artifacts Publisher",
    description: "This is the role for publishing gallery artifacts.",
    type: "BuiltInRole",
    permissions: perms(
      [
        "Microsoft.Compute/galleries/*",
        "Microsoft.Compute/locations/capsOperations/read",
        "Microsoft.Compute/locations/communityGalleries/*",
        "Microsoft.Compute/locations/sharedGalleries/*",
        "Microsoft.Compute/images/*",
        "Microsoft.Compute/virtualMachines/write",
        "Microsoft.Compute/disks/write",
        "Microsoft.Authorization/*/read",
        "Microsoft.Insights/alertRules/*",
        "Microsoft.Resources/deployments/*",
        "Microsoft.Resources/subscriptions/resourceGroups/read",
      ],
      ["Microsoft.Compute/galleries/share/action"],
    ),
    assignableScopes: ["/"],
  },
  {
    name: BUILT_IN_ROLE_IDS.ComputeGalleryImageReader,
    roleName: "Compute Gallery Image Reader",
    description: "This is the role for reading gallery images.",
    type: "BuiltInRole",
    permissions: perms(["Microsoft.Compute/galleries/images/read", "Microsoft.Compute/galleries/images/versions/read"]),
    assignableScopes: ["/"],
  },
];
