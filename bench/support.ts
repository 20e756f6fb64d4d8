import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { TokenCredential } from "@azure/core-auth";
import { ARM_AUDIENCE, EMULATOR_DASHBOARD_CLIENT_ID } from "../lib/azure/wellKnown.js";
import { freePort, startEmulator, stopChild, waitForHttp } from "../scripts/processes.mjs";

export interface BenchEmulator {
  url: string;
  /** The emulator's data directory (its TLS CA is `tls/ca.pem` there when EMULATOR_TLS=1). */
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The emulator as its own process (as users run it), so the client under measurement does not share its event
 * loop: this machine has two cores, one for each.
 */
export async function startBenchEmulator(seed: string, env: Record<string, string> = {}): Promise<BenchEmulator> {
  const workDir = mkdtempSync(join(tmpdir(), "gallerist-bench-"));
  const port: number = await freePort();
  const log = join(workDir, "emulator.log");
  const out = openSync(log, "a");
  const child: ChildProcess = startEmulator({
    port,
    dataDir: join(workDir, "data"),
    seed,
    stdio: ["ignore", out, out],
    env,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/_emulator/health`, { child, name: "The emulator", timeoutMs: 180_000 });
  } catch (error) {
    console.error(readFileSync(log, "utf8").slice(-4000));
    throw error;
  }
  return {
    url,
    dataDir: join(workDir, "data"),
    child,
    async stop() {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A credential for a seeded user through the emulator's password grant, cached until shortly before expiry. */
export function passwordCredential(
  emulatorUrl: string,
  tenantId: string,
  username: string,
  password: string,
): TokenCredential {
  let cached: { token: string; expiresOnTimestamp: number } | undefined;
  return {
    async getToken() {
      if (cached && cached.expiresOnTimestamp - 60_000 > Date.now()) return cached;
      const response = await fetch(`${emulatorUrl}/${tenantId}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "password",
          client_id: EMULATOR_DASHBOARD_CLIENT_ID,
          username,
          password,
          scope: `${ARM_AUDIENCE}/.default`,
        }),
      });
      const body = (await response.json()) as {
        access_token?: string;
        expires_in?: number;
        error_description?: string;
      };
      if (!response.ok || !body.access_token)
        throw new Error(`Password grant for ${username} failed: ${body.error_description ?? response.status}`);
      cached = { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in ?? 3600) * 1000 };
      return cached;
    },
  };
}

export const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const mark = (ok: boolean) => (ok ? "✓" : "✗");
