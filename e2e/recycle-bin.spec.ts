import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { DEMO_RECOVERABLE_GALLERY } from "../emulator/seed/demoSoftDelete";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { unsharedWorldTest as test } from "./support/privateWorld";

/**
 * Soft delete and the recycle bins on contoso_recoverable_images (emulator/seed/demoSoftDelete.ts): a version
 * deleted in the dashboard is kept for 7 days, listed in the gallery's recycle bin and the global one, and restored;
 * the gallery's system-assigned identity is turned off and on. A world of its own: versions and identity change here,
 * and the countdowns are read against the browser's clock, which specs that move the emulator's clock would skew.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const g = DEMO_RECOVERABLE_GALLERY;
const SUB = DEMO_SUBSCRIPTIONS[g.subscription].subscriptionId;
const GALLERY_PATH = `/subscriptions/${SUB}/resourceGroups/${g.resourceGroup}/galleries/${g.gallery}`;
const DEFINITION_PATH = `${GALLERY_PATH}/images/${g.definition}`;
const DAY = 24 * 60 * 60 * 1000;
const DATE = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit", timeZone: "UTC" });

test.describe.configure({ mode: "serial" });

async function signIn(page: Page) {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
}

/** Presses Tab until `target` has the focus: it is reachable by keyboard, in the page's tab order. */
async function tabTo(page: Page, target: Locator, maxTabs = 120) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Not reached with ${maxTabs} presses of Tab.`);
}

function binRow(page: Page, table: string, version: string) {
  return page
    .getByRole("table", { name: table })
    .getByRole("row", { name: new RegExp(`^${version.replace(/\./g, "\\.")}\\b`) });
}

test("a deleted version is kept until the date the dialog gave, in both recycle bins, and restored", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(GALLERY_PATH);
  const galleryBin = page.getByRole("region", { name: "Recycle bin" });
  await expect(galleryBin).toContainText("Soft delete is on");
  const seeded = binRow(page, "Soft-deleted image versions", g.softDeletedVersion);
  await expect(seeded).toContainText(g.definition);
  await expect(seeded).toContainText(/in 4 days 2\d hours/);
  await expectNoSeriousA11yViolations(page, "gallery page with its recycle bin");

  await page.goto(`${DEFINITION_PATH}/versions/${g.liveVersion}`);
  await page.getByRole("button", { name: "Delete image version" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete image version ${g.liveVersion}?` });
  const keptUntil = DATE.format(new Date(Date.now() + 7 * DAY));
  await expect(dialog).toContainText(
    `Soft delete is on in this gallery: the version is kept for 7 days, until ${keptUntil}`,
  );
  await dialog.getByRole("button", { name: "Delete image version" }).click();
  await expect(page).toHaveURL(new RegExp(`${DEFINITION_PATH}$`), { timeout: 30_000 });

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Recycle bin" }).click();
  await expect(page.getByRole("heading", { name: "Soft-deleted image versions" })).toBeVisible();
  const globalTable = "Soft-deleted image versions in every gallery";
  const deleted = binRow(page, globalTable, g.liveVersion);
  await expect(deleted).toContainText(g.gallery, { timeout: 30_000 });
  await expect(deleted).toContainText(/in 6 days 23 hours/);
  await expect(deleted).toContainText(keptUntil);
  await expect(binRow(page, globalTable, g.softDeletedVersion)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "global recycle bin");

  const restore = deleted.getByRole("button", { name: `Restore ${g.definition} ${g.liveVersion} in ${g.gallery}` });
  await tabTo(page, restore);
  await page.keyboard.press("Enter");
  await expect(deleted).toHaveCount(0, { timeout: 30_000 });

  await page.goto(GALLERY_PATH);
  await seeded.getByRole("button", { name: /^Restore / }).click();
  await expect(seeded).toHaveCount(0, { timeout: 30_000 });
  await expect(galleryBin).toContainText("No soft-deleted versions");

  await page.goto(DEFINITION_PATH);
  for (const version of [g.softDeletedVersion, g.liveVersion])
    await expect(page.getByRole("link", { name: version, exact: true })).toBeVisible();
});

test("the gallery's system-assigned identity is turned off and on in the edit form", async ({ page }) => {
  await signIn(page);
  await page.goto(GALLERY_PATH);
  const settings = page.getByRole("region", { name: "Identity, soft delete and sharing state" });
  await expect(settings).toContainText(/System-assigned\s*On/);
  const principal = settings.getByText(/^[0-9a-f-]{36}$/).first();
  const before = await principal.textContent();

  await page.goto(`${GALLERY_PATH}/edit`);
  const form = page.getByRole("form", { name: `Edit gallery ${g.gallery}` });
  const system = form.getByRole("checkbox", { name: "System-assigned identity" });
  await expect(system).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Soft delete: keep deleted image versions" })).toBeChecked();
  await expectNoSeriousA11yViolations(page, "gallery edit form");
  await tabTo(page, system);
  await page.keyboard.press("Space");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${GALLERY_PATH}$`), { timeout: 30_000 });
  await expect(settings).toContainText(/System-assigned\s*Off/);

  await page.goto(`${GALLERY_PATH}/edit`);
  await expect(system).not.toBeChecked();
  await system.check();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${GALLERY_PATH}$`), { timeout: 30_000 });
  await expect(settings).toContainText(/System-assigned\s*On/);
  // A new system-assigned identity is a new principal.
  await expect(settings.getByText(/^[0-9a-f-]{36}$/).first()).not.toHaveText(before ?? "");
});
