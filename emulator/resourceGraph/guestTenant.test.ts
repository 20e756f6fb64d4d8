import { afterAll, beforeAll, expect, it } from "vitest";
import { ARM_AUDIENCE, EMULATOR_DASHBOARD_CLIENT_ID } from "../../lib/azure/wellKnown.js";
import { issueAccessToken } from "../identity/issue.js";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS, DEMO_USERS } from "../seed/demoIdentities.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

let em: TestEmulator;
beforeAll(async () => {
  em = await startTestEmulator({ seed: "demo" });
});
afterAll(async () => {
  await em?.close();
});

/** The subscriptions of the galleries a query returns, as the user signed in to one tenant. */
async function gallerySubscriptions(tenantId: string): Promise<string[]> {
  const token = await issueAccessToken(em.emulator.ctx, {
    principal: em.principal(DEMO_USERS.lee.upn),
    tenantId,
    audience: ARM_AUDIENCE,
    clientId: EMULATOR_DASHBOARD_CLIENT_ID,
    origin: em.url,
  });
  const res = await fetch(`${em.url}/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query: "resources | where type =~ 'microsoft.compute/galleries' | project subscriptionId" }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { subscriptionId: string }[] };
  return [...new Set(body.data.map((row) => row.subscriptionId.toLowerCase()))];
}

// A guest has the same object id in every tenant; what it sees depends on the tenant its token is for.
it("answers a guest with the galleries of the tenant its token is for, whichever tenant it queried first", async () => {
  const contoso = await gallerySubscriptions(DEMO_TENANTS.contoso.tenantId);
  expect(contoso.length).toBeGreaterThan(0);
  expect(contoso).not.toContain(DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId);
  expect(await gallerySubscriptions(DEMO_TENANTS.fabrikam.tenantId)).toEqual([
    DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId,
  ]);
  expect(await gallerySubscriptions(DEMO_TENANTS.contoso.tenantId)).toEqual(contoso);
});
