import { test as base } from "@playwright/test";
import { startIsolatedWorld, type IsolatedWorld } from "./isolatedWorld";

/** A private world (demo seed) that lives as long as the worker. */
function privateWorldFixtures() {
  // Playwright's fixture API: no test-scoped fixtures (`{}`), and a fixture function that uses none (`({}, use)`).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  return base.extend<{}, { world: IsolatedWorld }>({
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
}

/**
 * Playwright's `test` with a private world for specs that move the emulator's clock or change what other specs
 * read. Page objects navigate by path: `baseURL` is the private dashboard's. Personas' stored sign-ins belong to
 * the shared dashboard, so tests here sign in themselves. Specs that use it may share a worker, and so a world.
 */
export const privateWorldTest = privateWorldFixtures();

/**
 * The same, for a spec that needs the emulator's clock to stay the browser's (countdowns computed in the page
 * against dates the emulator stamped): its own fixture definition gives it workers of its own (Playwright runs tests
 * whose worker fixtures differ in different workers), so no spec that moves the clock shares its world.
 */
export const unsharedWorldTest = privateWorldFixtures();
