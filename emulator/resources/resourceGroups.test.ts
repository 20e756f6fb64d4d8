import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;

describe("Microsoft.Resources through the real SDK", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator();
  });
  afterAll(() => em.close());

  it("creates, reads, lists and deletes resource groups, storing the canonical region name", async () => {
    const client = em.resources(ADMIN, SUB);
    const created = await client.resourceGroups.createOrUpdate("rg-Images", {
      location: "West Europe",
      tags: { team: "platform" },
    });
    expect(created.location).toBe("westeurope");
    expect(created.properties?.provisioningState).toBe("Succeeded");
    const got = await client.resourceGroups.get("RG-IMAGES");
    expect(got.name).toBe("rg-Images");
    expect(await client.resourceGroups.checkExistence("rg-images")).toMatchObject({ body: true });
    const names: string[] = [];
    for await (const rg of client.resourceGroups.list()) names.push(rg.name!);
    expect(names).toContain("rg-Images");
    await client.resourceGroups.beginDeleteAndWait("rg-images", { updateIntervalInMs: 10 });
    await expect(client.resourceGroups.get("rg-images")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceGroupNotFound",
    });
  });

  it("drops role assignments inside a deleted resource group, so a new group of that name starts without them", async () => {
    const client = em.resources(ADMIN, SUB);
    await client.resourceGroups.createOrUpdate("rg-shared", { location: "westeurope" });
    const user = EMPTY_SEED.user.upn;
    em.emulator.ctx.roleAssignments.create({
      scope: `/subscriptions/${SUB}/resourceGroups/rg-shared`,
      roleDefinitionGuid: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
      principalId: EMPTY_SEED.user.objectId,
      principalType: "User",
    });
    expect(
      (await em.fetch(`/subscriptions/${SUB}/resourceGroups/rg-shared?api-version=2022-09-01`, { as: user })).status,
    ).toBe(200);
    await client.resourceGroups.beginDeleteAndWait("rg-shared", { updateIntervalInMs: 10 });
    await client.resourceGroups.createOrUpdate("rg-shared", { location: "westeurope" });
    expect(
      (await em.fetch(`/subscriptions/${SUB}/resourceGroups/rg-shared?api-version=2022-09-01`, { as: user })).status,
    ).toBe(403);
  });

  it("refuses a location that does not exist with Azure's error", async () => {
    const client = em.resources(ADMIN, SUB);
    await expect(client.resourceGroups.createOrUpdate("rg-x", { location: "atlantis" })).rejects.toMatchObject({
      statusCode: 400,
      code: "LocationNotAvailableForResourceGroup",
    });
  });

  it("hides subscriptions from a user without any role assignment", async () => {
    const res = await em.fetch("/subscriptions?api-version=2022-12-01", { as: EMPTY_SEED.user.upn });
    expect(res.status).toBe(200);
    expect((await res.json()).value).toEqual([]);
    const admin = await (await em.fetch("/subscriptions?api-version=2022-12-01", { as: ADMIN })).json();
    expect(admin.value.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([SUB]);
  });
});

describe("the ARM pipeline over raw HTTP", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator();
  });
  afterAll(() => em.close());

  it("requires api-version", async () => {
    const res = await em.fetch(`/subscriptions/${SUB}/resourcegroups`, { as: ADMIN });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("MissingApiVersionParameter");
    expect(res.headers.get("x-ms-request-id")).toBeTruthy();
  });

  it("requires a bearer token and rejects forged ones", async () => {
    const none = await em.fetch(`/subscriptions?api-version=2022-12-01`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("AuthenticationFailed");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer /);

    const good = await em.token(ADMIN);
    const [h, p] = good.split(".");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${p}.`;
    const forged = await em.fetch(`/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${unsigned}` },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe("InvalidAuthenticationToken");
    const tampered = await em.fetch(`/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${h}.${p}.AAAA` },
    });
    expect(tampered.status).toBe(401);

    const graphToken = await em.token(ADMIN, "https://graph.microsoft.com");
    const wrongAud = await em.fetch(`/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${graphToken}` },
    });
    expect(wrongAud.status).toBe(401);
    expect((await wrongAud.json()).error.code).toBe("InvalidAuthenticationTokenAudience");
  });

  it("answers malformed JSON with InvalidRequestContent", async () => {
    const res = await em.fetch(`/subscriptions/${SUB}/resourcegroups/rg1?api-version=2022-09-01`, {
      method: "PUT",
      as: ADMIN,
      body: "{ not json",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("InvalidRequestContent");
  });

  it("answers CORS preflights from any localhost origin and exposes the LRO headers", async () => {
    const res = await em.fetch(`/subscriptions?api-version=2022-12-01`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3123",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3123");
    const get = await em.fetch(`/subscriptions?api-version=2022-12-01`, {
      as: ADMIN,
      headers: { Origin: "http://127.0.0.1:3000" },
    });
    expect(get.headers.get("access-control-expose-headers")).toContain("Azure-AsyncOperation");
  });

  it("matches paths case-insensitively and collapses double slashes", async () => {
    const res = await em.fetch(`//SUBSCRIPTIONS/${SUB.toUpperCase()}//locations?api-version=2022-12-01`, { as: ADMIN });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.value.find((l: { name: string }) => l.name === "westeurope").displayName).toBe("West Europe");
  });

  it("answers unknown paths with ARM's 404 body", async () => {
    const res = await em.fetch(`/subscriptions/${SUB}/providers/Microsoft.Nope/things?api-version=2020-01-01`, {
      as: ADMIN,
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NoRegisteredProviderFound");
  });
});
