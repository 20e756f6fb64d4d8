import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { AzureError } from "@/lib/azure/errors";
import { type InventoryChunk, relistSubscription, streamInventory } from "@/lib/inventory/inventory";
import { INVENTORY_QUERY } from "@/lib/inventory/kql";
import { resourceGraphPages } from "@/lib/azure/resourceGraph";
import { applyChunk, countsPerGallery, EMPTY_INVENTORY } from "@/lib/inventory/state";
import type { ArmTransport } from "@/lib/azure/transport";
import type { Subscription } from "@/lib/queries/subscriptions";

/** The dashboard's own transport (the user's ARM pipeline), recording every request with its time and status. */
function recordingTransport(em: TestEmulator, upn: string) {
  const arm = createArmClients(em.url, em.credential(upn));
  const inner = arm.unretried;
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
      const { transport } = recordingTransport(em, upn);
      const graph = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
      const listing = await drain(
        streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }),
      );

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

  it("the ARM fan-out lists each gallery's applications, scripts and access control profiles as Resource Graph does", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
    const graph = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const listing = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    expect(listing.state.failures).toEqual([]);
    for (const kind of ["application", "script", "accessControlProfile"] as const) {
      expect(idsOf(graph.state.items, kind).length, kind).toBeGreaterThan(0);
      expect(idsOf(listing.state.items, kind), kind).toEqual(idsOf(graph.state.items, kind));
    }
  });

  it("a gallery row carries what the overview shows, from either source alike", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
    const graph = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const listing = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    const byId = new Map(listing.state.items.map((i) => [i.id.toLowerCase(), i]));
    // ARM listing reads no versions; Resource Graph returns them with the rest.
    for (const item of graph.state.items.filter((i) => i.kind === "gallery" || i.kind === "definition")) {
      const other = byId.get(item.id.toLowerCase())!;
      expect({ ...item, resourceGroup: item.resourceGroup.toLowerCase() }).toEqual({
        ...other,
        resourceGroup: other.resourceGroup.toLowerCase(),
      });
    }
  });

  it("counts a gallery's VM applications, scripts and access control profiles from Resource Graph", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    const apps = state.items.filter((i) => i.kind === "application" && /\/galleries\/contoso_vm_apps\//i.test(i.id));
    expect(apps.map((i) => i.name).sort()).toEqual(["log-shipper", "monitoring-agent"]);
    expect(countsPerGallery(state.items, "application").get(apps[0]!.galleryKey)).toBe(2);
    expect(state.items.some((i) => i.kind === "applicationVersion" && i.name === "1.2.0")).toBe(true);
    expect(state.items.some((i) => i.kind === "script")).toBe(true);
    expect(state.items.some((i) => i.kind === "accessControlProfile")).toBe(true);
  });

  it("falls back to ARM listing when Resource Graph throttles beyond the wait it allows, losing and repeating nothing", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    const set = await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 429, retryAfterSeconds: 60 }],
      }),
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
    const { transport, log } = recordingTransport(em, upn);
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [
          { pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 429, retryAfterSeconds: 1, count: 1 },
        ],
      }),
    });
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(state.source).toBe("resourceGraph");
    expect(log.map((l) => l.status)).toEqual([429, 200]);
    expect(log[1]!.at - log[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("asks Resource Graph again after a 503 before falling back: a blip stays on Resource Graph, an outage falls back after two retries", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport, log } = recordingTransport(em, upn);
    const graphStatuses = () =>
      log.filter((l) => l.url.includes("/providers/Microsoft.ResourceGraph/resources")).map((l) => l.status);
    const rule = { pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 503 };

    await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules: [{ ...rule, count: 1 }] }) });
    const blip = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(blip.state.source).toBe("resourceGraph");
    expect(graphStatuses()).toEqual([503, 200]);

    log.length = 0;
    await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules: [rule] }) });
    const outage = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(graphStatuses()).toEqual([503, 503, 503]);
    const fallback = outage.chunks.find((c) => c.type === "fallback");
    expect(fallback?.type === "fallback" && fallback.reason.status).toBe(503);
    expect(outage.state.source).toBe("armListing");
    await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules: [] }) });
    const listed = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    expect(idsOf(outage.state.items)).toEqual(idsOf(listed.state.items));
  });

  it("the fan-out holds back a throttled subscription for its Retry-After while the others go on", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    expect(subscriptions.length).toBeGreaterThan(1);
    const throttled = subscriptions[0]!;
    const { transport, log } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    log.length = 0;
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [
          {
            pathPattern: `/subscriptions/${throttled}/providers/Microsoft.Compute/galleries`,
            method: "GET",
            status: 429,
            retryAfterSeconds: 2,
            count: 2,
          },
        ],
      }),
    });

    const { state } = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }),
    );
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    expect(state.failures).toEqual([]);
    const mine = log.filter((l) =>
      l.url.includes(`/subscriptions/${throttled}/providers/Microsoft.Compute/galleries?`),
    );
    expect(mine.map((l) => l.status)).toEqual([429, 429, 200]);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(1990);
    expect(mine[2]!.at - mine[1]!.at).toBeGreaterThanOrEqual(1990);
    // Other subscriptions' galleries were listed while the throttled one waited.
    const others = log.filter((l) => l.status === 200 && !l.url.includes(`/subscriptions/${throttled}/`));
    expect(others.some((l) => l.at < mine[1]!.at)).toBe(true);
  });

  const setFaults = async (rules: Record<string, unknown>[]) => {
    const set = await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules }) });
    expect(set.status).toBe(200);
  };
  const galleriesPath = (subscriptionId: string) =>
    `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`;
  const imagesPattern = (subscriptionId: string) =>
    `/subscriptions/${subscriptionId}/resourceGroups/*/providers/Microsoft.Compute/galleries/*/images`;
  /** Backoff without jitter (the full step), short enough for a test: 100 ms, then 200, 400… */
  const quickRetry = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 30_000, random: () => 1 };

  it("retries a 503 after its Retry-After, and the inventory completes", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const flaky = subscriptions[0]!;
    const { transport, log } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    log.length = 0;
    await setFaults([
      { pathPattern: galleriesPath(flaky), method: "GET", status: 503, retryAfterSeconds: 1, count: 2 },
    ]);

    const { state } = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }),
    );
    expect(state.failures).toEqual([]);
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    const mine = log.filter((l) => l.url.includes(`${galleriesPath(flaky)}?`));
    expect(mine.map((l) => l.status)).toEqual([503, 503, 200]);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(990);
    expect(mine[2]!.at - mine[1]!.at).toBeGreaterThanOrEqual(990);
  });

  it("retries 500s and 503s without Retry-After after exponential backoff, and the inventory completes", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const [flaky, other] = [subscriptions[0]!, subscriptions[1]!];
    const { transport, log } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    log.length = 0;
    await setFaults([
      { name: "galleries", pathPattern: galleriesPath(flaky), method: "GET", status: 503, count: 3 },
      { name: "definitions", pathPattern: imagesPattern(other), method: "GET", status: 500, count: 1 },
    ]);

    const { state } = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing", retry: quickRetry }),
    );
    expect(state.failures).toEqual([]);
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    const mine = log.filter((l) => l.url.includes(`${galleriesPath(flaky)}?`));
    expect(mine.map((l) => l.status)).toEqual([503, 503, 503, 200]);
    // 100, 200 and 400 ms: the step doubles with each retry.
    const gaps = mine.slice(1).map((l, i) => l.at - mine[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    expect(
      log.filter((l) => l.url.includes(`/subscriptions/${other}/`) && l.url.includes("/images?")).map((l) => l.status),
    ).toContain(500);
  });

  it("retries a request that got no answer at all (connection refused)", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    // The first request of each list goes to a port nobody listens on; the second to the emulator.
    const dead = await closedPortUrl();
    const tried = new Set<string>();
    const attempts: { url: string; outcome: string }[] = [];
    const flaky: ArmTransport = {
      async send(request, signal) {
        const first = !tried.has(request.url);
        tried.add(request.url);
        try {
          const response = await transport.send(
            first ? { ...request, url: request.url.replace(em.url, dead) } : request,
            signal,
          );
          attempts.push({ url: request.url, outcome: String(response.status) });
          return response;
        } catch (error) {
          attempts.push({
            url: request.url,
            outcome: error instanceof AzureError && error.status === 0 ? "no answer" : String(error),
          });
          throw error;
        }
      },
    };
    const { state } = await drain(
      streamInventory({ transport: flaky, endpoint: em.url, subscriptions, source: "armListing", retry: quickRetry }),
    );
    expect(state.failures).toEqual([]);
    expect(idsOf(state.items)).toEqual(idsOf(expected.state.items));
    expect(attempts.filter((a) => a.outcome === "no answer").length).toBe(tried.size);
    expect(attempts.filter((a) => a.outcome === "200").length).toBe(tried.size);
  });

  it("does not retry a 403 AuthorizationFailed: it is ARM's answer, reported at once", async () => {
    const upn = DEMO_PERSONA_USERS.publisher.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const forbidden = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;
    expect(subscriptions).not.toContain(forbidden);
    const { transport, log } = recordingTransport(em, upn);

    const { state } = await drain(
      streamInventory({
        transport,
        endpoint: em.url,
        subscriptions: [...subscriptions, forbidden],
        source: "armListing",
      }),
    );
    expect(state.failures.map((f) => [f.subscriptionId, f.error.status, f.error.code])).toEqual([
      [forbidden.toLowerCase(), 403, "AuthorizationFailed"],
    ]);
    expect(log.filter((l) => l.url.includes(`${galleriesPath(forbidden)}?`)).map((l) => l.status)).toEqual([403]);
    expect(new Set(state.items.map((i) => i.subscriptionId))).toEqual(
      new Set(subscriptions.map((s) => s.toLowerCase())),
    );
  });

  it("gives up on a subscription that keeps failing after a bounded number of attempts, and still delivers the rest", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const broken = subscriptions[0]!;
    const { transport, log } = recordingTransport(em, upn);
    await setFaults([{ pathPattern: galleriesPath(broken), status: 503 }]);
    const { state } = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing", retry: quickRetry }),
    );
    expect(state.failures.map((f) => [f.subscriptionId, f.error.code])).toEqual([
      [broken.toLowerCase(), "ServiceUnavailable"],
    ]);
    expect(log.filter((l) => l.url.includes(`${galleriesPath(broken)}?`)).map((l) => l.status)).toEqual([
      503, 503, 503, 503,
    ]);
    expect(state.items.some((i) => i.subscriptionId !== broken.toLowerCase())).toBe(true);
    expect(state.items.some((i) => i.subscriptionId === broken.toLowerCase())).toBe(false);
  });

  it("does not wait out a Retry-After longer than the policy allows: the subscription fails at once with the 429", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const throttled = subscriptions[0]!;
    const { transport, log } = recordingTransport(em, upn);
    await setFaults([{ pathPattern: galleriesPath(throttled), method: "GET", status: 429, retryAfterSeconds: 31 }]);
    const { state } = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }),
    );
    expect(state.failures.map((f) => [f.subscriptionId, f.error.status])).toEqual([[throttled.toLowerCase(), 429]]);
    expect(log.filter((l) => l.url.includes(`${galleriesPath(throttled)}?`))).toHaveLength(1);
  });

  it("lists only the retried subscription again; its rows replace its failures and nothing is repeated", async () => {
    const upn = DEMO_PERSONA_USERS["platform-admin"].upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const [down, partly] = [subscriptions[0]!, subscriptions[1]!];
    const { transport, log } = recordingTransport(em, upn);
    const expected = await drain(streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing" }));
    // One subscription's galleries cannot be listed; in another, its galleries can but not their definitions.
    await setFaults([
      { name: "down", pathPattern: galleriesPath(down), status: 503 },
      { name: "partly", pathPattern: imagesPattern(partly), status: 503 },
    ]);
    const before = await drain(
      streamInventory({ transport, endpoint: em.url, subscriptions, source: "armListing", retry: quickRetry }),
    );
    const failedIn = (state: typeof before.state) => [...new Set(state.failures.map((f) => f.subscriptionId))].sort();
    expect(failedIn(before.state)).toEqual([down, partly].map((s) => s.toLowerCase()).sort());
    const partlyFailures = before.state.failures.filter((f) => f.subscriptionId === partly.toLowerCase());
    expect(partlyFailures.length).toBeGreaterThan(0);
    await em.fetch("/_emulator/faults", { method: "DELETE" });

    log.length = 0;
    const first = await drain(relistSubscription({ transport, endpoint: em.url, subscriptionId: down }));
    expect(first.chunks[0]).toEqual({ type: "retrying", subscriptionId: down.toLowerCase() });
    expect(first.chunks.at(-1)).toEqual({ type: "retried", subscriptionId: down.toLowerCase() });
    expect(log.length).toBeGreaterThan(0);
    expect(
      log.every((l) => new URL(l.url).pathname.toLowerCase().startsWith(`/subscriptions/${down.toLowerCase()}/`)),
    ).toBe(true);
    const afterFirst = first.chunks.reduce(applyChunk, before.state);
    expect(failedIn(afterFirst)).toEqual([partly.toLowerCase()]);
    expect(afterFirst.failures.filter((f) => f.subscriptionId === partly.toLowerCase())).toEqual(partlyFailures);
    // What the other subscriptions had is untouched, the same objects in the same order.
    const othersOf = (state: typeof before.state) => state.items.filter((i) => i.subscriptionId !== down.toLowerCase());
    expect(othersOf(afterFirst)).toEqual(othersOf(before.state));
    expect(othersOf(afterFirst).every((item, i) => item === othersOf(before.state)[i])).toBe(true);

    log.length = 0;
    const second = await drain(relistSubscription({ transport, endpoint: em.url, subscriptionId: partly }));
    expect(
      log.every((l) => new URL(l.url).pathname.toLowerCase().startsWith(`/subscriptions/${partly.toLowerCase()}/`)),
    ).toBe(true);
    const after = second.chunks.reduce(applyChunk, afterFirst);
    expect(after.failures).toEqual([]);
    expect(after.retrying.size).toBe(0);
    // The second subscription's galleries were already there: listed again, they are kept once.
    expect(idsOf(after.items)).toEqual(idsOf(expected.state.items));
    expect(new Set(idsOf(after.items)).size).toBe(after.items.length);
  });
});

