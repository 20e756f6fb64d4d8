import type { EmulatorContext } from "../context.js";
import { seedEmpty } from "./empty.js";

/** Seeds a fresh data directory. Only runs when the directory holds no tenant yet, so restarts keep state. */
export function applySeed(ctx: EmulatorContext, seed: string): void {
  ctx.db.transaction(() => {
    switch (seed.split(":")[0]) {
      case "empty":
        seedEmpty(ctx);
        break;
      default:
        // The demo seed lands with its own module; until then `demo` starts like `empty`.
        seedEmpty(ctx);
    }
  })();
}
