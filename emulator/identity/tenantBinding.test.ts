import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { RestError } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS, DEMO_USERS } from "../seed/demoIdentities.js";
import { collect } from "../testing/computeFixture.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

const CONTOSO = DEMO_TENANTS.contoso.tenantId;
const FABRIKAM = DEMO_TENANTS.fabrikam.tenantId;
const SHARED = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;
const FABRIKAM_PROD = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const LEE = DEMO_USERS.lee.upn;
const MEGAN = DEMO_USERS.megan.upn;

let em: TestEmulator;
beforeAll(async () => {
  em = await startTestEmulator({ seed: "demo" });
});
afterAll(async () => {
  await em?.close();
});

async function refusal(work: Promise<unknown>): Promise<RestError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestError);
  return error as RestError;
}

async function asIn(who: string, tenantId: string, path: string, init: RequestInit = {}): Promise<Response> {
  const token = await em.token(who, ARM_AUDIENCE, tenantId);
  return fetch(`${em.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
}

describe("a token is bound to its tenant", () => {
  it("refuses a guest's home-tenant token on the visited tenant's subscription with 401 naming both tenants", async () => {
    const error = await refusal(em.compute(LEE, SHARED).galleries.get("rg-shared-images", "contoso_shared_images"));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe("InvalidAuthenticationTokenTenant");
    expect(error.message).toBe(
      `The access token is from the wrong issuer 'https://sts.windows.net/${FABRIKAM}/'. It must match the tenant ` +
        `'https://sts.windows.net/${CONTOSO}/' associated with this subscription. Please use the authority (URL) ` +
        `'https://login.windows.net/${CONTOSO}' to get the token. Note, if the subscription is transferred to another tenant ` +
        "there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). " +
        "If you just transferred your subscription and see this error message, please try back later.",
    );
    const challenge = error.response?.headers.get("www-authenticate") ?? "";
    expect(challenge).toContain(`authorization_uri="${em.url}/${CONTOSO}"`);
    expect(challenge).toContain('error="invalid_token"');
  });

  it("answers the same guest with the visited tenant's token (tid = Contoso)", async () => {
    const gallery = await em.compute(LEE, SHARED, CONTOSO).galleries.get("rg-shared-images", "contoso_shared_images");
    expect(gallery.name).toBe("contoso_shared_images");
  });

  it("refuses a Contoso token on a Fabrikam subscription with 401, not 403, even for a Contoso user holding a role there", async () => {
    const megan = em.principal(MEGAN).objectId;
    const auth = new AuthorizationManagementClient(em.credential(LEE), FABRIKAM_PROD, {
      endpoint: em.url,
      allowInsecureConnection: true,
    });
    installAuthPolicy(auth.pipeline, em.url, em.credential(LEE), [`${ARM_AUDIENCE}/.default`]);
    await auth.roleAssignments.create(`/subscriptions/${FABRIKAM_PROD}`, "fa000000-0000-4000-8006-0000000000aa", {
      roleDefinitionId: `/subscriptions/${FABRIKAM_PROD}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.Reader}`,
      principalId: megan,
      principalType: "User",
    });
    const error = await refusal(
      em.compute(MEGAN, FABRIKAM_PROD).galleries.get("rg-fabrikam-images", "fabrikam_images"),
    );
    expect([error.statusCode, error.code]).toEqual([401, "InvalidAuthenticationTokenTenant"]);
    expect(error.message).toContain(`wrong issuer 'https://sts.windows.net/${CONTOSO}/'`);
    // As a guest of Fabrikam, with the token Fabrikam issues, she reads its galleries.
    const galleries = await collect(em.compute(MEGAN, FABRIKAM_PROD, FABRIKAM).galleries.list());
    expect(galleries.map((g) => g.name)).toEqual(["fabrikam_images"]);
  });

  it("binds every subscription-scoped path: resource groups, role assignments, the activity log, the subscription itself", async () => {
    for (const path of [
      `/subscriptions/${SHARED}?api-version=2022-12-01`,
      `/subscriptions/${SHARED}/resourcegroups?api-version=2021-04-01`,
      `/SUBSCRIPTIONS/${SHARED.toUpperCase()}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      `/subscriptions/${SHARED}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=eventTimestamp ge '2020-01-01'`,
    ]) {
      const res = await asIn(LEE, FABRIKAM, path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe(
        "InvalidAuthenticationTokenTenant",
      );
    }
    // A subscription that does not exist belongs to no tenant, so no token is from the wrong one.
    const unknown = await asIn(
      LEE,
      FABRIKAM,
      "/subscriptions/00000000-0000-4000-8000-00000000dead/resourcegroups?api-version=2021-04-01",
    );
    expect(unknown.status).not.toBe(401);
  });

  it("lists only the token tenant's subscriptions", async () => {
    const list = async (tenantId: string) => {
      const res = await asIn(LEE, tenantId, "/subscriptions?api-version=2022-12-01");
      return ((await res.json()) as { value: { subscriptionId: string; tenantId: string }[] }).value;
    };
    expect((await list(FABRIKAM)).map((s) => s.subscriptionId)).toEqual([FABRIKAM_PROD]);
    const contoso = await list(CONTOSO);
    expect(contoso.map((s) => s.subscriptionId)).toEqual([SHARED]);
    expect(contoso.every((s) => s.tenantId === CONTOSO)).toBe(true);
  });

  it("answers a Resource Graph query naming subscriptions of two tenants for the token's tenant only", async () => {
    const query = async (tenantId: string) => {
      const res = await asIn(LEE, tenantId, "/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01", {
        method: "POST",
        body: JSON.stringify({
          subscriptions: [SHARED, FABRIKAM_PROD],
          query: "resources | where type =~ 'microsoft.compute/galleries' | project name",
        }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { name: string }[] }).data.map((r) => r.name).sort();
    };
    expect(await query(FABRIKAM)).toEqual(["fabrikam_images"]);
    expect(await query(CONTOSO)).toEqual(["contoso_shared_images"]);
  });
});
