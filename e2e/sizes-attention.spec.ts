import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { seededSubscription, storageStateOf } from "./support/emulator";

/**
 * Issue 18, items 3 and 4: the deploy panel's VM size picker judges each size offered in the region against the
 * image (Microsoft.Compute/skus capabilities), and the overview lists what needs a person. The demo seed's
 * base-ubuntu-2204-gen2 is a Gen2 Trusted Launch image without a DiskControllerTypes feature (SCSI only), and
 * contoso_prod_images' sql2022-ws2022-enterprise 16.5.0 failed to replicate to East US.
 */
test.use({ storageState: storageStateOf("platform-admin") });

test("the deploy panel marks an NVMe-only size incompatible with a SCSI image and says why", async ({ page }) => {
  // A production build on a shared two-core machine: the page, its versions and the sizes take a while.
  test.slow();
  const { subscriptionId } = await seededSubscription("Contoso Shared Services");
  await page.goto(
    `/subscriptions/${subscriptionId}/resourceGroups/rg-shared-images/galleries/contoso_shared_images/images/base-ubuntu-2204-gen2`,
  );
  const deploy = page.getByRole("region", { name: "Deploy" });
  await deploy.getByLabel("Region").selectOption("westeurope");
  const size = deploy.getByLabel("VM size");
  await expect(size.locator("option", { hasText: "Standard_D2s_v6" })).toHaveText(/not compatible$/);
  await expect(size.locator("option", { hasText: "Standard_D2s_v5" })).toHaveText(/— compatible$/);

  const verdict = deploy.getByTestId("vm-size-compatibility");
  await expect(verdict).toContainText("Compatible with this image.");
  await expect(verdict).toContainText("Recommended by the image definition: 1–64 vCPUs, 1–256 GB memory.");

  await size.selectOption("Standard_D2s_v6");
  const why = verdict.getByRole("alert");
  await expect(why).toContainText("Standard_D2s_v6 cannot be used:");
  await expect(why).toContainText(
    "The size attaches disks over NVMe only; the image supports SCSI (DiskControllerTypes feature).",
  );
  // Offered in the region but restricted for the subscription: listed as unavailable, not hidden.
  await expect(size.locator("option", { hasText: "Standard_D8s_v6" })).toHaveText(/unavailable$/);
  await expectNoSeriousA11yViolations(page, "deploy panel with an incompatible size");
});

test("the overview lists the demo's failed replication with where it is and the fix", async ({ page }) => {
  test.slow();
  await page.goto("/");
  const attention = page.getByRole("region", { name: "Needs attention" });
  const items = attention.getByRole("list", { name: "Items needing attention" });
  const failed = items
    .getByRole("listitem")
    .filter({ hasText: "contoso_prod_images/sql2022-ws2022-enterprise/16.5.0" });
  // Resource Graph, then the versions not Succeeded read again: allow for a loaded machine.
  await expect(failed).toContainText("Replication failed", { timeout: 45_000 });
  await expect(failed).toContainText("Replication failed in East US.");
  await expect(failed).toContainText("run the create or update of the version again");
  const pastEndOfLife = items
    .getByRole("listitem")
    .filter({ hasText: "In use past end of life" })
    .filter({ hasText: "contoso_lifecycle_images/web-frontend/1.0.0" });
  await expect(pastEndOfLife).toContainText("still used by 1 VM (web-legacy-01).");
  await expectNoSeriousA11yViolations(page, "overview with needs attention");

  await failed.getByRole("link", { name: "contoso_prod_images/sql2022-ws2022-enterprise/16.5.0" }).click();
  await expect(page).toHaveURL(
    /\/galleries\/contoso_prod_images\/images\/sql2022-ws2022-enterprise\/versions\/16\.5\.0$/,
  );
});
