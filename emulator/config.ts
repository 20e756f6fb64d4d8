import { DEFAULT_EMULATOR_PORT } from "../lib/azure/wellKnown.js";

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
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  return {
    host: env.EMULATOR_HOST ?? "127.0.0.1",
    port: intFrom(env.EMULATOR_PORT, DEFAULT_EMULATOR_PORT),
    dataDir: env.EMULATOR_DATA_DIR ?? ".emulator",
    seed: env.EMULATOR_SEED ?? "demo",
    lroSeconds: numberFrom(env.EMULATOR_LRO_SECONDS, 2),
    clockSpeed: numberFrom(env.EMULATOR_CLOCK_SPEED, 1),
    latencyMs: intFrom(env.EMULATOR_LATENCY_MS, 0),
    pageSize: intFrom(env.EMULATOR_PAGE_SIZE, 50),
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
