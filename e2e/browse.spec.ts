import { expect, test } from "@playwright/test";
import { DefinitionPage, GalleriesPage, GalleryPage, VersionPage } from "./pages/galleries";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededSubscription, seededUser, storageStateOf } from "./support/emulator";

test.use({ storageState: storageStateOf("platform-admin") });

test("a platform admin goes from the galleries overview down to one version, every page accessible", async ({
  page,
}) => {
  // Four pages and four axe scans in one journey: twice the budget of a one-page test.
  test.setTimeout(120_000);
  const admin = await seededUser("platform-admin");
  const overview = new GalleriesPage(page);
  await overview.goto();
  await overview.expectSignedInAs(admin.upn, admin.displayName);
  await expect(overview.row(DEMO.gallery)).toContainText(DEMO.subscription);
  await expect(overview.row(DEMO.gallery)).toContainText(DEMO.resourceGroup);
  await expectNoSeriousA11yViolations(page, "galleries overview");

  await overview.open(DEMO.gallery);
  const gallery = new GalleryPage(page);
  const production = await seededSubscription(DEMO.subscription);
  expect(new URL(page.url()).pathname).toBe(
    `/subscriptions/${production.subscriptionId}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}`,
  );
  await expect(gallery.breadcrumbs).toContainText(DEMO.subscription);
  await expect(gallery.row(DEMO.definition)).toContainText("Windows");
  await expect(gallery.row(DEMO.definition)).toContainText(/\d+\.\d+\.\d+/);
  await expectNoSeriousA11yViolations(page, "gallery page");

  await gallery.open(DEMO.definition);
  const definition = new DefinitionPage(page);
  await expect(definition.row(DEMO.replicatingVersion).getByRole("progressbar").first()).toBeVisible();
  await expect(definition.versions.getByText("latest", { exact: true })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, "image definition page");

  await definition.open(DEMO.replicatingVersion);
  const version = new VersionPage(page);
  await expect(version.breadcrumbs.getByRole("link", { name: DEMO.definition })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy resource id" })).toBeVisible();
  await expect(
    page.getByText(`/images/${DEMO.definition}/versions/${DEMO.replicatingVersion}`, { exact: false }).first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, "image version page");
});

test("overview search and filters narrow the galleries", async ({ page }) => {
  const overview = new GalleriesPage(page);
  await overview.goto();
  await expect(overview.row(DEMO.gallery)).toBeVisible();
  const allRows = await overview.table.getByRole("row").count();

  await overview.search.fill(DEMO.gallery);
  await expect(overview.table.getByRole("row")).toHaveCount(2);
  await overview.search.fill("");
  await expect(overview.table.getByRole("row")).toHaveCount(allRows);

  await overview.subscriptionFilter.selectOption({ label: DEMO.subscription });
  for (const row of await overview.table
    .getByRole("row")
    .all()
    .then((rows) => rows.slice(1))) {
    await expect(row).toContainText(DEMO.subscription);
  }
});

test("a bookmarked version URL reloads to the same page, still signed in", async ({ page }) => {
  const admin = await seededUser("platform-admin");
  const overview = new GalleriesPage(page);
  await overview.goto();
  await overview.open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  await new DefinitionPage(page).open(DEMO.replicatingVersion);
  const bookmark = page.url();

  const other = await page.context().newPage();
  await other.goto(bookmark);
  const version = new VersionPage(other);
  await expect(version.heading()).toHaveText(DEMO.replicatingVersion);
  await version.expectSignedInAs(admin.upn, admin.displayName);
  await other.reload();
  await expect(version.heading()).toHaveText(DEMO.replicatingVersion);
  expect(other.url()).toBe(bookmark);
});
