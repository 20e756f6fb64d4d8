import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorConfig } from "../config.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { SERVICE_RETRY_AFTER_SECONDS } from "./shared/retryAfter.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-lro";
const API = "api-version=2025-12-03";
const COMPUTE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute`;
const GALLERY = `${COMPUTE}/galleries/lro`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const IMAGE = `${COMPUTE}/images/base`;
const version = (name: string) => `${DEFINITION}/versions/${name}`;

const definitionBody = {
  location: "westeurope",
  properties: { identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22_04" }, osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" },
};
const imageBody = {
  location: "westeurope",
  properties: {
    hyperVGeneration: "V2",
    storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", blobUri: "https://sa.blob.core.windows.net/vhds/base.vhd", diskSizeGB: 30 } },
  },
};
/** To a remote region as well, so replication takes emulated minutes. */
const versionBody = (regions = ["westeurope", "northeurope"]) => ({
  location: "westeurope",
  properties: { publishingProfile: { targetRegions: regions.map((name) => ({ name })) }, storageProfile: { source: { id: IMAGE } } },
});

/** An emulator with one gallery, definition and managed image in place, the clock moved past their operations. */
async function startWithDefinition(config: Partial<EmulatorConfig>): Promise<TestEmulator> {
  const em = await startTestEmulator(config);
  await em.resources(ADMIN, SUB).resourceGroups.createOrUpdate(RG, { location: "westeurope" });
  for (const [path, body] of [
    [GALLERY, { location: "westeurope" }],
    [DEFINITION, definitionBody],
    [IMAGE, imageBody],
  ] as const) {
    const api = path === IMAGE ? "api-version=2024-11-01" : API;
    const res = await em.fetch(`${path}?${api}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
    expect(res.status, path).toBeLessThan(300);
    await em.advance(3600);
  }
  return em;
}

