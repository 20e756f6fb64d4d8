import { expect, type Page, test } from "@playwright/test";
import { DefinitionPage, GalleriesPage, GalleryPage } from "./pages/galleries";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { seededSubscription, storageStateOf } from "./support/emulator";

/** The share matrix of the demo seed (emulator/seed/demoAccess.ts, gallery-domain.md §5). */
const SHARED = { subscription: "Contoso Shared Services", resourceGroup: "rg-shared-images" } as const;
const SHARED_GALLERY = "contoso_shared_images";
const SHARED_DEFINITION = "base-ws2022-g2";
const GOLDEN_GALLERY = "contoso_golden_images";
const GOLDEN_SHARED_DEFINITION = "golden-ws2022-iis";
const GOLDEN_OTHER_DEFINITION = "golden-ubuntu-nginx";

async function galleryUrl(gallery: string, ...rest: string[]) {
  const { subscriptionId } = await seededSubscription(SHARED.subscription);
  return [`/subscriptions/${subscriptionId}/resourceGroups/${SHARED.resourceGroup}/galleries/${gallery}`, ...rest].join(
    "/",
  );
}

function accessNote(page: Page) {
  return page.getByRole("note", { name: "Your access" });
}

test.describe("platform admin", () => {
  test.use({ storageState: storageStateOf("platform-admin") });

  test("is told it holds every capability on a gallery and its definitions", async ({ page }) => {
    await page.goto(await galleryUrl(SHARED_GALLERY));
    const gallery = new GalleryPage(page);
    await expect(gallery.heading()).toHaveText(SHARED_GALLERY);
    await expect(accessNote(page)).toContainText("Owner via subscription assignment");
    await expect(accessNote(page)).toContainText("can edit, delete, share and grant access");
    const actions = page.getByRole("toolbar", { name: "Gallery actions" });
    await expect(actions.getByRole("link", { name: "Create image definition" })).toBeVisible();
    await expect(actions.getByRole("link", { name: "Edit" })).toBeVisible();
    await expect(actions.getByRole("button", { name: /delete/i })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "gallery page with an Owner's access note");

    await gallery.open(SHARED_DEFINITION);
    await expect(accessNote(page)).toContainText("can edit, delete, share and grant access");

    await page.goto(await galleryUrl(SHARED_GALLERY, "new-image-definition"));
    await expect(page.getByRole("heading", { name: "Create image definition" })).toBeVisible();
    await expect(page.getByTestId("no-access")).toHaveCount(0);
  });
});

test.describe("consumer", () => {
  test.use({ storageState: storageStateOf("consumer") });

  test("sees only what was shared: the gallery shared with its group, and one definition of another gallery", async ({
    page,
  }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    await expect(overview.row(SHARED_GALLERY)).toContainText(SHARED.subscription);
    // Only the shared gallery: the consumer holds no role on any other.
    await expect(overview.table.getByRole("row")).toHaveCount(2);

    const shared = page.getByRole("table", { name: "Image definitions shared with you" });
    await expect(shared.getByRole("link", { name: GOLDEN_SHARED_DEFINITION, exact: true })).toBeVisible();
    await expect(shared).toContainText(GOLDEN_GALLERY);
    await expect(shared.getByRole("row")).toHaveCount(2);
    await expectNoSeriousA11yViolations(page, "consumer's overview");

    await shared.getByRole("link", { name: GOLDEN_SHARED_DEFINITION, exact: true }).click();
    const definition = new DefinitionPage(page);
    await expect(definition.heading()).toHaveText(GOLDEN_SHARED_DEFINITION);
    await expect(accessNote(page)).toContainText("Compute Gallery Image Reader");
    await expect(accessNote(page)).toContainText("read-only");
    await expect(definition.versions.getByRole("row").nth(1)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "definition page of a definition-scope reader");
  });

  test("reads the shared gallery read-only, with a note of how access was given", async ({ page }) => {
    await page.goto(await galleryUrl(SHARED_GALLERY));
    const gallery = new GalleryPage(page);
    await expect(gallery.heading()).toHaveText(SHARED_GALLERY);
    await expect(accessNote(page)).toContainText("Reader via gallery assignment (through a group)");
    await expect(accessNote(page)).toContainText("read-only");
    await expect(page.getByRole("button", { name: /create|edit|delete|share|grant/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^(create|new|edit|delete|share|grant)/i })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "gallery page read-only");
  });

  test("gets a clear no-access state for the gallery and the definitions not shared with it", async ({ page }) => {
    await page.goto(await galleryUrl(GOLDEN_GALLERY));
    const noAccess = page.getByTestId("no-access");
    await expect(noAccess).toContainText("You don't have access");
    await expect(noAccess).toContainText("Who can grant it");
    await expect(noAccess).toContainText("Owner");
    // Its definition-scope role still lists the one definition it may read, nothing else.
    const definitions = new GalleryPage(page).definitions;
    await expect(definitions.getByRole("link", { name: GOLDEN_SHARED_DEFINITION, exact: true })).toBeVisible();
    await expect(definitions.getByRole("link", { name: GOLDEN_OTHER_DEFINITION, exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "no-access state");

    await page.goto(await galleryUrl(GOLDEN_GALLERY, "images", GOLDEN_OTHER_DEFINITION));
    await expect(page.getByTestId("no-access")).toContainText("do not let you see this image definition");
  });

  test("cannot reach the create pages of what it may only read by typing their URL", async ({ page }) => {
    await page.goto(await galleryUrl(SHARED_GALLERY, "new-image-definition"));
    await expect(page.getByTestId("no-access")).toContainText("do not allow this on the gallery");
    await expect(page.getByTestId("no-access")).toContainText("Compute Gallery Artifacts Publisher");
    await expect(page.getByRole("heading", { name: "Create image definition" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "create page without access");

    await page.goto(await galleryUrl(GOLDEN_GALLERY, "images", GOLDEN_SHARED_DEFINITION, "new-version"));
    await expect(page.getByTestId("no-access")).toContainText("do not allow this on the image definition");
    await expect(page.getByRole("textbox")).toHaveCount(0);
  });
});

test.describe("other-tenant guest", () => {
  test.use({ storageState: storageStateOf("other-tenant") });

  test("switches to the tenant it is a guest in and sees that tenant's galleries", async ({ page }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    await expect(overview.row("fabrikam_images")).toBeVisible();
    await expect(page.getByTestId("account-tenant")).toHaveText("Fabrikam");

    const switcher = page.getByLabel("Tenant");
    await expect(switcher).toBeVisible();
    await expectNoSeriousA11yViolations(page, "header with the tenant switcher");
    await switcher.selectOption({ label: "Contoso" });

    await expect(overview.row(SHARED_GALLERY)).toBeVisible();
    await expect(overview.row("fabrikam_images")).toHaveCount(0);
    await expect(page.getByTestId("account-tenant")).toHaveText("Contoso");

    // The choice survives a reload; switching back brings the home tenant's galleries.
    await page.reload();
    await expect(overview.row(SHARED_GALLERY)).toBeVisible();
    await page.getByLabel("Tenant").selectOption({ label: "Fabrikam" });
    await expect(overview.row("fabrikam_images")).toBeVisible();
    await expect(overview.row(SHARED_GALLERY)).toHaveCount(0);
  });
});
