import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import {
  DEMO_LIFECYCLE_DEFINITION,
  DEMO_LIFECYCLE_GALLERY,
  DEMO_LIFECYCLE_RESOURCE_GROUP,
} from "../emulator/seed/demoLifecycle";
import { DefinitionPage } from "./pages/galleries";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * What uses an image version, and retention with a dry run, over the demo's contoso_lifecycle_images. Retention
 * deletes versions, which other specs must not see: a private world, in order.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const GALLERY_PATH = `/subscriptions/${PROD}/resourceGroups/${DEMO_LIFECYCLE_RESOURCE_GROUP}/galleries/${DEMO_LIFECYCLE_GALLERY}`;
const DEFINITION_PATH = `${GALLERY_PATH}/images/${DEMO_LIFECYCLE_DEFINITION}`;
const DEFINITION_ID = `/subscriptions/${PROD}/resourceGroups/${DEMO_LIFECYCLE_RESOURCE_GROUP}/providers/Microsoft.Compute/galleries/${DEMO_LIFECYCLE_GALLERY}/images/${DEMO_LIFECYCLE_DEFINITION}`;

test.describe.configure({ mode: "serial" });

async function signIn(page: Page) {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
}

const inUseBy = (page: Page) => page.getByRole("region", { name: "In use by" });

test("a version page lists the VMs and scale sets pinned to it; the definition and gallery pages sum them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto(`${DEFINITION_PATH}/versions/1.4.0`);
  const section = inUseBy(page);
  await expect(section.getByTestId("in-use-by-count")).toHaveText("In use by 2 VMs and 0 scale sets");
  const table = section.getByRole("table", { name: `VMs and scale sets using ${DEMO_LIFECYCLE_DEFINITION} 1.4.0` });
  await expect(table.getByRole("link", { name: "web-01", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "web-02", exact: true })).toBeVisible();
  await expect(section).toContainText("VMs and scale sets in subscriptions or tenants you cannot read");
  await expectNoSeriousA11yViolations(page, "version page with its consumers");

  await page.goto(`${DEFINITION_PATH}/versions/1.2.0`);
  await expect(inUseBy(page).getByTestId("in-use-by-count")).toHaveText("In use by 0 VMs and 1 scale set");
  await expect(inUseBy(page).getByRole("row").filter({ hasText: "web-batch-vmss" })).toContainText(
    DEMO_SUBSCRIPTIONS.contosoDevelopment.subscriptionId,
  );

  await page.goto(DEFINITION_PATH);
  await expect(inUseBy(page).getByTestId("in-use-by-count")).toHaveText(
    "In use by 4 VMs and 2 scale sets (2 following latest)",
  );
  await expect(inUseBy(page).getByRole("row").filter({ hasText: "web-frontend-vmss" })).toContainText("follows latest");

  await page.goto(GALLERY_PATH);
  const perDefinition = inUseBy(page).getByRole("table", { name: "VMs and scale sets per image definition" });
  await expect(perDefinition.getByRole("row").filter({ hasText: DEMO_LIFECYCLE_DEFINITION })).toContainText(
    /web-frontend\s*4\s*2\s*2/,
  );
});

