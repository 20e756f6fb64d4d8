import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { AZURE_CLI_CLIENT_ID } from "../../../lib/azure/wellKnown.js";
import { EMPTY_SEED } from "../../../emulator/seed/wellKnown.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface ChildEmulator {
  url: string;
  process: ChildProcess;
  /** An ARM token for the empty seed's admin, from the password grant, as a script would get one. */
  token(): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Runs `emulator/main.ts` as its own process on a free port. Node is started with tsx's loader directly (rather
 * than through `npx tsx`, which puts two parent processes in between) so that SIGKILL reaches the process that
 * holds the database.
 */
export async function startChildEmulator(dataDir: string, env: Record<string, string> = {}): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_DATA_DIR: dataDir, EMULATOR_SEED: "empty", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    async token() {
      const res = await fetch(`${url}/organizations/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "password",
          client_id: AZURE_CLI_CLIENT_ID,
          username: EMPTY_SEED.admin.upn,
          password: EMPTY_SEED.admin.password,
          scope: "https://management.azure.com/.default",
        }),
      });
      if (res.status !== 200) throw new Error(`password grant failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill(signal);
      });
    },
  };
}
