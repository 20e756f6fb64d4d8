import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS } from "@/emulator/seed/demoIdentities";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { type InventoryChunk, streamInventory } from "@/lib/inventory/inventory";
import { INVENTORY_QUERY } from "@/lib/inventory/kql";
import { resourceGraphPages } from "@/lib/inventory/resourceGraph";
import { applyChunk, EMPTY_INVENTORY } from "@/lib/inventory/state";
import { type ArmTransport, armTransport } from "@/lib/inventory/transport";
import type { Subscription } from "@/lib/queries/subscriptions";

/** The dashboard's own transport (the user's ARM pipeline), recording every request with its time and status. */
function recordingTransport(em: TestEmulator, upn: string, subscriptionId: string) {
  const arm = createArmClients(em.url, em.credential(upn));
  const inner = armTransport(arm, subscriptionId);
  const log: { url: string; status: number; at: number }[] = [];
  const transport: ArmTransport = {
    async send(request, signal) {
      const response = await inner.send(request, signal);
      log.push({ url: request.url, status: response.status, at: performance.now() });
      return response;
    },
  };
  return { arm, transport, log };
}

async function subscriptionsOf(em: TestEmulator, upn: string): Promise<string[]> {
  const arm = createArmClients(em.url, em.credential(upn));
  const subscriptions = await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01");
  return subscriptions.map((s) => s.subscriptionId);
}

async function drain(stream: AsyncIterable<InventoryChunk>) {
  const chunks: InventoryChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { chunks, state: chunks.reduce(applyChunk, EMPTY_INVENTORY) };
}

const idsOf = (items: { id: string; kind: string }[], kind?: string) =>
  items
    .filter((i) => !kind || i.kind === kind)
    .map((i) => i.id.toLowerCase())
    .sort();

describe("inventory against the demo seed", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterEach(async () => {
    await em.fetch("/_emulator/faults", { method: "DELETE" });
  });
  afterAll(() => em.close());

  for (const persona of ["platform-admin", "publisher", "consumer"] as const) {
    it(`Resource Graph finds the same galleries and definitions as the ARM fan-out (${persona})`, async () => {
      const upn = DEMO_PERSONA_USERS[persona].upn;
      const subscriptions = await subscriptionsOf(em, upn);
      expect(subscriptions.length).toBeGreaterThan(0);
      const { transport } = recordingTransport(em, upn, subscriptions[0]!);
      const graph = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
      const listing = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));

      expect(graph.state.source).toBe("resourceGraph");
      expect(graph.state.fallbackReason).toBeUndefined();
      expect(listing.state.source).toBe("armListing");
      expect(listing.state.failures).toEqual([]);
      expect(idsOf(graph.state.items, "gallery").length).toBeGreaterThan(0);
      expect(idsOf(graph.state.items, "gallery")).toEqual(idsOf(listing.state.items, "gallery"));
      // A definition shared with the user at definition scope, in a gallery the user cannot read, is found by
      // Resource Graph only: ARM lists definitions per gallery, and the gallery never shows up in the listing.
      const listedGalleries = new Set(idsOf(listing.state.items, "gallery"));
      const reachable = graph.state.items.filter((i) => i.kind === "definition" && listedGalleries.has(i.galleryKey));
      expect(idsOf(reachable)).toEqual(idsOf(listing.state.items, "definition"));
      // Resource Graph also brings every version in the same query; each belongs to a definition it listed.
      const definitions = new Set(idsOf(graph.state.items, "definition"));
      const versions = graph.state.items.filter((i) => i.kind === "version");
      expect(versions.length).toBeGreaterThan(0);
      expect(versions.every((v) => definitions.has(v.definitionKey!))).toBe(true);
    });
  }

  it("a gallery row carries what the overview shows, from either source alike", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn, subscriptions[0]!);
    const graph = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const listing = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    const byId = new Map(listing.state.items.map((i) => [i.id.toLowerCase(), i]));
    for (const item of graph.state.items.filter((i) => i.kind !== "version")) {
      const other = byId.get(item.id.toLowerCase())!;
      expect({ ...item, resourceGroup: item.resourceGroup.toLowerCase() }).toEqual({ ...other, resourceGroup: other.resourceGroup.toLowerCase() });
    }
  });

  it("falls back to ARM listing when Resource Graph throttles beyond the wait it allows, losing and repeating nothing", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn, subscriptions[0]!);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    const set = await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 429, retryAfterSeconds: 60 }] }),
    });
    expect(set.status).toBe(200);

    const { chunks, state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const fallback = chunks.find((c) => c.type === "fallback");
    expect(fallback?.type === "fallback" && fallback.reason.code).toBe("TooManyRequests");
    expect(fallback?.type === "fallback" && fallback.reason.status).toBe(429);
    expect(state.source).toBe("armListing");
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    expect(new Set(idsOf(state.items)).size).toBe(state.items.length);
  });

  it("waits out a short Resource Graph 429 (Retry-After) and stays on Resource Graph", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport, log } = recordingTransport(em, upn, subscriptions[0]!);
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 429, retryAfterSeconds: 1, count: 1 }] }),
    });
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(state.source).toBe("resourceGraph");
    expect(log.map((l) => l.status)).toEqual([429, 200]);
    expect(log[1]!.at - log[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("the fan-out holds back a throttled subscription for its Retry-After while the others go on", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    expect(subscriptions.length).toBeGreaterThan(1);
    const throttled = subscriptions[0]!;
    const { transport, log } = recordingTransport(em, upn, throttled);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    log.length = 0;
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [{ pathPattern: `/subscriptions/${throttled}/providers/Microsoft.Compute/galleries`, method: "GET", status: 429, retryAfterSeconds: 2, count: 2 }],
      }),
    });

    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    expect(state.failures).toEqual([]);
    const mine = log.filter((l) => l.url.includes(`/subscriptions/${throttled}/providers/Microsoft.Compute/galleries?`));
    expect(mine.map((l) => l.status)).toEqual([429, 429, 200]);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(1990);
    expect(mine[2]!.at - mine[1]!.at).toBeGreaterThanOrEqual(1990);
    // Other subscriptions' galleries were listed while the throttled one waited.
    const others = log.filter((l) => l.status === 200 && !l.url.includes(`/subscriptions/${throttled}/`));
    expect(others.some((l) => l.at < mine[1]!.at)).toBe(true);
  });

  it("reports a subscription that cannot be listed inline and still delivers the rest", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const broken = subscriptions[0]!;
    const { transport } = recordingTransport(em, upn, broken);
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern: `/subscriptions/${broken}/providers/Microsoft.Compute/galleries`, status: 503 }] }),
    });
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    expect(state.failures.map((f) => [f.subscriptionId, f.error.code])).toEqual([[broken.toLowerCase(), "ServiceUnavailable"]]);
    expect(state.items.some((i) => i.subscriptionId !== broken.toLowerCase())).toBe(true);
    expect(state.items.some((i) => i.subscriptionId === broken.toLowerCase())).toBe(false);
  });
});

