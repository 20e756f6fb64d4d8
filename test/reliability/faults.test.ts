import { ComputeManagementClient } from "@azure/arm-compute";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import type { FaultStats } from "../../emulator/faults/injector.js";
import { EMPTY_SEED } from "../../emulator/seed/wellKnown.js";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "../../emulator/testing/harness.js";
import { reportFigures } from "./support/report.js";
import { SCALE } from "./support/scale.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-faulted";
const CONCURRENCY = 8;
/** Galleries are limited to 100 per region; the rest of the calls update and read them. */
const GALLERIES = Math.min(60, Math.ceil(SCALE.faultedCalls / 5));
const FAULT_SEED = 20_240_601;

describe("the ARM SDK under injected faults", () => {
  let em: TestEmulator;
  let client: ComputeManagementClient;

  beforeAll(async () => {
    em = await startTestEmulator({ lroSeconds: 0 });
    expect(
      (
        await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, {
          method: "PUT",
          as: ADMIN,
          body: JSON.stringify({ location: "westeurope" }),
        })
      ).status,
    ).toBe(201);
    // The SDK's own retry policies (Retry-After for 429/503, exponential backoff for 5xx), with short waits.
    client = new ComputeManagementClient(em.credential(ADMIN), SUB, {
      endpoint: em.url,
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 12, retryDelayInMs: 5, maxRetryDelayInMs: 50 },
    });
    installAuthPolicy(client.pipeline, em.url, em.credential(ADMIN), [`${ARM_AUDIENCE}/.default`]);
  });
  afterAll(() => em.close());

  it(
    `completes ${SCALE.faultedCalls} calls with 20% of them throttled or failing, and ends in the intended state`,
    async () => {
      const rules = [
        { name: "throttle", pathPattern: "/subscriptions/**", status: 429, rate: 0.1, retryAfterSeconds: 0 },
        { name: "unavailable", pathPattern: "/subscriptions/**", status: 503, rate: 0.07, retryAfterSeconds: 0 },
        { name: "internal", pathPattern: "/subscriptions/**", status: 500, rate: 0.03 },
        { name: "slow", pathPattern: "**/galleries/**", latencyMs: 5, rate: 0.2 },
      ];
      expect(
        (await em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ seed: FAULT_SEED, rules }) }))
          .status,
      ).toBe(200);

      const intended = new Map<string, string>();
      const calls: (() => Promise<void>)[] = [];
      for (let g = 0; g < GALLERIES; g++) {
        calls.push(async () => {
          await client.galleries.beginCreateOrUpdateAndWait(
            RG,
            `faulted_${g}`,
            { location: "westeurope", tags: { round: "0" } },
            FAST_POLL,
          );
          intended.set(`faulted_${g}`, "0");
        });
      }
      for (let i = GALLERIES; i < SCALE.faultedCalls; i++) {
        const name = `faulted_${i % GALLERIES}`;
        if (i % 3 === 0) calls.push(async () => void (await client.galleries.get(RG, name)));
        else if (i % 3 === 1) calls.push(async () => void (await collect(client.galleries.listByResourceGroup(RG))));
        else
          calls.push(
            async () =>
              void (await client.galleries.beginUpdateAndWait(RG, name, { tags: { round: String(i) } }, FAST_POLL)),
          );
      }

      // Creates first (a few at a time), then each gallery's updates and reads in order, galleries side by side.
      let completed = 0;
      const failed: string[] = [];
      const attempt = async (call: () => Promise<void>) => {
        try {
          await call();
          completed++;
        } catch (e) {
          failed.push(String((e as Error).message).slice(0, 300));
        }
      };
      const creates = calls.slice(0, GALLERIES);
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < creates.length) await attempt(creates[next++]!);
        }),
      );
      const byGallery = new Map<number, (() => Promise<void>)[]>();
      calls.slice(GALLERIES).forEach((call, k) => {
        const key = (GALLERIES + k) % GALLERIES;
        byGallery.set(key, [...(byGallery.get(key) ?? []), call]);
      });
      await Promise.all(
        [...byGallery.values()].map(async (sequence) => {
          for (const call of sequence) await attempt(call);
        }),
      );
      const lastRound = new Map<string, string>();
      for (let i = GALLERIES; i < SCALE.faultedCalls; i++)
        if (i % 3 === 2) lastRound.set(`faulted_${i % GALLERIES}`, String(i));
      for (const [name, round] of lastRound) intended.set(name, round);

      const view = (await (await em.fetch("/_emulator/faults")).json()) as { stats: FaultStats };
      expect((await em.fetch("/_emulator/faults", { method: "DELETE" })).status).toBe(204);

      const mismatched: string[] = [];
      for (const [name, round] of intended) {
        const gallery = await client.galleries.get(RG, name);
        if (gallery.tags?.round !== round || gallery.provisioningState !== "Succeeded")
          mismatched.push(`${name}: ${gallery.tags?.round} ≠ ${round}`);
      }
      const injected = view.stats.throttled + view.stats.unavailable + view.stats.internalErrors;
      reportFigures("faults", {
        calls: calls.length,
        completed,
        failed: failed.length,
        faultsInjected: injected,
        throttled429: view.stats.throttled,
        unavailable503: view.stats.unavailable,
        internal500: view.stats.internalErrors,
        delayed: view.stats.delayed,
        survived: failed.length === 0 ? injected : 0,
        stateMismatches: mismatched.length,
      });
      expect(failed).toEqual([]);
      expect(mismatched).toEqual([]);
      expect(completed).toBe(calls.length);
      expect(injected).toBeGreaterThan(calls.length * 0.1);
    },
    60_000 + SCALE.faultedCalls * 100,
  );
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
