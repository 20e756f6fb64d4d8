import { test as base } from "@playwright/test";
import { startIsolatedWorld, type IsolatedWorld } from "./isolatedWorld";

/**
 * Playwright's `test` with a private world (demo seed) that lives as long as the worker, for specs that move the
 * emulator's clock or change what other specs read. Page objects navigate by path: `baseURL` is the private
 * dashboard's. Personas' stored sign-ins belong to the shared dashboard, so tests here sign in themselves.
 */
// Playwright's fixture API: no test-scoped fixtures (`{}`), and a fixture function that uses none (`({}, use)`).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export const privateWorldTest = base.extend<{}, { world: IsolatedWorld }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const world = await startIsolatedWorld();
      await use(world);
      await world.close();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ world }, use) => use(world.baseUrl),
});
