/**
 * The inventory benchmark: every gallery and image definition of 200 subscriptions × 5 galleries × 10 definitions
 * (11,000 resources) with 100 ms added to every ARM call, three ways:
 *   (a) Gallerist's Resource Graph query, paged by $skipToken (lib/inventory),
 *   (b) Gallerist's fallback, per-subscription ARM listing with bounded concurrency (lib/inventory),
 *   (c) the loop users run today, `az sig list` per subscription then `az sig image-definition list` per gallery,
 *       one request after another, modelled in this process with the same HTTP stack (no CLI start-up counted).
 * All three start once the subscriptions are known (`GET /subscriptions`, which every approach needs first).
 */
import { performance } from "node:perf_hooks";
import { SCALE_SEED } from "../emulator/seed/scale.js";
import { createArmClients } from "../lib/azure/clients.js";
import { GALLERY_API_VERSION } from "../lib/inventory/armListing.js";
import { streamInventory } from "../lib/inventory/inventory.js";
import { itemFromArmResource } from "../lib/inventory/item.js";
import { RESOURCE_GRAPH_API_VERSION, RESOURCE_GRAPH_PATH } from "../lib/azure/resourceGraph.js";
import type { ArmTransport } from "../lib/azure/transport.js";
import type { Subscription } from "../lib/queries/subscriptions.js";
import { passwordCredential, startBenchEmulator } from "./support.js";

export const INVENTORY_SCALE = { subscriptions: 200, galleries: 5, definitions: 10, latencyMs: 100 };

export interface InventoryRun {
  firstRowMs: number;
  completeMs: number;
  requests: number;
  galleries: number;
  definitions: number;
}

export interface InventoryFigures {
  seed: string;
  subscriptionsMs: number;
  resourceGraph: InventoryRun;
  fanOut: InventoryRun;
  sequential: InventoryRun;
}

function counting(inner: ArmTransport) {
  const counter = { requests: 0 };
  const transport: ArmTransport = {
    send(request, signal) {
      counter.requests++;
      return inner.send(request, signal);
    },
  };
  return { transport, counter };
}

async function streamed(
  transport: ArmTransport,
  counter: { requests: number },
  endpoint: string,
  subscriptions: string[],
  source: "auto" | "armListing",
): Promise<InventoryRun> {
  counter.requests = 0;
  const t0 = performance.now();
  let firstRowMs = Number.NaN;
  let galleries = 0;
  let definitions = 0;
  for await (const chunk of streamInventory({ transport, endpoint, subscriptions, source })) {
    if (chunk.type === "fallback" && source === "auto")
      throw new Error(`Resource Graph fell back: ${chunk.reason.code} ${chunk.reason.message}`);
    if (chunk.type === "failed") throw new Error(`${chunk.scope}: ${chunk.error.code} ${chunk.error.message}`);
    if (chunk.type !== "items" || chunk.items.length === 0) continue;
    if (Number.isNaN(firstRowMs)) firstRowMs = performance.now() - t0;
    for (const item of chunk.items) {
      if (item.kind === "gallery") galleries++;
      else if (item.kind === "definition") definitions++;
    }
  }
  return { firstRowMs, completeMs: performance.now() - t0, requests: counter.requests, galleries, definitions };
}

/** (c): one list after another, following nextLink, as a shell loop over `az sig list` and `az sig image-definition list` does. */
async function sequentialLoop(
  transport: ArmTransport,
  counter: { requests: number },
  endpoint: string,
  subscriptions: string[],
): Promise<InventoryRun> {
  counter.requests = 0;
  const t0 = performance.now();
  let firstRowMs = Number.NaN;
  let galleries = 0;
  let definitions = 0;
  const listAll = async (path: string) => {
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = new URL(`${path}?api-version=${GALLERY_API_VERSION}`, endpoint).href;
    while (next) {
      const response = await transport.send({ method: "GET", url: next });
      if (response.status !== 200) throw new Error(`GET ${next} answered ${response.status}`);
      const page = response.body as { value: Record<string, unknown>[]; nextLink?: string };
      items.push(...page.value);
      next = page.nextLink || undefined;
    }
    return items;
  };
  for (const subscriptionId of subscriptions) {
    const found = await listAll(`/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`);
    if (found.length > 0 && Number.isNaN(firstRowMs)) firstRowMs = performance.now() - t0;
    galleries += found.length;
    for (const gallery of found) {
      const item = itemFromArmResource(gallery);
      definitions += (await listAll(`${item!.id}/images`)).length;
    }
  }
  return { firstRowMs, completeMs: performance.now() - t0, requests: counter.requests, galleries, definitions };
}

export async function benchInventory(log: (line: string) => void): Promise<InventoryFigures> {
  const s = INVENTORY_SCALE;
  const seed = `scale:subscriptions=${s.subscriptions},galleries=${s.galleries},definitions=${s.definitions},versions=0`;
  log(`  starting the emulator (EMULATOR_SEED=${seed}, EMULATOR_LATENCY_MS=${s.latencyMs})…`);
  const emulator = await startBenchEmulator(seed, { EMULATOR_LATENCY_MS: String(s.latencyMs) });
  try {
    const credential = passwordCredential(
      emulator.url,
      SCALE_SEED.tenantId,
      SCALE_SEED.admin.upn,
      SCALE_SEED.admin.password,
    );
    const arm = createArmClients(emulator.url, credential);
    // Warm the connection, the token and both processes' JIT, so no approach pays for being first.
    await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01");
    const t0 = performance.now();
    const subscriptions = (await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01")).map(
      (x) => x.subscriptionId,
    );
    const subscriptionsMs = performance.now() - t0;
    if (subscriptions.length !== s.subscriptions)
      throw new Error(`expected ${s.subscriptions} subscriptions, got ${subscriptions.length}`);

    const { transport, counter } = counting(arm.unretried);
    // The emulator builds a caller's RBAC-filtered view of Resource Graph on that caller's first query; Azure's
    // index is always warm, so one small query goes first.
    const warm = await transport.send({
      method: "POST",
      url: new URL(`${RESOURCE_GRAPH_PATH}?api-version=${RESOURCE_GRAPH_API_VERSION}`, emulator.url).href,
      body: { subscriptions, query: "resources | take 1" },
    });
    if (warm.status !== 200) throw new Error(`Resource Graph warm-up answered ${warm.status}`);
    log("  (a) Resource Graph…");
    const resourceGraph = await streamed(transport, counter, emulator.url, subscriptions, "auto");
    log("  (b) bounded fan-out…");
    const fanOut = await streamed(transport, counter, emulator.url, subscriptions, "armListing");
    log("  (c) sequential loop (takes a while: that is the point)…");
    const sequential = await sequentialLoop(transport, counter, emulator.url, subscriptions);
    for (const [name, run] of Object.entries({ resourceGraph, fanOut, sequential })) {
      if (
        run.galleries !== s.subscriptions * s.galleries ||
        run.definitions !== s.subscriptions * s.galleries * s.definitions
      ) {
        throw new Error(
          `${name} found ${run.galleries} galleries and ${run.definitions} definitions, not the seeded counts`,
        );
      }
    }
    return { seed, subscriptionsMs, resourceGraph, fanOut, sequential };
  } finally {
    await emulator.stop();
  }
}
