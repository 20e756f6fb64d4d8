import { DEFAULT_EMULATOR_PORT } from "../lib/azure/wellKnown.js";
import { type QuotaSettings, quotaSettingsFromEnv } from "./resourceGraph/quota.js";

export const DEFAULT_EMULATOR_TLS_PORT = 4443;

export interface EmulatorConfig {
  host: string;
  port: number;
  dataDir: string;
  /** `demo`, `empty`, or a scale spec (`scale:subscriptions=200,...`, see seed/). */
  seed: string;
  /** Emulated seconds a gallery or definition create/update/delete takes. */
  lroSeconds: number;
  /** How fast the emulated clock runs relative to real time. */
  clockSpeed: number;
  /** Added to every ARM call, to model a remote service. */
  latencyMs: number;
  /** Items per list page; small so clients must follow nextLink, as against Azure. */
  pageSize: number;
  /** Also serve HTTPS (with a local CA in `<dataDir>/tls/`), for clients that refuse tokens over http. */
  tls: boolean;
  tlsPort: number;
  /** Resource Graph queries per user per window (EMULATOR_RG_QUOTA, EMULATOR_RG_WINDOW_MS; Azure's: 15 per 5 s). */
  resourceGraphQuota: QuotaSettings;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): EmulatorConfig {
  return {
    host: env.EMULATOR_HOST ?? "127.0.0.1",
    port: intFrom(env.EMULATOR_PORT, DEFAULT_EMULATOR_PORT),
    dataDir: env.EMULATOR_DATA_DIR ?? ".emulator",
    seed: env.EMULATOR_SEED ?? "demo",
    lroSeconds: numberFrom(env.EMULATOR_LRO_SECONDS, 2),
    clockSpeed: numberFrom(env.EMULATOR_CLOCK_SPEED, 1),
    latencyMs: intFrom(env.EMULATOR_LATENCY_MS, 0),
    pageSize: intFrom(env.EMULATOR_PAGE_SIZE, 50),
    tls: env.EMULATOR_TLS === "1" || env.EMULATOR_TLS === "true",
    tlsPort: intFrom(env.EMULATOR_TLS_PORT, DEFAULT_EMULATOR_TLS_PORT),
    resourceGraphQuota: quotaSettingsFromEnv(env),
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
}

function numberFrom(value: string | undefined, fallback: number): number {
  const n = Number.parseFloat(value ?? "");
  return Number.isFinite(n) ? n : fallback;
}
