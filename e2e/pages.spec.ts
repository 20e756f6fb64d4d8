import { expect, test, type Page } from "@playwright/test";
import { DefinitionPage, GalleriesPage, GalleryPage } from "./pages/galleries";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededSubscription, storageStateOf } from "./support/emulator";

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
  // The menu marks the section being read, and focus moves into it, so Tab and a screen reader go on from there.
  await expect(menu.getByRole("link", { name: "Recent activity", exact: true })).toHaveAttribute(
    "aria-current",
    "location",
  );
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Recent activity" })).toBeFocused();

  // The deep link on its own, in a fresh page: the section renders after sign-in and data, and is still landed on.
  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url.replace(/#.*$/, "#access"));
  await expect(page.getByRole("heading", { name: "Access", level: 2 })).toBeInViewport({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, "definition page with its section menu");
});

async function expectNoHorizontalScroll(page: Page, label: string) {
  // Panels that load after the page (access, activity, usage) are part of what must fit.
  await page.waitForLoadState("networkidle");
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    // The outermost element sticking out, to name in the failure: what to fix.
    const scrolls = (element: Element) => /auto|scroll|hidden/.test(getComputedStyle(element).overflowX);
    // A scroller clips what it contains, except an absolutely positioned element whose containing block (its
    // offsetParent) lies outside it: that one (an sr-only header, say) widens the page from inside a scroller.
    const clippedByScroller = (element: HTMLElement) => {
      const position = getComputedStyle(element).position;
      if (position === "fixed") return false;
      const from = position === "absolute" ? element.offsetParent : element.parentElement;
      for (let e = from; e && e !== document.body; e = e.parentElement) if (scrolls(e)) return true;
      return false;
    };
    const sticking = Array.from(document.querySelectorAll<HTMLElement>("body *")).filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !clippedByScroller(element),
    );
    const outermost = sticking.filter((element) => !sticking.includes(element.parentElement!));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      widest: outermost
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 40)}"`)
        .join("; "),
    };
  });
  expect(scrollWidth, `${label}: the page is wider than the screen (${widest})`).toBeLessThanOrEqual(innerWidth);
}

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the overview, a definition and a version page fit the screen (wide tables scroll on their own)", async ({
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
    await expect(page.getByRole("table", { name: /^Role assignments that apply to/ })).toBeVisible();
    await expectNoHorizontalScroll(page, "definition page");
    await definition.open(DEMO.replicatingVersion);
    await expect(page.getByRole("group", { name: /^Map of/ })).toBeVisible();
    await expectNoHorizontalScroll(page, "version page");
  });

  test("an application and its version page fit the screen", async ({ page }) => {
    test.setTimeout(90_000);
    const { subscriptionId } = await seededSubscription(DEMO.subscription);
    const application = `/subscriptions/${subscriptionId}/resourceGroups/rg-vm-apps/galleries/contoso_vm_apps/applications/log-shipper`;
    await page.goto(application);
    await expect(page.getByRole("heading", { level: 1, name: "log-shipper" })).toBeVisible();
    await expectNoHorizontalScroll(page, "application page");
    await page.goto(`${application}/versions/2.1.0`);
    await expect(page.getByRole("heading", { level: 1, name: "2.1.0" })).toBeVisible();
    await expect(page.getByRole("tablist", { name: "Add it with" })).toBeVisible();
    await expectNoHorizontalScroll(page, "application version page");
  });
});
