import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { BUILT_IN_ROLE_IDS, BUILT_IN_ROLES } from "./builtInRoles.js";
import { actionMatches, permissionGrants } from "./rbac.js";

const role = (guid: string) => BUILT_IN_ROLES.find((r) => r.name === guid)!;
const roleAllows = (guid: string, action: string) => role(guid).permissions.some((p) => permissionGrants(p, action));

describe("action patterns", () => {
  it("match wildcards anywhere and ignore case", () => {
    expect(actionMatches("*", "Microsoft.Compute/galleries/write")).toBe(true);
    expect(actionMatches("*/read", "Microsoft.Compute/galleries/images/read")).toBe(true);
    expect(actionMatches("*/read", "Microsoft.Compute/galleries/write")).toBe(false);
    expect(actionMatches("Microsoft.Authorization/*/Write", "microsoft.authorization/roleassignments/write")).toBe(
      true,
    );
    expect(actionMatches("Microsoft.Compute/galleries/*", "Microsoft.Compute/galleries/images/versions/delete")).toBe(
      true,
    );
    expect(actionMatches("Microsoft.Compute/galleries/*", "Microsoft.Compute/disks/read")).toBe(false);
    // A dot in an action is literal, not a regex wildcard.
    expect(actionMatches("Microsoft.Compute/*", "MicrosoftXCompute/galleries/read")).toBe(false);
  });
});

describe("built-in role definitions", () => {
  it("Contributor manages resources but cannot assign roles or share galleries", () => {
    expect(roleAllows(BUILT_IN_ROLE_IDS.Contributor, "Microsoft.Compute/galleries/write")).toBe(true);
    expect(roleAllows(BUILT_IN_ROLE_IDS.Contributor, "Microsoft.Compute/galleries/share/action")).toBe(false);
    expect(roleAllows(BUILT_IN_ROLE_IDS.Contributor, "Microsoft.Authorization/roleAssignments/write")).toBe(false);
    expect(roleAllows(BUILT_IN_ROLE_IDS.Contributor, "Microsoft.Authorization/roleAssignments/read")).toBe(true);
  });

  it("Reader reads galleries but cannot write them", () => {
    expect(roleAllows(BUILT_IN_ROLE_IDS.Reader, "Microsoft.Compute/galleries/read")).toBe(true);
    expect(roleAllows(BUILT_IN_ROLE_IDS.Reader, "Microsoft.Compute/galleries/write")).toBe(false);
    expect(roleAllows(BUILT_IN_ROLE_IDS.Reader, "Microsoft.Compute/galleries/images/versions/delete")).toBe(false);
  });

  it("the gallery roles grant what Azure publishes for them", () => {
    const publisher = BUILT_IN_ROLE_IDS.ComputeGalleryArtifactsPublisher;
    expect(roleAllows(publisher, "Microsoft.Compute/galleries/images/versions/write")).toBe(true);
    expect(roleAllows(publisher, "Microsoft.Compute/galleries/share/action")).toBe(false);
    expect(roleAllows(publisher, "Microsoft.Authorization/roleAssignments/write")).toBe(false);
    const imageReader = BUILT_IN_ROLE_IDS.ComputeGalleryImageReader;
    expect(roleAllows(imageReader, "Microsoft.Compute/galleries/images/read")).toBe(true);
    expect(roleAllows(imageReader, "Microsoft.Compute/galleries/read")).toBe(false);
    expect(roleAllows(BUILT_IN_ROLE_IDS.ComputeGallerySharingAdmin, "Microsoft.Compute/galleries/share/action")).toBe(
      true,
    );
    expect(roleAllows(BUILT_IN_ROLE_IDS.UserAccessAdministrator, "Microsoft.Authorization/roleAssignments/write")).toBe(
      true,
    );
    expect(roleAllows(BUILT_IN_ROLE_IDS.UserAccessAdministrator, "Microsoft.Compute/galleries/write")).toBe(false);
  });
});

