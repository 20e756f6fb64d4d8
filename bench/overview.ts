/**
 * The overview and the inventory at the inventory's scale (200 subscriptions × 5 galleries × 10 definitions,
 * 11,000 resources) with 100 ms added to every ARM call, in Chromium against the production build:
 *   - a signed-in user's navigation to the overview until its first gallery row (MSAL's start, `GET /subscriptions`
 *     paging and the first Resource Graph page included);
 *   - the inventory with every row in its table, and the page's JS heap then (after a garbage collection);
 *   - the emulator's resident memory with that seed, after serving both.
 */
import { readFileSync } from "node:fs";
import { startSignedInWorld, usedHeapBytes } from "./browser.js";
import { INVENTORY_SCALE } from "./inventory.js";

export interface OverviewFigures {
  /** Navigation (signed in) to the first gallery row of the overview. */
  firstGalleryRowMs: number;
  /** Navigation to every inventory row in the table. */
  inventoryCompleteMs: number;
  inventoryRows: number;
  inventoryHeapBytes: number;
  emulatorRssBytes: number;
}

/** A process's resident set size, from /proc (Linux). */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? Number.NaN) * 1024;
}

export async function benchOverview(log: (line: string) => void): Promise<OverviewFigures> {
  const S = INVENTORY_SCALE;
  const seed = `scale:subscriptions=${S.subscriptions},galleries=${S.galleries},definitions=${S.definitions},versions=0`;
  const rows = S.subscriptions * S.galleries * (1 + S.definitions);
  log(`  starting the emulator (EMULATOR_SEED=${seed}, EMULATOR_LATENCY_MS=${S.latencyMs}) and next start…`);
  const { emulator, baseUrl, page, stop } = await startSignedInWorld(seed, S.latencyMs);
  try {
    const galleries = page.getByRole("table", { name: "Galleries" });
    await galleries.getByRole("row").nth(1).waitFor({ timeout: 120_000 });

    // Signed in, MSAL's cache warm as for anyone returning: a fresh navigation to the overview.
    await page.goto("about:blank");
    const t0 = Date.now();
    await page.goto(`${baseUrl}/`);
    await galleries.getByRole("row").nth(1).waitFor({ timeout: 120_000 });
    const firstGalleryRowMs = Date.now() - t0;

    const t1 = Date.now();
    await page.goto(`${baseUrl}/inventory`);
    await page.waitForFunction(
      (n) =>
        document.querySelector("table[aria-label='Inventory'], table[aria-rowcount]")?.getAttribute("aria-rowcount") ===
        String(n + 1),
      rows,
      { timeout: 180_000, polling: 50 },
    );
    const inventoryCompleteMs = Date.now() - t1;
    const inventoryHeapBytes = await usedHeapBytes(page);
    return {
      firstGalleryRowMs,
      inventoryCompleteMs,
      inventoryRows: rows,
      inventoryHeapBytes,
      emulatorRssBytes: rssBytes(emulator.child.pid!),
    };
  } finally {
    await stop();
  }
}
