import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuild, freePort, startEmulator, startNext, stopChild, waitForHttp } from "../scripts/processes.mjs";

/**
 * One fresh world per run: the production build (rebuilt only if stale), an emulator with demo data in its own
 * temporary directory, and the standalone server the container runs (`.next/standalone/server.js`), both on free
 * ports so runs can overlap; every spec is thereby a smoke test of the deployable build. Workers learn the URLs
 * from the environment; the returned teardown stops both by PID.
 */
export default async function globalSetup() {
  await ensureBuild();
  const workDir = mkdtempSync(join(tmpdir(), "gallerist-e2e-"));
  const [emulatorPort, dashboardPort] = [await freePort(), await freePort()];
  const emulatorLog = join(workDir, "emulator.log");
  const dashboardLog = join(workDir, "dashboard.log");
  const logTo = (path: string) => ["ignore", openSync(path, "a"), openSync(path, "a")] as const;

  const emulator = startEmulator({
    port: emulatorPort,
    dataDir: join(workDir, "data"),
    seed: "demo",
    stdio: [...logTo(emulatorLog)],
  });
  const dashboard = startNext({ mode: "start", port: dashboardPort, emulatorPort, stdio: [...logTo(dashboardLog)] });
  const teardown = async () => {
    await Promise.all([stopChild(dashboard), stopChild(emulator)]);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHttp(`http://127.0.0.1:${emulatorPort}/_emulator/health`, { child: emulator, name: "The emulator" });
    await waitForHttp(`http://127.0.0.1:${dashboardPort}/healthz`, { child: dashboard, name: "The dashboard" });
  } catch (error) {
    for (const log of [emulatorLog, dashboardLog])
      console.error(`--- ${log}\n${readFileSync(log, "utf8").slice(-4000)}`);
    await teardown();
    throw error;
  }

  // localhost, not 127.0.0.1: MSAL needs a secure context, and the redirect URI is built from this origin.
  process.env.GALLERIST_BASE_URL = `http://localhost:${dashboardPort}`;
  process.env.GALLERIST_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;
  return teardown;
}
