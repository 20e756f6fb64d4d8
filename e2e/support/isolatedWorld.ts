import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, startEmulator, startNext, stopChild, waitForHttp } from "../../scripts/processes.mjs";
import { AZURE_CLI_CLIENT_ID } from "../../lib/azure/wellKnown";

/**
 * An emulator with the demo seed and the run's standalone server, both private to one spec file. Specs
 * that break the emulator on purpose (fault injection) or read the dashboard's server log use one, so no other
 * spec sees their faults or their resources. Start it in `beforeAll` of a serial describe block.
 */
export interface IsolatedWorld {
  /** The dashboard, at localhost (MSAL needs a secure context). */
  baseUrl: string;
  emulatorUrl: string;
  /** Everything the dashboard process wrote to stdout and stderr so far. */
  dashboardLog(): string;
  /** An ARM access token for a seeded user (password grant, as scripts sign in). */
  armToken(upn: string, password?: string): Promise<string>;
  /** Raw HTTP against the emulator's ARM endpoints as a seeded user. */
  arm(upn: string, method: string, path: string, body?: unknown): Promise<Response>;
  /** Replaces every fault rule of the emulator (`PUT /_emulator/faults`); an empty list removes them. */
  setFaults(rules: Record<string, unknown>[], seed?: number): Promise<unknown>;
  faults(): Promise<FaultsView>;
  /** Moves this emulator's clock (`POST /_emulator/clock`): replication and long-running operations follow it. */
  advanceClock(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export interface FaultsView {
  rules: { name: string; fired?: number }[];
  [counter: string]: unknown;
}

export const DEMO_PASSWORD = "Demo#1234";

/** `seed`: the emulator's EMULATOR_SEED (demo unless a spec needs another, e.g. a `scale:` seed). */
export async function startIsolatedWorld({ seed = "demo" }: { seed?: string } = {}): Promise<IsolatedWorld> {
  const workDir = mkdtempSync(join(tmpdir(), "gallerist-isolated-"));
  const [emulatorPort, dashboardPort] = [await freePort(), await freePort()];
  const emulatorLog = join(workDir, "emulator.log");
  const dashboardLogPath = join(workDir, "dashboard.log");
  const logTo = (path: string) => ["ignore", openSync(path, "a"), openSync(path, "a")] as const;
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(workDir, { recursive: true, force: true });
  };

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  try {
    const emulator = startEmulator({
      port: emulatorPort,
      dataDir: join(workDir, "data"),
      seed,
      stdio: [...logTo(emulatorLog)],
    });
    children.push(emulator);
    const dashboard = startNext({
      mode: "start",
      port: dashboardPort,
      emulatorPort,
      stdio: [...logTo(dashboardLogPath)],
    });
    children.push(dashboard);
    await waitForHttp(`${emulatorUrl}/_emulator/health`, { child: emulator, name: "The isolated emulator" });
    await waitForHttp(`http://127.0.0.1:${dashboardPort}/redirect`, {
      child: dashboard,
      name: "The isolated dashboard",
    });
  } catch (error) {
    for (const log of [emulatorLog, dashboardLogPath])
      console.error(`--- ${log}\n${readFileSync(log, "utf8").slice(-4000)}`);
    await close();
    throw error;
  }

  const tokens = new Map<string, string>();
  const armToken = async (upn: string, password = DEMO_PASSWORD) => {
    const cached = tokens.get(upn);
    if (cached) return cached;
    const response = await fetch(`${emulatorUrl}/organizations/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "password",
        client_id: AZURE_CLI_CLIENT_ID,
        username: upn,
        password,
        scope: "https://management.azure.com/.default",
      }),
    });
    if (!response.ok)
      throw new Error(`Password grant for ${upn} answered ${response.status}: ${await response.text()}`);
    const token = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(upn, token);
    return token;
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulatorUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };

  return {
    baseUrl: `http://localhost:${dashboardPort}`,
    emulatorUrl,
    dashboardLog: () => readFileSync(dashboardLogPath, "utf8"),
    armToken,
    async arm(upn, method, path, body) {
      return fetch(`${emulatorUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${await armToken(upn)}`, "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    },
    setFaults: (rules, seed) => control("PUT", "/_emulator/faults", { rules, ...(seed !== undefined ? { seed } : {}) }),
    faults: () => control("GET", "/_emulator/faults") as Promise<FaultsView>,
    advanceClock: async (seconds) => {
      await control("POST", "/_emulator/clock", { advanceSeconds: seconds });
    },
    close,
  };
}
