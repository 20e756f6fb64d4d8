import { randomUUID } from "node:crypto";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { BUILT_IN_ROLE_IDS } from "./builtInRoles.js";

const SUB = EMPTY_SEED.subscriptionId;
const SUB_SCOPE = `/subscriptions/${SUB}`;
const RG_SCOPE = `${SUB_SCOPE}/resourceGroups/rg-images`;
const GALLERY_SCOPE = `${RG_SCOPE}/providers/Microsoft.Compute/galleries/gal`;
const DEFINITION_SCOPE = `${GALLERY_SCOPE}/images/ubuntu`;
const ADMIN = EMPTY_SEED.admin.upn;
const roleId = (guid: string) => `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

const people = {
  contributor: { objectId: "20000000-0000-4000-8000-000000000001", upn: "contributor@emulator.onmicrosoft.com" },
  uaa: { objectId: "20000000-0000-4000-8000-000000000002", upn: "uaa@emulator.onmicrosoft.com" },
  member: { objectId: "20000000-0000-4000-8000-000000000003", upn: "member@emulator.onmicrosoft.com" },
  target: { objectId: "20000000-0000-4000-8000-000000000004", upn: "target@emulator.onmicrosoft.com" },
};
const GROUP = "20000000-0000-4000-8000-0000000000f1";

describe("Microsoft.Authorization through @azure/arm-authorization", () => {
  let em: TestEmulator;
  const client = (who: string) => {
    const c = new AuthorizationManagementClient(em.credential(who), SUB, {
      endpoint: em.url,
      allowInsecureConnection: true,
    });
    installAuthPolicy(c.pipeline, em.url, em.credential(who), [`${ARM_AUDIENCE}/.default`]);
    return c;
  };
  const collect = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  const assign = (who: string, scope: string, role: string, principalId: string) =>
    client(who).roleAssignments.create(scope, randomUUID(), { roleDefinitionId: roleId(role), principalId });

  beforeAll(async () => {
    em = await startTestEmulator();
    const { directory, resources } = em.emulator.ctx;
    for (const p of Object.values(people)) {
      directory.addPrincipal({
        objectId: p.objectId,
        tenantId: EMPTY_SEED.tenantId,
        kind: "User",
        displayName: p.upn.split("@")[0]!,
        upn: p.upn,
      });
    }
    directory.addPrincipal({
      objectId: GROUP,
      tenantId: EMPTY_SEED.tenantId,
      kind: "Group",
      displayName: "Image consumers",
    });
    directory.addGroupMember(GROUP, people.member.objectId);
    await em.resources(ADMIN, SUB).resourceGroups.createOrUpdate("rg-images", { location: "westeurope" });
    // Resource scopes need resources; the gallery provider is tested on its own, so these are stored directly.
    for (const [id, type] of [
      [GALLERY_SCOPE, "Microsoft.Compute/galleries"],
      [DEFINITION_SCOPE, "Microsoft.Compute/galleries/images"],
    ] as const) {
      resources.put({
        id,
        type,
        name: id.split("/").pop()!,
        subscriptionId: SUB,
        resourceGroup: "rg-images",
        body: { id, name: id.split("/").pop()!, type },
        state: {},
      });
    }
    await assign(ADMIN, RG_SCOPE, BUILT_IN_ROLE_IDS.Contributor, people.contributor.objectId);
    await assign(ADMIN, RG_SCOPE, BUILT_IN_ROLE_IDS.UserAccessAdministrator, people.uaa.objectId);
  });
  afterAll(() => em.close());

  it("assigns, reads, lists and deletes at subscription, resource group and resource scope", async () => {
    const admin = client(ADMIN);
    for (const scope of [SUB_SCOPE, RG_SCOPE, GALLERY_SCOPE, DEFINITION_SCOPE]) {
      const name = randomUUID();
      const created = await admin.roleAssignments.create(scope, name, {
        roleDefinitionId: roleId(BUILT_IN_ROLE_IDS.Reader),
        principalId: people.target.objectId,
        principalType: "User",
      });
      expect(created).toMatchObject({
        id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
        name,
        type: "Microsoft.Authorization/roleAssignments",
        scope,
        principalId: people.target.objectId,
        principalType: "User",
        roleDefinitionId: roleId(BUILT_IN_ROLE_IDS.Reader),
        createdBy: EMPTY_SEED.admin.objectId,
      });
      expect((await admin.roleAssignments.get(scope, name)).id).toBe(created.id);
      expect((await admin.roleAssignments.getById(created.id!)).name).toBe(name);
      const atScope = await collect(admin.roleAssignments.listForScope(scope, { filter: "atScope()" }));
      expect(atScope.map((a) => a.name)).toContain(name);
      await admin.roleAssignments.delete(scope, name);
      await expect(admin.roleAssignments.get(scope, name)).rejects.toMatchObject({
        statusCode: 404,
        code: "RoleAssignmentNotFound",
      });
    }
  });

  it("lists at, above and below a scope, and filters by atScope(), principalId and assignedTo()", async () => {
    const admin = client(ADMIN);
    const atGallery = await assign(ADMIN, GALLERY_SCOPE, BUILT_IN_ROLE_IDS.Reader, GROUP);
    const atDefinition = await assign(
      ADMIN,
      DEFINITION_SCOPE,
      BUILT_IN_ROLE_IDS.ComputeGalleryImageReader,
      people.target.objectId,
    );

    const all = (await collect(admin.roleAssignments.listForScope(GALLERY_SCOPE))).map((a) => a.id);
    expect(all).toEqual(expect.arrayContaining([atGallery.id, atDefinition.id]));
    expect(all.some((id) => id!.startsWith(`${SUB_SCOPE}/providers/`))).toBe(true);

    const atScope = (await collect(admin.roleAssignments.listForScope(GALLERY_SCOPE, { filter: "atScope()" }))).map(
      (a) => a.id,
    );
    expect(atScope).toContain(atGallery.id);
    expect(atScope).not.toContain(atDefinition.id);

    const forTarget = await collect(
      admin.roleAssignments.listForSubscription({ filter: `principalId eq '${people.target.objectId}'` }),
    );
    expect(forTarget.map((a) => a.id)).toEqual([atDefinition.id]);

    const forMember = await collect(
      admin.roleAssignments.listForScope(SUB_SCOPE, { filter: `assignedTo('${people.member.objectId}')` }),
    );
    expect(forMember.map((a) => a.id)).toEqual([atGallery.id]);

    const byResource = await collect(
      admin.roleAssignments.listForResource("rg-images", "Microsoft.Compute", "galleries", "gal"),
    );
    expect(byResource.map((a) => a.id)).toContain(atGallery.id);
    const byGroup = await collect(admin.roleAssignments.listForResourceGroup("rg-images", { filter: "atScope()" }));
    expect(byGroup.map((a) => a.id)).not.toContain(atGallery.id);
  });

  it("refuses a duplicate assignment with 409 RoleAssignmentExists", async () => {
    await assign(ADMIN, GALLERY_SCOPE, BUILT_IN_ROLE_IDS.ComputeGallerySharingAdmin, people.target.objectId);
    await expect(
      assign(ADMIN, GALLERY_SCOPE, BUILT_IN_ROLE_IDS.ComputeGallerySharingAdmin, people.target.objectId),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "RoleAssignmentExists",
    });
  });

  it("lets User Access Administrator assign roles and refuses Contributor with AuthorizationFailed", async () => {
    const name = randomUUID();
    const params = { roleDefinitionId: roleId(BUILT_IN_ROLE_IDS.Reader), principalId: people.member.objectId };
    const denied = await client(people.contributor.upn)
      .roleAssignments.create(GALLERY_SCOPE, name, params)
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    expect((denied as Error).message).toBe(
      `The client '${people.contributor.upn}' with object id '${people.contributor.objectId}' does not have authorization to perform ` +
        `action 'Microsoft.Authorization/roleAssignments/write' over scope '${GALLERY_SCOPE}/providers/Microsoft.Authorization/roleAssignments/${name}' ` +
        "or the scope is invalid. If access was recently granted, please refresh your credentials.",
    );
    const created = await client(people.uaa.upn).roleAssignments.create(GALLERY_SCOPE, name, params);
    expect(created.name).toBe(name);
    // Contributor may read assignments (*) but not delete them (Microsoft.Authorization/*/Delete is a notAction).
    expect((await client(people.contributor.upn).roleAssignments.get(GALLERY_SCOPE, name)).name).toBe(name);
    await expect(client(people.contributor.upn).roleAssignments.delete(GALLERY_SCOPE, name)).rejects.toMatchObject({
      statusCode: 403,
    });
    await client(people.uaa.upn).roleAssignments.delete(GALLERY_SCOPE, name);
    // Outside its resource group the administrator has nothing.
    await expect(client(people.uaa.upn).roleAssignments.create(SUB_SCOPE, randomUUID(), params)).rejects.toMatchObject({
      statusCode: 403,
      code: "AuthorizationFailed",
    });
  });

  it("answers bad input with the Authorization provider's errors", async () => {
    const admin = client(ADMIN);
    const params = { roleDefinitionId: roleId(BUILT_IN_ROLE_IDS.Reader), principalId: people.target.objectId };
    await expect(admin.roleAssignments.create(GALLERY_SCOPE, "not-a-guid", params)).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidRoleAssignmentId",
    });
    await expect(
      admin.roleAssignments.create(GALLERY_SCOPE, randomUUID(), { ...params, principalId: randomUUID() }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "PrincipalNotFound",
    });
    await expect(
      admin.roleAssignments.create(GALLERY_SCOPE, randomUUID(), { ...params, roleDefinitionId: roleId(randomUUID()) }),
    ).rejects.toMatchObject({ statusCode: 400, code: "RoleDefinitionDoesNotExist" });
    await expect(
      admin.roleAssignments.create(GALLERY_SCOPE, randomUUID(), { ...params, principalType: "ServicePrincipal" }),
    ).rejects.toMatchObject({ statusCode: 400, code: "UnmatchedPrincipalType" });
    await expect(admin.roleAssignments.create(`${RG_SCOPE}-missing`, randomUUID(), params)).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceGroupNotFound",
    });
    await expect(
      admin.roleAssignments.create(`${RG_SCOPE}/providers/Microsoft.Compute/galleries/nope`, randomUUID(), params),
    ).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    // Deleting what is not there is not an error in ARM.
    await expect(admin.roleAssignments.delete(GALLERY_SCOPE, randomUUID())).resolves.toBeDefined();
  });

  it("reports the caller's effective permissions at a scope", async () => {
    const perms = await collect(
      client(people.contributor.upn).permissions.listForResource(
        "rg-images",
        "Microsoft.Compute",
        "",
        "galleries",
        "gal",
      ),
    );
    // One assignment applies (Contributor at the resource group), with its actions and notActions as defined.
    expect(perms).toHaveLength(1);
    expect(perms[0]!.actions).toEqual(["*"]);
    expect(perms[0]!.notActions).toContain("Microsoft.Compute/galleries/share/action");
    expect(perms[0]!.dataActions).toEqual([]);
    const none = await collect(client(people.member.upn).permissions.listForResourceGroup("rg-images"));
    expect(none).toEqual([]);
  });

  it("lists built-in role definitions with their real ids and filters them by name and type", async () => {
    const admin = client(ADMIN);
    const readers = await collect(
      admin.roleDefinitions.list(RG_SCOPE, { filter: "roleName eq 'Compute Gallery Image Reader'" }),
    );
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatchObject({
      id: roleId(BUILT_IN_ROLE_IDS.ComputeGalleryImageReader),
      name: BUILT_IN_ROLE_IDS.ComputeGalleryImageReader,
      roleType: "BuiltInRole",
      permissions: [
        expect.objectContaining({
          actions: ["Microsoft.Compute/galleries/images/read", "Microsoft.Compute/galleries/images/versions/read"],
        }),
      ],
    });
    const builtIns = await collect(admin.roleDefinitions.list(SUB_SCOPE, { filter: "type eq 'BuiltInRole'" }));
    expect(builtIns.map((r) => r.roleName)).toEqual(
      expect.arrayContaining(["Owner", "Contributor", "Reader", "User Access Administrator"]),
    );
    const owner = await admin.roleDefinitions.getById(
      `/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.Owner}`,
    );
    expect(owner.roleName).toBe("Owner");
    await expect(admin.roleDefinitions.get(SUB_SCOPE, randomUUID())).rejects.toMatchObject({
      statusCode: 404,
      code: "RoleDefinitionDoesNotExist",
    });
  });

  it("creates a custom role, assigns it within its assignable scopes only, and deletes it once unassigned", async () => {
    const admin = client(ADMIN);
    const guid = randomUUID();
    const custom = await admin.roleDefinitions.createOrUpdate(RG_SCOPE, guid, {
      roleName: "Gallery version publisher",
      description: "Publishes image versions.",
      roleType: "CustomRole",
      permissions: [
        {
          actions: ["Microsoft.Compute/galleries/images/versions/*"],
          notActions: ["Microsoft.Compute/galleries/images/versions/delete"],
        },
      ],
      assignableScopes: [RG_SCOPE],
    });
    expect(custom).toMatchObject({ name: guid, roleType: "CustomRole", assignableScopes: [RG_SCOPE] });
    await expect(
      admin.roleDefinitions.createOrUpdate(RG_SCOPE, randomUUID(), {
        roleName: "Gallery version publisher",
        permissions: [],
        assignableScopes: [RG_SCOPE],
      }),
    ).rejects.toMatchObject({ statusCode: 409, code: "RoleDefinitionWithSameNameExists" });
    const customs = await collect(admin.roleDefinitions.list(GALLERY_SCOPE, { filter: "type eq 'CustomRole'" }));
    expect(customs.map((r) => r.name)).toEqual([guid]);

    await expect(assign(ADMIN, SUB_SCOPE, guid, people.target.objectId)).rejects.toMatchObject({
      code: "RoleDefinitionDoesNotExist",
    });
    const assignment = await assign(ADMIN, DEFINITION_SCOPE, guid, people.target.objectId);
    const version = `${DEFINITION_SCOPE}/versions/1.0.0`;
    const authorizer = em.emulator.ctx.authorizer;
    const target = {
      objectId: people.target.objectId,
      tenantId: EMPTY_SEED.tenantId,
      kind: "User" as const,
      clientName: people.target.upn,
      appId: "",
    };
    expect(authorizer.isAllowed(target, "Microsoft.Compute/galleries/images/versions/write", version)).toBe(true);
    expect(authorizer.isAllowed(target, "Microsoft.Compute/galleries/images/versions/delete", version)).toBe(false);

    await expect(admin.roleDefinitions.delete(RG_SCOPE, guid)).rejects.toMatchObject({
      statusCode: 409,
      code: "RoleDefinitionHasAssignments",
    });
    await admin.roleAssignments.deleteById(assignment.id!);
    await admin.roleDefinitions.delete(RG_SCOPE, guid);
    expect(await collect(admin.roleDefinitions.list(RG_SCOPE, { filter: "type eq 'CustomRole'" }))).toEqual([]);
  });

  it("gives members of a group what is assigned to the group", async () => {
    const res = await em.fetch(`/subscriptions?api-version=2022-12-01`, { as: people.member.upn });
    expect((await res.json()).value.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([SUB]);
    const galleryRead = await em.fetch(
      `${GALLERY_SCOPE}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      { as: people.member.upn },
    );
    expect(galleryRead.status).toBe(200);
    const rgRead = await em.fetch(
      `${RG_SCOPE}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      { as: people.member.upn },
    );
    expect(rgRead.status).toBe(403);
  });

  it("rejects api-versions the provider does not know", async () => {
    const res = await em.fetch(
      `${SUB_SCOPE}/providers/Microsoft.Authorization/roleAssignments?api-version=2099-01-01`,
      { as: ADMIN },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("InvalidApiVersionParameter");
  });
});
