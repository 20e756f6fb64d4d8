import { expect, test } from "@playwright/test";
import { SCALE_SEED } from "../emulator/seed/scale";
import { galleryImageResourceId, routePathFromResourceId } from "../lib/azure/resourceId";
import { Portal } from "./pages/portal";
import { startIsolatedWorld, type IsolatedWorld } from "./support/isolatedWorld";

/**
 * Issue 8: a definition with thousands of versions. The version table keeps only the rows in view in the DOM,
 * reads replication only for those (and the few that decide latest), filters without losing rows, and the
 * inventory streams every version from Resource Graph. Its own emulator with a scale seed, written straight to
 * the store in a second or two.
 */
test.describe.configure({ mode: "serial" });

const VERSIONS = 2_000;
const admin = SCALE_SEED.admin.upn;
const definitionId = galleryImageResourceId(
  SCALE_SEED.subscriptionId(1),
  SCALE_SEED.resourceGroup,
  SCALE_SEED.galleryName(1),
  SCALE_SEED.definitionName(1),
);
const newest = SCALE_SEED.versionName(VERSIONS);
const oldest = SCALE_SEED.versionName(1);

let world: IsolatedWorld;
test.beforeAll(async () => {
  world = await startIsolatedWorld({ seed: `scale:subscriptions=1,galleries=1,definitions=1,versions=${VERSIONS}` });
});
test.afterAll(async () => {
  await world?.close();
});

test("the version table of a 2,000-version definition keeps only the rows in view in the DOM", async ({ page }) => {
  test.setTimeout(120_000);
  const replicationReads: string[] = [];
  // Requests for a version's page (Next's prefetches of row links, or a navigation's RSC payload).
  const versionPages = `${world.baseUrl}${routePathFromResourceId(definitionId)}/versions/`;
  const versionPageReads: string[] = [];
  page.on("request", (request) => {
    if (/[?&](\$|%24)expand=ReplicationStatus/i.test(request.url())) replicationReads.push(request.url());
    if (request.url().startsWith(versionPages)) versionPageReads.push(request.url());
  });
  await page.goto(`${world.baseUrl}${routePathFromResourceId(definitionId)}`);
  await new Portal(page).signIn(admin);

  const table = page.getByRole("table", { name: `Versions of ${SCALE_SEED.definitionName(1)}` });
  const domRows = table.locator("tbody tr[data-index]");
  await expect(table).toHaveAttribute("aria-rowcount", String(VERSIONS + 1), { timeout: 60_000 });
  await expect(
    table.getByRole("rowheader", { name: new RegExp(`^${newest.replaceAll(".", "\\.")}\\b`) }),
  ).toBeVisible();
  const inDom = await domRows.count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(80);
  await expect(table.getByRole("link", { name: oldest, exact: true })).toHaveCount(0);

  // Scrolled to the end, the oldest version is there and the newest has left the DOM; still only a window of rows.
  await table.evaluate((element) => {
    const box = element.parentElement!;
    box.scrollTop = box.scrollHeight;
  });
  await expect(table.getByRole("link", { name: oldest, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: newest, exact: true })).toHaveCount(0);
  expect(await domRows.count()).toBeLessThan(80);

  // Replication was read for the rows shown (and what decides latest), never for every version.
  await page.waitForLoadState("networkidle");
  expect(replicationReads.length).toBeGreaterThan(0);
  expect(replicationReads.length).toBeLessThan(200);

  // The filter keeps exactly the matching versions: 1.0.19, 1.0.190–199 and 1.0.1900–1999.
  await page.getByLabel("Filter versions").fill("1.0.19");
  await expect(table).toHaveAttribute("aria-rowcount", String(1 + 10 + 100 + 1));
  await table.evaluate((element) => {
    element.parentElement!.scrollTop = 0;
  });
  await expect(table.getByRole("link", { name: "1.0.1999", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "1.0.19", exact: true })).toHaveCount(0);
  await table.evaluate((element) => {
    element.parentElement!.scrollTop = element.parentElement!.scrollHeight;
  });
  await expect(table.getByRole("link", { name: "1.0.19", exact: true })).toBeVisible();

  // The rows' links were not prefetched as they came into view (each prefetch is a render on the server, and rows
  // come and go by the hundred here); pointing at one prefetches its page, and the click opens it.
  expect(versionPageReads).toEqual([]);
  const link = table.getByRole("link", { name: "1.0.19", exact: true });
  await link.hover();
  await expect
    .poll(() => versionPageReads.filter((url) => url.includes("/versions/1.0.19?")).length)
    .toBeGreaterThan(0);
  await link.click();
  await expect(new Portal(page).heading()).toHaveText("1.0.19");
});

test("the inventory lists every version from Resource Graph, as a window of rows", async ({ page }) => {
  await page.goto(`${world.baseUrl}/inventory`);
  await new Portal(page).signIn(admin);
  await expect(new Portal(page).heading()).toHaveText("Inventory");
  await expect(
    page.getByText(
      `1 galleries, 1 image definitions, ${VERSIONS} image versions in 1 subscriptions · from Resource Graph`,
    ),
  ).toBeVisible({ timeout: 60_000 });
  const table = page.getByRole("table", { name: "Inventory" });
  await expect(table).toHaveAttribute("aria-rowcount", String(VERSIONS + 2 + 1));
  expect(await table.locator("tbody tr[data-index]").count()).toBeLessThan(80);
});
