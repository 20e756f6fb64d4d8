import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { DefinitionPage, GalleriesPage, GalleryPage, VersionPage } from "./pages/galleries";
import { Portal } from "./pages/portal";
import { CreateDefinitionPage, CreateGalleryPage, CreateVersionPage, EditVersionPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * The specs that move the emulator's clock. The clock is the whole emulator's: moved in the run's shared emulator
 * it would complete the demo's in-progress replication under every other spec, depending on which ran first. So
 * these share a private world, in order.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const DEV = DEMO_SUBSCRIPTIONS.contosoDevelopment;

test.describe.configure({ mode: "serial" });

/** Each test has a fresh browser context, signed in here through the private emulator's identity provider. */
async function signIn(page: Page) {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
}

test("a region's progress bar reaches Completed as the emulator's clock moves", async ({ page, world }) => {
  await signIn(page);
  const overview = new GalleriesPage(page);
  await overview.goto();
  await overview.open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  await new DefinitionPage(page).open(DEMO.replicatingVersion);

  const version = new VersionPage(page);
  const replicating = version.replicatingBars().first();
  await expect(replicating).toBeVisible();
  const region = await replicating.getAttribute("aria-label");
  expect(region).toMatch(new RegExp(`^Replication of ${DEMO.replicatingVersion} to `));
  const bar = version.replication.getByRole("progressbar", { name: region! });
  const before = Number(await bar.getAttribute("aria-valuenow"));
  expect(before).toBeLessThan(100);

  // Replication progress is derived from the emulator's clock; the page polls while anything is replicating.
  await world.advanceClock(12 * 3600);
  await expect(bar).toHaveAttribute("aria-valuetext", "Completed");
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(version.replicatingBars()).toHaveCount(0);
});

test("publish end to end: gallery (keyboard only), definition, version, replication, region update, delete in order", async ({
  page,
  world,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const gallery = `e2e_publish_${suffix}`;
  const definition = `e2e-win-${suffix}`;

  // 1. The gallery, with the keyboard only.
  await signIn(page);
  const galleryForm = new CreateGalleryPage(page);
  await galleryForm.goto();
  await galleryForm.field("Subscription (required)").focus();
  await expect(
    galleryForm.field("Subscription (required)").locator("option", { hasText: DEV.displayName }),
  ).toHaveCount(1);
  await page.keyboard.type(DEV.displayName);
  await expect(galleryForm.field("Subscription (required)")).toHaveValue(DEV.subscriptionId);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Create");
  await expect(galleryForm.field("Resource group")).toHaveValue("new");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`rg-publish-${suffix}`);
  await page.keyboard.press("Tab");
  await page.keyboard.type(gallery);
  await page.keyboard.press("Tab");
  await expect(galleryForm.field("Region (required)").locator("option", { hasText: "West US 2" })).toHaveCount(1);
  await page.keyboard.type("West US 2");
  await expect(galleryForm.field("Region (required)")).toHaveValue("westus2");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Made by the publish e2e");
  await expect(page.getByRole("progressbar", { name: /Galleries used in West US 2/ })).toBeVisible();
  await galleryForm.form.getByRole("button", { name: "Create gallery" }).focus();
  await page.keyboard.press("Enter");
  await expect(galleryForm.heading()).toHaveText(gallery, { timeout: 30_000 });

  // 2. The definition.
  await page.getByRole("link", { name: "Create image definition" }).click();
  const definitionForm = new CreateDefinitionPage(page);
  await definitionForm.field("Image definition name (required)").fill(definition);
  await definitionForm.field("Publisher (required)").fill("Contoso");
  await definitionForm.field("Offer (required)").fill("E2E");
  await definitionForm.field("SKU (required)").fill(suffix);
  await definitionForm.field("OS type (required)").selectOption("Windows");
  await definitionForm.field("OS state (required)").selectOption("Generalized");
  await definitionForm.form.getByRole("button", { name: "Create image definition" }).click();
  await expect(definitionForm.heading()).toHaveText(definition, { timeout: 30_000 });

  // 3. The version from a compatible managed image, to two regions; the planner fills the replica counts.
  await page.getByRole("link", { name: "Create version" }).click();
  const versionForm = new CreateVersionPage(page);
  await expect(versionForm.field("Version number (required)")).toHaveValue("1.0.0");
  await versionForm.form.getByLabel("Kind", { exact: true }).selectOption("managedImage");
  await versionForm.compatibleSources.getByRole("radio").first().check();
  await expect(versionForm.field("Source resource id")).toHaveValue(/\/images\//);
  await versionForm.addRegion("westus3");
  await versionForm.field("Storage type in West US 3").selectOption("Standard_ZRS");
  await versionForm.form.getByLabel("VMs created at once in West US 3").fill("120");
  await expect(versionForm.form.getByLabel("Recommended replicas in West US 3")).toHaveText("3");
  await versionForm.form.getByRole("button", { name: "Apply the recommended replica counts" }).click();
  await expect(versionForm.field("Replicas in West US 3")).toHaveValue("3");
  await versionForm.form.getByRole("button", { name: "Create image version" }).click();
  await expect(versionForm.heading()).toHaveText("1.0.0", { timeout: 30_000 });

  // 4. Replication completes as the emulator's clock moves.
  const replication = page.getByRole("table", { name: "Replication of 1.0.0 per region" });
  await expect(replication.getByRole("row")).toHaveCount(3);
  await world.advanceClock(6 * 3600);
  await expect(page.getByText("Replication Completed")).toBeVisible({ timeout: 30_000 });

  // 5. Update: more replicas at the source, West US 3 removed (with the explicit confirmation).
  await page.getByRole("link", { name: "Edit" }).click();
  const edit = new EditVersionPage(page, "1.0.0");
  await edit.field("Replicas in West US 2").fill("2");
  await edit.form.getByRole("button", { name: "Remove West US 3" }).click();
  await edit.form.getByRole("button", { name: "Save changes" }).click();
  await edit.expectFieldError(/Yes, remove West US 3/, /Confirm the removal to continue/);
  await edit.field(/Yes, remove West US 3/).check();
  await expectNoSeriousA11yViolations(page, "edit image version form");
  await edit.form.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.heading()).toHaveText("1.0.0", { timeout: 30_000 });
  await world.advanceClock(6 * 3600);
  await expect(replication.getByRole("row")).toHaveCount(2, { timeout: 30_000 });
  await expect(replication.getByRole("row", { name: /West US 2/ })).toContainText("2");

  // 6. Delete in order: the gallery names what must go first; the definition goes with its version.
  await page.getByRole("link", { name: gallery }).first().click();
  await page.getByRole("button", { name: "Delete gallery" }).click();
  const galleryDialog = page.getByRole("dialog", { name: `Delete gallery ${gallery}?` });
  await expect(galleryDialog).toContainText("still holds 1 image definition");
  await expect(galleryDialog.getByRole("button", { name: "Delete gallery" })).toBeDisabled();
  await galleryDialog.getByRole("link", { name: definition }).click();
  await page.getByRole("button", { name: "Delete image definition" }).click();
  const definitionDialog = page.getByRole("dialog", { name: `Delete image definition ${definition}?` });
  await definitionDialog.getByLabel("Delete this definition and its 1 version").check();
  await definitionDialog.getByRole("button", { name: "Delete definition and 1 version" }).click();
  await expect(definitionDialog.getByRole("list", { name: "Deletion progress" })).toContainText("Deleted", {
    timeout: 30_000,
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(gallery, { timeout: 30_000 });
  await page.getByRole("button", { name: "Delete gallery" }).click();
  await expect(galleryDialog).toContainText("The gallery is empty");
  await galleryDialog.getByRole("button", { name: "Delete gallery" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Galleries", { timeout: 30_000 });
});
