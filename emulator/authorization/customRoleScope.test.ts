import { randomUUID } from "node:crypto";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from "../seed/demoIdentities.js";
import { collect } from "../testing/computeFixture.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

// A Contoso owner must not reach a Fabrikam custom role by sending its id under a Contoso scope.
const FABRIKAM = `/subscriptions/${DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId}`;
const CONTOSO = `/subscriptions/${DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId}`;
const FABRIKAM_OWNER = DEMO_USERS.lee.upn;
const CONTOSO_OWNER = DEMO_USERS.megan.upn;
const FABRIKAM_USER = DEMO_USERS.isaiah.upn;
const ROLE_NAME = "Fabrikam Gallery Reader";
const WIDE_OPEN = [{ actions: ["*"], notActions: [], dataActions: [], notDataActions: [] }];

describe("custom roles belong to their assignable scopes", () => {
  let em: TestEmulator;
  const guid = randomUUID();
  const client = (who: string, subscription: string) => {
    const c = new AuthorizationManagementClient(em.credential(who), subscription.split("/")[2]!, {
      endpoint: em.url,
      allowInsecureConnection: true,
    });
    installAuthPolicy(c.pipeline, em.url, em.credential(who), [`${ARM_AUDIENCE}/.default`]);
    return c;
  };
  const rolesNamed = async () =>
    collect(client(FABRIKAM_OWNER, FABRIKAM).roleDefinitions.list(FABRIKAM, { filter: `roleName eq '${ROLE_NAME}'` }));

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
    await client(FABRIKAM_OWNER, FABRIKAM).roleDefinitions.createOrUpdate(FABRIKAM, guid, {
      roleName: ROLE_NAME,
      permissions: [
        { actions: ["Microsoft.Compute/galleries/read"], notActions: [], dataActions: [], notDataActions: [] },
      ],
      assignableScopes: [FABRIKAM],
    });
    await client(FABRIKAM_OWNER, FABRIKAM).roleAssignments.create(FABRIKAM, randomUUID(), {
      roleDefinitionId: `${FABRIKAM}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
      principalId: em.principal(FABRIKAM_USER).objectId,
      principalType: "User",
    });
  });
  afterAll(async () => {
    await em?.close();
  });

  it("refuses the hijack: a PUT of the Fabrikam role's id under a Contoso subscription, and leaves the role as it was", async () => {
    const megan = em.principal(CONTOSO_OWNER).objectId;
    const hijack = client(CONTOSO_OWNER, CONTOSO).roleDefinitions.createOrUpdate(CONTOSO, guid, {
      roleName: "Anything goes",
      permissions: WIDE_OPEN,
      assignableScopes: [CONTOSO],
    });
    await expect(hijack).rejects.toMatchObject({
      statusCode: 403,
      code: "AuthorizationFailed",
      message:
        `The client '${CONTOSO_OWNER}' with object id '${megan}' does not have authorization to perform action ` +
        `'Microsoft.Authorization/roleDefinitions/write' over scope '${FABRIKAM}' or the scope is invalid. ` +
        "If access was recently granted, please refresh your credentials.",
    });
    const roles = await rolesNamed();
    expect(roles.map((r) => [r.name, r.assignableScopes, r.permissions?.[0]?.actions])).toEqual([
      [guid, [FABRIKAM], ["Microsoft.Compute/galleries/read"]],
    ]);
    expect(
      await collect(client(CONTOSO_OWNER, CONTOSO).roleDefinitions.list(CONTOSO, { filter: "type eq 'CustomRole'" })),
    ).toEqual([]);
  });

  it("does not escalate the Fabrikam reader: it still cannot create a resource group", async () => {
    const rg = em
      .resources(FABRIKAM_USER, DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId)
      .resourceGroups.createOrUpdate("rg-escalated", { location: "westeurope" });
    await expect(rg).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
  });

  it("refuses a DELETE of the role through a Contoso path, and the role stays", async () => {
    await expect(client(CONTOSO_OWNER, CONTOSO).roleDefinitions.delete(CONTOSO, guid)).rejects.toMatchObject({
      statusCode: 403,
      code: "AuthorizationFailed",
    });
    expect((await client(FABRIKAM_OWNER, FABRIKAM).roleDefinitions.get(FABRIKAM, guid)).roleName).toBe(ROLE_NAME);
  });

  it("keeps one role per id when its owner moves it to another first scope", async () => {
    const rg = `${FABRIKAM}/resourceGroups/rg-fabrikam-images`;
    const owner = client(FABRIKAM_OWNER, FABRIKAM);
    await owner.roleDefinitions.createOrUpdate(FABRIKAM, guid, {
      roleName: ROLE_NAME,
      permissions: [
        { actions: ["Microsoft.Compute/galleries/read"], notActions: [], dataActions: [], notDataActions: [] },
      ],
      assignableScopes: [rg, FABRIKAM],
    });
    const roles = await rolesNamed();
    expect(roles).toHaveLength(1);
    expect(roles[0]!.assignableScopes).toEqual([rg, FABRIKAM]);
    expect((await owner.roleDefinitions.get(rg, guid)).id).toBe(
      `${FABRIKAM}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    );
  });
});
