import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { automationArm } from "./support/automation";
import { openSnippet } from "./support/snippets";
import { DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { seededSubscription, storageStateOf } from "./support/emulator";

/**
 * The consumer's path (issue 7): find an image by filter, open a version, copy each snippet, and ask ARM to
 * validate a VM from it in a region it has reached and in one it has not. The demo seed's
 * `base-ubuntu-2204-arm64` newest version (1.0.5) is replicated to North Europe and West Europe only.
 */
const SHARED = "Contoso Shared Services";
const DEFINITION = "base-ubuntu-2204-arm64";
const VERSION = "1.0.5";
/** A resource group the consumer may deploy into, made for this spec (the seed gives the consumer none). */
const WORKLOAD_RG = "rg-consumer-workloads";

/** Makes the resource group and grants the consumer Contributor on it; returns the undo. */
async function grantWorkloadGroup(): Promise<() => Promise<void>> {
  const { subscriptionId } = await seededSubscription(SHARED);
  return (await automationArm()).workloadGroupForConsumer(subscriptionId, WORKLOAD_RG, "westeurope");
}

test.use({ storageState: storageStateOf("consumer"), permissions: ["clipboard-read", "clipboard-write"] });

function imagesTable(page: Page) {
  return page.getByRole("table", { name: "Images I can use" });
}

test("finds an image by filter, copies every snippet and checks the deployment in a usable and an unusable region", async ({
  page,
}) => {
  const revoke = await grantWorkloadGroup();
  try {
    await findCopyAndCheck(page);
  } finally {
    await revoke();
  }
});

async function findCopyAndCheck(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "What I can use" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What I can use" })).toBeVisible();
  // Shared at the gallery and at one definition of another gallery: both are listed.
  await expect(imagesTable(page).getByRole("link", { name: "golden-ws2022-iis", exact: true })).toBeVisible();
  await expect(imagesTable(page).getByRole("link", { name: "base-ws2022-g2", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "images I can use");

  await page.getByLabel("Architecture").selectOption("Arm64");
  await page.getByLabel("OS type").selectOption("Linux");
  await expect(imagesTable(page).getByRole("row")).toHaveCount(2);
  await imagesTable(page)
    .getByRole("link", { name: `Version ${VERSION} of ${DEFINITION}` })
    .click();

  await expect(page.getByRole("heading", { level: 1, name: VERSION })).toBeVisible();
  const where = page.getByRole("region", { name: "Where you can deploy it" });
  await expect(where.getByRole("listitem").filter({ hasText: "West Europe" })).toBeVisible();
  await expect(where).toContainText("Not targeted");

  const deploy = page.getByRole("region", { name: "Deploy" });
  await deploy.getByLabel("Region").selectOption("westeurope");
  await deploy.getByLabel("Subscription").selectOption({ label: SHARED });
  await deploy.getByLabel("Resource group").fill(WORKLOAD_RG);
  await expect(deploy.getByText(`this deploys version ${VERSION}`)).toBeVisible();

  const versionId = `/resourceGroups/rg-shared-images/providers/Microsoft.Compute/galleries/contoso_shared_images/images/${DEFINITION}/versions/${VERSION}`;
  const copied = new Map<string, string>();
  for (const label of ["Azure CLI", "PowerShell", "Bicep", "Terraform (azurerm)", "ARM template"]) {
    const snippet = await openSnippet(deploy, label);
    await snippet.getByRole("button", { name: `Copy ${label} snippet` }).click();
    await expect(snippet.getByRole("status")).toHaveText("Copied");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text, label).toContain(versionId);
    expect(text, label).toContain("westeurope");
    copied.set(label, text);
  }
  // The subscription picked in the form is named: the CLI's current one may be another.
  const picked = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;
  expect(
    copied
      .get("Azure CLI")!
      .startsWith(`az vm create \\\n  --subscription '${picked}' \\\n  --resource-group '${WORKLOAD_RG}'`),
  ).toBe(true);
  expect(copied.get("Terraform (azurerm)")).toContain(`subscription_id = "${picked}"`);
  expect(copied.get("Azure CLI")).toContain("--generate-ssh-keys");
  expect(JSON.parse(copied.get("ARM template")!).parameters.location.defaultValue).toBe("westeurope");

  await deploy.getByRole("button", { name: "Check deployment" }).click();
  await expect(deploy.getByText("ARM accepts this deployment in West Europe: validation Succeeded.")).toBeVisible();
  await expect(
    deploy.getByText(new RegExp(`/resourceGroups/${WORKLOAD_RG}/providers/Microsoft.Compute/virtualMachines/vm-01$`)),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, "version page with the consumer's panels");

  await deploy.getByLabel("Region").selectOption("eastus");
  await expect(deploy.getByText("No snippet for East US: the service would refuse it.")).toBeVisible();
  await expect(
    deploy.getByText(`${VERSION} is not replicated to East US: it is not one of its target regions.`),
  ).toBeVisible();
  await expect(deploy.getByRole("button", { name: "Copy Azure CLI snippet" })).toHaveCount(0);
  await deploy.getByRole("button", { name: "Check deployment" }).click();
  const refusal = deploy.getByRole("alert").filter({ hasText: "ARM refuses this deployment in East US (HTTP 400)." });
  await expect(refusal).toContainText("InvalidTemplateDeployment");
  await expect(refusal).toContainText("GalleryImageNotFound");
  await expect(refusal).toContainText("is not available in eastus region");

  // One tool's snippet at a time, moved through with the keyboard; the tool last chosen holds after a reload.
  await deploy.getByLabel("Region").selectOption("westeurope");
  const tools = deploy.getByRole("tablist", { name: "Deploy with" });
  await expect(tools.getByRole("tab", { name: "ARM template" })).toHaveAttribute("aria-selected", "true");
  await expect(deploy.getByRole("tabpanel")).toHaveCount(1);
  await tools.getByRole("tab", { name: "ARM template" }).focus();
  await page.keyboard.press("Home");
  await expect(tools.getByRole("tab", { name: "Azure CLI" })).toBeFocused();
  await expect(deploy.getByRole("tabpanel", { name: "Azure CLI" })).toContainText("az vm create");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(tools.getByRole("tab", { name: "Terraform (azurerm)" })).toBeFocused();
  await expect(tools.getByRole("tab", { name: "Terraform (azurerm)" })).toHaveAttribute("aria-selected", "true");
  await page.reload();
  await expect(
    page.getByRole("tablist", { name: "Deploy with" }).getByRole("tab", { name: "Terraform (azurerm)" }),
  ).toHaveAttribute("aria-selected", "true");
}

test("shows what latest resolves to in each region and why newer versions are passed over", async ({ page }) => {
  const { subscriptionId } = await seededSubscription(SHARED);
  // base-ubuntu-2204-gen2 1.0.9 is excluded from latest in West US 2 only.
  await page.goto(
    `/subscriptions/${subscriptionId}/resourceGroups/rg-shared-images/galleries/contoso_shared_images/images/base-ubuntu-2204-gen2`,
  );
  const table = page.getByRole("table", { name: "What latest resolves to in each region" });
  const westUs2 = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "West US 2", exact: true }) });
  await expect(westUs2).toContainText("1.0.8");
  await expect(westUs2).toContainText("Excluded here");
  const westEurope = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "West Europe", exact: true }) });
  await expect(westEurope).toContainText("1.0.9");
  await expect(westEurope).toContainText("None: it is the newest version.");
  await expectNoSeriousA11yViolations(page, "definition page with latest per region");
});
