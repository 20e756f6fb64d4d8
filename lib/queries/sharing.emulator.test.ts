import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS, DEMO_USERS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createAuthorizationClient } from "@/lib/azure/authorizationClient";
import { createArmClients } from "@/lib/azure/clients";
import { AzureError } from "@/lib/azure/errors";
import { GRAPH_AUDIENCE } from "@/lib/azure/wellKnown";
import { activityLogQueries } from "@/lib/queries/activityLog";
import { getPrincipalsByIds, searchPrincipals, type GraphTransport } from "@/lib/queries/graph";
import { assignRole, removeAssignment, sharingQueries, updateDirectSharing } from "@/lib/queries/sharing";

const SHARED_SUB = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;
const PROD_SUB = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const SHARED_GALLERY = `/subscriptions/${SHARED_SUB}/resourceGroups/rg-shared-images/providers/Microsoft.Compute/galleries/contoso_shared_images`;
const EU_GALLERY = `/subscriptions/${PROD_SUB}/resourceGroups/rg-images-eu/providers/Microsoft.Compute/galleries/contoso_eu_images`;
const READER = `/subscriptions/${PROD_SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`;

describe("sharing queries against the demo seed", () => {
  let em: TestEmulator;
  const megan = DEMO_PERSONA_USERS["platform-admin"].upn;
  const adele = DEMO_PERSONA_USERS.consumer.upn;
  const graphAs = (upn: string): GraphTransport => ({ endpoint: em.url, token: () => em.token(upn, GRAPH_AUDIENCE) });

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  }, 60_000);
  afterAll(() => em.close());

  it("searches users, groups and service principals by name, marks guests and looks up pasted object ids", async () => {
    const graph = graphAs(megan);
    expect((await searchPrincipals(graph, "Image")).map((p) => [p.type, p.displayName])).toContainEqual([
      "Group",
      "Image Consumers",
    ]);
    expect((await searchPrincipals(graph, "contoso-image")).map((p) => [p.type, p.displayName])).toEqual([
      ["ServicePrincipal", "contoso-image-pipeline"],
    ]);
    const lee = (await searchPrincipals(graph, "Lee")).find((p) => p.displayName === "Lee Gu");
    expect(lee).toMatchObject({ type: "User", guest: true });
    expect((await searchPrincipals(graph, DEMO_USERS.diego.objectId.toUpperCase())).map((p) => p.displayName)).toEqual([
      "Diego Siciliani",
    ]);
    expect(await searchPrincipals(graph, "00000000-0000-4000-8000-00000000dead")).toEqual([]);
    expect(
      (await getPrincipalsByIds(graph, [DEMO_USERS.adele.objectId, DEMO_USERS.megan.objectId]))
        .map((p) => p.displayName)
        .sort(),
    ).toEqual(["Adele Vance", "Megan Bowen"]);
  });

  it("lists assignments at a gallery with those inherited from its resource group and subscription", async () => {
    const arm = createArmClients(em.url, em.credential(megan));
    const assignments = await sharingQueries.assignments(arm, SHARED_GALLERY).queryFn!({} as never);
    const scopes = new Set(assignments.map((a) => a.scope.toLowerCase()));
    expect(scopes).toEqual(
      new Set(
        [
          SHARED_GALLERY,
          `/subscriptions/${SHARED_SUB}/resourceGroups/rg-shared-images`,
          `/subscriptions/${SHARED_SUB}`,
        ].map((s) => s.toLowerCase()),
      ),
    );
  });

  it("assigns, refuses a duplicate with RoleAssignmentExists, refuses a caller without the right, and removes", async () => {
    const authorization = createAuthorizationClient(em.url, em.credential(megan), PROD_SUB);
    const input = {
      scopeId: EU_GALLERY,
      roleDefinitionId: READER,
      principalId: DEMO_USERS.adele.objectId,
      principalType: "User" as const,
    };
    await assignRole(authorization, input);
    const duplicate = await assignRole(authorization, input).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(AzureError);
    expect(duplicate).toMatchObject({ code: "RoleAssignmentExists", status: 409 });
    const refused = await assignRole(createAuthorizationClient(em.url, em.credential(adele), PROD_SUB), {
      ...input,
      principalId: DEMO_USERS.diego.objectId,
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "AuthorizationFailed", status: 403 });

    const arm = createArmClients(em.url, em.credential(megan));
    const mine = (await sharingQueries.assignments(arm, EU_GALLERY).queryFn!({} as never)).find(
      (a) => a.principalId === DEMO_USERS.adele.objectId,
    );
    expect(mine?.scope.toLowerCase()).toBe(EU_GALLERY.toLowerCase());
    await removeAssignment(authorization, mine!.id);
    expect(
      (await sharingQueries.assignments(arm, EU_GALLERY).queryFn!({} as never)).some(
        (a) => a.principalId === DEMO_USERS.adele.objectId,
      ),
    ).toBe(false);

    const activity = await activityLogQueries.recent(arm, EU_GALLERY).queryFn!({} as never);
    expect(activity.map((e) => `${e.operationName.localizedValue}:${e.status.value}`)).toEqual(
      expect.arrayContaining([
        "Create role assignment:Succeeded",
        "Delete role assignment:Succeeded",
        "Create role assignment:Failed",
      ]),
    );
  });

  it("lists the assignable roles at the scope, also for a caller who can read only the gallery", async () => {
    const roles = await sharingQueries.roles(createArmClients(em.url, em.credential(adele)), SHARED_GALLERY).queryFn!(
      {} as never,
    );
    expect(roles.map((r) => r.roleName)).toEqual(
      expect.arrayContaining(["Reader", "Compute Gallery Image Reader", "Compute Gallery Artifacts Publisher"]),
    );
  });

  it("shares a gallery directly and reads the groups back", async () => {
    const arm = createArmClients(em.url, em.credential(megan));
    const fabrikam = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
    await updateDirectSharing(arm, EU_GALLERY, {
      operationType: "Add",
      groups: [{ type: "Subscriptions", ids: [fabrikam] }],
    });
    const gallery = await sharingQueries.directSharing(arm, EU_GALLERY).queryFn!({} as never);
    expect(gallery.sharingProfile).toMatchObject({
      permissions: "Groups",
      groups: [{ type: "Subscriptions", ids: [fabrikam] }],
    });
    await updateDirectSharing(arm, EU_GALLERY, { operationType: "Reset" });
  });
});
