import { expect, type Page, test } from "@playwright/test";
import { GalleriesPage } from "./pages/galleries";
import { CreateGalleryPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { seededSubscription, storageStateOf } from "./support/emulator";

/*
 * Who may create a gallery where, from the demo seed's role assignments (emulator/seed/demoAccess.ts). Read-only:
 * nothing is created, the shared emulator's demo data stays as the other specs expect it.
 */
const PRODUCTION = "Contoso Production";
const DEVELOPMENT = "Contoso Development";
const SHARED = "Contoso Shared Services";
const GALLERY_WRITE = "Microsoft.Compute/galleries/write";

function publishing(page: Page) {
  return page.getByRole("region", { name: "Publishing" });
}

async function optionTexts(select: ReturnType<CreateGalleryPage["field"]>) {
  return (await select.locator("option").allTextContents()).map((t) => t.trim());
}

test.describe("platform admin", () => {
  test.use({ storageState: storageStateOf("platform-admin") });

  test("still creates as before: every Contoso subscription, its resource groups and a new one", async ({ page }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    await publishing(page).getByRole("link", { name: "Create gallery" }).click();

    const form = new CreateGalleryPage(page);
    await expect(form.heading()).toHaveText("Create gallery");
    const subscription = form.field("Subscription (required)");
    await expect(subscription.locator("option", { hasText: SHARED })).toHaveCount(1);
    expect(await optionTexts(subscription)).toEqual(["Choose a subscription", DEVELOPMENT, PRODUCTION, SHARED]);
    await expect(form.unavailable).toHaveCount(0);

    await subscription.selectOption({ label: PRODUCTION });
    const groups = form.field("Existing resource group (required)");
    await expect(groups.locator("option", { hasText: "rg-images-prod" })).toHaveCount(1);
    expect(await optionTexts(groups)).toEqual(
      expect.arrayContaining([
        "rg-app-web (eastus)",
        "rg-image-build (eastus)",
        "rg-images-eu (westeurope)",
        "rg-images-prod (eastus)",
      ]),
    );
    await expect(
      form.field("Resource group").locator("option", { hasText: "Create a new resource group" }),
    ).toBeEnabled();
    await form.field("Resource group").selectOption("new");
    await expect(form.field("New resource group name (required)")).toBeEditable();
  });
});

test.describe("publisher", () => {
  test.use({ storageState: storageStateOf("publisher") });

  test("is offered only the resource group where he is Artifacts Publisher; the other subscription is listed with the reason", async ({
    page,
  }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    await publishing(page).getByRole("link", { name: "Create gallery" }).click();

    const form = new CreateGalleryPage(page);
    const subscription = form.field("Subscription (required)");
    await expect(subscription.locator("option", { hasText: PRODUCTION })).toHaveCount(1);
    expect(await optionTexts(subscription)).toEqual(["Choose a subscription", PRODUCTION]);
    await expect(subscription).toHaveAccessibleDescription(/Only the subscriptions where you may create a gallery/);

    // Publisher on the dev gallery is not galleries/write on a resource group: no new gallery in Development.
    await expect(form.unavailable.getByRole("listitem")).toHaveCount(1);
    await expect(form.unavailable.getByRole("listitem")).toContainText(DEVELOPMENT);
    await expect(form.unavailable).toContainText(
      `Not available: Your role assignments do not include ${GALLERY_WRITE}`,
    );
    await expect(form.unavailable).toContainText(
      "Ask them to assign you Owner, Contributor or Compute Gallery Artifacts Publisher on a resource group",
    );
    await expect(form.unavailable).toContainText(
      "someone with Owner, User Access Administrator or Role Based Access Control Administrator",
    );

    await subscription.selectOption({ label: PRODUCTION });
    const groups = form.field("Existing resource group (required)");
    await expect(groups.locator("option", { hasText: "rg-images-prod" })).toHaveCount(1);
    expect(await optionTexts(groups)).toEqual(["Choose a resource group", "rg-images-prod (eastus)"]);
    // The Artifacts Publisher role cannot create resource groups, so a new one is shown but not selectable.
    await expect(
      form.field("Resource group").locator("option", { hasText: "Create a new resource group (not available)" }),
    ).toBeDisabled();
    await expect(form.field("Resource group")).toHaveAccessibleDescription(
      /Microsoft\.Resources\/subscriptions\/resourceGroups\/write/,
    );
    await expectNoSeriousA11yViolations(page, "create gallery form with subscriptions not available");
  });

  test("a bookmarked subscription where he may not create is not preselected", async ({ page }) => {
    const { subscriptionId } = await seededSubscription(DEVELOPMENT);
    await page.goto(`/galleries/new?subscription=${subscriptionId}`);
    const form = new CreateGalleryPage(page);
    await expect(form.unavailable).toContainText(DEVELOPMENT);
    await expect(form.field("Subscription (required)")).toHaveValue("");
  });
});

test.describe("consumer", () => {
  test.use({ storageState: storageStateOf("consumer") });

  test("sees no Create gallery on the overview, and /galleries/new says why instead of a form", async ({ page }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    const unavailable = publishing(page).getByTestId("create-gallery-unavailable");
    await expect(unavailable).toHaveText(/None of your subscriptions lets you create a gallery/);
    await expect(page.getByRole("link", { name: "Create gallery" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "overview of a user who may create no gallery");

    await unavailable.getByRole("link", { name: "Why, and who can grant it" }).click();
    const form = new CreateGalleryPage(page);
    await expect(form.heading()).toHaveText("Create gallery");
    await expect(form.noGalleryCreation).toContainText("You can't create a gallery");
    const subscriptions = page.getByRole("region", { name: "Your subscriptions" });
    await expect(subscriptions.getByRole("listitem")).toHaveCount(1);
    await expect(subscriptions).toContainText(SHARED);
    await expect(subscriptions).toContainText(`Not available: Your role assignments do not include ${GALLERY_WRITE}`);
    await expect(subscriptions).toContainText("Who can grant it");
    await expect(form.form).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "create gallery page of a user who may create no gallery");
  });
});