describe("Resource Graph paging over the scale seed", () => {
  let em: TestEmulator;
  const spec = { subscriptions: 4, galleries: 3, definitions: 7, versions: 2 };
  beforeAll(async () => {
    em = await startTestEmulator({ seed: `scale:subscriptions=${spec.subscriptions},galleries=${spec.galleries},definitions=${spec.definitions},versions=${spec.versions}` });
  });
  afterAll(() => em.close());

  it("pages of 25 rows, followed by $skipToken, lose and repeat nothing and end where one big page ends", async () => {
    const upn = SCALE_SEED.admin.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport, log } = recordingTransport(em, upn, subscriptions[0]!);
    const paged: string[] = [];
    const pageSizes: number[] = [];
    for await (const rows of resourceGraphPages(transport, em.url, subscriptions, INVENTORY_QUERY, { pageSize: 25 })) {
      pageSizes.push(rows.length);
      paged.push(...rows.map((r) => String(r.id).toLowerCase()));
    }
    const perSubscription = spec.galleries * (1 + spec.definitions * (1 + spec.versions));
    const total = spec.subscriptions * perSubscription;
    expect(paged.length).toBe(total);
    expect(new Set(paged).size).toBe(total);
    expect(pageSizes.slice(0, -1).every((n) => n === 25)).toBe(true);
    expect(log.length).toBe(Math.ceil(total / 25));

    const whole: string[] = [];
    for await (const rows of resourceGraphPages(transport, em.url, subscriptions, INVENTORY_QUERY)) whole.push(...rows.map((r) => String(r.id).toLowerCase()));
    expect(paged).toEqual(whole);
  });

  it("the inventory stream delivers every gallery, definition and version of the scale seed once", async () => {
    const upn = SCALE_SEED.admin.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn, subscriptions[0]!);
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const count = (kind: string) => state.items.filter((i) => i.kind === kind).length;
    expect(count("gallery")).toBe(spec.subscriptions * spec.galleries);
    expect(count("definition")).toBe(spec.subscriptions * spec.galleries * spec.definitions);
    expect(count("version")).toBe(spec.subscriptions * spec.galleries * spec.definitions * spec.versions);
    expect(state.listed).toEqual(new Set(subscriptions.map((s) => s.toLowerCase())));
  });

  it("a reader sees only the subscriptions it holds a role in", async () => {
    const upn = SCALE_SEED.reader.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    expect(subscriptions.length).toBe(spec.subscriptions / 2);
    const { transport } = recordingTransport(em, upn, subscriptions[0]!);
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(new Set(state.items.map((i) => i.subscriptionId))).toEqual(new Set(subscriptions.map((s) => s.toLowerCase())));
  });
});
