import { expect, type Browser, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { Portal } from "./pages/portal";
import { seededSubscription, seededUser, type PersonaName } from "./support/emulator";

/**
 * Sharing through Azure RBAC across personas: the platform admin grants, the consumer sees, the admin revokes.
 * contoso_eu_images is a gallery the consumer does not see in the demo seed (docs/emulator.md, "Demo data").
 */
const PROD = {
  subscription: "Contoso Production",
  resourceGroup: "rg-images-eu",
  gallery: "contoso_eu_images",
  definition: "ubuntu-2204-gen2-eu",
};
const SHARED = {
  subscription: "Contoso Shared Services",
  resourceGroup: "rg-shared-images",
  gallery: "contoso_shared_images",
};

async function pageUrl(where: { subscription: string; resourceGroup: string; gallery: string }, definition?: string) {
  const { subscriptionId } = await seededSubscription(where.subscription);
  const gallery = `/subscriptions/${subscriptionId}/resourceGroups/${where.resourceGroup}/galleries/${where.gallery}`;
  return definition ? `${gallery}/images/${definition}` : gallery;
}

/**
 * A fresh sign-in per test rather than the shared persona state: sharing also needs Graph tokens, and a session of
 * its own keeps a test independent of the refresh tokens other tests redeem in parallel.
 */
async function signIn(page: Page, persona: PersonaName): Promise<Page> {
  const user = await seededUser(persona);
  await page.goto("/");
  await new Portal(page).signIn(user.upn);
  return page;
}

async function signedIn(browser: Browser, persona: PersonaName): Promise<Page> {
  const context = await browser.newContext();
  return signIn(await context.newPage(), persona);
}

function wizardStep(page: Page, n: number, name: string) {
  return expect(page.getByRole("heading", { name: `Step ${n} of 4: ${name}` })).toBeVisible();
}

/** Runs the wizard from a resource page: scope as offered, then who and which role. */
async function grant(page: Page, options: { scope?: RegExp; search: string; principal: RegExp; role: string }) {
  await page.getByRole("link", { name: "Grant access" }).click();
  await wizardStep(page, 1, "Scope");
  if (options.scope) await page.getByRole("radio", { name: options.scope }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await wizardStep(page, 2, "Who");
  await page.getByLabel(/Search users, groups and service principals/).fill(options.search);
  await page.getByRole("radio", { name: options.principal }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await wizardStep(page, 3, "Role");
  await page.getByRole("radio", { name: options.role, exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await wizardStep(page, 4, "Review");
}

async function removeFromAccessPanel(page: Page, role: string, principal: string) {
  const access = page.getByRole("table", { name: /^Role assignments that apply/ });
  await access.getByRole("button", { name: `Remove ${role} from ${principal}` }).click();
  const dialog = page.getByRole("dialog", { name: "Remove access?" });
  await expect(dialog).toContainText(`${principal} will lose ${role}`);
  await dialog.getByRole("button", { name: "Remove access" }).click();
  await expect(access.getByRole("row", { name: new RegExp(principal) }).filter({ hasText: role })).toHaveCount(0);
}

test.describe("sharing through the wizard", () => {
  test("admin shares a gallery with the consumer, who then reads it; after removal it is gone again. The same at definition scope shows only that definition", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const admin = await signedIn(browser, "platform-admin");
    const consumer = await signedIn(browser, "consumer");
    const galleryUrl = await pageUrl(PROD);
    const definitionUrl = await pageUrl(PROD, PROD.definition);

    await consumer.goto(galleryUrl);
    await expect(consumer.getByTestId("no-access")).toBeVisible();

    // Gallery scope.
    await admin.goto(galleryUrl);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(PROD.gallery);
    await grant(admin, { search: "Adele", principal: /Adele Vance/, role: "Reader" });
    await expect(admin.getByTestId("grant-counts")).toHaveText(/^5 image definitions and \d+ versions$/);
    // Back and forward keep every choice.
    await admin.getByRole("button", { name: "Back" }).click();
    await expect(admin.getByRole("radio", { name: "Reader", exact: true })).toBeChecked();
    await admin.getByRole("button", { name: "Back" }).click();
    await expect(admin.getByText("Selected: Adele Vance")).toBeVisible();
    await admin.getByRole("button", { name: "Back" }).click();
    await expect(admin.getByRole("radio", { name: /The whole gallery/ })).toBeChecked();
    // The browser's own history too: each step is an entry.
    await admin.goBack();
    await wizardStep(admin, 2, "Who");
    await admin.goForward();
    await wizardStep(admin, 1, "Scope");
    // Each Next waits for its step, as a person would: a second click during the transition would be lost.
    await admin.getByRole("button", { name: "Next" }).click();
    await wizardStep(admin, 2, "Who");
    await admin.getByRole("button", { name: "Next" }).click();
    await wizardStep(admin, 3, "Role");
    await expect(admin.getByRole("radio", { name: "Reader", exact: true })).toBeChecked();
    await admin.getByRole("button", { name: "Next" }).click();
    await wizardStep(admin, 4, "Review");
    await expectNoSeriousA11yViolations(admin, "sharing wizard review step");
    await admin.getByRole("button", { name: "Assign role" }).click();
    await expect(admin.getByRole("status")).toContainText(`Adele Vance now has Reader on gallery '${PROD.gallery}'`);

    await consumer.goto(galleryUrl);
    await expect(consumer.getByRole("heading", { level: 1 })).toHaveText(PROD.gallery);
    await expect(consumer.getByRole("note", { name: "Your access" })).toContainText("read-only");
    await expect(
      consumer.getByRole("table", { name: `Image definitions in ${PROD.gallery}` }).getByRole("row"),
    ).toHaveCount(6);
    await expect(consumer.getByRole("link", { name: "Grant access" })).toHaveCount(0);

    await admin.goto(galleryUrl);
    await expect(admin.getByRole("list", { name: "Recent activity" })).toContainText("Create role assignment");
    await removeFromAccessPanel(admin, "Reader", "Adele Vance");
    await consumer.goto(galleryUrl);
    await expect(consumer.getByTestId("no-access")).toBeVisible();

    // Definition scope: only that definition, not the gallery.
    await admin.goto(definitionUrl);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(PROD.definition);
    await grant(admin, {
      scope: /One image definition/,
      search: "Adele",
      principal: /Adele Vance/,
      role: "Compute Gallery Image Reader",
    });
    await expect(admin.getByTestId("grant-counts")).toHaveText(/^1 image definition and \d+ versions?$/);
    await admin.getByRole("button", { name: "Assign role" }).click();
    await expect(admin.getByRole("status")).toContainText("now has Compute Gallery Image Reader");

    await consumer.goto(definitionUrl);
    await expect(consumer.getByRole("heading", { level: 1 })).toHaveText(PROD.definition);
    await expect(
      consumer
        .getByRole("table", { name: `Versions of ${PROD.definition}` })
        .getByRole("row")
        .nth(1),
    ).toBeVisible();
    await consumer.goto(galleryUrl);
    await expect(consumer.getByTestId("no-access")).toBeVisible();

    await admin.goto(definitionUrl);
    await removeFromAccessPanel(admin, "Compute Gallery Image Reader", "Adele Vance");
    await consumer.goto(definitionUrl);
    await expect(consumer.getByTestId("no-access")).toBeVisible();
  });
});

test.describe("platform admin", () => {
  test.beforeEach(({ page }) => signIn(page, "platform-admin").then(() => undefined));

  test("finds users, groups, guests and service principals by name or object id", async ({ page }) => {
    await page.goto(`/share?scope=${encodeURIComponent(await galleryId(SHARED))}&step=2`);
    await wizardStep(page, 2, "Who");
    const search = page.getByLabel(/Search users, groups and service principals/);
    await search.fill("Image");
    await expect(page.getByRole("radio", { name: /^Image Consumers/ })).toBeVisible();
    await search.fill("contoso-image");
    await expect(page.getByRole("radio", { name: /contoso-image-pipeline \(app id / })).toBeVisible();
    await search.fill("Lee");
    const lee = page.getByRole("listitem").filter({ has: page.getByRole("radio", { name: /Lee Gu/ }) });
    await expect(lee).toContainText("Guest");
    await search.fill("c0000000-0000-4000-8002-000000000005");
    await expect(page.getByRole("radio", { name: /Diego Siciliani/ })).toBeVisible();
    await search.fill("00000000-0000-4000-8000-00000000dead");
    await expect(page.getByText("No principal with this object id in this directory")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "principal search");
  });

  test("lists inherited assignments with the scope they come from, and links there", async ({ page }) => {
    await page.goto(await pageUrl(SHARED));
    const access = page.getByRole("table", { name: /^Role assignments that apply/ });
    const megan = access.getByRole("row").filter({ hasText: "Megan Bowen" });
    await expect(megan).toContainText("Owner");
    await expect(megan).toContainText(`Inherited from subscription '${SHARED.subscription}'`);
    const pipeline = access.getByRole("row").filter({ hasText: "contoso-image-pipeline" });
    await expect(pipeline).toContainText("Compute Gallery Artifacts Publisher");
    await expect(pipeline).toContainText(
      `Inherited from resource group 'rg-shared-images' in '${SHARED.subscription}'`,
    );
    await expect(access.getByRole("row").filter({ hasText: "Image Consumers" })).toContainText("This gallery");
    // Inherited assignments cannot be removed here.
    await expect(megan.getByRole("button")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "access panel");
    await pipeline.getByRole("link", { name: `resource group 'rg-shared-images' in '${SHARED.subscription}'` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("resource group 'rg-shared-images'");
    await expect(
      page
        .getByRole("table", { name: /^Role assignments that apply/ })
        .getByRole("row")
        .filter({ hasText: "contoso-image-pipeline" }),
    ).toContainText("This resource group");
  });

  test("is told a principal already has the access, instead of an error code", async ({ page }) => {
    await page.goto(await pageUrl(SHARED));
    await grant(page, { search: "Lee", principal: /Lee Gu/, role: "Reader" });
    await page.getByRole("button", { name: "Assign role" }).click();
    await expect(page.getByTestId("assignment-error")).toContainText("Lee Gu already has this access");
  });

  test("shares a gallery directly with a subscription, within the limits, and stops again", async ({ page }) => {
    const fabrikam = await seededSubscription("Fabrikam Production");
    await page.goto(await pageUrl(PROD));
    const direct = page.getByRole("region", { name: "Direct sharing" });
    await expect(direct.getByTestId("sharing-status")).toContainText("Private");
    await direct.getByLabel("Subscription id").fill("not-a-guid");
    await expect(direct.getByText("Enter a GUID")).toBeVisible();
    await expect(direct.getByRole("button", { name: "Add" })).toBeDisabled();
    await direct.getByLabel("Subscription id").fill(fabrikam.subscriptionId);
    await direct.getByRole("button", { name: "Add" }).click();
    await expect(direct.getByTestId("sharing-status")).toContainText("Shared directly");
    await expect(direct).toContainText("Shared with subscriptions (1 of 30)");
    await expect(direct).toContainText(fabrikam.subscriptionId);
    await expectNoSeriousA11yViolations(page, "direct sharing panel");
    await direct.getByRole("button", { name: `Stop sharing with subscription ${fabrikam.subscriptionId}` }).click();
    await expect(direct).toContainText("Shared with subscriptions (0 of 30)");
  });
});

test.describe("consumer", () => {
  test.beforeEach(({ page }) => signIn(page, "consumer").then(() => undefined));

  test("is told who can grant access, and where, when it may not assign roles", async ({ page }) => {
    await page.goto(`/share?scope=${encodeURIComponent(await galleryId(SHARED))}`);
    await wizardStep(page, 1, "Scope");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(/Search users, groups and service principals/).fill("Diego");
    await page.getByRole("radio", { name: /Diego Siciliani/ }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("radio", { name: "Compute Gallery Image Reader", exact: true }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Assign role" }).click();
    const error = page.getByTestId("assignment-error");
    await expect(error).toContainText("You can't grant access here");
    await expect(error).toContainText("Owner, User Access Administrator, Role Based Access Control Administrator");
    await expect(error.getByRole("link", { name: `gallery '${SHARED.gallery}'` })).toBeVisible();
    await expect(error.getByRole("link", { name: "resource group 'rg-shared-images'" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "wizard refusal explained");
  });
});

async function galleryId(where: { subscription: string; resourceGroup: string; gallery: string }) {
  const { subscriptionId } = await seededSubscription(where.subscription);
  return `/subscriptions/${subscriptionId}/resourceGroups/${where.resourceGroup}/providers/Microsoft.Compute/galleries/${where.gallery}`;
}
