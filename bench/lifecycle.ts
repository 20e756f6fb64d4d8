/**
 * The lifecycle benchmarks:
 *   (a) "In use by" for 10,000 VMs and scale sets across 200 subscriptions, with 100 ms added to every ARM call:
 *       one Resource Graph query, paged (lib/lifecycle/usage.ts).
 *   (b) A retention dry run over a gallery of 10,000 versions (100 definitions × 100): reading the versions and their
 *       usage through ARM (lib/lifecycle/retentionArm.ts), then the plan (lib/lifecycle/retention.ts).
 */
import { performance } from "node:perf_hooks";
import { SCALE_SEED } from "../emulator/seed/scale.js";
import { createArmClients } from "../lib/azure/clients.js";
import { RESOURCE_GRAPH_API_VERSION, RESOURCE_GRAPH_PATH } from "../lib/azure/resourceGraph.js";
import { galleryResourceId } from "../lib/azure/resourceId.js";
import { planRetention } from "../lib/lifecycle/retention.js";
import { readableSubscriptions, readRetentionInventory } from "../lib/lifecycle/retentionArm.js";
import { readImageUsage } from "../lib/lifecycle/usage.js";
import { passwordCredential, startBenchEmulator } from "./support.js";

export const LIFECYCLE_SCALE = {
  usage: { subscriptions: 200, vmsPerSubscription: 50, latencyMs: 100 },
  retention: { definitions: 100, versions: 100 },
};

export interface LifecycleFigures {
  usage: { consumers: number; subscriptions: number; completeMs: number };
  retention: { versions: number; toDelete: number; readMs: number; planMs: number; completeMs: number };
}

async function signedIn(seed: string, env: Record<string, string> = {}) {
  const emulator = await startBenchEmulator(seed, env);
  const credential = passwordCredential(
    emulator.url,
    SCALE_SEED.tenantId,
    SCALE_SEED.admin.upn,
    SCALE_SEED.admin.password,
  );
  return { emulator, arm: createArmClients(emulator.url, credential) };
}

export async function benchLifecycle(log: (line: string) => void): Promise<LifecycleFigures> {
  const u = LIFECYCLE_SCALE.usage;
  const usageSeed = `scale:subscriptions=${u.subscriptions},galleries=1,definitions=1,versions=3,vms=${u.vmsPerSubscription}`;
  log(`  (a) starting the emulator (EMULATOR_SEED=${usageSeed}, EMULATOR_LATENCY_MS=${u.latencyMs})…`);
  let usage: LifecycleFigures["usage"];
  {
    const { emulator, arm } = await signedIn(usageSeed, { EMULATOR_LATENCY_MS: String(u.latencyMs) });
    try {
      const subscriptions = await readableSubscriptions(arm);
      // The emulator builds a caller's RBAC-filtered view on its first query; Azure's index is always warm.
      await arm.unretried.send({
        method: "POST",
        url: new URL(`${RESOURCE_GRAPH_PATH}?api-version=${RESOURCE_GRAPH_API_VERSION}`, emulator.url).href,
        body: { subscriptions, query: "resources | take 1" },
      });
      const gallery = galleryResourceId(
        SCALE_SEED.subscriptionId(1),
        SCALE_SEED.resourceGroup,
        SCALE_SEED.galleryName(1),
      );
      const t0 = performance.now();
      const found = await readImageUsage(arm, subscriptions, { id: gallery });
      usage = {
        consumers: found.consumers.length,
        subscriptions: subscriptions.length,
        completeMs: performance.now() - t0,
      };
      if (usage.consumers !== u.subscriptions * u.vmsPerSubscription)
        throw new Error(`found ${usage.consumers} consumers, not ${u.subscriptions * u.vmsPerSubscription}`);
    } finally {
      await emulator.stop();
    }
  }

  const r = LIFECYCLE_SCALE.retention;
  const retentionSeed = `scale:subscriptions=1,galleries=1,definitions=${r.definitions},versions=${r.versions},vms=100`;
  log(`  (b) starting the emulator (EMULATOR_SEED=${retentionSeed})…`);
  let retention: LifecycleFigures["retention"];
  {
    const { emulator, arm } = await signedIn(retentionSeed);
    try {
      const subscriptions = await readableSubscriptions(arm);
      const scope = {
        kind: "gallery" as const,
        id: galleryResourceId(SCALE_SEED.subscriptionId(1), SCALE_SEED.resourceGroup, SCALE_SEED.galleryName(1)),
      };
      const now = new Date();
      const t0 = performance.now();
      const inventory = await readRetentionInventory(arm, scope, { now, subscriptionIds: subscriptions });
      const t1 = performance.now();
      const plan = planRetention({ ...inventory, policy: { keepNewest: 5, olderThanDays: 0 }, now });
      const t2 = performance.now();
      retention = {
        versions: inventory.versions.length,
        toDelete: plan.toDelete.length,
        readMs: t1 - t0,
        planMs: t2 - t1,
        completeMs: t2 - t0,
      };
      if (retention.versions !== r.definitions * r.versions)
        throw new Error(`read ${retention.versions} versions, not ${r.definitions * r.versions}`);
    } finally {
      await emulator.stop();
    }
  }
  return { usage, retention };
}
