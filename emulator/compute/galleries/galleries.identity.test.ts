import { randomUUID } from "node:crypto";
import { ComputeManagementClient } from "@azure/arm-compute";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../../lib/azure/wellKnown.js";
import { BUILT_IN_ROLE_IDS } from "../../authorization/builtInRoles.js";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-gallery-identity";
const IDENTITIES = "rg-identities";
const IDENTITY_API = "api-version=2023-01-31";
const API = "api-version=2025-12-03";

function identityPath(name: string, rg = IDENTITIES) {
  return `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
}

function galleryPath(name: string) {
  return `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${name}`;
}

describe("gallery identity, soft delete policy and sharing status through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope", [IDENTITIES]: "westeurope" } });
  let builder: { id: string; principalId: string; clientId: string };

  const createIdentity = async (name: string, as: string = ADMIN) =>
    fx.em.fetch(`${identityPath(name)}?${IDENTITY_API}`, {
      method: "PUT",
      as,
      body: JSON.stringify({ location: "westeurope" }),
    });

  beforeAll(async () => {
    const res = await createIdentity("image-builder");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.properties.tenantId).toBe(EMPTY_SEED.tenantId);
    builder = { id: body.id, principalId: body.properties.principalId, clientId: body.properties.clientId };
  });

  it("serves user-assigned identities: PUT keeps their ids, GET, list, DELETE", async () => {
    const again = await createIdentity("image-builder");
    expect(again.status).toBe(200);
    expect((await again.json()).properties.principalId).toBe(builder.principalId);
    const list = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${IDENTITIES}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?${IDENTITY_API}`,
      { as: ADMIN },
    );
    expect((await list.json()).value.map((i: { name: string }) => i.name)).toContain("image-builder");
    expect((await createIdentity("short-lived")).status).toBe(201);
    const gone = await fx.em.fetch(`${identityPath("short-lived")}?${IDENTITY_API}`, { method: "DELETE", as: ADMIN });
    expect(gone.status).toBe(200);
    const missing = await fx.em.fetch(`${identityPath("short-lived")}?${IDENTITY_API}`, { as: ADMIN });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("ResourceNotFound");
    const bad = await createIdentity("-x");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("InvalidResourceName");
  });

  it("creates a gallery with a system-assigned identity and soft delete on, and keeps the principal on update", async () => {
    const created = await fx.gallery(RG, "WithSystemIdentity", {
      location: "westeurope",
      identity: { type: "SystemAssigned" },
      softDeletePolicy: { isSoftDeleteEnabled: true },
    });
    expect(created.identity?.type).toBe("SystemAssigned");
    expect(created.identity?.tenantId).toBe(EMPTY_SEED.tenantId);
    expect(created.identity?.principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.softDeletePolicy).toEqual({ isSoftDeleteEnabled: true });

    const updated = await fx.settle(
      fx.client.galleries.update(RG, "WithSystemIdentity", { description: "kept identity" }, FAST_POLL),
    );
    expect(updated.identity?.principalId).toBe(created.identity?.principalId);
    expect(updated.softDeletePolicy?.isSoftDeleteEnabled).toBe(true);

    const removed = await fx.settle(
      fx.client.galleries.update(RG, "WithSystemIdentity", { identity: { type: "None" } }, FAST_POLL),
    );
    expect(removed.identity).toBeUndefined();
  });

  it("creates a gallery with system- and user-assigned identities, reporting each identity's ids", async () => {
    const created = await fx.gallery(RG, "WithBothIdentities", {
      location: "westeurope",
      identity: { type: "SystemAssigned, UserAssigned", userAssignedIdentities: { [builder.id]: {} } },
    });
    expect(created.identity?.type).toBe("SystemAssigned, UserAssigned");
    expect(created.identity?.principalId).toBeDefined();
    expect(created.identity?.userAssignedIdentities).toEqual({
      [builder.id]: { principalId: builder.principalId, clientId: builder.clientId },
    });
    const read = await fx.client.galleries.get(RG, "WithBothIdentities");
    expect(read.identity?.userAssignedIdentities?.[builder.id]?.clientId).toBe(builder.clientId);
  });

  it("reports sharingStatus after a share, and whom it is shared with on $select=Permissions and $expand=SharingProfile/Groups", async () => {
    const plain = await fx.gallery(RG, "Shared", { location: "westeurope" });
    expect(plain.sharingStatus).toBeUndefined();
    await fx.settle(fx.client.galleries.update(RG, "Shared", { sharingProfile: { permissions: "Groups" } }, FAST_POLL));
    const share = fx.client.gallerySharingProfile.update(
      RG,
      "Shared",
      { operationType: "Add", groups: [{ type: "Subscriptions", ids: [randomUUID()] }] },
      FAST_POLL,
    );
    await share.submitted();
    const sharing = await fx.client.galleries.get(RG, "Shared");
    expect(sharing.sharingStatus?.aggregatedState).toBe("InProgress");
    await fx.settle(share);
    const shared = await fx.client.galleries.get(RG, "Shared");
    expect(shared.sharingStatus).toEqual({
      aggregatedState: "Succeeded",
      summary: [{ region: "westeurope", state: "Succeeded", details: "" }],
    });
    expect(shared.sharingProfile?.groups).toBeUndefined();
    // Gallery_Get_WithSelectPermissions and Gallery_Get_WithExpandSharingProfileGroups
    const selected = await fx.client.galleries.get(RG, "Shared", { select: "Permissions" });
    const expanded = await fx.client.galleries.get(RG, "Shared", { expand: "SharingProfile/Groups" });
    for (const view of [selected, expanded]) expect(view.sharingProfile?.groups?.[0]?.type).toBe("Subscriptions");
  });

  it("keeps the identity and soft delete policy on an old api-version (2022-03-03)", async () => {
    const old = new ComputeManagementClient(fx.em.credential(ADMIN), SUB, {
      endpoint: fx.em.url,
      allowInsecureConnection: true,
      apiVersion: "2022-03-03",
    });
    installAuthPolicy(old.pipeline, fx.em.url, fx.em.credential(ADMIN), [`${ARM_AUDIENCE}/.default`]);
    const created = await fx.settle(
      old.galleries.createOrUpdate(
        RG,
        "OldClient",
        {
          location: "westeurope",
          identity: { type: "SystemAssigned" },
          softDeletePolicy: { isSoftDeleteEnabled: true },
        },
        FAST_POLL,
      ),
    );
    expect(created.identity?.type).toBe("SystemAssigned");
    expect(created.softDeletePolicy?.isSoftDeleteEnabled).toBe(true);
  });

  describe("over raw HTTP", () => {
    const put = (name: string, body: unknown, as: string = ADMIN) =>
      fx.em.fetch(`${galleryPath(name)}?${API}`, { method: "PUT", as, body: JSON.stringify(body) });

    it.each([
      ["an unknown identity type", { type: "ManagedByMagic" }, "InvalidParameter"],
      ["an identity that is not an object", "SystemAssigned", "InvalidParameter"],
      ["UserAssigned without identities", { type: "UserAssigned" }, "MissingIdentityIds"],
      [
        "SystemAssigned with user identities",
        { type: "SystemAssigned", userAssignedIdentities: { x: {} } },
        "FailedIdentityOperation",
      ],
    ])("answers %s with Azure's error", async (_case, identity, code) => {
      const res = await put("BadIdentity", { location: "westeurope", identity });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe(code);
    });

    it("answers FailedIdentityOperation for a user-assigned identity that does not exist", async () => {
      const missing = identityPath("nobody");
      const res = await put("BadIdentity", {
        location: "westeurope",
        identity: { type: "UserAssigned", userAssignedIdentities: { [missing]: {} } },
      });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("FailedIdentityOperation");
      expect(error.message).toContain(`Resource '${missing}' was not found.`);
    });

    it("refuses a user-assigned identity the caller may not assign (LinkedAuthorizationFailed)", async () => {
      const authorization = new AuthorizationManagementClient(fx.em.credential(ADMIN), SUB, {
        endpoint: fx.em.url,
        allowInsecureConnection: true,
      });
      installAuthPolicy(authorization.pipeline, fx.em.url, fx.em.credential(ADMIN), [`${ARM_AUDIENCE}/.default`]);
      await authorization.roleAssignments.create(`/subscriptions/${SUB}/resourceGroups/${RG}`, randomUUID(), {
        roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.Contributor}`,
        principalId: fx.em.principal(USER).objectId,
        principalType: "User",
      });
      const res = await put(
        "NotMine",
        { location: "westeurope", identity: { type: "UserAssigned", userAssignedIdentities: { [builder.id]: {} } } },
        USER,
      );
      expect(res.status).toBe(403);
      const { error } = await res.json();
      expect(error.code).toBe("LinkedAuthorizationFailed");
      expect(error.message).toContain("Microsoft.ManagedIdentity/userAssignedIdentities/assign/action");
    });

    it("answers InvalidRequestContent to a soft delete policy that is not a boolean, as to any mistyped property", async () => {
      const res = await put("BadPolicy", {
        location: "westeurope",
        properties: { softDeletePolicy: { isSoftDeleteEnabled: "on" } },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("InvalidRequestContent");
    });
  });
});