test("a dry run over every gallery the user can write, chosen on the retention page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Retention" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a scope");
  const scope = page.getByRole("form", { name: "Retention scope" });
  await expect(scope.getByRole("radio", { name: /Every gallery I can write/ })).toBeChecked();
  await expectNoSeriousA11yViolations(page, "retention scope choice");
  await scope.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/retention\?scope=all$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("every gallery you can write");

  const policy = page.getByRole("form", { name: "Retention policy" });
  await policy.getByLabel("Keep the newest").fill("2");
  await policy.getByLabel("Delete versions older than (days)").fill("90");
  await policy.getByLabel("Delete versions past end of life for (days)").fill("30");
  await policy.getByRole("button", { name: "Dry run" }).click();
  const galleries = page.getByTestId("retention-galleries");
  await expect(galleries).toContainText(DEMO_LIFECYCLE_GALLERY, { timeout: 60_000 });
  await expect(galleries).toContainText("contoso_prod_images");
  // The definition's versions are decided as over the definition alone.
  await expect(page.getByTestId("retention-summary")).toContainText("versions to delete");
  await page.getByLabel("Filter versions to delete").fill(`${DEMO_LIFECYCLE_GALLERY}/${DEMO_LIFECYCLE_DEFINITION}`);
  await page.getByLabel("Filter versions kept").fill(`${DEMO_LIFECYCLE_GALLERY}/${DEMO_LIFECYCLE_DEFINITION}`);
  const ofLifecycle = (table: string) =>
    page.getByRole("table", { name: table }).getByRole("rowgroup").last().getByRole("row");
  await expect(ofLifecycle("Versions to delete")).toHaveCount(2);
  await expect(ofLifecycle("Versions to delete").filter({ hasText: "1.1.0" })).toContainText("end of life");
  await expect(ofLifecycle("Versions kept").filter({ hasText: "1.0.0" })).toContainText("in use by 1 VM");
  await expect(page.getByRole("button", { name: /^Delete \d+ versions$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "retention dry run over every writable gallery");
});

test("a dry run over a definition shows what goes and what stays; apply removes exactly those", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto(DEFINITION_PATH);
  await inUseBy(page).getByRole("link", { name: "Retention…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`image definition '${DEMO_LIFECYCLE_DEFINITION}'`);
  await expect(page).toHaveURL(new RegExp(`scope=${encodeURIComponent(DEFINITION_ID)}`));

  const policy = page.getByRole("form", { name: "Retention policy" });
  await policy.getByLabel("Keep the newest").fill("2");
  await policy.getByLabel("Delete versions older than (days)").fill("90");
  await policy.getByLabel("Delete versions past end of life for (days)").fill("30");
  await policy.getByRole("button", { name: "Dry run" }).click();

  await expect(page.getByTestId("retention-summary")).toHaveText(
    "2 versions to delete, freeing 6 replicas and 180 GiB (regions × replicas × size); 6 kept.",
  );
  const toDelete = page.getByRole("table", { name: "Versions to delete" });
  await expect(toDelete.getByRole("row")).toHaveCount(3);
  await expect(toDelete.getByRole("row").filter({ hasText: "1.1.0" })).toContainText("end of life");
  await expect(toDelete.getByRole("row").filter({ hasText: "0.9.0" })).toContainText("published");
  const kept = page.getByRole("table", { name: "Versions kept" });
  await expect(kept.getByRole("row").filter({ hasText: "1.0.0" })).toContainText("in use by 1 VM and 0 scale sets");
  await expect(kept.getByRole("row").filter({ hasText: "1.3.0" })).toContainText("blockDeletionBeforeEndOfLife");
  await expect(kept.getByRole("row").filter({ hasText: "1.6.0" })).toContainText("latest in");
  await expectNoSeriousA11yViolations(page, "retention dry run");

  await page.getByRole("button", { name: "Delete 2 versions" }).click();
  const outcomes = page.getByRole("list", { name: "Retention outcomes" });
  await expect(outcomes.getByRole("listitem")).toHaveCount(2, { timeout: 60_000 });
  await expect(outcomes).toContainText("1.1.0: deleted");
  await expect(outcomes).toContainText("0.9.0: deleted");

  await page.goto(DEFINITION_PATH);
  const definition = new DefinitionPage(page);
  for (const name of ["1.0.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0"])
    await expect(definition.row(name)).toBeVisible();
  await expect(definition.versions.getByRole("link", { name: "1.1.0", exact: true })).toHaveCount(0);
  await expect(definition.versions.getByRole("link", { name: "0.9.0", exact: true })).toHaveCount(0);
});
