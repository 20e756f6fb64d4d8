import { describe, expect, it } from "vitest";
import { ARM_RETRY, backoffMs, isTransientStatus, retryAfterMsOf } from "@/lib/azure/armRetry";
import type { Clock } from "@/lib/azure/clock";
import { AzureError } from "@/lib/azure/errors";
import { Channel } from "@/lib/inventory/channel";
import { createLimiter } from "@/lib/inventory/limiter";
import type { InventoryChunk } from "@/lib/inventory/inventory";
import { type InventoryItem, itemFromArmResource, itemFromGraphRow } from "@/lib/inventory/item";
import { retryDecision } from "@/lib/inventory/retryPolicy";
import { BoundedScheduler } from "@/lib/inventory/scheduler";
import { applyChunk, definitionCounts, EMPTY_INVENTORY, type InventoryState } from "@/lib/inventory/state";

const GALLERY = "/subscriptions/AB-1/resourceGroups/RG-Images/providers/Microsoft.Compute/galleries/Gold";

describe("retryAfterMsOf", () => {
  it("reads delay seconds and HTTP dates, and says nothing when the header says nothing usable", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    const retryAfter = (value: string | null) =>
      retryAfterMsOf({ get: (name) => (name === "retry-after" ? value : null) }, now);
    expect(retryAfter("7")).toBe(7000);
    expect(retryAfter(" 0 ")).toBe(0);
    expect(retryAfter("Wed, 01 Jan 2025 00:00:03 GMT")).toBe(3000);
    expect(retryAfter("Tue, 31 Dec 2024 23:59:00 GMT")).toBe(0);
    expect(retryAfter(null)).toBeUndefined();
    expect(retryAfter("soon")).toBeUndefined();
  });
});

/** A clock that only moves when every sleeper is parked: sleeps resolve in time order. */
function fakeClock() {
  let t = 0;
  const sleepers: { until: number; resolve: () => void }[] = [];
  const clock: Clock = {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ until: t + ms, resolve })),
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    clock,
    get now() {
      return t;
    },
    /** Advances to the next sleeper's time and wakes it; false when no one sleeps. */
    async step() {
      await settle();
      sleepers.sort((a, b) => a.until - b.until);
      const next = sleepers.shift();
      if (!next) return false;
      t = Math.max(t, next.until);
      next.resolve();
      await settle();
      return true;
    },
  };
}

describe("BoundedScheduler", () => {
  it("never runs more than `concurrency` tasks at once, and runs them all", async () => {
    const scheduler = new BoundedScheduler(3);
    let running = 0;
    let peak = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      scheduler.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        running--;
        done++;
      });
    }
    await scheduler.idle();
    expect(peak).toBe(3);
    expect(done).toBe(20);
  });

  it("waits for tasks queued by tasks", async () => {
    const scheduler = new BoundedScheduler(2);
    const order: string[] = [];
    scheduler.run(async () => {
      order.push("parent");
      scheduler.run(async () => {
        await new Promise((r) => setTimeout(r, 5));
        order.push("child");
      });
    });
    await scheduler.idle();
    expect(order).toEqual(["parent", "child"]);
  });

  it("holds a key until its Retry-After has passed, the longest hold winning, other keys unaffected", async () => {
    const fake = fakeClock();
    const scheduler = new BoundedScheduler(4, fake.clock);
    scheduler.holdKey("sub-a", 2000);
    scheduler.holdKey("sub-a", 500);
    const released: { key: string; at: number }[] = [];
    for (const key of ["sub-a", "sub-b"]) {
      scheduler.run(async () => {
        await scheduler.waitForKey(key);
        released.push({ key, at: fake.now });
      });
    }
    while (await fake.step());
    await scheduler.idle();
    expect(released).toEqual([
      { key: "sub-b", at: 0 },
      { key: "sub-a", at: 2000 },
    ]);
  });

  it("holds no slot while a task waits out its delay or its key's hold", async () => {
    const fake = fakeClock();
    const scheduler = new BoundedScheduler(1, fake.clock);
    const started: { name: string; at: number }[] = [];
    const task = (name: string) => async () => {
      started.push({ name, at: fake.now });
    };
    scheduler.holdKey("sub-a", 3000);
    scheduler.run(task("backing off"), { delayMs: 1000 });
    scheduler.run(task("throttled"), { key: "sub-a" });
    scheduler.run(task("other"), { key: "sub-b" });
    while (await fake.step());
    await scheduler.idle();
    expect(started).toEqual([
      { name: "other", at: 0 },
      { name: "backing off", at: 1000 },
      { name: "throttled", at: 3000 },
    ]);
  });

  it("sends a queued task of a key back to wait when a hold on the key began meanwhile", async () => {
    const fake = fakeClock();
    const scheduler = new BoundedScheduler(1, fake.clock);
    const started: { name: string; at: number }[] = [];
    scheduler.run(async () => {
      started.push({ name: "first", at: fake.now });
      scheduler.holdKey("sub-a", 2000);
    });
    scheduler.run(async () => void started.push({ name: "same subscription", at: fake.now }), { key: "sub-a" });
    scheduler.run(async () => void started.push({ name: "other", at: fake.now }), { key: "sub-b" });
    while (await fake.step());
    await scheduler.idle();
    expect(started).toEqual([
      { name: "first", at: 0 },
      { name: "other", at: 0 },
      { name: "same subscription", at: 2000 },
    ]);
  });

  it("refuses a concurrency below one", () => {
    expect(() => new BoundedScheduler(0)).toThrow(RangeError);
  });
});

