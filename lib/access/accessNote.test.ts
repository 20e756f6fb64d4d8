import { describe, expect, it } from "vitest";
import {
  type RoleDefinition,
  describeCapabilities,
  describeGrant,
  grantsFromAssignments,
  grantsFromPermissions,
  levelOfScope,
} from "@/lib/access/accessNote";

const READER_ID = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const IMAGE_READER_ID = "cf7c76d2-98a3-4358-a134-615aa78bf44d";
const DEFINITIONS: RoleDefinition[] = [
  {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${READER_ID}`,
    name: READER_ID,
    roleName: "Reader",
    permissions: [{ actions: ["*/read"], notActions: [], dataActions: [], notDataActions: [] }],
  },
  {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${IMAGE_READER_ID}`,
    name: IMAGE_READER_ID,
    roleName: "Compute Gallery Image Reader",
    permissions: [
      {
        actions: ["Microsoft.Compute/galleries/images/read", "Microsoft.Compute/galleries/images/versions/read"],
        notActions: [],
        dataActions: [],
        notDataActions: [],
      },
    ],
  },
];

const SUB = "/subscriptions/c0000000-0000-4000-8001-000000000003";
const GALLERY = `${SUB}/resourceGroups/rg-shared/providers/Microsoft.Compute/galleries/contoso_shared_images`;
const USER = "c0000000-0000-4000-8002-000000000003";
const GROUP = "c0000000-0000-4000-8003-000000000001";

describe("levelOfScope", () => {
  it("names each scope kind in Azure's words", () => {
    expect(levelOfScope("/")).toBe("root");
    expect(levelOfScope(SUB)).toBe("subscription");
    expect(levelOfScope(`${SUB}/resourceGroups/rg-shared`)).toBe("resource group");
    expect(levelOfScope(GALLERY)).toBe("gallery");
    expect(levelOfScope(`${GALLERY}/images/x`)).toBe("image definition");
    expect(levelOfScope(`${GALLERY}/images/x/versions/1.0.0`)).toBe("image version");
  });
});

describe("grantsFromAssignments", () => {
  it("says which role, where, and whether through a group", () => {
    const grants = grantsFromAssignments(
      [
        {
          scope: GALLERY,
          roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER_ID}`,
          principalId: GROUP,
        },
        {
          scope: SUB,
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${READER_ID}`,
          principalId: USER,
        },
      ],
      DEFINITIONS,
      USER,
    );
    expect(grants.map(describeGrant)).toEqual([
      "Reader via gallery assignment (through a group)",
      "Reader via subscription assignment",
    ]);
  });

  it("names an unknown role by its GUID", () => {
    const [grant] = grantsFromAssignments(
      [
        {
          scope: GALLERY,
          roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/0000aaaa-0000-4000-8000-000000000000",
          principalId: USER,
        },
      ],
      DEFINITIONS,
      USER,
    );
    expect(grant?.roleName).toBe("role 0000aaaa-0000-4000-8000-000000000000");
  });
});

describe("grantsFromPermissions", () => {
  it("recognises a role by its exact permissions, in any order and case", () => {
    const grants = grantsFromPermissions(
      [
        {
          actions: ["microsoft.compute/galleries/images/versions/read", "Microsoft.Compute/galleries/images/read"],
          notActions: [],
        },
      ],
      DEFINITIONS,
    );
    expect(grants.map(describeGrant)).toEqual(["Compute Gallery Image Reader"]);
  });

  it("calls permissions matching no known role a custom role", () => {
    expect(
      grantsFromPermissions([{ actions: ["Microsoft.Compute/galleries/read"], notActions: [] }], DEFINITIONS),
    ).toEqual([{ roleName: "a custom role", level: undefined, viaGroup: false }]);
  });
});

describe("describeCapabilities", () => {
  const none = { read: false, write: false, delete: false, share: false, assignRoles: false };
  it("says read-only, what the caller can do, or no access", () => {
    expect(describeCapabilities({ ...none, read: true })).toBe("read-only");
    expect(describeCapabilities({ read: true, write: true, delete: true, share: true, assignRoles: true })).toBe(
      "can edit, delete, share and grant access",
    );
    expect(describeCapabilities({ ...none, read: true, write: true })).toBe("can edit");
    expect(describeCapabilities(none)).toBe("no access");
  });
});