describe("long-running operation headers as Compute sends them", () => {
  let em: TestEmulator;
  const send = (method: string, path: string, body?: unknown) =>
    em.fetch(`${path}?${API}`, { method, as: ADMIN, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const poll = (url: string) => em.fetch(new URL(url).pathname + new URL(url).search, { as: ADMIN });
  const operationOf = (res: Response) => em.emulator.ctx.operations.get(new URL(res.headers.get("azure-asyncoperation")!).pathname.split("/").pop()!)!;

  beforeAll(async () => {
    em = await startTestEmulator({ lroSeconds: 30 });
    await em.resources(ADMIN, SUB).resourceGroups.createOrUpdate(RG, { location: "westeurope" });
  });
  afterAll(() => em.close());

  it("gallery and definition operations: Azure-AsyncOperation on PUT and PATCH, Location on DELETE, never Retry-After", async () => {
    const created = await send("PUT", GALLERY, { location: "westeurope" });
    expect(created.status).toBe(201);
    expect(created.headers.get("azure-asyncoperation")).toMatch(
      new RegExp(`/subscriptions/${SUB}/providers/Microsoft\\.Compute/locations/westeurope/capsOperations/[0-9a-f-]{36}\\?api-version=\\d{4}-\\d{2}-\\d{2}$`),
    );
    expect(created.headers.get("location")).toBeNull();
    expect(created.headers.get("retry-after")).toBeNull();

    const running = await poll(created.headers.get("azure-asyncoperation")!);
    expect(((await running.json()) as { status: string }).status).toBe("InProgress");
    expect(running.headers.get("retry-after")).toBeNull();
    await em.advance(30);

    const definition = await send("PUT", DEFINITION, definitionBody);
    expect(definition.status).toBe(201);
    expect([definition.headers.get("location"), definition.headers.get("retry-after")]).toEqual([null, null]);
    await em.advance(30);

    const patched = await send("PATCH", DEFINITION, { properties: { description: "Patched" } });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("azure-asyncoperation")).toContain("/capsOperations/");
    expect([patched.headers.get("location"), patched.headers.get("retry-after")]).toEqual([null, null]);
    await em.advance(30);

    const deleting = await send("DELETE", DEFINITION);
    expect(deleting.status).toBe(202);
    const monitor = deleting.headers.get("location")!;
    expect(monitor).toBe(deleting.headers.get("azure-asyncoperation")!.replace("?api-version=", "?monitor=true&api-version="));
    expect(deleting.headers.get("retry-after")).toBeNull();
    const monitored = await poll(monitor);
    expect(monitored.status).toBe(202);
    expect(monitored.headers.get("retry-after")).toBeNull();
    await em.advance(30);
    expect((await poll(monitor)).status).toBe(200);
  });

  it("image version operations carry Retry-After, capped by the emulator's pace, down to the seconds left, none on a poll once done", async () => {
    await send("PUT", DEFINITION, definitionBody);
    expect((await em.fetch(`${IMAGE}?api-version=2024-11-01`, { method: "PUT", as: ADMIN, body: JSON.stringify(imageBody) })).status).toBeLessThan(300);
    await em.advance(60);

    const created = await send("PUT", version("1.0.0"), versionBody());
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBeNull();
    // Replication to North Europe takes emulated minutes: the wait is EMULATOR_LRO_SECONDS (30), not the service's 60.
    expect(created.headers.get("retry-after")).toBe("30");
    const statusUrl = created.headers.get("azure-asyncoperation")!;
    const running = await poll(statusUrl);
    expect(((await running.json()) as { status: string }).status).toBe("InProgress");
    expect(running.headers.get("retry-after")).toBe("30");
    const monitored = await poll(statusUrl.replace("?api-version=", "?monitor=true&api-version="));
    expect(monitored.status).toBe(202);
    expect(monitored.headers.get("retry-after")).toBe("30");

    // 1.5 s before the end the answer asks for 2 s, not 30.
    const op = operationOf(created);
    await em.advance((op.endsAt - em.emulator.ctx.clock.now() - 1_500) / 1000);
    expect((await poll(statusUrl)).headers.get("retry-after")).toBe("2");

    await em.advance(2);
    const done = await poll(statusUrl);
    expect(((await done.json()) as { status: string }).status).toBe("Succeeded");
    expect(done.headers.get("retry-after")).toBeNull();

    // A change of tags alone finishes at once; a region added replicates again.
    const tagged = await send("PATCH", version("1.0.0"), { tags: { stage: "test" } });
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get("location")).toBeNull();
    expect(tagged.headers.get("retry-after")).toBe("1");
    const patched = await send("PATCH", version("1.0.0"), { properties: { publishingProfile: { targetRegions: ["westeurope", "northeurope", "eastus"].map((name) => ({ name })) } } });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("retry-after")).toBe("30");
    await em.advance(60);

    const deleting = await send("DELETE", version("1.0.0"));
    expect(deleting.status).toBe(202);
    expect(deleting.headers.get("location")).toContain("/capsOperations/");
    expect(deleting.headers.get("retry-after")).toBe("30");
    await em.advance(60);
  });

  it("a held operation (fault injection) asks for the emulator's pace, the longest it ever asks", async () => {
    await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules: [{ name: "hold", pathPattern: "**/versions/9.9.9", stayInProgress: true }] }) });
    try {
      const held = await send("PUT", version("9.9.9"), versionBody(["westeurope"]));
      expect(held.status).toBe(201);
      expect(held.headers.get("retry-after")).toBe("30");
      await em.advance(7 * 24 * 3600);
      expect((await poll(held.headers.get("azure-asyncoperation")!)).headers.get("retry-after")).toBe("30");
    } finally {
      await em.fetch("/_emulator/faults", { method: "DELETE" });
    }
  });
});