describe("RbacAuthorizer", () => {
  let em: TestEmulator;
  let ctx: EmulatorContext;
  const SUB = `/subscriptions/${EMPTY_SEED.subscriptionId}`;
  const RG = `${SUB}/resourceGroups/rg-images`;
  const GALLERY = `${RG}/providers/Microsoft.Compute/galleries/gal`;
  const UBUNTU = `${GALLERY}/images/ubuntu`;
  const WINDOWS = `${GALLERY}/images/windows`;
  const caller = (objectId: string): Caller => ({
    objectId,
    tenantId: EMPTY_SEED.tenantId,
    kind: "User",
    clientName: objectId,
    appId: "",
  });
  const ids = {
    defReader: "10000000-0000-4000-8000-000000000001",
    member: "10000000-0000-4000-8000-000000000002",
    outer: "10000000-0000-4000-8000-000000000003",
    inner: "10000000-0000-4000-8000-000000000004",
    contributorSharer: "10000000-0000-4000-8000-000000000005",
  };

  beforeAll(async () => {
    em = await startTestEmulator();
    ctx = em.emulator.ctx;
    const { directory, roleAssignments } = ctx;
    for (const [name, objectId] of Object.entries(ids)) {
      const kind = name === "outer" || name === "inner" ? "Group" : "User";
      directory.addPrincipal({ objectId, tenantId: EMPTY_SEED.tenantId, kind, displayName: name });
    }
    directory.addGroupMember(ids.outer, ids.inner);
    directory.addGroupMember(ids.inner, ids.member);
    const assign = (scope: string, guid: string, principalId: string, principalType: "User" | "Group") =>
      roleAssignments.create({ scope, roleDefinitionGuid: guid, principalId, principalType });
    assign(UBUNTU, BUILT_IN_ROLE_IDS.ComputeGalleryImageReader, ids.defReader, "User");
    assign(GALLERY, BUILT_IN_ROLE_IDS.Reader, ids.outer, "Group");
    assign(RG, BUILT_IN_ROLE_IDS.Contributor, ids.contributorSharer, "User");
    assign(GALLERY, BUILT_IN_ROLE_IDS.ComputeGallerySharingAdmin, ids.contributorSharer, "User");
  });
  afterAll(() => em.close());

  it("grants an assignment at a definition on that definition and its versions only", () => {
    const a = ctx.authorizer;
    const who = caller(ids.defReader);
    expect(a.isAllowed(who, "Microsoft.Compute/galleries/images/read", UBUNTU)).toBe(true);
    expect(a.isAllowed(who, "Microsoft.Compute/galleries/images/versions/read", `${UBUNTU}/versions/1.0.0`)).toBe(true);
    expect(a.isAllowed(who, "Microsoft.Compute/galleries/read", GALLERY)).toBe(false);
    expect(a.isAllowed(who, "Microsoft.Compute/galleries/images/read", WINDOWS)).toBe(false);
    expect(a.isAllowed(who, "Microsoft.Compute/galleries/images/write", UBUNTU)).toBe(false);
    // A list of the gallery's definitions lets it in, so the handler can filter down to what it may read.
    expect(a.isAllowedAtOrBeneath(who, "Microsoft.Compute/galleries/images/read", GALLERY)).toBe(true);
    expect(a.hasAnyAccess(who, EMPTY_SEED.subscriptionId)).toBe(true);
  });

  it("applies assignments to members of nested groups", () => {
    const who = caller(ids.member);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/read", GALLERY)).toBe(true);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/read", RG)).toBe(false);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/write", GALLERY)).toBe(false);
  });

  it("takes the union of roles, so another role grants what one role's notActions leave out", () => {
    const who = caller(ids.contributorSharer);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/share/action", GALLERY)).toBe(true);
    const other = `${RG}/providers/Microsoft.Compute/galleries/other`;
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/share/action", other)).toBe(false);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/write", other)).toBe(true);
    expect(ctx.authorizer.permissionsAt(who, GALLERY)).toHaveLength(2);
    expect(ctx.authorizer.permissionsAt(who, other)).toHaveLength(1);
  });

  it("grants nothing to a principal without assignments", () => {
    const who = caller(EMPTY_SEED.user.objectId);
    expect(ctx.authorizer.isAllowed(who, "Microsoft.Compute/galleries/read", GALLERY)).toBe(false);
    expect(ctx.authorizer.hasAnyAccess(who, EMPTY_SEED.subscriptionId)).toBe(false);
  });
});
