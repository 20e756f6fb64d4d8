import type { EmulatorContext } from "../context.js";
import { seedDemo } from "./demo.js";
import { seedEmpty } from "./empty.js";
import { seedScale } from "./scale.js";

/** Seeds a fresh data directory. Only runs when the directory holds no tenant yet, so restarts keep state. */
export function applySeed(ctx: EmulatorContext, seed: string): void {
  ctx.db.transaction(() => {
    switch (seed.split(":")[0]) {
      case "empty":
        seedEmpty(ctx);
        break;
      case "scale":
        seedScale(ctx, seed);
        break;
      default:
        seedDemo(ctx);
    }
  })();
}
