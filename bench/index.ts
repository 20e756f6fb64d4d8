/**
 * `npm run bench`: Gallerist's scale figures, in one run on this machine.
 *   1. Inventory of 200 subscriptions × 5 galleries × 10 definitions with 100 ms added to every ARM call:
 *      (a) Resource Graph, (b) bounded ARM fan-out, (c) the sequential per-subscription loop (see inventory.ts).
 *      Beside them, the seeds' documented loop with the real Azure CLI where it is installed (azLoop.ts), on 20 of
 *      the 200 subscriptions, extrapolated.
 *   2. In Chromium against the production build: a definition with 10,000 versions, and filter keystrokes; the
 *      overview and the inventory at 200 subscriptions (overview.ts); the JS heap of both pages, the emulator's RSS.
 *   3. First-load JS of each route of that build, gzipped.
 *   4. Lifecycle: "in use by" for 10,000 VMs across 200 subscriptions, a retention dry run over 10,000 versions.
 * At the end, the figures table that docs/performance.md shows, as printed here.
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
const { benchApplicationVersions, benchBrowser, BROWSER_LATENCY_MS } = await import("./browser.js");
const { benchOverview } = await import("./overview.js");
const { azInstalled, benchAzLoop } = await import("./azLoop.js");
const { firstLoadJs } = await import("./bundleSize.js");
const { benchLifecycle, LIFECYCLE_SCALE } = await import("./lifecycle.js");
const { fmtMs, mark } = await import("./support.js");

const TARGETS = {
  completeMs: 2000,
  speedup: 10,
  firstRowsMs: 1000,
  versionFirstRowsMs: 500,
  versionAllMs: 2000,
  overviewFirstRowMs: 1000,
  heapMb: 150,
  rssMb: 500,
  keystrokeMs: 50,
  routeKb: 250,
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
const azLoop = azInstalled() ? await benchAzLoop(log) : undefined;
if (!azLoop) log("  the Azure CLI (az) is not installed: the real-tool loop is left out");
console.log("\n2. Browser");
log(`  production build in ${distDir} (rebuilt only if sources changed)…`);
await ensureBuild(log);
const browser = await benchBrowser(log);
const applications = await benchApplicationVersions(log);
const overview = await benchOverview(log);
const sizes = firstLoadJs(join(ROOT, distDir));
console.log("\n4. Lifecycle");
const lifecycle = await benchLifecycle(log);

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

const mb = (bytes: number) => bytes / (1024 * 1024);
if (azLoop) {
  const modelPerSub = inv.sequential.completeMs / s.subscriptions;
  console.log(
    `\n== The seeds' loop with the real Azure CLI ${azLoop.version} (az account list | xargs -n 1 az sig list --subscription), over TLS, same latency`,
  );
  console.log(
    `   ${azLoop.subscriptions} subscriptions: ${fmtMs(azLoop.loopMs)} (${fmtMs(azLoop.perSubscriptionMs)} per subscription, a Python process each) + az account list ${fmtMs(azLoop.accountListMs)}; ${azLoop.galleries} galleries`,
  );
  console.log(
    `   extrapolated to ${s.subscriptions} subscriptions: ${fmtMs(azLoop.extrapolatedMs)} for galleries alone   in-process model (c): ${fmtMs(modelPerSub)} per subscription, galleries and definitions   Gallerist (a): ${fmtMs(inv.resourceGraph.completeMs)} for both`,
  );
}

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
console.log(
  `   a VM application with ${applications.versions.toLocaleString("en")} versions, page load → first version rows: ${fmtMs(applications.firstRowsMs)}; → all: ${fmtMs(applications.renderMs)}   target: first rows ≤ 500 ms ${mark(applications.firstRowsMs <= TARGETS.versionFirstRowsMs)}   all rows ≤ 2 s ${mark(applications.renderMs <= TARGETS.versionAllMs)}`,
);
console.log(
  `   JS heap with every version in the table: ${mb(browser.heapBytes).toFixed(1)} MB   target ≤ ${TARGETS.heapMb} MB ${mark(mb(browser.heapBytes) <= TARGETS.heapMb)}`,
);
const keyMedian = median(browser.keystrokeMs);
console.log(
  `   filter keystroke → updated rows: median ${fmtMs(keyMedian)}, max ${fmtMs(Math.max(...browser.keystrokeMs))} (${browser.keystrokeMs.map((m) => Math.round(m)).join(", ")} ms)   target ≤ 50 ms ${mark(keyMedian <= TARGETS.keystrokeMs)}`,
);

console.log(
  `\n== Overview and inventory at ${s.subscriptions} subscriptions, Chromium, production build, EMULATOR_LATENCY_MS=${s.latencyMs}`,
);
console.log(
  `   signed in, navigation → first gallery row: ${fmtMs(overview.firstGalleryRowMs)}   target ≤ 1 s ${mark(overview.firstGalleryRowMs <= TARGETS.overviewFirstRowMs)}`,
);
console.log(
  `   inventory, navigation → all ${overview.inventoryRows.toLocaleString("en")} rows: ${fmtMs(overview.inventoryCompleteMs)}; JS heap then ${mb(overview.inventoryHeapBytes).toFixed(1)} MB   target ≤ ${TARGETS.heapMb} MB ${mark(mb(overview.inventoryHeapBytes) <= TARGETS.heapMb)}`,
);
console.log(
  `   emulator RSS with that seed, after serving both: ${mb(overview.emulatorRssBytes).toFixed(0)} MB   target ≤ ${TARGETS.rssMb} MB ${mark(mb(overview.emulatorRssBytes) <= TARGETS.rssMb)}`,
);

console.log(`\n== First-load JS per route (gzipped), target ≤ ${TARGETS.routeKb} KB each`);
for (const size of sizes)
  console.log(
    `   ${(size.gzipBytes / 1024).toFixed(1).padStart(7)} KB ${mark(size.gzipBytes / 1024 <= TARGETS.routeKb)}  ${size.route}`,
  );
const lu = LIFECYCLE_SCALE.usage;
console.log(
  `\n== In use by: ${lifecycle.usage.consumers.toLocaleString("en")} VMs and scale sets across ${lifecycle.usage.subscriptions} subscriptions, EMULATOR_LATENCY_MS=${lu.latencyMs}`,
);
console.log(
  `   one Resource Graph query, paged: ${fmtMs(lifecycle.usage.completeMs)}   target ≤ 2 s ${mark(lifecycle.usage.completeMs <= TARGETS.completeMs)}`,
);
const lr = lifecycle.retention;
console.log(`\n== Retention dry run over a gallery of ${lr.versions.toLocaleString("en")} versions (no added latency)`);
console.log(
  `   reading versions and usage: ${fmtMs(lr.readMs)}; planning: ${fmtMs(lr.planMs)} (${lr.toDelete.toLocaleString("en")} to delete); complete: ${fmtMs(lr.completeMs)}   target ≤ 2 s ${mark(lr.completeMs <= TARGETS.completeMs)}`,
);
const largest = sizes.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a), sizes[0]!);
const figures: [string, string, string][] = [
  [
    `Inventory, ${s.subscriptions} subscriptions, Resource Graph: complete`,
    fmtMs(inv.resourceGraph.completeMs),
    "≤ 2 s",
  ],
  ["Inventory: the sequential loop, modelled in process", fmtMs(inv.sequential.completeMs), "—"],
  ...(azLoop
    ? ([
        [
          `The real \`az\` ${azLoop.version} loop, ${azLoop.subscriptions} subscriptions → ${s.subscriptions} (extrapolated)`,
          fmtMs(azLoop.extrapolatedMs),
          "—",
        ],
      ] as [string, string, string][])
    : []),
  ["Overview: first gallery row (signed in)", fmtMs(overview.firstGalleryRowMs), "≤ 1 s"],
  [`${browser.versions.toLocaleString("en")} versions: first rows`, fmtMs(browser.firstRowsMs), "≤ 500 ms"],
  [`${browser.versions.toLocaleString("en")} versions: all rows`, fmtMs(browser.renderMs), "≤ 2 s"],
  [
    `Application with ${applications.versions.toLocaleString("en")} versions: first rows`,
    fmtMs(applications.firstRowsMs),
    "≤ 500 ms",
  ],
  [
    `Application with ${applications.versions.toLocaleString("en")} versions: all rows`,
    fmtMs(applications.renderMs),
    "≤ 2 s",
  ],
  ["Filter keystroke (median)", fmtMs(keyMedian), "≤ 50 ms"],
  [`JS heap, ${browser.versions.toLocaleString("en")} versions`, `${mb(browser.heapBytes).toFixed(0)} MB`, "≤ 150 MB"],
  [
    `JS heap, inventory of ${overview.inventoryRows.toLocaleString("en")} rows`,
    `${mb(overview.inventoryHeapBytes).toFixed(0)} MB`,
    "≤ 150 MB",
  ],
  ["Emulator RSS at the scale seed", `${mb(overview.emulatorRssBytes).toFixed(0)} MB`, "≤ 500 MB"],
  ["In use by: 10,000 VMs, 200 subscriptions", fmtMs(lifecycle.usage.completeMs), "≤ 2 s"],
  [`Retention dry run, ${lr.versions.toLocaleString("en")} versions`, fmtMs(lr.completeMs), "≤ 2 s"],
  [`Largest first-load JS (${largest?.route})`, `${((largest?.gzipBytes ?? 0) / 1024).toFixed(0)} KB`, "≤ 250 KB"],
];
console.log(
  `\n== Figures table (docs/performance.md), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
);
console.log("| figure | measured | target |\n|---|---|---|");
for (const [name, value, target] of figures) console.log(`| ${name} | ${value} | ${target} |`);
console.log(`\n(benchmark took ${fmtMs(performance.now() - started)})`);
