import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ComputeManagementClient } from "@azure/arm-compute";
import { ResourceManagementClient } from "@azure/arm-resources";
import type { TokenCredential } from "@azure/core-auth";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE, EMULATOR_DASHBOARD_CLIENT_ID } from "../../lib/azure/wellKnown.js";
import { type EmulatorConfig, configFromEnv } from "../config.js";
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken } from "../identity/issue.js";
import { type Emulator, createEmulator } from "../server.js";
import type { Principal } from "../store/directory.js";

export interface TestEmulator {
  url: string;
  emulator: Emulator;
  dataDir: string;
  /** A principal by UPN, app id or object id. */
  principal(who: string): Principal;
  /**
   * An access token for ARM (or another audience) as the principal, minted by the emulator's key, for its home
   * tenant or the tenant given (a guest's token from the tenant it visits).
   */
  token(who: string, audience?: string, tenantId?: string): Promise<string>;
  credential(who: string, audience?: string, tenantId?: string): TokenCredential;
  compute(who: string, subscriptionId: string, tenantId?: string): ComputeManagementClient;
  resources(who: string, subscriptionId: string, tenantId?: string): ResourceManagementClient;
  /** Raw HTTP against the emulator, for what the SDK will not send. */
  fetch(path: string, init?: RequestInit & { as?: string }): Promise<Response>;
  advance(seconds: number): Promise<void>;
  /** Stops and starts the emulator on the same data directory (and port). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** SDK pollers check every 2 s by default; tests poll fast (a Retry-After in the answer still wins: image versions send one). */
export const FAST_POLL = { updateIntervalInMs: 10 };

/** Starts an emulator on a free port with a fresh data directory. */
export async function startTestEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<TestEmulator> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "gallerist-emulator-"));
  const config: EmulatorConfig = {
    ...configFromEnv({}),
    seed: "empty",
    lroSeconds: 0,
    ...overrides,
    dataDir,
    port: overrides.port ?? 0,
  };
  let emulator = await createEmulator(config);
  const portOf = (url: string) => Number(new URL(url).port);

  const principal = (who: string): Principal => {
    const d = emulator.ctx.directory;
    const p = d.userByUpn(who) ?? d.servicePrincipalByAppId(who) ?? d.principal(who);
    if (!p) throw new Error(`No seeded principal '${who}'.`);
    return p;
  };
  const token = (who: string, audience = ARM_AUDIENCE, tenantId?: string) =>
    issueAccessToken(emulator.ctx, {
      principal: principal(who),
      ...(tenantId ? { tenantId } : {}),
      audience,
      clientId: principal(who).appId ?? EMULATOR_DASHBOARD_CLIENT_ID,
      origin: emulator.url,
    });
  const credential = (who: string, audience = ARM_AUDIENCE, tenantId?: string): TokenCredential => ({
    getToken: async () => ({
      token: await token(who, audience, tenantId),
      expiresOnTimestamp: Date.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
    }),
  });

  const harness: TestEmulator = {
    get url() {
      return emulator.url;
    },
    get emulator() {
      return emulator;
    },
    dataDir,
    principal,
    token,
    credential,
    compute(who, subscriptionId, tenantId) {
      const client = new ComputeManagementClient(credential(who, ARM_AUDIENCE, tenantId), subscriptionId, {
        endpoint: emulator.url,
        allowInsecureConnection: true,
      });
      installAuthPolicy(client.pipeline, emulator.url, credential(who, ARM_AUDIENCE, tenantId), [
        `${ARM_AUDIENCE}/.default`,
      ]);
      return client;
    },
    resources(who, subscriptionId, tenantId) {
      const client = new ResourceManagementClient(credential(who, ARM_AUDIENCE, tenantId), subscriptionId, {
        endpoint: emulator.url,
        allowInsecureConnection: true,
      });
      installAuthPolicy(client.pipeline, emulator.url, credential(who, ARM_AUDIENCE, tenantId), [
        `${ARM_AUDIENCE}/.default`,
      ]);
      return client;
    },
    async fetch(path, init = {}) {
      const { as, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set("Authorization", `Bearer ${await token(as)}`);
      if (rest.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
      return fetch(`${emulator.url}${path}`, { ...rest, headers });
    },
    async advance(seconds) {
      emulator.ctx.clock.advance(seconds * 1000);
    },
    async restart() {
      const port = portOf(emulator.url);
      await emulator.close();
      emulator = await createEmulator({ ...config, port });
    },
    async close() {
      await emulator.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
