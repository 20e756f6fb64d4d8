import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-faults";
const API = "api-version=2025-12-03";
const RG_API = "api-version=2022-09-01";
const rgPath = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const galleryPath = (name: string) => `${rgPath}/providers/Microsoft.Compute/galleries/${name}`;

describe("fault injection (/_emulator/faults)", () => {
  let em: TestEmulator;

  const putFaults = (body: unknown) => em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify(body) });
  const getGallery = (name: string) => em.fetch(`${galleryPath(name)}?${API}`, { as: ADMIN });
  const putGallery = (name: string, body: unknown = { location: "westeurope" }) =>
    em.fetch(`${galleryPath(name)}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });

  beforeAll(async () => {
    em = await startTestEmulator({ lroSeconds: 0 });
    const rg = await em.fetch(`${rgPath}?${RG_API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(rg.status).toBe(201);
    expect((await putGallery("steady")).status).toBe(201);
  });
  afterEach(async () => {
    expect((await em.fetch("/_emulator/faults", { method: "DELETE" })).status).toBe(204);
  });
  afterAll(() => em.close());

  it("throttles matching calls with 429, Retry-After and ARM's TooManyRequests body; other paths and methods pass", async () => {
    const set = await putFaults({
      rules: [
        {
          pathPattern: "/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/galleries/*",
          method: "GET",
          status: 429,
          retryAfterSeconds: 7,
        },
      ],
    });
    expect(set.status).toBe(200);

    const throttled = await getGallery("steady");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect(await throttled.json()).toEqual({
      error: {
        code: "TooManyRequests",
        message:
          "The request is being throttled as the limit has been reached for operation type. Please retry after the time in the Retry-After header.",
      },
    });
    expect((await em.fetch(`${rgPath}?${RG_API}`, { as: ADMIN })).status).toBe(200);
    expect((await putGallery("steady")).status).toBe(200);

    const view = (await (await em.fetch("/_emulator/faults")).json()) as {
      rules: { fired: number }[];
      stats: { throttled: number };
    };
    expect(view.rules[0]!.fired).toBe(1);
    expect(view.stats.throttled).toBe(1);

    expect((await em.fetch("/_emulator/faults", { method: "DELETE" })).status).toBe(204);
    expect((await getGallery("steady")).status).toBe(200);
  });

  it("answers 500 and 503 with Azure's bodies, after authentication (a caller without a token still gets 401)", async () => {
    await putFaults({
      rules: [
        { name: "boom", pathPattern: "**/galleries/steady", status: 500 },
        {
          name: "down",
          pathPattern: "regex:^/subscriptions/[^/]+/resourceGroups/rg-faults$",
          status: 503,
          retryAfterSeconds: 2,
        },
      ],
    });
    const internal = await getGallery("steady");
    expect(internal.status).toBe(500);
    const body = (await internal.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("InternalServerError");
    expect(body.error.message).toMatch(
      /^Encountered internal server error\. Diagnostic information: request id '.+'\.$/,
    );

    const unavailable = await em.fetch(`${rgPath}?${RG_API}`, { as: ADMIN });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("2");
    expect(((await unavailable.json()) as { error: { code: string } }).error.code).toBe("ServiceUnavailable");

    const anonymous = await em.fetch(`${galleryPath("steady")}?${API}`);
    expect(anonymous.status).toBe(401);
  });

  it("fires at the given rate from a seed, reproducibly, and at most count times", async () => {
    const rule = { pathPattern: "**/galleries/steady", status: 503, rate: 0.25 };
    const run = async () => {
      await putFaults({ seed: 1234, rules: [rule] });
      const statuses: number[] = [];
      for (let i = 0; i < 120; i++) statuses.push((await getGallery("steady")).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(15);
    expect(failures).toBeLessThan(45);
    expect(first.every((s) => s === 200 || s === 503)).toBe(true);
    expect(await run()).toEqual(first);

    await putFaults({ rules: [{ pathPattern: "**/galleries/steady", status: 500, count: 3 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await getGallery("steady")).status);
    expect(statuses).toEqual([500, 500, 500, 200, 200, 200]);
  });

  it("adds latency to matching calls only", async () => {
    await em.fetch("/_emulator/faults/slow", {
      method: "PUT",
      body: JSON.stringify({ pathPattern: "**/galleries/steady", latencyMs: 300 }),
    });
    const started = performance.now();
    expect((await getGallery("steady")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    // The resource group is not matched: the rule fires for the gallery call only (no timing bound, which a busy
    // machine would break).
    expect((await em.fetch(`${rgPath}?${RG_API}`, { as: ADMIN })).status).toBe(200);
    expect((await (await em.fetch("/_emulator/faults/slow")).json()).fired).toBe(1);

    expect((await em.fetch("/_emulator/faults/slow", { method: "DELETE" })).status).toBe(204);
    expect((await em.fetch("/_emulator/faults/slow", { method: "DELETE" })).status).toBe(404);
  });

  it("refuses malformed rules with InvalidParameter", async () => {
    for (const rules of [
      [{ pathPattern: "**", status: 404 }],
      [{ pathPattern: "**", rate: 2, status: 500 }],
      [{ pathPattern: "**" }],
      [{ pathPattern: "regex:(", status: 500 }],
      [{ pathPattern: "**", status: 500, method: "FETCH" }],
      [{ pathPattern: "**", status: 500, surprise: true }],
    ]) {
      const res = await putFaults({ rules });
      expect(res.status, JSON.stringify(rules)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("InvalidParameter");
    }
    expect((await putFaults({ rules: "none" })).status).toBe(400);
  });

  it("keeps new long-running operations InProgress until the rule is removed, with conflicts meanwhile", async () => {
    await putFaults({ rules: [{ name: "hold", pathPattern: "**/galleries/held*", stayInProgress: true }] });
    const created = await putGallery("held1");
    expect(created.status).toBe(201);
    const operationUrl = created.headers.get("azure-asyncoperation")!;
    expect((await putGallery("other")).status).toBe(201);

    await em.advance(7 * 24 * 3600);
    const op = await fetchOperation(operationUrl);
    expect(op.status).toBe("InProgress");
    expect(
      ((await (await getGallery("held1")).json()) as { properties: { provisioningState: string } }).properties
        .provisioningState,
    ).toBe("Creating");
    expect(
      ((await (await getGallery("other")).json()) as { properties: { provisioningState: string } }).properties
        .provisioningState,
    ).toBe("Succeeded");

    const conflict = await putGallery("held1", { location: "westeurope", tags: { again: "yes" } });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe("OperationNotAllowed");

    // Still held after a restart: the rules and the held operations are kept with the data.
    await em.restart();
    expect((await fetchOperation(operationUrl)).status).toBe("InProgress");

    expect((await em.fetch("/_emulator/faults/hold", { method: "DELETE" })).status).toBe(204);
    expect((await fetchOperation(operationUrl)).status).toBe("Succeeded");
    expect(
      ((await (await getGallery("held1")).json()) as { properties: { provisioningState: string } }).properties
        .provisioningState,
    ).toBe("Succeeded");
    expect((await putGallery("held1", { location: "westeurope", tags: { again: "yes" } })).status).toBe(200);
  });

  it("makes a chosen region's replication fail with the given detail", async () => {
    const details = "Replication failed in this region due to 'Injected storage outage'.";
    await putFaults({
      rules: [{ pathPattern: "**/versions/*", replicationFailure: { region: "North Europe", details } }],
    });
    const imagePath = `${rgPath}/providers/Microsoft.Compute/images/base`;
    const image = await em.fetch(`${imagePath}?api-version=2024-11-01`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          hyperVGeneration: "V2",
          storageProfile: {
            osDisk: {
              osType: "Linux",
              osState: "Generalized",
              blobUri: "https://sa.blob.core.windows.net/vhds/base.vhd",
              diskSizeGB: 30,
            },
          },
        },
      }),
    });
    expect(image.status).toBeLessThan(300);
    const definition = await em.fetch(`${galleryPath("steady")}/images/ubuntu?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22_04" },
          osType: "Linux",
          osState: "Generalized",
          hyperVGeneration: "V2",
        },
      }),
    });
    expect(definition.status).toBe(201);
    const versionPath = `${galleryPath("steady")}/images/ubuntu/versions/1.0.0`;
    const version = await em.fetch(`${versionPath}?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "northeurope" }] },
          storageProfile: {
            source: { id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/base` },
          },
        },
      }),
    });
    expect(version.status).toBe(201);
    const operationUrl = version.headers.get("azure-asyncoperation")!;

    await em.advance(24 * 3600);
    const read = (await (await em.fetch(`${versionPath}?${API}&$expand=ReplicationStatus`, { as: ADMIN })).json()) as {
      properties: {
        provisioningState: string;
        replicationStatus: { aggregatedState: string; summary: { region: string; state: string; details: string }[] };
      };
    };
    expect(read.properties.provisioningState).toBe("Failed");
    expect(read.properties.replicationStatus.aggregatedState).toBe("Failed");
    expect(read.properties.replicationStatus.summary).toEqual([
      expect.objectContaining({ region: "West Europe", state: "Completed" }),
      expect.objectContaining({ region: "North Europe", state: "Failed", details }),
    ]);
    const op = await fetchOperation(operationUrl);
    expect(op.status).toBe("Failed");
    expect(op.error).toMatchObject({ code: "ReplicationFailed" });
    expect((op.error as { message: string }).message).toContain(`Region 'North Europe': ${details}`);
  });

  async function fetchOperation(url: string) {
    const { pathname, search } = new URL(url);
    const res = await em.fetch(`${pathname}${search}`, { as: ADMIN });
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string; error?: unknown };
  }
});
