/**
 * The 10,000-version browser figures alone (bench/browser.ts), a definition's and a VM application's, for measuring
 * a change to the version list without the rest of `npm run bench`. Builds into GALLERIST_DIST_DIR (default
 * .next-bench) when sources changed. `npx tsx bench/versions.ts [runs]`.
 */
import { loadavg } from "node:os";

process.env.GALLERIST_DIST_DIR ||= ".next-bench";

const { ensureBuild } = await import("../scripts/processes.mjs");
const { benchApplicationVersions, benchBrowser } = await import("./browser.js");
const { fmtMs } = await import("./support.js");

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await ensureBuild((line: string) => console.log(line));
const runs = Number(process.argv[2] ?? 1);
for (let run = 1; run <= runs; run++) {
  const before = load();
  const figures = await benchBrowser(() => {});
  console.log(
    `run ${run}: definition: first rows ${fmtMs(figures.firstRowsMs)}, all rows ${fmtMs(figures.renderMs)}, warm ${fmtMs(figures.warmRenderMs)}, keystroke median ${fmtMs(median(figures.keystrokeMs))} (${figures.keystrokeMs.map(Math.round).join(", ")}), rows in DOM ${figures.rowsInDom}, replication reads ${figures.replicationReads}; load ${before} → ${load()}`,
  );
  const application = await benchApplicationVersions(() => {});
  console.log(
    `run ${run}: application: first rows ${fmtMs(application.firstRowsMs)}, all rows ${fmtMs(application.renderMs)}; load ${load()}`,
  );
}
