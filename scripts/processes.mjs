// Process helpers shared by `npm start` (scripts/start.mjs) and the Playwright global setup: build the dashboard
// when its sources changed, start the emulator and Next.js as children, wait for them, stop them by PID.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
// Children are started as `node <script>` (not through .bin wrappers) so each is one process: a signal sent to
// its PID reaches the server itself and nothing is left behind.
const NEXT_CLI = join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Sources the production build depends on; the emulator is not among them. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.next.json", "package-lock.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Where the production build lives; next.config.js reads the same variable. */
export const DIST_DIR = process.env.GALLERIST_DIST_DIR || ".next";

/** True when there is no production build or a source file is newer than it. */
export function buildIsStale() {
  const buildId = join(ROOT, DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(ROOT, input)) > built);
}

export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

const BUILD_LOCK_STALE_MS = 10 * 60_000;

/**
 * Two `next build`s into one directory corrupt it, so builds take a lock (an atomic mkdir) and whoever waited
 * re-checks whether the build it wanted is now there. A lock older than any build is taken to be abandoned.
 */
async function withBuildLock(work) {
  const lock = join(ROOT, `${DIST_DIR}.build-lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (Date.now() - statSync(lock).mtimeMs > BUILD_LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureBuild(log = console.log) {
  if (!buildIsStale()) return false;
  return withBuildLock(async () => {
    if (!buildIsStale()) return false;
    log(`Building the dashboard (next build into ${DIST_DIR})…`);
    await run(process.execPath, [NEXT_CLI, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    return true;
  });
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Polls a URL until it answers 2xx; fails early if the child that should serve it exits. */
export async function waitForHttp(url, { timeoutMs = 60_000, child, name = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child?.once("exit", (code, signal) => (exited = signal ?? code));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000}s`);
}

export function startEmulator({ port, dataDir, seed = "demo", stdio = "inherit", env = {} }) {
  return spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, ...env, EMULATOR_PORT: String(port), EMULATOR_DATA_DIR: dataDir, EMULATOR_SEED: seed },
  });
}

export function startNext({ mode, port, emulatorPort, stdio = "inherit", env = {} }) {
  return spawn(process.execPath, [NEXT_CLI, mode, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio,
    env: {
      ...process.env,
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(emulatorPort ? { EMULATOR_PORT: String(emulatorPort) } : {}),
    },
  });
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the child is gone. */
export function stopChild(child, graceMs = 5_000) {
  return new Promise((resolvePromise) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill("SIGTERM");
  });
}
