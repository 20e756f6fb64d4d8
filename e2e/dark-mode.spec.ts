import { expect, test, type Page } from "@playwright/test";
import { DefinitionPage, GalleriesPage, GalleryPage } from "./pages/galleries";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { storageStateOf } from "./support/emulator";

/** Issue 19: dark mode follows the system setting, and stays readable (axe's contrast rules included). */
test.use({ storageState: storageStateOf("platform-admin"), colorScheme: "dark" });

/** Relative luminance (0 black … 1 white) of an element's computed background, through a 1×1 canvas. */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const color = getComputedStyle(document.querySelector(sel)!).backgroundColor;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = color;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(context.getImageData(0, 0, 1, 1).data).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }, selector);
}

test("with the system in dark mode the pages are dark and pass axe, contrast included", async ({ page }) => {
  test.setTimeout(120_000);
  const overview = new GalleriesPage(page);
  await overview.goto();
  await expect(overview.row(DEMO.gallery)).toBeVisible();
  expect(await backgroundLuminance(page, "body")).toBeLessThan(0.05);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
  await expectNoSeriousA11yViolations(page, "overview in dark mode");

  await overview.open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  const definition = new DefinitionPage(page);
  await expect(definition.row(DEMO.replicatingVersion)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "definition page in dark mode");

  await definition.open(DEMO.replicatingVersion);
  await expect(page.getByRole("group", { name: /^Map of/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "version page in dark mode");
});

test("in light mode the same pages stay light", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    storageState: storageStateOf("platform-admin"),
    colorScheme: "light",
  });
  const page = await context.newPage();
  const overview = new GalleriesPage(page);
  await overview.goto();
  await expect(overview.row(DEMO.gallery)).toBeVisible();
  expect(await backgroundLuminance(page, "body")).toBeGreaterThan(0.9);
  await context.close();
});
