// Process helpers shared by `npm start` (scripts/start.mjs) and the Playwright global setup: build the dashboard
// when its sources changed, start the emulator and Next.js as children, wait for them, stop them by PID.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
// Children are started as `node <script>` (not through .bin wrappers) so each is one process: a signal sent to
// its PID reaches the server itself and nothing is left behind.
const NEXT_CLI = join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Sources the production build depends on; the emulator is not among them. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.next.json",
  "package-lock.json",
];

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

/**
 * The deployable server (next.config.js `output: "standalone"`): server.js, the server half of the build and the
 * node_modules it needs. The Dockerfile's runtime image is this directory alone.
 */
export const STANDALONE_DIR = join(ROOT, DIST_DIR, "standalone");
const STANDALONE_SERVER = join(STANDALONE_DIR, "server.js");
const STANDALONE_STATIC = join(STANDALONE_DIR, DIST_DIR, "static");

/**
 * Next leaves the browser assets (`<distDir>/static`, `public/`) out of the standalone directory, expecting a CDN
 * to serve them; we serve them from the same server, so they are copied next to server.js, where it looks for them.
 * `npm run build` runs this after `next build` (scripts/standalone.mjs), and so does ensureBuild.
 */
export function completeStandalone() {
  rmSync(STANDALONE_STATIC, { recursive: true, force: true });
  cpSync(join(ROOT, DIST_DIR, "static"), STANDALONE_STATIC, { recursive: true });
  const publicDir = join(ROOT, "public");
  if (existsSync(publicDir)) cpSync(publicDir, join(STANDALONE_DIR, "public"), { recursive: true });
}

/** True when there is no complete production build or a source file is newer than it. */
export function buildIsStale() {
  const buildId = join(ROOT, DIST_DIR, "BUILD_ID");
  if (![buildId, STANDALONE_SERVER, STANDALONE_STATIC].every((path) => existsSync(path))) return true;
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
    completeStandalone();
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

/**
 * `start` runs the standalone server, as the container does, so every e2e run and `npm start` exercise the
 * deployable build; `dev` runs `next dev`.
 */
export function startNext({ mode, port, emulatorPort, stdio = "inherit", env = {} }) {
  const [args, cwd] =
    mode === "start"
      ? [[STANDALONE_SERVER], STANDALONE_DIR]
      : [[NEXT_CLI, "dev", "--port", String(port), "--hostname", "127.0.0.1"], ROOT];
  return spawn(process.execPath, args, {
    cwd,
    stdio,
    env: {
      ...process.env,
      ...env,
      // server.js reads where to listen from these two (and nothing else).
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
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
