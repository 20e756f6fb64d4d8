/**
 * `npm run bench`: Gallerist's scale figures, in one run on this machine.
 *   1. Inventory of 200 subscriptions × 5 galleries × 10 definitions with 100 ms added to every ARM call:
 *      (a) Resource Graph, (b) bounded ARM fan-out, (c) the sequential per-subscription loop (see inventory.ts).
 *   2. In Chromium against the production build: a definition with 10,000 versions, and filter keystrokes.
 *   3. First-load JS of each route of that build, gzipped.
 * The production build goes to its own directory (GALLERIST_DIST_DIR, default .next-bench) so a running
 * `next start` elsewhere in the checkout is not disturbed; it is rebuilt only when sources changed.
 */
import { performance } from "node:perf_hooks";

process.env.GALLERIST_DIST_DIR ||= ".next-bench";
const distDir = process.env.GALLERIST_DIST_DIR;

const { ROOT, ensureBuild } = await import("../scripts/processes.mjs");
const { join } = await import("node:path");
const { loadavg } = await import("node:os");
const { benchInventory, INVENTORY_SCALE } = await import("./inventory.js");
const { benchBrowser, BROWSER_LATENCY_MS } = await import("./browser.js");
const { firstLoadJs } = await import("./bundleSize.js");
const { fmtMs, mark } = await import("./support.js");

const TARGETS = {
  completeMs: 2000,
  speedup: 10,
  firstRowsMs: 1000,
  versionFirstRowsMs: 500,
  versionAllMs: 2000,
  keystrokeMs: 50,
  overviewKb: 250,
};
const log = (line: string) => console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const started = performance.now();

console.log(
  `Gallerist benchmark — Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log("\n1. Inventory");
const inv = await benchInventory(log);
console.log("\n2. Browser");
log(`  production build in ${distDir} (rebuilt only if sources changed)…`);
await ensureBuild(log);
const browser = await benchBrowser(log, distDir);
const sizes = firstLoadJs(join(ROOT, distDir));

const s = INVENTORY_SCALE;
const rows = [
  ["(a) Resource Graph", inv.resourceGraph],
  ["(b) bounded fan-out", inv.fanOut],
  ["(c) sequential loop", inv.sequential],
] as const;
const ratio = (x: number) => inv.sequential.completeMs / x;
console.log(
  `\n== Inventory: ${s.subscriptions} subscriptions × ${s.galleries} galleries × ${s.definitions} definitions (${inv.resourceGraph.galleries} galleries, ${inv.resourceGraph.definitions} definitions), EMULATOR_LATENCY_MS=${s.latencyMs}`,
);
console.log(`   GET /subscriptions first (needed by all three): ${fmtMs(inv.subscriptionsMs)}`);
console.log("   approach               first row   complete   requests   speed-up vs (c)");
for (const [name, run] of rows) {
  console.log(
    `   ${name.padEnd(22)} ${fmtMs(run.firstRowMs).padStart(9)}  ${fmtMs(run.completeMs).padStart(9)}  ${String(run.requests).padStart(9)}   ${ratio(run.completeMs).toFixed(1)}×`,
  );
}
console.log(
  `   ratio (a)/(c) = ${(inv.resourceGraph.completeMs / inv.sequential.completeMs).toFixed(4)}   (b)/(c) = ${(inv.fanOut.completeMs / inv.sequential.completeMs).toFixed(4)}`,
);
console.log(
  `   target: complete ≤ 2 s ${mark(inv.resourceGraph.completeMs <= TARGETS.completeMs)}   ≥ 10× faster than (c) ${mark(ratio(inv.resourceGraph.completeMs) >= TARGETS.speedup)}   first rows ≤ 1 s ${mark(inv.resourceGraph.firstRowMs <= TARGETS.firstRowsMs)}   (Resource Graph)`,
);

console.log(
  `\n== Definition with ${browser.versions.toLocaleString("en")} versions, Chromium, production build, EMULATOR_LATENCY_MS=${BROWSER_LATENCY_MS}`,
);
console.log(
  `   page load → first version rows: ${fmtMs(browser.firstRowsMs)}; → all ${browser.versions.toLocaleString("en")} in the table: ${fmtMs(browser.renderMs)} (the list read through Resource Graph, 1,000 rows a page)`,
);
console.log(
  `   target: first rows ≤ 500 ms ${mark(browser.firstRowsMs <= TARGETS.versionFirstRowsMs)}   all rows ≤ 2 s ${mark(browser.renderMs <= TARGETS.versionAllMs)}`,
);
console.log(
  `   link from the gallery page, list already read → all ${browser.versions.toLocaleString("en")} in the table: ${fmtMs(browser.warmRenderMs)}`,
);
console.log(`   version rows in the DOM: ${browser.rowsInDom}; replication reads sent: ${browser.replicationReads}`);
const keyMedian = median(browser.keystrokeMs);
console.log(
  `   filter keystroke → updated rows: median ${fmtMs(keyMedian)}, max ${fmtMs(Math.max(...browser.keystrokeMs))} (${browser.keystrokeMs.map((m) => Math.round(m)).join(", ")} ms)   target ≤ 50 ms ${mark(keyMedian <= TARGETS.keystrokeMs)}`,
);

console.log("\n== First-load JS per route (gzipped)");
for (const size of sizes) console.log(`   ${(size.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${size.route}`);
const overview = sizes.find((x) => x.route === "/");
if (overview) console.log(`   overview (/) ≤ 250 KB ${mark(overview.gzipBytes / 1024 <= TARGETS.overviewKb)}`);
console.log(`\n(benchmark took ${fmtMs(performance.now() - started)})`);
