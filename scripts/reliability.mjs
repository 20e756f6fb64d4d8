// `npm run reliability`: the reliability tests of test/reliability at full size (RELIABILITY_SCALE=large), then
// one table of the figures they measured. Exits non-zero when a test failed or any write was lost, any hostile
// request got through, or any call failed under injected faults.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const PLAYWRIGHT = join(ROOT, "node_modules", "@playwright", "test", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "gallerist-reliability-"));
const report = join(dir, "figures.jsonl");

const run = spawnSync(process.execPath, [VITEST, "run", "test/reliability", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, RELIABILITY_SCALE: process.env.RELIABILITY_SCALE ?? "large", RELIABILITY_REPORT: report },
});

// The dashboard's half: the overview in Chromium under the same kind of injected faults (e2e/faults.spec.ts). It
// needs a production build (kept apart in .next-reliability); RELIABILITY_DASHBOARD=0 skips it.
const dashboardRun =
  process.env.RELIABILITY_DASHBOARD === "0"
    ? undefined
    : spawnSync(process.execPath, [PLAYWRIGHT, "test", "e2e/faults.spec.ts", "--output", join(dir, "playwright")], {
        cwd: ROOT,
        stdio: "inherit",
        env: {
          ...process.env,
          GALLERIST_DIST_DIR: process.env.GALLERIST_DIST_DIR ?? ".next-reliability",
          RELIABILITY_SCALE: process.env.RELIABILITY_SCALE ?? "large",
          RELIABILITY_REPORT: report,
        },
      });

const sections = new Map();
if (existsSync(report)) {
  for (const line of readFileSync(report, "utf8").split("\n").filter(Boolean)) {
    const { section, figures } = JSON.parse(line);
    sections.set(section, figures);
  }
}
rmSync(dir, { recursive: true, force: true });

const faults = sections.get("faults");
const durability = sections.get("durability");
const hostile = sections.get("hostile input");
const limits = sections.get("limits");
const dashboard = sections.get("dashboard under faults");
const fallback = sections.get("dashboard under faults, listed per subscription");
const rows = [
  [
    "Faults",
    faults &&
      `${faults.faultsInjected} injected (${faults.throttled429} × 429, ${faults.unavailable503} × 503, ${faults.internal500} × 500, ${faults.delayed} delayed), ${faults.survived} survived; ${faults.completed}/${faults.calls} SDK calls completed, ${faults.failed} failed, ${faults.stateMismatches} wrong final states`,
  ],
  [
    "Durability",
    durability &&
      `${durability.acknowledged} writes acknowledged before SIGKILL (of ${durability.writesSent} sent), ${durability.foundAfterSigkill} found after restart, ${durability.lost} lost, ${durability.halfWritten} half-written of ${durability.rowsChecked} rows`,
  ],
  ...(dashboardRun
    ? [
        [
          "Dashboard",
          dashboard &&
            `${dashboard.overviewLoadsCompleted}/${dashboard.overviewLoads} overview loads complete with ${dashboard.injectedRatePercent}% of list calls faulted (${dashboard.faultsInjected} of ${dashboard.listCalls}: ${dashboard.throttled} × 429, ${dashboard.unavailable} × 503), ${dashboard.galleriesMissing} galleries missing, ${dashboard.secondsPerLoad} s per load`,
        ],
        [
          "ARM fallback",
          fallback &&
            `Resource Graph down: ${fallback.overviewLoadsCompleted}/${fallback.overviewLoads} overview loads complete through per-subscription listing with ${fallback.throttled} × 429 and ${fallback.unavailable} × 503 on its lists, ${fallback.galleriesMissing} galleries missing`,
        ],
      ]
    : []),
  [
    "Bounded work",
    limits &&
      `largest accepted template (800 resources) ${limits.largestTemplateMs} ms, 512 KB expansion ${limits.largestExpansionMs} ms, largest KQL (4,000-term in) ${limits.largestKqlMs} ms, deepest KQL ${limits.deepestKqlMs} ms; target ${limits.targetMs} ms`,
  ],
  [
    "Hostile input",
    hostile &&
      `${hostile.tried} requests tried (seed ${hostile.seed}), ${hostile.handled} handled with a 4xx and ARM's error body, ${hostile.serverErrors} server errors, ${hostile.accepted} accepted, ${hostile.unauthorized} unauthorized of ${hostile.tokenFaults} token faults; among them ${hostile.prototypeKeys} prototype keys, ${hostile.nesting} deep nestings, ${hostile.expansion} expansions, ${hostile.contentTypes} wrong content types, ${hostile.controlSurface} control-surface abuses; state unchanged: ${hostile.stateUnchanged}`,
  ],
];

console.log("\nReliability figures");
for (const [name, text] of rows) console.log(`  ${name.padEnd(14)} ${text ?? "no figures (the test did not finish)"}`);

const clean =
  run.status === 0 &&
  faults?.failed === 0 &&
  faults?.stateMismatches === 0 &&
  durability?.lost === 0 &&
  durability?.halfWritten === 0 &&
  hostile?.unauthorized === 0 &&
  hostile?.accepted === 0 &&
  hostile?.serverErrors === 0 &&
  (!dashboardRun ||
    (dashboardRun.status === 0 &&
      dashboard?.overviewLoadsCompleted === dashboard?.overviewLoads &&
      dashboard?.galleriesMissing === 0 &&
      fallback?.overviewLoadsCompleted === fallback?.overviewLoads &&
      fallback?.galleriesMissing === 0));
console.log(clean ? "\nZero lost, zero unauthorized." : "\nReliability run FAILED.");
process.exit(clean ? 0 : 1);
