import { isActionAllowed, type Permission } from "@/lib/access/permissions";

/** Roles as the wizard offers them: what each allows, in words derived from its actions, recommended ones first. */

export interface RoleChoice {
  /** The role definition's full id, as a role assignment names it. */
  id: string;
  /** The role definition's GUID. */
  name: string;
  roleName: string;
  description?: string;
  type?: string;
  permissions: Permission[];
}

export type Audience = "consumers" | "publishers" | "sharingAdmins";

/** The built-in roles recommended per audience (their real GUIDs), best first. */
export const RECOMMENDED_ROLES: Record<Audience, { guid: string; why: string }[]> = {
  consumers: [
    {
      guid: "cf7c76d2-98a3-4358-a134-615aa78bf44d",
      why: "Least privilege for people and pipelines that deploy VMs from the images.",
    },
    { guid: "acdd72a7-3385-48ef-bd42-f606fba81ae7", why: "Also lets them browse everything else at this scope." },
  ],
  publishers: [
    {
      guid: "85a2d0d9-2eba-4c9c-b355-11c2cc0788ab",
      why: "Publishes definitions and versions without the right to share or grant access.",
    },
  ],
  sharingAdmins: [
    {
      guid: "1ef6a3be-d0ac-425d-8c01-acb62866290b",
      why: "Shares galleries with subscriptions, tenants or the community; nothing else.",
    },
  ],
};

/**
 * For a VM application (or a whole gallery shared with application users) consumers need
 * Microsoft.Compute/galleries/applications/read and applications/versions/read: a VM or scale set whose
 * applicationProfile names a version is refused without them. Compute Gallery Image Reader grants only the images'
 * actions, so Reader is the narrowest built-in role that lets them install the application.
 */
export const APPLICATION_CONSUMER_ROLES: { guid: string; why: string }[] = [
  {
    guid: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    why: "The narrowest built-in role that reads the application and its versions, which a VM or scale set installing it needs. Compute Gallery Image Reader covers images only.",
  },
];

/** The recommendations for an audience at a scope: applications change what consumers need. */
export function recommendedRoles(audience: Audience, scope: "images" | "applications" = "images") {
  if (audience === "consumers" && scope === "applications") return APPLICATION_CONSUMER_ROLES;
  if (audience === "publishers" && scope === "applications")
    return RECOMMENDED_ROLES.publishers.map((role) => ({
      ...role,
      why: "Publishes applications and their versions (and image definitions) without the right to share or grant access.",
    }));
  return RECOMMENDED_ROLES[audience];
}

/** The built-in roles that may grant access at a scope, in the order an admin is most likely to hold them. */
export const ROLES_THAT_ASSIGN = ["Owner", "User Access Administrator", "Role Based Access Control Administrator"];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  consumers: "Consumers (deploy VMs from the images)",
  publishers: "Publishers (create and update images)",
  sharingAdmins: "Sharing admins (share the gallery directly)",
};

/** Probes: each statement is true of a role when its permissions allow every action listed. */
const STATEMENTS: { text: string; actions: string[]; unless?: string[] }[] = [
  {
    text: "See the gallery, its image definitions and versions",
    actions: [
      "Microsoft.Compute/galleries/read",
      "Microsoft.Compute/galleries/images/read",
      "Microsoft.Compute/galleries/images/versions/read",
    ],
  },
  {
    text: "See image definitions and versions and deploy VMs from them (not the gallery itself)",
    actions: ["Microsoft.Compute/galleries/images/read", "Microsoft.Compute/galleries/images/versions/read"],
    unless: ["Microsoft.Compute/galleries/read"],
  },
  {
    text: "Create, change and delete image definitions and versions",
    actions: [
      "Microsoft.Compute/galleries/images/write",
      "Microsoft.Compute/galleries/images/versions/write",
      "Microsoft.Compute/galleries/images/versions/delete",
    ],
  },
  {
    text: "See VM applications and their versions, and install them on VMs and scale sets",
    actions: [
      "Microsoft.Compute/galleries/applications/read",
      "Microsoft.Compute/galleries/applications/versions/read",
    ],
  },
  {
    text: "Create, change and delete VM applications and their versions",
    actions: [
      "Microsoft.Compute/galleries/applications/write",
      "Microsoft.Compute/galleries/applications/versions/write",
      "Microsoft.Compute/galleries/applications/versions/delete",
    ],
  },
  {
    text: "Create, change and delete galleries",
    actions: ["Microsoft.Compute/galleries/write", "Microsoft.Compute/galleries/delete"],
  },
  {
    text: "Share the gallery directly with subscriptions, tenants or the community",
    actions: ["Microsoft.Compute/galleries/share/action"],
  },
  {
    text: "Grant and remove access for others (role assignments)",
    actions: ["Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"],
  },
  {
    text: "Read every other kind of resource at this scope",
    actions: ["Microsoft.Storage/storageAccounts/read", "Microsoft.Network/virtualNetworks/read"],
  },
  {
    text: "Change every other kind of resource at this scope",
    actions: ["Microsoft.Storage/storageAccounts/write", "Microsoft.Network/virtualNetworks/write"],
  },
];

/** What a role allows, as sentences, computed from its actions and notActions (so custom roles read the same way). */
export function describeRole(permissions: readonly Permission[]): string[] {
  const allowed = STATEMENTS.filter(
    (s) =>
      s.actions.every((a) => isActionAllowed(permissions, a)) &&
      !(s.unless ?? []).some((a) => isActionAllowed(permissions, a)),
  ).map((s) => s.text);
  return allowed.length > 0 ? allowed : ["Nothing that concerns galleries or their images"];
}

export interface OrderedRoles {
  recommended: (RoleChoice & { why: string })[];
  custom: RoleChoice[];
  other: RoleChoice[];
}

/** Recommended roles for the audience first, then custom roles, then every other built-in role, by name. */
export function orderRoles(
  roles: readonly RoleChoice[],
  audience: Audience,
  scope: "images" | "applications" = "images",
): OrderedRoles {
  const byGuid = new Map(roles.map((r) => [r.name.toLowerCase(), r]));
  const recommended = recommendedRoles(audience, scope).flatMap(({ guid, why }) => {
    const role = byGuid.get(guid);
    return role ? [{ ...role, why }] : [];
  });
  const taken = new Set(recommended.map((r) => r.name.toLowerCase()));
  const rest = roles
    .filter((r) => !taken.has(r.name.toLowerCase()))
    .sort((a, b) => a.roleName.localeCompare(b.roleName));
  return {
    recommended,
    custom: rest.filter((r) => r.type === "CustomRole"),
    other: rest.filter((r) => r.type !== "CustomRole"),
  };
}
