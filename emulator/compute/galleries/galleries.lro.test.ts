import { beforeAll, describe, expect, it } from "vitest";
import type { OperationRecord } from "../../operations.js";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture, type ComputeFixture, type ComputeFixtureOptions } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { SERVICE_RETRY_AFTER_SECONDS } from "../shared/retryAfter.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-lro";
const API = "api-version=2025-12-03";
const COMPUTE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute`;
const GALLERY = `${COMPUTE}/galleries/lro`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const IMAGE = `${COMPUTE}/images/base`;
const version = (name: string) => `${DEFINITION}/versions/${name}`;

const identifier = { publisher: "Contoso", offer: "Ubuntu", sku: "22_04" };
const definitionBody = {
  location: "westeurope",
  properties: { identifier, osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" },
};
/** To a remote region as well, so replication takes emulated minutes. */
const versionBody = (regions = ["westeurope", "northeurope"], source = IMAGE) => ({
  location: "westeurope",
  properties: {
    publishingProfile: { targetRegions: regions.map((name) => ({ name })) },
    storageProfile: { source: { id: source } },
  },
});

/** Raw ARM calls as the admin, for the headers the SDK does not show. */
function arm(fx: ComputeFixture) {
  return {
    send: (method: string, path: string, body?: unknown) =>
      fx.em.fetch(`${path}?${API}`, {
        method,
        as: ADMIN,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    poll: (url: string) => fx.em.fetch(new URL(url).pathname + new URL(url).search, { as: ADMIN }),
    operationOf: (res: Response): OperationRecord =>
      fx.em.emulator.ctx.operations.get(new URL(res.headers.get("azure-asyncoperation")!).pathname.split("/").pop()!)!,
  };
}

/** The fixture with the gallery, its definition and a managed image in place, the clock moved past their operations. */
function fixtureWithDefinition(options: ComputeFixtureOptions): ComputeFixture {
  const fx = computeFixture({ ...options, resourceGroups: { [RG]: "westeurope" }, stepSeconds: 3600 });
  beforeAll(async () => {
    await fx.gallery(RG, "lro", { location: "westeurope" });
    await fx.defineImage(RG, "lro", "ubuntu", { location: "westeurope", identifier, hyperVGeneration: "V2" });
    await fx.imageFromBlob(RG, "base", "westeurope");
    await fx.em.advance(3600);
  });
  return fx;
}

describe("long-running operation headers as Compute sends them", () => {
  const fx = computeFixture({ lroSeconds: 30, resourceGroups: { [RG]: "westeurope" } });
  const { send, poll, operationOf } = arm(fx);

  it("gallery and definition operations: Azure-AsyncOperation on PUT and PATCH, Location on DELETE, never Retry-After", async () => {
    const created = await send("PUT", GALLERY, { location: "westeurope" });
    expect(created.status).toBe(201);
    expect(created.headers.get("azure-asyncoperation")).toMatch(
      new RegExp(
        `/subscriptions/${SUB}/providers/Microsoft\\.Compute/locations/westeurope/capsOperations/[0-9a-f-]{36}\\?api-version=\\d{4}-\\d{2}-\\d{2}$`,
      ),
    );
    expect(created.headers.get("location")).toBeNull();
    expect(created.headers.get("retry-after")).toBeNull();

    const running = await poll(created.headers.get("azure-asyncoperation")!);
    expect(((await running.json()) as { status: string }).status).toBe("InProgress");
    expect(running.headers.get("retry-after")).toBeNull();
    await fx.em.advance(30);

    const definition = await send("PUT", DEFINITION, definitionBody);
    expect(definition.status).toBe(201);
    expect([definition.headers.get("location"), definition.headers.get("retry-after")]).toEqual([null, null]);
    await fx.em.advance(30);

    const patched = await send("PATCH", DEFINITION, { properties: { description: "Patched" } });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("azure-asyncoperation")).toContain("/capsOperations/");
    expect([patched.headers.get("location"), patched.headers.get("retry-after")]).toEqual([null, null]);
    await fx.em.advance(30);

    const deleting = await send("DELETE", DEFINITION);
    expect(deleting.status).toBe(202);
    const monitor = deleting.headers.get("location")!;
    expect(monitor).toBe(
      deleting.headers.get("azure-asyncoperation")!.replace("?api-version=", "?monitor=true&api-version="),
    );
    expect(deleting.headers.get("retry-after")).toBeNull();
    const monitored = await poll(monitor);
    expect(monitored.status).toBe(202);
    expect(monitored.headers.get("retry-after")).toBeNull();
    await fx.em.advance(30);
    expect((await poll(monitor)).status).toBe(200);
  });

  it("image version operations carry Retry-After, capped by the emulator's pace, down to the seconds left, none on a poll once done", async () => {
    await send("PUT", DEFINITION, definitionBody);
    await fx.imageFromBlob(RG, "base", "westeurope");
    await fx.em.advance(60);

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
    await fx.em.advance((op.endsAt - fx.em.emulator.ctx.clock.now() - 1_500) / 1000);
    expect((await poll(statusUrl)).headers.get("retry-after")).toBe("2");

    await fx.em.advance(2);
    const done = await poll(statusUrl);
    expect(((await done.json()) as { status: string }).status).toBe("Succeeded");
    expect(done.headers.get("retry-after")).toBeNull();

    // A change of tags alone finishes at once; a region added replicates again.
    const tagged = await send("PATCH", version("1.0.0"), { tags: { stage: "test" } });
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get("location")).toBeNull();
    expect(tagged.headers.get("retry-after")).toBe("1");
    const patched = await send("PATCH", version("1.0.0"), {
      properties: {
        publishingProfile: { targetRegions: ["westeurope", "northeurope", "eastus"].map((name) => ({ name })) },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("retry-after")).toBe("30");
    await fx.em.advance(3600);

    const deleting = await send("DELETE", version("1.0.0"));
    expect(deleting.status).toBe(202);
    expect(deleting.headers.get("location")).toContain("/capsOperations/");
    expect(deleting.headers.get("retry-after")).toBe("30");
    await fx.em.advance(60);
  });

  it("a held operation (fault injection) asks for the emulator's pace, the longest it ever asks", async () => {
    await fx.em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ name: "hold", pathPattern: "**/versions/9.9.9", stayInProgress: true }] }),
    });
    try {
      const held = await send("PUT", version("9.9.9"), versionBody(["westeurope"]));
      expect(held.status).toBe(201);
      expect(held.headers.get("retry-after")).toBe("30");
      await fx.em.advance(7 * 24 * 3600);
      expect((await poll(held.headers.get("azure-asyncoperation")!)).headers.get("retry-after")).toBe("30");
    } finally {
      await fx.em.fetch("/_emulator/faults", { method: "DELETE" });
    }
  });
});

describe("Retry-After with EMULATOR_LRO_SECONDS=0", () => {
  const fx = fixtureWithDefinition({ lroSeconds: 0 });
  const { send, poll } = arm(fx);

  it("asks for 1 s, while a version replicates as for an operation already over", async () => {
    const gallery = await send("PUT", `${COMPUTE}/galleries/instant`, { location: "westeurope" });
    expect(((await gallery.json()) as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      "Succeeded",
    );
    expect(gallery.headers.get("retry-after")).toBeNull();

    const created = await send("PUT", version("1.0.0"), versionBody());
    expect(created.headers.get("retry-after")).toBe("1");
    expect((await poll(created.headers.get("azure-asyncoperation")!)).headers.get("retry-after")).toBe("1");

    await fx.em.advance(3600);
    const deleting = await send("DELETE", version("1.0.0"));
    expect(deleting.status).toBe(202);
    expect(deleting.headers.get("retry-after")).toBe("1");
  });
});

describe("Retry-After at EMULATOR_CLOCK_SPEED=10", () => {
  const speed = 10;
  const fx = fixtureWithDefinition({ lroSeconds: 3600, clockSpeed: speed });
  const { send, operationOf } = arm(fx);

  it("counts the remaining emulated time in real seconds, within the service's 60 s", async () => {
    const created = await send("PUT", version("1.0.0"), versionBody());
    const realSecondsLeft = (operationOf(created).endsAt - fx.em.emulator.ctx.clock.now()) / speed / 1000;
    expect(realSecondsLeft).toBeLessThan(SERVICE_RETRY_AFTER_SECONDS);
    expect(Math.abs(Number(created.headers.get("retry-after")) - Math.ceil(realSecondsLeft))).toBeLessThanOrEqual(1);

    // A terabyte to copy to North Europe takes emulated hours, minutes even at 10x: the service's 60 s is the most it asks.
    const big = await fx.imageFromBlob(RG, "big", "westeurope", { dataDiskSizesGB: [1000] });
    const longer = await send("PUT", version("2.0.0"), versionBody(["westeurope", "northeurope"], big));
    expect(longer.status).toBe(201);
    expect(longer.headers.get("retry-after")).toBe(String(SERVICE_RETRY_AFTER_SECONDS));
  });
});

describe("@azure/arm-compute's poller and Retry-After", () => {
  const fx = fixtureWithDefinition({ lroSeconds: 2 });

  it("finishes a version promptly while the clock moves (it sleeps what Retry-After says: here at most 2 s)", async () => {
    const started = Date.now();
    const poller = fx.client.galleryImageVersions.createOrUpdate(
      RG,
      "lro",
      "ubuntu",
      "1.0.0",
      {
        location: "westeurope",
        publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "northeurope" }] },
        storageProfile: { source: { id: IMAGE } },
      },
      FAST_POLL,
    );
    // A minute at a time: the first poll finds replication running and is told to wait.
    const created = await fx.settle(poller, 60);
    expect(created.provisioningState).toBe("Succeeded");
    await fx.settle(fx.client.galleryImageVersions.delete(RG, "lro", "ubuntu", "1.0.0", FAST_POLL));
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(fx.client.galleryImageVersions.get(RG, "lro", "ubuntu", "1.0.0")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