describe("Retry-After with the emulator's pace and clock speed", () => {
  it("asks for 1 s, while a version replicates as for an operation already over, when EMULATOR_LRO_SECONDS=0", async () => {
    const em = await startWithDefinition({ lroSeconds: 0 });
    try {
      const put = (path: string, body: unknown) => em.fetch(`${path}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
      const gallery = await put(`${COMPUTE}/galleries/instant`, { location: "westeurope" });
      expect(((await gallery.json()) as { properties: { provisioningState: string } }).properties.provisioningState).toBe("Succeeded");
      expect(gallery.headers.get("retry-after")).toBeNull();

      const created = await put(version("1.0.0"), versionBody());
      expect(created.headers.get("retry-after")).toBe("1");
      const running = await em.fetch(new URL(created.headers.get("azure-asyncoperation")!).pathname + `?${API}`, { as: ADMIN });
      expect(running.headers.get("retry-after")).toBe("1");

      await em.advance(3600);
      const deleting = await em.fetch(`${version("1.0.0")}?${API}`, { method: "DELETE", as: ADMIN });
      expect(deleting.status).toBe(202);
      expect(deleting.headers.get("retry-after")).toBe("1");
    } finally {
      await em.close();
    }
  });

  it("counts the remaining emulated time in real seconds at EMULATOR_CLOCK_SPEED, within the service's 60 s", async () => {
    const speed = 10;
    const em = await startWithDefinition({ lroSeconds: 3600, clockSpeed: speed });
    try {
      const created = await em.fetch(`${version("1.0.0")}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(versionBody()) });
      const op = em.emulator.ctx.operations.get(new URL(created.headers.get("azure-asyncoperation")!).pathname.split("/").pop()!)!;
      const realSecondsLeft = (op.endsAt - em.emulator.ctx.clock.now()) / speed / 1000;
      const retryAfter = Number(created.headers.get("retry-after"));
      expect(realSecondsLeft).toBeLessThan(SERVICE_RETRY_AFTER_SECONDS);
      expect(Math.abs(retryAfter - Math.ceil(realSecondsLeft))).toBeLessThanOrEqual(1);

      // A terabyte to copy to North Europe takes emulated hours, minutes even at 10x: the service's 60 s is the most it asks.
      const big = { ...imageBody, properties: { ...imageBody.properties, storageProfile: { ...imageBody.properties.storageProfile, dataDisks: [{ lun: 0, blobUri: "https://sa.blob.core.windows.net/vhds/big.vhd", diskSizeGB: 1000 }] } } };
      expect((await em.fetch(`${COMPUTE}/images/big?api-version=2024-11-01`, { method: "PUT", as: ADMIN, body: JSON.stringify(big) })).status).toBeLessThan(300);
      await em.advance(3 * 3600);
      const longer = await em.fetch(`${version("2.0.0")}?${API}`, {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({ ...versionBody(), properties: { ...versionBody().properties, storageProfile: { source: { id: `${COMPUTE}/images/big` } } } }),
      });
      expect(longer.status).toBe(201);
      expect(longer.headers.get("retry-after")).toBe(String(SERVICE_RETRY_AFTER_SECONDS));
    } finally {
      await em.close();
    }
  });

  it("lets @azure/arm-compute's poller finish a version promptly while the clock moves (it sleeps what Retry-After says)", async () => {
    const em = await startWithDefinition({ lroSeconds: 2 });
    try {
      const client = em.compute(ADMIN, SUB);
      const timer = setInterval(() => void em.advance(60), 15);
      const started = Date.now();
      try {
        const created = await client.galleryImageVersions.createOrUpdate(
          RG,
          "lro",
          "ubuntu",
          "1.0.0",
          { location: "westeurope", publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "northeurope" }] }, storageProfile: { source: { id: IMAGE } } },
          FAST_POLL,
        );
        expect(created.provisioningState).toBe("Succeeded");
        await client.galleryImageVersions.delete(RG, "lro", "ubuntu", "1.0.0", FAST_POLL);
      } finally {
        clearInterval(timer);
      }
      // Each wait is at most EMULATOR_LRO_SECONDS (2 s) instead of the service's 60 s.
      expect(Date.now() - started).toBeLessThan(15_000);
      await expect(client.galleryImageVersions.get(RG, "lro", "ubuntu", "1.0.0")).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await em.close();
    }
  });
});