describe("inventory items", () => {
  it("maps a Resource Graph row and the ARM resource of the same definition to the same item", () => {
    const id = `${GALLERY}/images/Ubuntu`;
    const fromGraph = itemFromGraphRow({
      id,
      name: "Ubuntu",
      type: "microsoft.compute/galleries/images",
      location: "westeurope",
      subscriptionId: "ab-1",
      resourceGroup: "rg-images",
      description: "",
      osType: "Linux",
      publisher: "Contoso",
      offer: "ubuntu",
      sku: "22_04",
      provisioningState: "Succeeded",
    });
    const fromArm = itemFromArmResource({
      id,
      name: "Ubuntu",
      type: "Microsoft.Compute/galleries/images",
      location: "WestEurope",
      properties: {
        osType: "Linux",
        identifier: { publisher: "Contoso", offer: "ubuntu", sku: "22_04" },
        provisioningState: "Succeeded",
      },
    });
    expect(fromGraph).toEqual({
      kind: "definition",
      id,
      name: "Ubuntu",
      subscriptionId: "ab-1",
      resourceGroup: "rg-images",
      location: "westeurope",
      galleryKey: GALLERY.toLowerCase(),
      definitionKey: id.toLowerCase(),
      osType: "Linux",
      publisher: "Contoso",
      offer: "ubuntu",
      sku: "22_04",
      provisioningState: "Succeeded",
    });
    expect({ ...fromArm, resourceGroup: fromArm!.resourceGroup.toLowerCase() }).toEqual(fromGraph);
  });

  it("keys a version to its definition and gallery, and ignores other resource types", () => {
    const version = itemFromGraphRow({
      id: `${GALLERY}/images/Ubuntu/versions/1.0.0`,
      name: "1.0.0",
      type: "microsoft.compute/galleries/images/versions",
    });
    expect(version).toMatchObject({
      kind: "version",
      subscriptionId: "ab-1",
      resourceGroup: "RG-Images",
      galleryKey: GALLERY.toLowerCase(),
      definitionKey: `${GALLERY}/images/Ubuntu`.toLowerCase(),
    });
    expect(
      itemFromGraphRow({
        id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/disks/d",
        name: "d",
        type: "microsoft.compute/disks",
      }),
    ).toBeUndefined();
    expect(itemFromArmResource({ name: "no id" })).toBeUndefined();
  });
});

describe("inventory state", () => {
  const gallery = itemFromArmResource({
    id: GALLERY,
    name: "Gold",
    type: "Microsoft.Compute/galleries",
    location: "westeurope",
  })!;
  const definition = (name: string) =>
    itemFromArmResource({
      id: `${GALLERY}/images/${name}`,
      name,
      type: "Microsoft.Compute/galleries/images",
      location: "westeurope",
    })!;

  it("accumulates items and listed containers, returning a new state each time", () => {
    const a = applyChunk(EMPTY_INVENTORY, { type: "items", source: "armListing", items: [gallery], listed: ["ab-1"] });
    const b = applyChunk(a, {
      type: "items",
      source: "armListing",
      items: [definition("x"), definition("y")],
      listed: [gallery.galleryKey],
    });
    expect(a).not.toBe(EMPTY_INVENTORY);
    expect(EMPTY_INVENTORY.items).toEqual([]);
    expect(b.items.map((i) => i.name)).toEqual(["Gold", "x", "y"]);
    expect(b.listed).toEqual(new Set(["ab-1", gallery.galleryKey]));
    expect(definitionCounts(b.items)).toEqual(new Map([[gallery.galleryKey, 2]]));
  });

  it("records the fallback reason and failures", () => {
    const reason = new AzureError({ status: 429, code: "RateLimiting", message: "slow down" });
    const s = [
      { type: "items", source: "resourceGraph", items: [gallery], listed: [] },
      { type: "fallback", reason },
      {
        type: "failed",
        scope: "/subscriptions/ab-2/providers/Microsoft.Compute/galleries",
        subscriptionId: "ab-2",
        container: "ab-2",
        error: reason,
      },
    ].reduce(applyChunk as never, EMPTY_INVENTORY) as typeof EMPTY_INVENTORY;
    expect(s.source).toBe("armListing");
    expect(s.fallbackReason).toBe(reason);
    expect(s.items).toHaveLength(1);
    expect(s.failures.map((f) => f.subscriptionId)).toEqual(["ab-2"]);
  });
});

