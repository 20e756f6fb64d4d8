import { expect, test, type Page } from "@playwright/test";
import { DefinitionPage, GalleriesPage, GalleryPage } from "./pages/galleries";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { storageStateOf } from "./support/emulator";

/** Issue 19: pages people can read — an in-page section menu with deep links, and a layout usable at 375 px. */
test.use({ storageState: storageStateOf("platform-admin") });

test("a definition page lists its sections on top, each a deep link that lands on it", async ({ page }) => {
  await new GalleriesPage(page).goto();
  await new GalleriesPage(page).open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  await expect(new DefinitionPage(page).row(DEMO.replicatingVersion)).toBeVisible();
  const menu = page.getByRole("navigation", { name: "On this page" });
  for (const name of ["Image versions", "Access", "Recent activity"]) {
    await expect(menu.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await menu.getByRole("link", { name: "Recent activity", exact: true }).click();
  await expect(page).toHaveURL(/#recent-activity$/);
  await expect(page.getByRole("heading", { name: "Recent activity", level: 2 })).toBeInViewport();

  // The deep link on its own, in a fresh page: the section renders after sign-in and data, and is still landed on.
  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url.replace(/#.*$/, "#access"));
  await expect(page.getByRole("heading", { name: "Access", level: 2 })).toBeInViewport({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, "definition page with its section menu");
});

async function expectNoHorizontalScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: the page is wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the overview, a definition and a version fit the screen (wide tables scroll on their own)", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const overview = new GalleriesPage(page);
    await overview.goto();
    await expect(overview.row(DEMO.gallery)).toBeVisible();
    await expectNoHorizontalScroll(page, "overview");
    await overview.open(DEMO.gallery);
    await new GalleryPage(page).open(DEMO.definition);
    const definition = new DefinitionPage(page);
    await expect(definition.row(DEMO.replicatingVersion)).toBeVisible();
    await expectNoHorizontalScroll(page, "definition page");
    await definition.open(DEMO.replicatingVersion);
    await expect(page.getByRole("img", { name: /^Map of/ })).toBeVisible();
    await expectNoHorizontalScroll(page, "version page");
  });
});
