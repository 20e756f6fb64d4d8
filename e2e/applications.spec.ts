import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { automationArm } from "./support/automation";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * VM Applications end to end (issue 17), in a private world because it moves the emulator's clock: the demo gallery
 * lists its applications; a new application is created with the keyboard only, a version published from a storage
 * account's blob to two regions replicates as the clock moves, the application is shared with the consumer through
 * the wizard, and the consumer copies a snippet that adds it to a VM and has ARM validate that VM.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const consumer = DEMO_PERSONA_USERS.consumer;
/** A resource group the consumer may deploy into, made for this spec. */
const WORKLOAD_RG = "rg-consumer-app-e2e";
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

test("publish: an application (keyboard only), a version from a blob to two regions replicated as the clock moves, shared through the wizard; the consumer adds it to a VM and checks the deployment", async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(360_000);
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
  await page.getByRole("button", { name: "Create application version" }).click();

  // 3. Replication to both regions completes as the emulator's clock moves; the page follows it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1.0.0", { timeout: 30_000 });
  const replication = page.getByRole("table", { name: "Replication of 1.0.0 per region" });
  const bars = ["East US", "West US 2"].map((region) =>
    replication.getByRole("progressbar", { name: `Replication of 1.0.0 to ${region}` }),
  );
  for (const bar of bars) await expect(bar).toHaveAttribute("aria-valuetext", /^Replicating/);
  await expectNoSeriousA11yViolations(page, "new application version page");
  await world.advanceClock(6 * 3600);
  for (const bar of bars) await expect(bar).toHaveAttribute("aria-valuetext", "Completed", { timeout: 30_000 });
  await expect(page.getByText("Replication Completed")).toBeVisible();

  // 4. Shared with the consumer persona through the wizard, at the application's scope.
  await page.getByRole("link", { name: name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await page.getByRole("link", { name: "Grant access" }).click();
  await expect(page.getByRole("heading", { name: "Step 1 of 4: Scope" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`VM application '${name}'`) }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 4: Who" })).toBeVisible();
  await page.getByLabel(/Search users, groups and service principals/).fill(consumer.displayName.split(" ")[0]!);
  await page.getByRole("radio", { name: new RegExp(consumer.displayName) }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Step 3 of 4: Role" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "A reader of a VM application" })).toBeVisible();
  await page.getByRole("radio", { name: "Reader", exact: true }).check();
  await expectNoSeriousA11yViolations(page, "sharing wizard for an application, role step");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Step 4 of 4: Review" })).toBeVisible();
  await page.getByRole("button", { name: "Assign role" }).click();
  await expect(page.getByRole("status")).toContainText(`${consumer.displayName} now has Reader`);

  // 5. The consumer finds it, copies a snippet that adds it to a VM, and has ARM validate that VM.
  const undo = await (
    await automationArm(world.emulatorUrl)
  ).workloadGroupForConsumer(PROD.subscriptionId, WORKLOAD_RG, "westus2");
  const context = await browser.newContext({
    baseURL: world.baseUrl,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  try {
    await addToVmAsConsumer(await context.newPage(), name);
  } finally {
    await context.close();
    await undo();
  }
});

async function addToVmAsConsumer(page: Page, application: string) {
  await signIn(page, consumer.upn);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "What I can use" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What I can use" })).toBeVisible();
  await page.getByRole("radio", { name: "Applications" }).check();
  const table = page.getByRole("table", { name: "Applications I can use" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(application) }) });
  await expect(row).toContainText("West US 2");
  await row.getByRole("link", { name: `Version 1.0.0 of ${application}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1.0.0", exact: true })).toBeVisible();
  const where = page.getByRole("region", { name: "Where you can deploy it" });
  await expect(where.getByRole("listitem").filter({ hasText: "West US 2" })).toBeVisible();

  const add = page.getByRole("region", { name: "Add it to a VM or scale set" });
  await add.getByLabel("Region").selectOption("westus2");
  await add.getByLabel("Subscription").selectOption({ label: PROD.displayName });
  await add.getByLabel("Resource group").fill(WORKLOAD_RG);
  await add.getByRole("tablist", { name: "Add it with" }).getByRole("tab", { name: "Azure CLI" }).click();
  const cli = add.getByRole("tabpanel", { name: "Azure CLI" });
  await cli.getByRole("button", { name: "Copy Azure CLI snippet" }).click();
  await expect(cli.getByRole("status")).toHaveText("Copied");
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(
    command.startsWith(
      `az vm application set \\\n  --subscription '${PROD.subscriptionId}' \\\n  --resource-group '${WORKLOAD_RG}'`,
    ),
  ).toBe(true);
  expect(command).toContain(`/galleries/${GALLERY}/applications/${application}/versions/1.0.0`);
  await add.getByRole("button", { name: "Check deployment" }).click();
  await expect(add.getByText("ARM accepts this deployment in West US 2: validation Succeeded.")).toBeVisible();
  await expect(add.getByRole("status").filter({ hasText: "ARM accepts" })).toContainText("virtualMachines/vm-01");
  // The same for a scale set: ARM validates the scale set of the ARM template snippet.
  await add.getByLabel("Add to").selectOption("virtualMachineScaleSet");
  await add.getByRole("button", { name: "Check deployment" }).click();
  await expect(add.getByRole("status").filter({ hasText: "ARM accepts" })).toContainText(
    "virtualMachineScaleSets/vm-01",
  );
  await expectNoSeriousA11yViolations(page, "application version page as the consumer");
}
