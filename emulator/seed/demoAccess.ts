import type { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import type { RoleAssignmentProperties } from "../authorization/roleAssignments.js";
import { demoDefinitionId, demoGalleryId, demoSubscriptionId } from "./demoData.js";
import { DEMO_GROUPS, DEMO_SERVICE_PRINCIPALS, DEMO_USERS } from "./demoIdentities.js";

/** One role assignment of the demo seed; `name` is the assignment's fixed GUID. */
export interface DemoRoleAssignment {
  name: string;
  scope: string;
  role: keyof typeof BUILT_IN_ROLE_IDS;
  principalId: string;
  principalType: RoleAssignmentProperties["principalType"];
  description?: string;
}

const sub = (key: Parameters<typeof demoSubscriptionId>[0]) => `/subscriptions/${demoSubscriptionId(key)}`;
const rg = (key: Parameters<typeof demoSubscriptionId>[0], name: string) => `${sub(key)}/resourceGroups/${name}`;
const user = (u: { objectId: string }) => ({ principalId: u.objectId, principalType: "User" as const });
const group = (g: { objectId: string }) => ({ principalId: g.objectId, principalType: "Group" as const });
const app = (s: { objectId: string }) => ({ principalId: s.objectId, principalType: "ServicePrincipal" as const });

/**
 * Who may do what in the demo. The consumer's rows are the share matrix of gallery-domain.md §5: shared at a
 * gallery (through the Image Consumers group) the consumer sees that gallery with its definitions and versions;
 * shared at one definition of another gallery, only that definition and its versions.
 */
export const DEMO_ROLE_ASSIGNMENTS: DemoRoleAssignment[] = [
  // platform-admin: Owner of every Contoso subscription
  {
    name: "c0000000-0000-4000-8006-000000000001",
    scope: sub("contosoProduction"),
    role: "Owner",
    ...user(DEMO_USERS.megan),
  },
  {
    name: "c0000000-0000-4000-8006-000000000002",
    scope: sub("contosoDevelopment"),
    role: "Owner",
    ...user(DEMO_USERS.megan),
  },
  {
    name: "c0000000-0000-4000-8006-000000000003",
    scope: sub("contosoShared"),
    role: "Owner",
    ...user(DEMO_USERS.megan),
  },

  // publisher: publishes to the production image resource group and the dev gallery, reads elsewhere
  {
    name: "c0000000-0000-4000-8006-000000000011",
    scope: rg("contosoProduction", "rg-images-prod"),
    role: "ComputeGalleryArtifactsPublisher",
    ...user(DEMO_USERS.alex),
  },
  {
    name: "c0000000-0000-4000-8006-000000000012",
    scope: demoGalleryId("contoso_dev_images"),
    role: "ComputeGalleryArtifactsPublisher",
    ...user(DEMO_USERS.alex),
  },
  {
    name: "c0000000-0000-4000-8006-000000000013",
    scope: sub("contosoProduction"),
    role: "Reader",
    ...user(DEMO_USERS.alex),
  },
  {
    name: "c0000000-0000-4000-8006-000000000014",
    scope: sub("contosoDevelopment"),
    role: "Reader",
    ...user(DEMO_USERS.alex),
  },

  // consumer: a gallery through a group, one definition of another gallery directly
  {
    name: "c0000000-0000-4000-8006-000000000021",
    scope: demoGalleryId("contoso_shared_images"),
    role: "Reader",
    ...group(DEMO_GROUPS.imageConsumers),
    description: "Every application team may deploy from the shared base images.",
  },
  {
    name: "c0000000-0000-4000-8006-000000000022",
    scope: demoDefinitionId("contoso_golden_images", "golden-ws2022-iis"),
    role: "ComputeGalleryImageReader",
    ...user(DEMO_USERS.adele),
    description: "The web team deploys the IIS golden image.",
  },

  // other-tenant: Fabrikam's Lee Gu, a guest in Contoso who reads the shared gallery
  {
    name: "c0000000-0000-4000-8006-000000000031",
    scope: demoGalleryId("contoso_shared_images"),
    role: "Reader",
    ...user(DEMO_USERS.lee),
    description: "Fabrikam partner access to the base images.",
  },
  {
    name: "fa000000-0000-4000-8006-000000000001",
    scope: sub("fabrikamProduction"),
    role: "Owner",
    ...user(DEMO_USERS.lee),
  },

  // ordinary users and groups
  {
    name: "c0000000-0000-4000-8006-000000000041",
    scope: sub("contosoShared"),
    role: "ComputeGallerySharingAdmin",
    ...group(DEMO_GROUPS.platformTeam),
  },
  {
    name: "c0000000-0000-4000-8006-000000000042",
    scope: demoGalleryId("contoso_dev_images"),
    role: "Reader",
    ...group(DEMO_GROUPS.developers),
  },
  {
    name: "c0000000-0000-4000-8006-000000000043",
    scope: rg("contosoProduction", "rg-app-web"),
    role: "Contributor",
    ...user(DEMO_USERS.patti),
  },
  {
    name: "fa000000-0000-4000-8006-000000000002",
    scope: sub("fabrikamProduction"),
    role: "Reader",
    ...group(DEMO_GROUPS.fabrikamCloudOps),
  },

  // service principals
  {
    name: "c0000000-0000-4000-8006-000000000051",
    scope: rg("contosoProduction", "rg-images-prod"),
    role: "ComputeGalleryArtifactsPublisher",
    ...app(DEMO_SERVICE_PRINCIPALS.imagePipeline),
  },
  {
    name: "c0000000-0000-4000-8006-000000000052",
    scope: rg("contosoShared", "rg-shared-images"),
    role: "ComputeGalleryArtifactsPublisher",
    ...app(DEMO_SERVICE_PRINCIPALS.imagePipeline),
  },
  {
    name: "c0000000-0000-4000-8006-000000000053",
    scope: rg("contosoProduction", "rg-image-build"),
    role: "Reader",
    ...app(DEMO_SERVICE_PRINCIPALS.imagePipeline),
  },
  {
    name: "c0000000-0000-4000-8006-000000000054",
    scope: sub("contosoProduction"),
    role: "Owner",
    ...app(DEMO_SERVICE_PRINCIPALS.automation),
  },
  {
    name: "c0000000-0000-4000-8006-000000000055",
    scope: sub("contosoDevelopment"),
    role: "Owner",
    ...app(DEMO_SERVICE_PRINCIPALS.automation),
  },
  {
    name: "c0000000-0000-4000-8006-000000000056",
    scope: sub("contosoShared"),
    role: "Owner",
    ...app(DEMO_SERVICE_PRINCIPALS.automation),
  },
  {
    name: "fa000000-0000-4000-8006-000000000003",
    scope: sub("fabrikamProduction"),
    role: "Owner",
    ...app(DEMO_SERVICE_PRINCIPALS.fabrikamAutomation),
  },
];
