import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_RETRY, backoffMs, fetchWithRetry, retryAfterMsOf } from "@/lib/azure/armRetry";
import { createAuthorizationClient } from "@/lib/azure/authorizationClient";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { collect } from "@/lib/queries/collect";
import { assignRole, removeAssignment, sharingQueries } from "@/lib/queries/sharing";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS, DEMO_USERS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";

const headers = (entries: Record<string, string>) => ({ get: (name: string) => entries[name.toLowerCase()] });

describe("retryAfterMsOf", () => {
  it("reads delay seconds, HTTP dates and the millisecond headers", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMsOf(headers({ "retry-after": "1" }), now)).toBe(1000);
    expect(retryAfterMsOf(headers({ "retry-after": "Wed, 01 Jan 2025 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMsOf(headers({ "retry-after": "Tue, 31 Dec 2024 00:00:00 GMT" }), now)).toBe(0);
    expect(retryAfterMsOf(headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMsOf(headers({ "x-ms-retry-after-ms": "40" }), now)).toBe(40);
  });

  it("is undefined when absent or unreadable", () => {
    expect(retryAfterMsOf(headers({}))).toBeUndefined();
    expect(retryAfterMsOf(headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("doubles per retry within half to all of the step, and stops growing at the cap", () => {
    expect(backoffMs(0, { ...ARM_RETRY, random: () => 0 })).toBe(ARM_RETRY.baseDelayMs / 2);
    expect(backoffMs(0, { ...ARM_RETRY, random: () => 1 })).toBe(ARM_RETRY.baseDelayMs);
    expect(backoffMs(2, { ...ARM_RETRY, random: () => 1 })).toBe(ARM_RETRY.baseDelayMs * 4);
    expect(backoffMs(30, { ...ARM_RETRY, random: () => 1 })).toBe(ARM_RETRY.maxDelayMs);
  });
});

/**
 * Through the dashboard's own clients against the emulator with fault injection: throttling and 503s are waited
 * out as the emulator asks, and what cannot succeed still ends in ARM's error.
 */
describe("the dashboard's ARM clients under injected faults", () => {
  let emulator: TestEmulator;
  let arm: ArmClients;
  const admin = DEMO_PERSONA_USERS["platform-admin"].upn;
  const production = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: "demo" });
    arm = createArmClients(emulator.url, emulator.credential(admin));
  });
  afterAll(() => emulator?.close());

  async function setFaults(rules: unknown[]) {
    const response = await emulator.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules, seed: 7 }),
    });
    expect(response.status).toBe(200);
  }
  async function faultStats() {
    return ((await (await emulator.fetch("/_emulator/faults")).json()) as { stats: Record<string, number> }).stats;
  }

  it("waits out a 429's Retry-After on the SDK's gallery list and on rest.listAll", async () => {
    await setFaults([
      {
        name: "throttle",
        pathPattern: "/subscriptions/*/providers/Microsoft.Compute/galleries",
        status: 429,
        retryAfterSeconds: 1,
        count: 1,
      },
    ]);
    const started = Date.now();
    const galleries = await collect(arm.compute(production).galleries.list());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(galleries.length).toBeGreaterThan(0);
    expect((await faultStats()).throttled).toBe(1);

    await setFaults([{ name: "throttle", pathPattern: "/subscriptions", status: 429, retryAfterSeconds: 1, count: 2 }]);
    const restStarted = Date.now();
    const subscriptions = await arm.rest.listAll<{ subscriptionId: string }>("/subscriptions?api-version=2022-12-01");
    expect(Date.now() - restStarted).toBeGreaterThanOrEqual(2000);
    expect(subscriptions.map((s) => s.subscriptionId)).toContain(production);
    expect((await faultStats()).throttled).toBe(2);
  });

  it("retries 503s without Retry-After with backoff, more often than the SDK would, until the list completes", async () => {
    await setFaults([
      {
        name: "unavailable",
        pathPattern: "/subscriptions/*/providers/Microsoft.Compute/galleries",
        status: 503,
        count: 4,
      },
    ]);
    const galleries = await collect(arm.compute(production).galleries.list());
    expect(galleries.length).toBeGreaterThan(0);
    expect((await faultStats()).unavailable).toBe(4);
  });

  it("completes every list of the inventory under 20% 429s and 503s", async () => {
    await setFaults([
      {
        name: "throttle",
        pathPattern: "regex:^/subscriptions(/.*)?$",
        method: "GET",
        status: 429,
        retryAfterSeconds: 0,
        rate: 0.2,
      },
      {
        name: "unavailable",
        pathPattern: "regex:^/subscriptions(/.*)?$",
        method: "GET",
        status: 503,
        retryAfterSeconds: 0,
        rate: 0.2,
      },
    ]);
    const subscriptions = await arm.rest.listAll<{ subscriptionId: string }>("/subscriptions?api-version=2022-12-01");
    const lists = await Promise.all(subscriptions.map((s) => collect(arm.compute(s.subscriptionId).galleries.list())));
    expect(lists.flat().length).toBeGreaterThan(0);
    const stats = await faultStats();
    expect(stats.throttled! + stats.unavailable!).toBeGreaterThan(0);
  });

  it("does not wait out a Retry-After longer than the page can, and surfaces ARM's error", async () => {
    await setFaults([
      {
        name: "throttle",
        pathPattern: "/subscriptions/*/providers/Microsoft.Compute/galleries",
        status: 429,
        retryAfterSeconds: 3600,
      },
    ]);
    const started = Date.now();
    const error = await collect(arm.compute(production).galleries.list()).then(
      () => undefined,
      (e: unknown) => toAzureError(e),
    );
    // Nowhere near the hour ARM asked for: the error is surfaced instead of waited out.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error).toBeInstanceOf(AzureError);
    expect(error?.status).toBe(429);
    expect((await faultStats()).throttled).toBe(1);
  });

  it("retries the sharing client's role assignment calls like every other ARM call", async () => {
    const authorization = createAuthorizationClient(emulator.url, emulator.credential(admin), production);
    const gallery = `/subscriptions/${production}/resourceGroups/rg-images-eu/providers/Microsoft.Compute/galleries/contoso_eu_images`;
    const reader = `/subscriptions/${production}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`;
    const assignments = "**/providers/Microsoft.Authorization/roleAssignments/*";

    // One more 429 than the SDK's own policy would sit through, each with its Retry-After waited out.
    await setFaults([
      {
        name: "throttle",
        pathPattern: assignments,
        method: "PUT",
        status: 429,
        retryAfterSeconds: 1,
        count: ARM_RETRY.maxRetries,
      },
    ]);
    const started = Date.now();
    await assignRole(authorization, {
      scopeId: gallery,
      roleDefinitionId: reader,
      principalId: DEMO_USERS.diego.objectId,
      principalType: "User",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(ARM_RETRY.maxRetries * 1000);
    expect((await faultStats()).throttled).toBe(ARM_RETRY.maxRetries);
    const granted = (await sharingQueries.assignments(arm, gallery).queryFn!({} as never)).find(
      (a) => a.principalId === DEMO_USERS.diego.objectId,
    );
    expect(granted?.scope.toLowerCase()).toBe(gallery.toLowerCase());

    // A Retry-After longer than the page can wait is surfaced as ARM's 429, not waited out as the SDK would.
    await setFaults([
      { name: "throttle", pathPattern: assignments, method: "DELETE", status: 429, retryAfterSeconds: 3600 },
    ]);
    const refusedAt = Date.now();
    const error = await removeAssignment(authorization, granted!.id).catch((e: unknown) => e);
    expect(Date.now() - refusedAt).toBeLessThan(20_000);
    expect(error).toMatchObject({ name: "AzureError", status: 429 });

    await setFaults([]);
    await removeAssignment(authorization, granted!.id);
  });

  it("retries plain fetch calls (Microsoft Graph's path) the same way", async () => {
    await setFaults([
      { name: "throttle", pathPattern: "/subscriptions", status: 429, retryAfterSeconds: 1, count: 1 },
      { name: "unavailable", pathPattern: "/subscriptions", status: 503, count: 4 },
    ]);
    const headers = { authorization: `Bearer ${await emulator.token(admin)}` };
    const started = Date.now();
    const response = await fetchWithRetry(`${emulator.url}/subscriptions?api-version=2022-12-01`, { headers });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const stats = await faultStats();
    expect([stats.throttled, stats.unavailable]).toEqual([1, 3]);

    await setFaults([{ name: "unavailable", pathPattern: "/subscriptions", status: 503, retryAfterSeconds: 0 }]);
    const exhausted = await fetchWithRetry(`${emulator.url}/subscriptions?api-version=2022-12-01`, { headers });
    expect(exhausted.status).toBe(503);
    expect((await faultStats()).unavailable).toBe(ARM_RETRY.maxRetries + 1);
  });

  it("does not retry a client error", async () => {
    await setFaults([]);
    const error = await arm.rest
      .listAll("/subscriptions/not-a-guid/providers/Microsoft.Compute/galleries?api-version=2024-03-03")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureError);
    expect((error as AzureError).status).toBeGreaterThanOrEqual(400);
    expect((error as AzureError).status).toBeLessThan(500);
  });
});
