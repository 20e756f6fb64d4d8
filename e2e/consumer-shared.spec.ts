import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openSnippet } from "./support/snippets";
import { Portal } from "./pages/portal";
import { startIsolatedWorld, type IsolatedWorld } from "./support/isolatedWorld";

/**
 * A gallery shared directly (`POST {gallery}/share`), seen by the consumer it is shared with: the platform admin
 * (megan) shares contoso_eu_images with the Fabrikam Production subscription; lee, of the Fabrikam tenant and with
 * no role on the gallery, finds its images under "Images I can use" marked as shared directly and deploys one by its
 * shared id. A private emulator and dashboard, so no other spec sees the share or counts these images.
 */
const MEGAN = "megan@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";
const PROD = "c0000000-0000-4000-8001-000000000001";
const FABRIKAM = "fa000000-0000-4000-8001-000000000001";
const UNIQUE = `${PROD}-CONTOSO_EU_IMAGES`;
const IMAGE = "ws2022-datacenter-g2-eu";
const SHARE = `/subscriptions/${PROD}/resourceGroups/rg-images-eu/providers/Microsoft.Compute/galleries/contoso_eu_images/share?api-version=2025-03-03`;
const SHARED_LIST = `/subscriptions/${FABRIKAM}/providers/Microsoft.Compute/locations/westeurope/sharedGalleries?api-version=2025-03-03`;

let world: IsolatedWorld;

/** Shares or stops sharing as megan, and waits until lee's sharedGalleries says so (the share is an LRO). */
async function share(operationType: "Add" | "Remove", visible: boolean) {
  const response = await world.arm(MEGAN, "POST", SHARE, {
    operationType,
    groups: [{ type: "Subscriptions", ids: [FABRIKAM] }],
  });
  expect(response.status, await response.clone().text()).toBe(202);
  await expect
    .poll(async () => {
      await fetch(`${world.emulatorUrl}/_emulator/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advanceSeconds: 60 }),
      });
      const list = (await (await world.arm(LEE, "GET", SHARED_LIST)).json()) as { value: { name: string }[] };
      return list.value.some((g) => g.name === UNIQUE);
    })
    .toBe(visible);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  world = await startIsolatedWorld();
  await share("Add", true);
});
test.afterAll(async () => {
  await world?.close();
});

test("lee sees the directly shared gallery's images, marked as such, and gets snippets with the shared id", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${world.baseUrl}/`);
  await new Portal(page).signIn(LEE);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "What I can use" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What I can use" })).toBeVisible();

  const table = page.getByRole("table", { name: "Images I can use" });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: IMAGE, exact: true }) });
  await expect(row).toContainText("Shared directly");
  await expect(row).toContainText(UNIQUE);
  await expect(row).toContainText("through Fabrikam Production");
  // Lee's own images are still listed, through RBAC.
  await expect(table.getByRole("link", { name: "fabrikam-ubuntu-2204", exact: true })).toBeVisible();
  await expect(page.getByLabel("Directly shared galleries")).toContainText("West Europe");
  await expectNoSeriousA11yViolations(page, "images I can use with directly shared images");

  // Filters apply to shared rows as to the others.
  await page.getByRole("searchbox", { name: "Search" }).fill("ws2022-datacenter-g2");
  await expect(table.getByRole("row")).toHaveCount(2);
  await row.getByRole("link", { name: IMAGE, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: IMAGE })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Shared directly");
  await expect(page.getByRole("main")).toContainText(`/SharedGalleries/${UNIQUE}/Images/${IMAGE}`);
  await expect(page.getByRole("table", { name: `Versions of ${IMAGE}` }).getByRole("row")).not.toHaveCount(1);

  const deploy = page.getByRole("region", { name: "Deploy" });
  await deploy.getByLabel("Region").selectOption("westeurope");
  await deploy.getByLabel("Subscription").selectOption({ label: "Fabrikam Production" });
  await deploy.getByLabel("Resource group").fill("rg-fabrikam-images");
  await deploy.getByLabel("Administrator user name").fill("fabrikamadmin");
  const latestId = `/SharedGalleries/${UNIQUE}/Images/${IMAGE}/Versions/latest`;
  const copied = new Map<string, string>();
  for (const label of ["Azure CLI", "PowerShell", "Bicep", "Terraform (azurerm)", "ARM template"]) {
    const snippet = await openSnippet(deploy, label);
    await snippet.getByRole("button", { name: `Copy ${label} snippet` }).click();
    await expect(snippet.getByRole("status")).toHaveText("Copied");
    copied.set(label, await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.get(label), label).toContain(latestId);
  }
  expect(copied.get("Azure CLI")).toContain(`--image '${latestId}'`);
  expect(copied.get("PowerShell")).toContain("-SharedGalleryImageId $imageId");
  expect(copied.get("Bicep")).toContain("imageReference: { sharedGalleryImageId: imageId }");
  expect(copied.get("Terraform (azurerm)")).toContain(`source_image_id       = "${latestId}"`);
  const template = JSON.parse(copied.get("ARM template")!) as {
    resources: { type: string; properties: { storageProfile: { imageReference: unknown } } }[];
  };
  expect(
    template.resources.find((r) => r.type === "Microsoft.Compute/virtualMachines")!.properties.storageProfile
      .imageReference,
  ).toEqual({
    sharedGalleryImageId: "[variables('imageId')]",
  });

  await deploy.getByRole("button", { name: "Check deployment" }).click();
  await expect(deploy.getByText("ARM accepts this deployment in West Europe: validation Succeeded.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "shared image page");

  // Once the share is removed, the images are gone from lee's list.
  await share("Remove", false);
  await page.goto(`${world.baseUrl}/images`);
  await expect(
    page
      .getByRole("table", { name: "Images I can use" })
      .getByRole("link", { name: "fabrikam-ubuntu-2204", exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/0 shared image definitions found/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Images I can use" })).not.toContainText("Shared directly");
});
