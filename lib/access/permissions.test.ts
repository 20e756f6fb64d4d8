import { describe, expect, it } from "vitest";
import { actionMatches, capabilitiesFrom, isActionAllowed, type Permission } from "@/lib/access/permissions";

// Permissions as Azure publishes these built-in roles (gallery-domain.md §5).
const OWNER: Permission = { actions: ["*"], notActions: [] };
const CONTRIBUTOR: Permission = {
  actions: ["*"],
  notActions: [
    "Microsoft.Authorization/*/Delete",
    "Microsoft.Authorization/*/Write",
    "Microsoft.Compute/galleries/share/action",
  ],
};
const READER: Permission = { actions: ["*/read"], notActions: [] };
const SHARING_ADMIN: Permission = { actions: ["Microsoft.Compute/galleries/share/action"], notActions: [] };
const PUBLISHER: Permission = {
  actions: ["Microsoft.Compute/galleries/*", "Microsoft.Compute/images/*", "Microsoft.Authorization/*/read"],
  notActions: ["Microsoft.Compute/galleries/share/action"],
};
const IMAGE_READER: Permission = {
  actions: ["Microsoft.Compute/galleries/images/read", "Microsoft.Compute/galleries/images/versions/read"],
  notActions: [],
};

const SUB = "/subscriptions/c0000000-0000-4000-8001-000000000003";
const GALLERY = `${SUB}/resourceGroups/rg-shared/providers/Microsoft.Compute/galleries/contoso_shared_images`;
const DEFINITION = `${GALLERY}/images/golden-ws2022-iis`;
const VERSION = `${DEFINITION}/versions/1.0.0`;

describe("actionMatches", () => {
  it("treats * as a wildcard within and across segments and ignores case", () => {
    expect(actionMatches("*", "Microsoft.Compute/galleries/write")).toBe(true);
    expect(actionMatches("*/read", "microsoft.compute/galleries/images/READ")).toBe(true);
    expect(actionMatches("*/read", "Microsoft.Compute/galleries/write")).toBe(false);
    expect(actionMatches("Microsoft.Authorization/*/Write", "Microsoft.Authorization/roleAssignments/write")).toBe(
      true,
    );
    expect(actionMatches("Microsoft.Compute/galleries/*", "Microsoft.Compute/galleriesX/read")).toBe(false);
  });

  it("takes dots and other regex characters literally", () => {
    expect(actionMatches("Microsoft.Compute/galleries/read", "MicrosoftXCompute/galleries/read")).toBe(false);
  });
});

describe("isActionAllowed", () => {
  it("lets notActions subtract only from their own entry", () => {
    expect(isActionAllowed([CONTRIBUTOR], "Microsoft.Compute/galleries/share/action")).toBe(false);
    expect(isActionAllowed([CONTRIBUTOR, SHARING_ADMIN], "Microsoft.Compute/galleries/share/action")).toBe(true);
  });

  it("allows nothing without permissions", () => {
    expect(isActionAllowed([], "Microsoft.Compute/galleries/read")).toBe(false);
  });
});

describe("capabilitiesFrom", () => {
  it("gives an Owner every capability", () => {
    expect(capabilitiesFrom([OWNER], GALLERY)).toEqual({
      read: true,
      write: true,
      delete: true,
      share: true,
      assignRoles: true,
    });
  });

  it("gives a Contributor everything but sharing and role assignment", () => {
    expect(capabilitiesFrom([CONTRIBUTOR], GALLERY)).toEqual({
      read: true,
      write: true,
      delete: true,
      share: false,
      assignRoles: false,
    });
  });

  it("makes a Reader read-only", () => {
    expect(capabilitiesFrom([READER], DEFINITION)).toEqual({
      read: true,
      write: false,
      delete: false,
      share: false,
      assignRoles: false,
    });
  });

  it("lets a publisher write artifacts but not share them", () => {
    const c = capabilitiesFrom([PUBLISHER], VERSION);
    expect([c.read, c.write, c.delete, c.share, c.assignRoles]).toEqual([true, true, true, false, false]);
  });

  it("checks the action of the scope's own resource type", () => {
    // Compute Gallery Image Reader covers definitions and versions, not the gallery itself.
    expect(capabilitiesFrom([IMAGE_READER], GALLERY).read).toBe(false);
    expect(capabilitiesFrom([IMAGE_READER], DEFINITION).read).toBe(true);
    expect(capabilitiesFrom([IMAGE_READER], VERSION).read).toBe(true);
  });

  it("reads a subscription scope as what the caller may do with galleries there", () => {
    expect(capabilitiesFrom([PUBLISHER], SUB).write).toBe(true);
    expect(capabilitiesFrom([READER], SUB).write).toBe(false);
  });
});
