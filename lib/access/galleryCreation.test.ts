import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES } from "@/emulator/authorization/builtInRoles";
import type { RoleDefinition } from "@/lib/access/accessNote";
import {
  GALLERY_WRITE_ACTION,
  galleryCreationAccess,
  NO_GALLERY_WRITE_REASON,
  NO_RESOURCE_GROUP_REASON,
  ROLE_ASSIGNMENT_WRITE_ACTION,
  rolesAllowing,
} from "@/lib/access/galleryCreation";
import type { Permission } from "@/lib/access/permissions";
import type { ResourceGroup } from "@/lib/queries/resourceGroups";

const ROLES: RoleDefinition[] = BUILT_IN_ROLES.map((r) => ({
  id: r.name,
  name: r.name,
  roleName: r.roleName,
  permissions: r.permissions,
}));
const role = (roleName: string): Permission => ROLES.find((r) => r.roleName === roleName)!.permissions[0]!;
const OWNER = role("Owner");
const CONTRIBUTOR = role("Contributor");
const READER = role("Reader");
const PUBLISHER = role("Compute Gallery Artifacts Publisher");

const SUB = "00000000-0000-4000-8001-000000000001";
const group = (name: string): ResourceGroup => ({
  id: `/subscriptions/${SUB}/resourceGroups/${name}`,
  name,
  location: "eastus",
});

describe("galleryCreationAccess", () => {
  it("offers an Owner of the subscription every resource group and a new one", () => {
    const access = galleryCreationAccess(
      SUB,
      [OWNER],
      [
        { resourceGroup: group("rg-b"), permissions: [OWNER] },
        { resourceGroup: group("rg-a"), permissions: [OWNER] },
      ],
    );
    expect(access).toEqual({
      subscriptionId: SUB,
      allowed: true,
      resourceGroups: [group("rg-a"), group("rg-b")],
      newResourceGroup: { allowed: true },
    });
  });

  it("offers a Contributor a new resource group too: its notActions do not touch galleries or resource groups", () => {
    const access = galleryCreationAccess(SUB, [CONTRIBUTOR], []);
    expect(access).toMatchObject({ allowed: true, resourceGroups: [], newResourceGroup: { allowed: true } });
  });

  it("offers a publisher at one resource group only that group, and no new one", () => {
    const access = galleryCreationAccess(
      SUB,
      [READER],
      [
        { resourceGroup: group("rg-images"), permissions: [READER, PUBLISHER] },
        { resourceGroup: group("rg-app"), permissions: [READER] },
      ],
    );
    expect(access.allowed).toBe(true);
    if (!access.allowed) return;
    expect(access.resourceGroups.map((g) => g.name)).toEqual(["rg-images"]);
    expect(access.newResourceGroup).toEqual({
      allowed: false,
      reason: expect.stringContaining("Microsoft.Resources/subscriptions/resourceGroups/write"),
    });
  });

  it("refuses a new resource group where resource groups may be created but galleries only in some existing ones", () => {
    const createGroupsOnly: Permission = {
      actions: ["Microsoft.Resources/subscriptions/resourceGroups/*"],
      notActions: [],
    };
    const access = galleryCreationAccess(
      SUB,
      [createGroupsOnly],
      [{ resourceGroup: group("rg-images"), permissions: [createGroupsOnly, PUBLISHER] }],
    );
    expect(access).toMatchObject({
      allowed: true,
      newResourceGroup: { allowed: false, reason: expect.stringContaining("only on some resource groups") },
    });
  });

  it("takes the notActions of the entry that grants: a role that excludes galleries/write grants nothing", () => {
    const allButGalleries: Permission = { actions: ["*"], notActions: ["Microsoft.Compute/galleries/*"] };
    const access = galleryCreationAccess(
      SUB,
      [allButGalleries],
      [{ resourceGroup: group("rg"), permissions: [allButGalleries] }],
    );
    expect(access).toEqual({ subscriptionId: SUB, allowed: false, reason: NO_GALLERY_WRITE_REASON });
  });

  it("lets another role grant what one role's notActions leave out", () => {
    const allButGalleries: Permission = { actions: ["*"], notActions: ["Microsoft.Compute/galleries/*"] };
    const access = galleryCreationAccess(SUB, [allButGalleries, PUBLISHER], []);
    expect(access).toMatchObject({ allowed: true, newResourceGroup: { allowed: true } });
  });

  it("refuses a reader, and says which action is missing", () => {
    const access = galleryCreationAccess(SUB, [READER], [{ resourceGroup: group("rg"), permissions: [READER] }]);
    expect(access).toEqual({ subscriptionId: SUB, allowed: false, reason: NO_GALLERY_WRITE_REASON });
    expect(NO_GALLERY_WRITE_REASON).toContain(GALLERY_WRITE_ACTION);
  });

  it("explains a subscription with galleries/write but no resource group to use or create", () => {
    expect(galleryCreationAccess(SUB, [PUBLISHER], [])).toEqual({
      subscriptionId: SUB,
      allowed: false,
      reason: NO_RESOURCE_GROUP_REASON,
    });
  });
});

describe("rolesAllowing", () => {
  it("names the emulator's built-in roles that carry galleries/write", () => {
    expect(rolesAllowing(ROLES, GALLERY_WRITE_ACTION)).toEqual([
      "Owner",
      "Contributor",
      "Compute Gallery Artifacts Publisher",
    ]);
  });

  it("names the roles that may assign roles", () => {
    expect(rolesAllowing(ROLES, ROLE_ASSIGNMENT_WRITE_ACTION)).toEqual([
      "Owner",
      "User Access Administrator",
      "Role Based Access Control Administrator",
    ]);
  });
});
