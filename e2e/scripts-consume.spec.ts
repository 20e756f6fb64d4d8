import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { automationArm, BUILT_IN_ROLES } from "./support/automation";
import { openSnippet } from "./support/snippets";
import { DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { seededSubscription, storageStateOf } from "./support/emulator";

/**
 * Issue 17, items 4 and 5. As the consumer: "What I can use" filtered to applications, an application version's
 * usable regions, a snippet that adds it to a VM, and the deployment check. As the platform admin: a gallery script
 * with a version, and an in-VM access control profile (created with the keyboard only) with a version. The demo's
 * log-shipper 2.1.0 (contoso_vm_apps, Contoso Production) has replicated to East US and West Europe only.
 */
const PRODUCTION = "Contoso Production";
const DEVELOPMENT = "Contoso Development";
const APPLICATION = "log-shipper";
const VERSION = "2.1.0";
/** A resource group the consumer may deploy into, made for this spec. */
const WORKLOAD_RG = "rg-consumer-apps";
const CONFIG = "https://contosoapps.blob.core.windows.net/config/log-shipper-web.json";

/** Reader on the application and Contributor on a workload resource group, for the consumer; returns the undo. */
async function grantConsumer(): Promise<() => Promise<void>> {
  const arm = await automationArm();
  const { subscriptionId } = await seededSubscription(PRODUCTION);
  const application = `/subscriptions/${subscriptionId}/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/galleries/contoso_vm_apps/applications/${APPLICATION}`;
  const undo = [
    await arm.grantConsumer(application, BUILT_IN_ROLES.reader),
    await arm.workloadGroupForConsumer(subscriptionId, WORKLOAD_RG, "westeurope"),
  ];
  return async () => {
    for (const revoke of undo) await revoke();
  };
}

test.describe("as the consumer", () => {
  test.use({ storageState: storageStateOf("consumer"), permissions: ["clipboard-read", "clipboard-write"] });

  test("filters to applications, opens a version, copies a snippet that adds it to a VM and checks the deployment", async ({
    page,
  }) => {
    const revoke = await grantConsumer();
    try {
      await useApplication(page);
    } finally {
      await revoke();
    }
  });
});

async function useApplication(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "What I can use" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What I can use" })).toBeVisible();
  await page.getByRole("radio", { name: "Applications" }).check();
  const table = page.getByRole("table", { name: "Applications I can use" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(APPLICATION) }) });
  await expect(row).toContainText("Linux");
  await expect(row).toContainText("West Europe");
  // Shared on its own: the other application of the gallery stays out of sight.
  await expect(table).not.toContainText("monitoring-agent");
  await expectNoSeriousA11yViolations(page, "what I can use, applications");

  await row.getByRole("link", { name: `Version ${VERSION} of ${APPLICATION}` }).click();
  // The version's page: the publisher's view (its h1 is the version) with the consumer's panels below.
  await expect(page.getByRole("heading", { level: 1, name: VERSION, exact: true })).toBeVisible();
  const where = page.getByRole("region", { name: "Where you can deploy it" });
  await expect(where.getByRole("listitem").filter({ hasText: "West Europe" })).toBeVisible();

  const add = page.getByRole("region", { name: "Add it to a VM or scale set" });
  await add.getByLabel("Region").selectOption("westeurope");
  await add.getByLabel("Subscription").selectOption({ label: PRODUCTION });
  await add.getByLabel("Resource group").fill(WORKLOAD_RG);
  await add.getByLabel("Install order").fill("1");
  await add.getByLabel("Configuration override (blob URI)").fill(CONFIG);

  const versionId = `/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/galleries/contoso_vm_apps/applications/${APPLICATION}/versions/${VERSION}`;
  const cli = await openSnippet(add, "Azure CLI");
  await cli.getByRole("button", { name: "Copy Azure CLI snippet" }).click();
  await expect(cli.getByRole("status")).toHaveText("Copied");
  const command = await page.evaluate(() => navigator.clipboard.readText());
  const picked = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
  expect(
    command.startsWith(
      `az vm application set \\\n  --subscription '${picked}' \\\n  --resource-group '${WORKLOAD_RG}'`,
    ),
  ).toBe(true);
  expect(command).toContain(versionId);
  expect(command).toContain(`--app-config-overrides '${CONFIG}'`);
  expect(command).toContain("--order-applications");

  const arm = await openSnippet(add, "ARM template");
  await arm.getByRole("button", { name: "Copy ARM template snippet" }).click();
  const template = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
    resources: { type: string; properties: { applicationProfile?: unknown } }[];
  };
  const vm = template.resources.find((r) => r.type === "Microsoft.Compute/virtualMachines")!;
  expect(vm.properties.applicationProfile).toEqual({
    galleryApplications: [
      { packageReferenceId: expect.stringContaining(versionId), order: 1, configurationReference: CONFIG },
    ],
  });

  await add.getByRole("button", { name: "Check deployment" }).click();
  await expect(add.getByText("ARM accepts this deployment in West Europe: validation Succeeded.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "application version page with the consumer's panels");

  // North Europe is not one of the version's regions: no snippet, and ARM refuses the VM there.
  await add.getByLabel("Region").selectOption("northeurope");
  await expect(add.getByText("No snippet for North Europe: the service would refuse it.")).toBeVisible();
  await expect(add.getByRole("button", { name: "Copy Azure CLI snippet" })).toHaveCount(0);
  await add.getByRole("button", { name: "Check deployment" }).click();
  const refusal = add.getByRole("alert").filter({ hasText: "ARM refuses this deployment in North Europe" });
  await expect(refusal).toContainText("GalleryApplicationVersionNotFound");
  await expect(refusal).toContainText("is not available in northeurope region");

  // Terraform's scale set applies as copied: its own network in the chosen resource group, nothing to supply.
  await add.getByLabel("Region").selectOption("westeurope");
  await add.getByLabel("Add to").selectOption("virtualMachineScaleSet");
  const terraform = await openSnippet(add, "Terraform (azurerm)");
  await terraform.getByRole("button", { name: "Copy Terraform (azurerm) snippet" }).click();
  const hcl = await page.evaluate(() => navigator.clipboard.readText());
  expect(hcl).toContain('resource "azurerm_linux_virtual_machine_scale_set" "this" {');
  expect(hcl).toContain(`data "azurerm_resource_group" "rg" {\n  name = "${WORKLOAD_RG}"\n}`);
  expect(hcl).toContain("subnet_id = azurerm_subnet.default.id");
  expect(hcl).toContain('resource "azurerm_subnet" "default" {');
  expect(hcl).not.toMatch(/variable|var\./);
}

test.describe("as the platform admin", () => {
  test.use({ storageState: storageStateOf("platform-admin") });
  // Each test fills two forms and runs axe on five pages: more than the default minute on a busy two-core machine.
  test.slow();

  async function galleryUrl() {
    const { subscriptionId } = await seededSubscription(DEVELOPMENT);
    return `/subscriptions/${subscriptionId}/resourceGroups/rg-images-dev/galleries/contoso_automation`;
  }

  test("creates a gallery script and a version, with the rules and the service's errors on their fields", async ({
    page,
  }) => {
    await page.goto(`${await galleryUrl()}/scripts`);
    await expect(page.getByRole("link", { name: "join-domain" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "gallery scripts");
    await page.getByRole("link", { name: "Create gallery script" }).click();
    const form = page.getByRole("form", { name: "Create gallery script" });

    // The service's refusal lands on its field, explained, with what was typed kept: join-domain exists as a
    // Windows script, so a PUT as Linux would change its OS type.
    await form.getByLabel("Script name (required)").fill("join-domain");
    await form.getByLabel("Supported OS type (required)").selectOption("Linux");
    await form.getByLabel("Description").fill("Rotates the logs");
    await form.getByRole("button", { name: "Create gallery script" }).click();
    const osType = form.getByLabel("Supported OS type (required)");
    await expect(
      form.getByText("The service refused: Changing property 'supportedOSType' is not allowed."),
    ).toBeVisible();
    await expect(osType).toBeFocused();
    await expect(form.getByLabel("Description")).toHaveValue("Rotates the logs");
    await expectNoSeriousA11yViolations(page, "create gallery script with a refusal");

    await form.getByLabel("Script name (required)").fill("-rotate");
    await expect(form.getByText(/galleryScriptName/)).toBeVisible();
    await form.getByLabel("Script name (required)").fill("rotate-logs");
    await form.getByRole("button", { name: "Create gallery script" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "rotate-logs" })).toBeVisible();
    await expect(page).toHaveTitle(/rotate-logs/);
    await expectNoSeriousA11yViolations(page, "gallery script");

    await page.getByRole("link", { name: "Create script version" }).click();
    const versionForm = page.getByRole("form", { name: "Create script version" });
    await expect(versionForm.getByLabel("Version name (required)")).toHaveValue("1.0.0");
    await versionForm.getByLabel("Script link (required)").fill("ftp://contoso/rotate.sh");
    await expect(versionForm.getByText(/scriptLink must be an absolute https or http URI/)).toBeVisible();
    await versionForm
      .getByLabel("Script link (required)")
      .fill("https://contososcripts.blob.core.windows.net/s/rotate.sh");
    await versionForm.getByRole("button", { name: "Add parameter" }).click();
    await versionForm.getByLabel("Parameter 1 name (required)").fill("days");
    await versionForm.getByLabel("Parameter 1 type").selectOption("Int");
    await versionForm.getByLabel("Parameter 1 minimum value").fill("1");
    await versionForm.getByLabel("Parameter 1 maximum value").fill("30");
    await versionForm.getByLabel("Parameter 1 default value").fill("45");
    await expect(
      versionForm.getByText("The defaultValue of parameter 'days' is outside its minValue and maxValue."),
    ).toBeVisible();
    await versionForm.getByLabel("Parameter 1 default value").fill("7");
    // Edge zones: the same zone twice is the service's refusal, shown on the second zone's name as it is typed
    // (the rules of lib/gallery, the emulator's own), before anything is sent.
    const writes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT" && /\/scripts\/[^/]+\/versions\//.test(request.url())) writes.push(request.url());
    });
    for (const index of [1, 2]) {
      await versionForm.getByRole("button", { name: "Add edge zone" }).click();
      await versionForm.getByLabel(`Edge zone ${index} home region`).selectOption("westus");
      await versionForm.getByLabel(`Edge zone ${index} name`).fill("microsoftlosangeles1");
    }
    const secondZone = versionForm.getByLabel("Edge zone 2 name");
    await expect(secondZone).toHaveAccessibleDescription(/Duplicate edge zones are not allowed/);
    await expect(secondZone).toHaveAttribute("aria-invalid", "true");
    await versionForm.getByLabel("Edge zone 1 replicas").fill("2");
    await expectNoSeriousA11yViolations(page, "create script version");
    await versionForm.getByRole("button", { name: "Create script version" }).click();
    await expect(secondZone).toBeFocused();
    expect(writes).toEqual([]);
    await secondZone.fill("microsoftlosangeles2");
    await expect(secondZone).not.toHaveAttribute("aria-invalid", "true");
    await versionForm.getByRole("button", { name: "Remove edge zone 2" }).click();
    await versionForm.getByRole("button", { name: "Create script version" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "rotate-logs 1.0.0" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Edge zones" })).toContainText(
      "Edge zone microsoftlosangeles1EdgeZone in West US · 2 × Standard_LRS",
    );
    await expect(page.getByRole("table", { name: "Parameters of the script" })).toContainText("1 to 30");
    await expectNoSeriousA11yViolations(page, "script version");
  });

  test("creates an access control profile with the keyboard only, then an enforcing version with rules", async ({
    page,
  }) => {
    await page.goto(`${await galleryUrl()}/inVMAccessControlProfiles`);
    await expectNoSeriousA11yViolations(page, "access control profiles");
    await page.getByRole("link", { name: "Create access control profile" }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Create access control profile" });
    await expect(form).toBeVisible();
    await expectNoSeriousA11yViolations(page, "create access control profile");

    // Keyboard only: Tab from field to field, type, choose options with the arrow keys, submit with Enter.
    const name = form.getByLabel("Profile name (required)");
    await name.focus();
    await page.keyboard.type("imds-lockdown");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("OS type (required)")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(form.getByLabel("OS type (required)")).toHaveValue("Linux");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Host endpoint (required)")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(form.getByLabel("Host endpoint (required)")).toHaveValue("IMDS");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Description")).toBeFocused();
    await page.keyboard.type("Only the agent reads the managed identity endpoint.");
    await name.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "imds-lockdown" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("IMDS");
    await expectNoSeriousA11yViolations(page, "access control profile");

    await page.getByRole("link", { name: "Create profile version" }).click();
    const versionForm = page.getByRole("form", { name: "Create profile version" });
    await versionForm.getByLabel("Mode (required)").selectOption("Enforce");
    await expect(versionForm.getByText("Requests the rules deny are blocked.")).toBeVisible();
    await versionForm.getByLabel("Default access (required)").selectOption("Deny");
    await versionForm.getByRole("button", { name: "Add privilege" }).click();
    await versionForm.getByLabel("Privilege 1 name (required)").fill("token");
    await versionForm.getByLabel("Privilege 1 path (required)").fill("/metadata/identity/oauth2/token");
    await versionForm.getByRole("button", { name: "Add query parameter" }).click();
    await versionForm.getByLabel("Privilege 1 query parameter 1 name").fill("api-version");
    await versionForm.getByLabel("Privilege 1 query parameter 1 value").fill("2018-02-01");
    await versionForm.getByRole("button", { name: "Add role", exact: true }).click();
    await versionForm.getByLabel("Role 1 name (required)").fill("token-reader");
    await versionForm.getByLabel("Role 1 privileges (required)").fill("token, metadata");
    await expect(
      versionForm.getByText(
        "Role 'token-reader' refers to privilege 'metadata', which is not defined in rules.privileges.",
      ),
    ).toBeVisible();
    await versionForm.getByLabel("Role 1 privileges (required)").fill("token");
    await versionForm.getByRole("button", { name: "Add identity" }).click();
    await versionForm.getByLabel("Identity 1 name (required)").fill("agent");
    await versionForm.getByLabel("Identity 1 executable path").fill("/usr/bin/agent");
    await versionForm.getByRole("button", { name: "Add role assignment" }).click();
    await versionForm.getByLabel("Role assignment 1 role (required)").fill("token-reader");
    await versionForm.getByLabel("Role assignment 1 identities (required)").fill("agent");
    await expectNoSeriousA11yViolations(page, "create profile version");
    await versionForm.getByRole("button", { name: "Create profile version" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "imds-lockdown 1.0.0" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main).toContainText("Enforce");
    await expect(main).toContainText("token: /metadata/identity/oauth2/token (api-version=2018-02-01)");
    await expect(main).toContainText("token-reader to agent");
    await expectNoSeriousA11yViolations(page, "profile version");
  });
});
