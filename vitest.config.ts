import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "emulator/**/*.test.ts", "test/**/*.test.ts", "components/**/*.test.ts"],
    exclude: ["node_modules", "e2e", ".next"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
