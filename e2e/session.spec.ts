import { expect, test } from "@playwright/test";
import { GalleriesPage, VersionPage } from "./pages/galleries";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededSubscription, seededUser, storageStateOf } from "./support/emulator";

test("signing in from a deep link lands on that page, and signing out ends the session", async ({ page }) => {
  const admin = await seededUser("platform-admin");
  const portal = new Portal(page);
  await page.goto("/");
  await expect(portal.signInButton).toBeVisible();
  await expectNoSeriousA11yViolations(page, "sign-in panel");

  // Find the gallery's URL as a signed-in user would share it, then open it signed out.
  await portal.signIn(admin.upn);
  const overview = new GalleriesPage(page);
  await overview.open(DEMO.gallery);
  const shared = page.url();
  await portal.signOut();
  await page.reload();
  await expect(portal.signInButton).toBeVisible();

  await page.goto(shared);
  await portal.signIn(admin.upn);
  expect(page.url()).toBe(shared);
  await expect(portal.heading()).toHaveText(DEMO.gallery);
  await portal.expectSignedInAs(admin.upn, admin.displayName);
});

test.describe("a user without any role", () => {
  test.use({ storageState: storageStateOf("no-access") });

  test("sees an empty overview that says why", async ({ page }) => {
    const overview = new GalleriesPage(page);
    await overview.goto();
    await expect(overview.table).toContainText(/cannot see any subscription|No galleries/);
    await expectNoSeriousA11yViolations(page, "empty overview");
  });

  test("opening a gallery it may not read says so, with ARM's answer and who can grant access", async ({ page }) => {
    const production = await seededSubscription(DEMO.subscription);
    await page.goto(
      `/subscriptions/${production.subscriptionId}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}`,
    );
    const version = new VersionPage(page);
    const alert = page.getByRole("alert").first();
    await expect(alert).toContainText("You don't have access");
    await expect(alert).toContainText("AuthorizationFailed");
    await expect(alert).toContainText("Who can grant it");
    await expect(version.heading()).toHaveText(DEMO.gallery);
    await expectNoSeriousA11yViolations(page, "error state");
  });
});
