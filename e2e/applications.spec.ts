import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * VM Applications end to end, in a private world because it moves the emulator's clock: the demo gallery lists its
 * applications, a new application is created with the keyboard only, and the version form takes a storage
 * account's blob and counts its commands as typed (its submission in the browser is issue 17's open defect).
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction;
const GALLERY = "contoso_vm_apps";
const GALLERY_URL = `/subscriptions/${PROD.subscriptionId}/resourceGroups/rg-vm-apps/galleries/${GALLERY}`;
const PACKAGE = "https://contosoapppackages.blob.core.windows.net/packages/log-shipper/2.3.0/log-shipper.tar.gz";

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, upn: string) {
  await page.goto("/");
  await new Portal(page).signIn(upn);
}

test("the gallery page lists applications, scripts and access control profiles with counts", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.upn);
  await page.goto(GALLERY_URL);
  const contents = page.getByRole("navigation", { name: "Gallery contents" });
  await expect(contents).toContainText("2 VM applications");
  await expect(contents).toContainText("0 image definitions");
  const applications = page.getByRole("table", { name: `VM applications in ${GALLERY}` });
  await expect(applications.getByRole("rowheader")).toHaveText(["log-shipper", "monitoring-agent"]);
  await expect(applications.getByRole("row", { name: /monitoring-agent/ })).toContainText("1.2.0");
  await expect(page.getByRole("table", { name: `Scripts in ${GALLERY}` })).toBeVisible();
  await expect(page.getByRole("table", { name: `In-VM access control profiles in ${GALLERY}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "gallery page with applications");

  await applications.getByRole("link", { name: "monitoring-agent" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("monitoring-agent");
  const versions = page.getByRole("table", { name: "Versions of monitoring-agent" });
  await expect(versions.getByRole("rowheader")).toHaveText([/1\.2\.0/, /1\.1\.0/, /1\.0\.0/]);
  await expect(page.getByRole("table", { name: "Custom actions of monitoring-agent" })).toContainText("collect-logs");
  const latest = page.getByRole("table", { name: "Latest version of monitoring-agent per region" });
  await expect(latest.getByRole("row", { name: /West US 2/ })).toContainText("1.1.0");
  await expectNoSeriousA11yViolations(page, "application page");

  await versions.getByRole("link", { name: "1.1.0" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1.1.0");
  await expect(page.getByRole("link", { name: /monitoring-agent\/1\.1\.0\/monitoring-agent\.msi/ })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Replication of 1.1.0 to West US 2" })).toHaveAttribute(
    "aria-valuetext",
    "Completed",
  );
  await expectNoSeriousA11yViolations(page, "application version page");
});

test("create an application with the keyboard only; the version form picks the package blob and counts commands as typed", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const name = `e2e-app-${Date.now().toString(36)}`;
  await signIn(page, admin.upn);

  // 1. The application, with the keyboard only.
  await page.goto(`${GALLERY_URL}/new-application`);
  const nameField = page.getByLabel("Name (required)");
  await expect(nameField).toBeVisible();
  await expectNoSeriousA11yViolations(page, "create application form");
  await nameField.focus();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Linux");
  await expect(page.getByLabel("Supported OS (required)")).toHaveValue("Linux");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Description")).toBeFocused();
  await page.keyboard.type("Ships logs, published by e2e.");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Ships logs, published by e2e.")).toBeVisible();

  // 2. A version: the package from the demo's storage account, commands checked as typed, a second region.
  await page.getByRole("link", { name: "Create application version" }).click();
  await expect(page.getByLabel("Version number (required)")).toHaveValue("1.0.0");
  await page.getByText("Choose the package from a storage account").click();
  await page.getByLabel("Storage account for the package").selectOption({ label: "contosoapppackages (rg-vm-apps)" });
  await page
    .getByLabel("Blob for the package")
    .selectOption({ label: "packages/log-shipper/2.3.0/log-shipper.tar.gz" });
  await page.getByRole("button", { name: "Use as package" }).click();
  await expect(page.getByLabel("Package blob URL (required)")).toHaveValue(PACKAGE);
  // The command's length is counted against the service's limit as it is typed.
  const install = page.getByLabel("Install command (required)");
  await install.fill("x".repeat(4097));
  await expect(page.getByText("4097 / 4096 characters")).toBeVisible();
  await install.fill(`mv ${name} ${name}.tar.gz && tar -xzf ${name}.tar.gz && ./install.sh`);
  await page.getByLabel("Remove command (required)").fill("./uninstall.sh");
  await page.getByLabel("Region to add").selectOption("westus2");
  await page.getByRole("button", { name: "Add region" }).click();
  await expect(page.getByRole("rowheader", { name: /West US 2/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "create application version form");
  // Not yet here: submitting the version. In Chromium the form's zod transform receives no properties and throws
  // (see issue 17's note); replication, sharing and the ordered delete are covered by
  // lib/queries/galleryApplications.emulator.test.ts until it is fixed.
});