/** A URL on this machine where nothing listens: a request to it fails without an answer. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("Resource Graph paging over the scale seed", () => {
  let em: TestEmulator;
  const spec = { subscriptions: 4, galleries: 3, definitions: 7, versions: 2 };
  beforeAll(async () => {
    em = await startTestEmulator({
      seed: `scale:subscriptions=${spec.subscriptions},galleries=${spec.galleries},definitions=${spec.definitions},versions=${spec.versions}`,
    });
  });
  afterAll(() => em.close());

  it("pages of 25 rows, followed by $skipToken, lose and repeat nothing and end where one big page ends", async () => {
    const upn = SCALE_SEED.admin.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport, log } = recordingTransport(em, upn);
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
    for await (const rows of resourceGraphPages(transport, em.url, subscriptions, INVENTORY_QUERY))
      whole.push(...rows.map((r) => String(r.id).toLowerCase()));
    expect(paged).toEqual(whole);
  });

  it("the inventory stream delivers every gallery, definition and version of the scale seed once", async () => {
    const upn = SCALE_SEED.admin.upn;
    const subscriptions = await subscriptionsOf(em, upn);
    const { transport } = recordingTransport(em, upn);
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
    const { transport } = recordingTransport(em, upn);
    const { state } = await drain(streamInventory({ transport, endpoint: em.url, subscriptions }));
    expect(new Set(state.items.map((i) => i.subscriptionId))).toEqual(
      new Set(subscriptions.map((s) => s.toLowerCase())),
    );
  });
});