describe("inventory state while a subscription is listed again", () => {
  const galleryOf = (sub: string, name: string) =>
    itemFromArmResource({
      id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/${name}`,
      name,
      type: "Microsoft.Compute/galleries",
      location: "westeurope",
    })!;
  const unavailable = new AzureError({ status: 503, code: "ServiceUnavailable", message: "try later" });
  const subFailure = (sub: string) =>
    ({
      type: "failed",
      scope: `/subscriptions/${sub}/providers/Microsoft.Compute/galleries`,
      subscriptionId: sub,
      container: sub,
      error: unavailable,
    }) as const;
  const imagesFailure = (gallery: InventoryItem) =>
    ({
      type: "failed",
      scope: `${gallery.id}/images`,
      subscriptionId: gallery.subscriptionId,
      container: gallery.galleryKey,
      error: unavailable,
    }) as const;
  const [a1, b1, b2] = [galleryOf("ab-1", "a1"), galleryOf("ab-2", "b1"), galleryOf("ab-2", "b2")];
  const failedState = [
    { type: "items", source: "armListing", items: [a1], listed: ["ab-1", a1.galleryKey] },
    subFailure("ab-3"),
    { type: "items", source: "armListing", items: [b1, b2], listed: ["ab-2", b1.galleryKey] },
    imagesFailure(b2),
  ].reduce<InventoryState>((s, c) => applyChunk(s, c as InventoryChunk), EMPTY_INVENTORY);

  it("keeps a failure, marked retrying, until its collection is listed, and leaves other subscriptions alone", () => {
    const retrying = applyChunk(failedState, { type: "retrying", subscriptionId: "ab-3" });
    expect(retrying.retrying).toEqual(new Set(["ab-3"]));
    expect(retrying.failures.map((f) => [f.subscriptionId, f.retrying])).toEqual([
      ["ab-3", true],
      ["ab-2", undefined],
    ]);
    const c1 = galleryOf("ab-3", "c1");
    const listed = applyChunk(retrying, { type: "items", source: "armListing", items: [c1], listed: ["ab-3"] });
    expect(listed.failures.map((f) => f.subscriptionId)).toEqual(["ab-2"]);
    expect(listed.items.slice(0, 3)).toEqual(failedState.items);
    const done = applyChunk(listed, { type: "retried", subscriptionId: "ab-3" });
    expect(done.retrying.size).toBe(0);
    expect(done.items.map((i) => i.name)).toEqual(["a1", "b1", "b2", "c1"]);
  });

  it("keeps an item delivered again once, and replaces a failure reported again", () => {
    const retried = [
      { type: "retrying", subscriptionId: "ab-2" },
      { type: "items", source: "armListing", items: [b1, b2], listed: ["ab-2"] },
      imagesFailure(b2),
      { type: "retried", subscriptionId: "ab-2" },
    ].reduce<InventoryState>((s, c) => applyChunk(s, c as InventoryChunk), failedState);
    expect(retried.items.map((i) => i.name)).toEqual(["a1", "b1", "b2"]);
    expect(retried.failures.map((f) => [f.container, f.retrying])).toEqual([
      ["ab-3", undefined],
      [b2.galleryKey, undefined],
    ]);
  });

  it("drops a failure that the listing again neither listed nor reported (its gallery is gone)", () => {
    const retried = [
      { type: "retrying", subscriptionId: "ab-2" },
      { type: "items", source: "armListing", items: [b1], listed: ["ab-2", b1.galleryKey] },
      { type: "retried", subscriptionId: "ab-2" },
    ].reduce<InventoryState>((s, c) => applyChunk(s, c as InventoryChunk), failedState);
    expect(retried.failures.map((f) => f.subscriptionId)).toEqual(["ab-3"]);
  });
});

describe("retryDecision", () => {
  const response = (status: number, headers: Record<string, string> = {}) => ({
    response: { status, header: (name: string) => headers[name] ?? null, body: undefined },
  });
  const policy = { maxRetries: 4, baseDelayMs: 800, maxDelayMs: 30_000, random: () => 0.5 };
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("retries 408, 429 and transient 5xx after their Retry-After, a 429 holding its whole subscription", () => {
    expect(retryDecision(response(429, { "retry-after": "7" }), 0, now, policy)).toEqual({
      delayMs: 7000,
      throttled: true,
    });
    expect(retryDecision(response(503, { "retry-after": "Wed, 01 Jan 2025 00:00:02 GMT" }), 1, now, policy)).toEqual({
      delayMs: 2000,
      throttled: false,
    });
    expect(retryDecision(response(500, { "x-ms-retry-after-ms": "250" }), 0, now, policy)).toEqual({
      delayMs: 250,
      throttled: false,
    });
    for (const status of [408, 502, 504])
      expect(retryDecision(response(status), 0, now, policy)?.throttled).toBe(false);
  });

  it("backs off exponentially with jitter between half and the full step when no Retry-After is sent", () => {
    expect([0, 1, 2, 3].map((retries) => retryDecision(response(503), retries, now, policy)?.delayMs)).toEqual([
      600, 1200, 2400, 4800,
    ]);
    expect(backoffMs(2, { ...policy, random: () => 0 })).toBe(1600);
    expect(backoffMs(2, { ...policy, random: () => 1 })).toBe(3200);
    expect(backoffMs(10, { ...policy, random: () => 1 })).toBe(30_000);
  });

  it("retries a request that got no answer, but no ARM answer such as 403, 404 or 501", () => {
    expect(
      retryDecision(
        { error: new AzureError({ status: 0, code: "NetworkError", message: "Failed to fetch" }) },
        0,
        now,
        policy,
      ),
    ).toEqual({ delayMs: 600, throttled: false });
    for (const status of [400, 401, 403, 404, 409, 501, 505])
      expect(retryDecision(response(status), 0, now, policy)).toBeUndefined();
    expect(
      retryDecision(
        { error: new AzureError({ status: 403, code: "AuthorizationFailed", message: "no" }) },
        0,
        now,
        policy,
      ),
    ).toBeUndefined();
  });

  it("stops after maxRetries, and does not wait out a Retry-After beyond maxDelayMs", () => {
    expect(retryDecision(response(503), 3, now, policy)).toBeDefined();
    expect(retryDecision(response(503), 4, now, policy)).toBeUndefined();
    expect(retryDecision(response(429, { "retry-after": "30" }), 0, now, policy)).toEqual({
      delayMs: 30_000,
      throttled: true,
    });
    expect(retryDecision(response(429, { "retry-after": "31" }), 0, now, policy)).toBeUndefined();
  });

  it("takes its defaults from the dashboard's ARM retry policy", () => {
    expect(retryDecision(response(503), ARM_RETRY.maxRetries - 1, now)).toBeDefined();
    expect(retryDecision(response(503), ARM_RETRY.maxRetries, now)).toBeUndefined();
    expect(
      retryDecision(response(429, { "retry-after": String(ARM_RETRY.maxDelayMs / 1000 + 1) }), 0, now),
    ).toBeUndefined();
    expect(isTransientStatus(429)).toBe(true);
    expect(isTransientStatus(403)).toBe(false);
  });
});

describe("Channel", () => {
  it("hands a slow reader everything pushed meanwhile as one batch, then ends", async () => {
    const channel = new Channel<number>();
    channel.push(1);
    channel.push(2);
    const batches: number[][] = [];
    const reading = (async () => {
      for await (const batch of channel.batches()) {
        batches.push(batch);
        if (batch.includes(2)) {
          channel.push(3);
          channel.close();
        }
      }
    })();
    await reading;
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("delivers what was pushed before a failure, then throws it", async () => {
    const channel = new Channel<string>();
    channel.push("a");
    channel.fail(new Error("boom"));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const v of channel) seen.push(v);
      })(),
    ).rejects.toThrow("boom");
    expect(seen).toEqual(["a"]);
  });
});

describe("createLimiter", () => {
  it("runs at most `concurrency` tasks at once, in call order, and skips tasks aborted while queued", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n;
    };
    const aborted = new AbortController();
    const results = [limit(task(1)), limit(task(2)), limit(task(3), aborted.signal), limit(task(4))];
    aborted.abort(new Error("scrolled away"));
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : "rejected"))).toEqual([1, 2, "rejected", 4]);
    expect(started).toEqual([1, 2, 4]);
    expect(peak).toBe(2);
  });
});
