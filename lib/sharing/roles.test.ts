import { describe, expect, it } from "vitest";
import { describeRole, orderRoles, type RoleChoice } from "@/lib/sharing/roles";
import { grantCounts, grantCountsText, scopeOptions, SHARE_MATRIX } from "@/lib/sharing/shareMatrix";
import { explainAssignmentError, scopesAtAndAbove } from "@/lib/sharing/assignmentErrors";
import { asObjectId, principalFromGraph } from "@/lib/sharing/principals";
import { AzureError } from "@/lib/azure/errors";

const role = (
  name: string,
  roleName: string,
  actions: string[],
  notActions: string[] = [],
  type = "BuiltInRole",
): RoleChoice => ({
  id: `/providers/Microsoft.Authorization/roleDefinitions/${name}`,
  name,
  roleName,
  type,
  permissions: [{ actions, notActions }],
});

const READER = role("acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader", ["*/read"]);
const IMAGE_READER = role("cf7c76d2-98a3-4358-a134-615aa78bf44d", "Compute Gallery Image Reader", [
  "Microsoft.Compute/galleries/images/read",
  "Microsoft.Compute/galleries/images/versions/read",
]);
const CONTRIBUTOR = role(
  "b24988ac-6180-42a0-ab88-20f7382dd24c",
  "Contributor",
  ["*"],
  ["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete", "Microsoft.Compute/galleries/share/action"],
);
const CUSTOM = role(
  "11111111-1111-4111-8111-111111111111",
  "Image deployer",
  ["Microsoft.Compute/galleries/images/versions/read"],
  [],
  "CustomRole",
);

const GALLERY = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g";

describe("what a role allows, in words", () => {
  it("derives the sentences from actions and notActions", () => {
    expect(describeRole(IMAGE_READER.permissions)).toEqual([
      "See image definitions and versions and deploy VMs from them (not the gallery itself)",
    ]);
    expect(describeRole(READER.permissions)).toEqual([
      "See the gallery, its image definitions and versions",
      "See VM applications and their versions, and install them on VMs and scale sets",
      "Read every other kind of resource at this scope",
    ]);
    const contributor = describeRole(CONTRIBUTOR.permissions);
    expect(contributor).toContain("Create, change and delete galleries");
    expect(contributor).not.toContain("Share the gallery directly with subscriptions, tenants or the community");
    expect(contributor).not.toContain("Grant and remove access for others (role assignments)");
    expect(describeRole([{ actions: ["Microsoft.Storage/*/read"], notActions: [] }])).toEqual([
      "Nothing that concerns galleries or their images",
    ]);
  });

  it("puts the audience's recommended roles first, then custom roles, then the rest", () => {
    const ordered = orderRoles([CONTRIBUTOR, CUSTOM, READER, IMAGE_READER], "consumers");
    expect(ordered.recommended.map((r) => r.roleName)).toEqual(["Compute Gallery Image Reader", "Reader"]);
    expect(ordered.custom.map((r) => r.roleName)).toEqual(["Image deployer"]);
    expect(ordered.other.map((r) => r.roleName)).toEqual(["Contributor"]);
  });

  it("recommends Reader to an application's consumers: Compute Gallery Image Reader covers images only", () => {
    const ordered = orderRoles([CONTRIBUTOR, READER, IMAGE_READER], "consumers", "applications");
    expect(ordered.recommended.map((r) => r.roleName)).toEqual(["Reader"]);
    expect(ordered.recommended[0]?.why).toMatch(/covers images only/);
    expect(describeRole(IMAGE_READER.permissions)).not.toContain(
      "See VM applications and their versions, and install them on VMs and scale sets",
    );
  });
});

describe("share matrix and counts", () => {
  it("offers the gallery and, on a definition page, the definition; warns against versions", () => {
    expect(scopeOptions(`${GALLERY}/images/ubuntu/versions/1.0.0`)).toEqual([
      { id: GALLERY, kind: "gallery" },
      { id: `${GALLERY}/images/ubuntu`, kind: "galleryImage" },
    ]);
    expect(scopeOptions(`${GALLERY}/applications/agent/versions/1.0.0`)).toEqual([
      { id: GALLERY, kind: "gallery" },
      { id: `${GALLERY}/applications/agent`, kind: "galleryApplication" },
    ]);
    expect(SHARE_MATRIX.galleryImage.doesNotSee).toContain("the gallery itself");
    expect(SHARE_MATRIX.galleryImageVersion.warning).toMatch(/discouraged/);
  });

  it("counts the definitions and versions a grantee gains", () => {
    expect(grantCounts("gallery", [3, 0, 5])).toEqual({ definitions: 3, applications: 0, versions: 8 });
    expect(grantCounts("galleryImage", [4])).toEqual({ definitions: 1, applications: 0, versions: 4 });
    const withApplications = grantCounts("gallery", [2], [3, 1]);
    expect(grantCountsText(withApplications)).toBe("1 image definition, 2 VM applications and 6 versions");
    expect(grantCountsText(grantCounts("galleryApplication", [], [2]))).toBe("1 VM application and 2 versions");
    expect(grantCountsText(grantCounts("gallery", [5, 1]))).toBe("2 image definitions and 6 versions");
  });
});

describe("assignment errors explained", () => {
  const input = { principalName: "Adele Vance", roleName: "Reader", scopeId: GALLERY };

  it("says an existing assignment is access the principal already has", () => {
    const e = explainAssignmentError(
      new AzureError({ status: 409, code: "RoleAssignmentExists", message: "The role assignment already exists." }),
      input,
    );
    expect(e).toMatchObject({ kind: "alreadyAssigned", title: "Adele Vance already has this access" });
  });

  it("says who can assign, and at which scopes, when the caller may not", () => {
    const e = explainAssignmentError(new AzureError({ status: 403, code: "AuthorizationFailed", message: "…" }), input);
    expect(e.whoCan?.roles).toEqual(["Owner", "User Access Administrator", "Role Based Access Control Administrator"]);
    expect(e.whoCan?.scopes.map((s) => s.label)).toEqual(["gallery 'g'", "resource group 'rg'", "subscription 's1'"]);
    expect(scopesAtAndAbove(GALLERY)[0]!.id).toBe(GALLERY);
  });
});

describe("principals", () => {
  it("recognises pasted object ids and guests", () => {
    expect(asObjectId(" C0000000-0000-4000-8002-000000000003 ")).toBe("c0000000-0000-4000-8002-000000000003");
    expect(asObjectId("Adele")).toBeUndefined();
    expect(
      principalFromGraph({
        "@odata.type": "#microsoft.graph.user",
        id: "x",
        displayName: "Lee Gu",
        userType: "Guest",
        mail: "lee@fabrikam.onmicrosoft.com",
      }),
    ).toEqual({ id: "x", type: "User", displayName: "Lee Gu", detail: "lee@fabrikam.onmicrosoft.com", guest: true });
  });
});
