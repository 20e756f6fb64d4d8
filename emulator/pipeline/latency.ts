import type { EmulatorContext } from "../context.js";

/** The configured latency (EMULATOR_LATENCY_MS) before every ARM request, to show the dashboard's loading states. */
export function stageLatency(ctx: EmulatorContext) {
  return async () => {
    if (ctx.config.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.config.latencyMs));
  };
}
