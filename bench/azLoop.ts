/**
 * The seeds' documented loop with the real Azure CLI, where it is installed:
 *   az account list --query "[].id" -o tsv | xargs -n 1 az sig list --subscription
 * over the emulator's TLS port, signed in as the scale seed's service principal, on the first SUBSET of the
 * inventory's subscriptions (all 200 would take minutes), with the same added ARM latency as the inventory bench.
 * Each `az sig list` is a new Python process: start-up, token cache read, one ARM request. The per-subscription
 * cost is extrapolated to the inventory's subscriptions.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { SCALE_SEED } from "../emulator/seed/scale.js";
import { freePort } from "../scripts/processes.mjs";
import { INVENTORY_SCALE } from "./inventory.js";
import { startBenchEmulator } from "./support.js";

const run = promisify(execFile);
export const AZ_LOOP_SUBSCRIPTIONS = 20;

export interface AzLoopFigures {
  version: string;
  subscriptions: number;
  /** `az account list` (the loop's first step). */
  accountListMs: number;
  /** The `az sig list` loop over `subscriptions` subscriptions. */
  loopMs: number;
  perSubscriptionMs: number;
  /** account list + per-subscription cost × the inventory's subscriptions. */
  extrapolatedMs: number;
  galleries: number;
}

export function azInstalled(): boolean {
  return spawnSync("sh", ["-c", "command -v az"], { encoding: "utf8" }).stdout.trim() !== "";
}

export async function benchAzLoop(log: (line: string) => void): Promise<AzLoopFigures> {
  const S = INVENTORY_SCALE;
  const seed = `scale:subscriptions=${S.subscriptions},galleries=${S.galleries},definitions=${S.definitions},versions=0`;
  const tlsPort: number = await freePort();
  log(`  starting an emulator with TLS (EMULATOR_SEED=${seed}, EMULATOR_LATENCY_MS=${S.latencyMs})…`);
  const emulator = await startBenchEmulator(seed, {
    EMULATOR_TLS: "1",
    EMULATOR_TLS_PORT: String(tlsPort),
    EMULATOR_LATENCY_MS: String(S.latencyMs),
  });
  const configDir = mkdtempSync(join(tmpdir(), "gallerist-bench-az-"));
  // az's own state in a scratch directory; the developer's `az login` and proxies are not used.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(AZURE_|AZ_|HTTPS?_PROXY$|NO_PROXY$|REQUESTS_CA_BUNDLE$)/i.test(name),
    ),
  ) as NodeJS.ProcessEnv;
  Object.assign(env, {
    AZURE_CONFIG_DIR: configDir,
    AZURE_CORE_COLLECT_TELEMETRY: "false",
    REQUESTS_CA_BUNDLE: join(emulator.dataDir, "tls", "ca.pem"),
    // msal's instance discovery reaches the emulator through it (docs/azure-cli.md).
    HTTPS_PROXY: emulator.url,
    NO_PROXY: "",
  });
  const az = (args: string[]) => run("az", args, { env, maxBuffer: 64 * 1024 * 1024 });
  const sh = (script: string) => run("bash", ["-euo", "pipefail", "-c", script], { env, maxBuffer: 64 * 1024 * 1024 });
  try {
    const version = JSON.parse((await az(["version", "-o", "json"])).stdout)["azure-cli"] as string;
    await az([
      "cloud",
      "register",
      "-n",
      "GalleristBench",
      "--endpoint-resource-manager",
      `https://127.0.0.1:${tlsPort}/`,
    ]);
    await az(["cloud", "set", "-n", "GalleristBench"]);
    const sp = SCALE_SEED.servicePrincipal;
    await az(["login", "--service-principal", "-u", sp.appId, "-p", sp.secret, "--tenant", SCALE_SEED.tenantId]);
    log(
      `  az ${version}: signed in; running the loop on ${AZ_LOOP_SUBSCRIPTIONS} of ${S.subscriptions} subscriptions…`,
    );
    const t0 = performance.now();
    const ids = (await sh(`az account list --query "[].id" -o tsv`)).stdout.trim().split("\n");
    const accountListMs = performance.now() - t0;
    const subset = ids.slice(0, AZ_LOOP_SUBSCRIPTIONS);
    const t1 = performance.now();
    const { stdout } = await sh(
      `printf '%s\\n' ${subset.join(" ")} | xargs -n 1 az sig list --query "[].id" -o tsv --subscription`,
    );
    const loopMs = performance.now() - t1;
    const galleries = stdout.trim().split("\n").filter(Boolean).length;
    const perSubscriptionMs = loopMs / subset.length;
    return {
      version,
      subscriptions: subset.length,
      accountListMs,
      loopMs,
      perSubscriptionMs,
      extrapolatedMs: accountListMs + perSubscriptionMs * S.subscriptions,
      galleries,
    };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
    await emulator.stop();
  }
}
