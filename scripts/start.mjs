// `npm start`: the emulator with demo data and the dashboard on http://localhost:3000, as two child processes.
// The dashboard is the standalone production server the container runs (rebuilt only when its sources changed),
// which is far lighter on a small machine than `next dev` compiling each page on first visit. `npm run dev` (--dev) uses `next dev` instead.
import { DEFAULT_EMULATOR_PORT } from "../lib/azure/wellKnown.ts";
import { ensureBuild, startEmulator, startNext, stopChild, waitForHttp } from "./processes.mjs";

const dev = process.argv.includes("--dev");
const dashboardPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);
const entraMode = Boolean(process.env.NEXT_PUBLIC_AZURE_CLIENT_ID?.trim());
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => stopChild(child)));
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, () => void shutdown(0));
// `npm start` runs this script under a shell that does not pass on a SIGTERM sent to npm; when our parent is
// gone, stop as if signalled instead of leaving the servers orphaned.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void shutdown(0), 1_000).unref();

function watch(child, name) {
  children.push(child);
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? code}); stopping the rest.`);
    void shutdown(typeof code === "number" && code !== 0 ? code : 1);
  });
}

try {
  if (!dev) await ensureBuild();

  if (!entraMode) {
    const emulator = startEmulator({
      port: emulatorPort,
      dataDir: process.env.EMULATOR_DATA_DIR ?? ".emulator",
      seed: process.env.EMULATOR_SEED ?? "demo",
    });
    watch(emulator, "The emulator");
    await waitForHttp(`http://127.0.0.1:${emulatorPort}/_emulator/health`, { child: emulator, name: "The emulator" });
  }

  const next = startNext({
    mode: dev ? "dev" : "start",
    port: dashboardPort,
    emulatorPort: entraMode ? undefined : emulatorPort,
  });
  watch(next, "The dashboard");
  await waitForHttp(`http://127.0.0.1:${dashboardPort}/redirect`, {
    child: next,
    name: "The dashboard",
    timeoutMs: 180_000,
  });
  console.log(
    `\nGallerist is ready: http://localhost:${dashboardPort}${entraMode ? "" : `  (emulator: http://127.0.0.1:${emulatorPort})`}\n`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
