import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../emulator/seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../../emulator/testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const API = "api-version=2025-12-03";
const CRP_API = "api-version=2024-11-01";
const RG_API = "api-version=2022-09-01";
const WRITERS = 40;

const rg = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;
const gallery = (group: string, name: string) => `${rg(group)}/providers/Microsoft.Compute/galleries/${name}`;

interface GalleryView {
  tags?: Record<string, string>;
  properties: { description?: string; provisioningState: string };
}

describe("concurrent writes to one resource", () => {
  let em: TestEmulator;
  const send = (method: string, path: string, body?: unknown) =>
    em.fetch(path, { method, as: ADMIN, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  beforeAll(async () => {
    em = await startTestEmulator({ lroSeconds: 0 });
    expect((await send("PUT", `${rg("rg-race")}?${RG_API}`, { location: "westeurope" })).status).toBe(201);
  });
  afterAll(() => em.close());

  it(`${WRITERS} simultaneous PUTs of one gallery: one creates, the rest update, and the result is exactly one writer's`, async () => {
    const path = `${gallery("rg-race", "contended")}?${API}`;
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        send("PUT", path, {
          location: "westeurope",
          tags: { writer: String(i) },
          properties: { description: `writer ${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(WRITERS - 1);

    const stored = (await (await send("GET", path)).json()) as GalleryView;
    const writer = stored.tags?.writer;
    expect(writer).toBeDefined();
    expect(stored.properties.description).toBe(`writer ${writer}`);
    expect(stored.tags).toEqual({ writer });
  });

  it(`${WRITERS} simultaneous tag PATCHes and PUTs of one resource group end in one writer's tags`, async () => {
    const path = `${rg("rg-race")}?${RG_API}`;
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        i % 2
          ? send("PATCH", path, { tags: { writer: String(i), parity: "odd" } })
          : send("PUT", path, { location: "westeurope", tags: { writer: String(i), parity: "even" } }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const stored = (await (await send("GET", path)).json()) as { tags: Record<string, string> };
    expect(stored.tags.parity).toBe(Number(stored.tags.writer) % 2 ? "odd" : "even");
  });
});

describe("a write while a long-running operation on the same resource is in flight", () => {
  let em: TestEmulator;
  const send = (method: string, path: string, body?: unknown) =>
    em.fetch(path, { method, as: ADMIN, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const expectConflict = async (res: Response, name: string) => {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status, `${name}: ${JSON.stringify(body)}`).toBe(409);
    expect(body.error.code).toBe("OperationNotAllowed");
    expect(body.error.message).toContain(name);
  };

  beforeAll(async () => {
    // Operations take a minute of emulated time, and the clock stands still unless moved.
    em = await startTestEmulator({ lroSeconds: 60, clockSpeed: 0 });
    expect((await send("PUT", `${rg("rg-busy")}?${RG_API}`, { location: "westeurope" })).status).toBe(201);
  });
  afterAll(() => em.close());

  it("gets Compute's 409 OperationNotAllowed for galleries, image definitions, image versions and managed images", async () => {
    const g = gallery("rg-busy", "busy");
    expect((await send("PUT", `${g}?${API}`, { location: "westeurope" })).status).toBe(201);
    await expectConflict(await send("PUT", `${g}?${API}`, { location: "westeurope", tags: { again: "1" } }), "busy");
    await expectConflict(await send("PATCH", `${g}?${API}`, { tags: { again: "1" } }), "busy");
    await expectConflict(await send("DELETE", `${g}?${API}`), "busy");
    await em.advance(61);

    const definition = `${g}/images/ubuntu`;
    const definitionBody = {
      location: "westeurope",
      properties: {
        identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22_04" },
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
      },
    };
    expect((await send("PUT", `${definition}?${API}`, definitionBody)).status).toBe(201);
    await expectConflict(
      await send("PUT", `${definition}?${API}`, { ...definitionBody, tags: { again: "1" } }),
      "busy/ubuntu",
    );
    await expectConflict(await send("DELETE", `${definition}?${API}`), "busy/ubuntu");

    const image = `${rg("rg-busy")}/providers/Microsoft.Compute/images/base`;
    const imageBody = {
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
    };
    expect((await send("PUT", `${image}?${CRP_API}`, imageBody)).status).toBe(201);
    await expectConflict(await send("PUT", `${image}?${CRP_API}`, { ...imageBody, tags: { again: "1" } }), "base");
    await expectConflict(await send("DELETE", `${image}?${CRP_API}`), "base");
    await em.advance(61);

    const version = `${definition}/versions/1.0.0`;
    const versionBody = { location: "westeurope", properties: { storageProfile: { source: { id: image } } } };
    expect((await send("PUT", `${version}?${API}`, versionBody)).status).toBe(201);
    await expectConflict(
      await send("PUT", `${version}?${API}`, { ...versionBody, tags: { again: "1" } }),
      "busy/ubuntu/1.0.0",
    );
    await expectConflict(await send("PATCH", `${version}?${API}`, { tags: { again: "1" } }), "busy/ubuntu/1.0.0");

    // Nothing the refused writes sent was kept.
    await em.advance(24 * 3600);
    for (const path of [`${g}?${API}`, `${definition}?${API}`, `${image}?${CRP_API}`, `${version}?${API}`]) {
      const stored = (await (await send("GET", path)).json()) as {
        tags?: Record<string, string>;
        properties: { provisioningState: string };
      };
      expect(stored.tags?.again, path).toBeUndefined();
      expect(stored.properties.provisioningState, path).toBe("Succeeded");
    }
  });
});
