import { describe, expect, it } from "vitest";
import { AzureError } from "@/lib/azure/errors";
import { Channel } from "@/lib/inventory/channel";
import { createLimiter } from "@/lib/inventory/limiter";
import { itemFromArmResource, itemFromGraphRow } from "@/lib/inventory/item";
import { retryAfterMs } from "@/lib/inventory/retryAfter";
import { BoundedScheduler, type Clock } from "@/lib/inventory/scheduler";
import { applyChunk, definitionCounts, EMPTY_INVENTORY } from "@/lib/inventory/state";

const GALLERY = "/subscriptions/AB-1/resourceGroups/RG-Images/providers/Microsoft.Compute/galleries/Gold";

describe("retryAfterMs", () => {
  it("reads delay seconds and HTTP dates, and falls back when the header says nothing usable", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Wed, 01 Jan 2025 00:00:03 GMT", now)).toBe(3000);
    expect(retryAfterMs("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs("soon", now, 2500)).toBe(2500);
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
      properties: { osType: "Linux", identifier: { publisher: "Contoso", offer: "ubuntu", sku: "22_04" }, provisioningState: "Succeeded" },
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
    const version = itemFromGraphRow({ id: `${GALLERY}/images/Ubuntu/versions/1.0.0`, name: "1.0.0", type: "microsoft.compute/galleries/images/versions" });
    expect(version).toMatchObject({
      kind: "version",
      subscriptionId: "ab-1",
      resourceGroup: "RG-Images",
      galleryKey: GALLERY.toLowerCase(),
      definitionKey: `${GALLERY}/images/Ubuntu`.toLowerCase(),
    });
    expect(itemFromGraphRow({ id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/disks/d", name: "d", type: "microsoft.compute/disks" })).toBeUndefined();
    expect(itemFromArmResource({ name: "no id" })).toBeUndefined();
  });
});

describe("inventory state", () => {
  const gallery = itemFromArmResource({ id: GALLERY, name: "Gold", type: "Microsoft.Compute/galleries", location: "westeurope" })!;
  const definition = (name: string) =>
    itemFromArmResource({ id: `${GALLERY}/images/${name}`, name, type: "Microsoft.Compute/galleries/images", location: "westeurope" })!;

  it("accumulates items and listed containers, returning a new state each time", () => {
    const a = applyChunk(EMPTY_INVENTORY, { type: "items", source: "armListing", items: [gallery], listed: ["ab-1"] });
    const b = applyChunk(a, { type: "items", source: "armListing", items: [definition("x"), definition("y")], listed: [gallery.galleryKey] });
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
      { type: "failed", scope: "/subscriptions/ab-2/providers/Microsoft.Compute/galleries", subscriptionId: "ab-2", error: reason },
    ].reduce(applyChunk as never, EMPTY_INVENTORY) as typeof EMPTY_INVENTORY;
    expect(s.source).toBe("armListing");
    expect(s.fallbackReason).toBe(reason);
    expect(s.items).toHaveLength(1);
    expect(s.failures.map((f) => f.subscriptionId)).toEqual(["ab-2"]);
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
