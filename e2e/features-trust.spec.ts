import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import {
  FAILED_VALIDATION_IMAGE,
  FLAGGED_IMAGE,
  REVIEW_GALLERY,
  REVIEW_RESOURCE_GROUP,
  TRUSTED_LAUNCH_SUPPORTED_IMAGE,
} from "../emulator/seed/demoVersionProperties";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openSnippet } from "./support/snippets";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * Issue 16, items 3 and 5: features changed from a version on (older versions keep what they were published with),
 * and the trust signals of versions (policy reports, validation, provenance) where publishers and consumers look.
 * A private world, since the feature upgrade changes a demo definition other specs read.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEBIAN = `/subscriptions/${PROD}/resourceGroups/rg-images-prod/galleries/contoso_linux_images/images/debian-12-gen2`;
const REVIEW = `/subscriptions/${PROD}/resourceGroups/${REVIEW_RESOURCE_GROUP}/galleries/${REVIEW_GALLERY}/images`;

test.describe.configure({ mode: "serial" });
// Two worlds' servers and browsers share two cores: the default minute is too tight for these walks.
test.setTimeout(180_000);

async function open(page: Page, path: string) {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
  await page.goto(path);
}

const versionRow = (page: Page, table: string, version: string) =>
  page
    .getByRole("table", { name: table })
    .getByRole("row")
    // The row header gains a "latest" badge once the row's reads settle: match the version name at its start.
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${version.replaceAll(".", "\\.")}(\\s|$)`) }) });

test("features upgraded from a version on: newer versions gain them, older ones are marked as keeping theirs", async ({
  page,
}) => {
  await open(page, DEBIAN);
  await expect(page.getByText("Every feature applies to every version.")).toBeVisible();

  // Keyboard: the action opens the form, and every control up to Save is reached with Tab.
  const action = page.getByRole("button", { name: "Change features" });
  await action.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Change features of debian-12-gen2" });
  await expect(form).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Security type (SecurityType)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("SecurityType starts at version")).toBeFocused();
  await page.keyboard.type("12.5.0");
  const save = form.getByRole("button", { name: "Save features" });
  for (let i = 0; i < 12 && !(await save.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(save).toBeFocused();

  await form.getByLabel("Security type (SecurityType)").selectOption("TrustedLaunchSupported");
  await form.getByLabel("Disk controllers (NVMe) (DiskControllerTypes)").selectOption("SCSI, NVMe");
  await form.getByLabel("DiskControllerTypes starts at version").fill("12.5.0");
  await expect(form.getByTestId("impact-12.5.0")).toContainText("SecurityType Standard → TrustedLaunchSupported");
  await expect(form.getByTestId("impact-12.5.0")).toContainText("DiskControllerTypes SCSI → SCSI, NVMe");
  await expect(form.getByTestId("impact-12.4.0")).toContainText(
    "keeps SecurityType Standard; DiskControllerTypes SCSI",
  );
  await expectNoSeriousA11yViolations(page, "change features form");

  // Without allowUpdateImage the service refuses; the form keeps what was chosen.
  await form.getByLabel("Allow the update of features (allowUpdateImage)").uncheck();
  await save.click();
  await expect(form.getByText("Changing property 'galleryImage.properties.features' is not allowed.")).toBeVisible({
    timeout: 30_000,
  });
  await expect(form.getByLabel("Security type (SecurityType)")).toHaveValue("TrustedLaunchSupported");
  await expect(form.getByLabel("SecurityType starts at version")).toHaveValue("12.5.0");

  await form.getByLabel("Allow the update of features (allowUpdateImage)").check();
  await save.click();
  await expect(page.getByText("Features changed.")).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText("SecurityType=TrustedLaunchSupported from 12.5.0, DiskControllerTypes=SCSI, NVMe from 12.5.0", {
      exact: true,
    }),
  ).toBeVisible();

  const table = "Versions of debian-12-gen2";
  const older = versionRow(page, table, "12.4.0");
  await expect(older).toContainText("keeps old SecurityType (new SecurityType=TrustedLaunchSupported from 12.5.0)");
  await expect(older).toContainText("keeps old DiskControllerTypes");
  await expect(older).not.toContainText("Validation");
  const newer = versionRow(page, table, "12.5.0");
  await expect(newer).toContainText("SecurityType=TrustedLaunchSupported");
  await expect(newer).not.toContainText("keeps old");
  // The emulator validates for Trusted Launch only the versions that have it (the same rule, lib/gallery/features).
  await expect(newer).toContainText("Validation passed", { timeout: 30_000 });

  // The older version's own page says which features are not its.
  await older.getByRole("link", { name: "12.4.0" }).click();
  const trust = page.getByRole("region", { name: "Features and trust" });
  await expect(trust).toContainText("not for 12.4.0, which keeps the behaviour it was published with", {
    timeout: 30_000,
  });
  await expect(trust).toContainText("No validation applies");
});

test("a flagged version: badges on the definition and version pages, a warning in latest and in the snippets", async ({
  page,
}) => {
  await open(page, `${REVIEW}/${FLAGGED_IMAGE}`);
  await expect(versionRow(page, `Versions of ${FLAGGED_IMAGE}`, "1.0.0")).toContainText(
    "Policy violation: flagged unsafe",
  );
  const latest = page.getByRole("table", { name: "What latest resolves to in each region" });
  await expect(latest.getByText("Version 1.0.0 is reported for a policy violation").first()).toBeVisible();

  const warning = page.getByTestId("snippet-warning");
  await expect(warning).toContainText("Version 1.0.0 is reported for a policy violation (flagged unsafe).");
  await expect(await openSnippet(page.getByRole("region", { name: "Deploy" }), "Azure CLI")).toContainText(
    "# WARNING: Version 1.0.0 is reported for a policy violation (flagged unsafe).",
  );
  await expectNoSeriousA11yViolations(page, "definition page of a flagged version");

  await page.goto(`${REVIEW}/${FLAGGED_IMAGE}/versions/1.0.0`);
  const trust = page.getByRole("region", { name: "Features and trust" });
  // The panel waits for three reads (version, definition, validations profile).
  await expect(trust).toContainText("ImageFlaggedUnsafe", { timeout: 30_000 });
  await expect(trust).toContainText("A malware scan of the OS disk found a known rootkit signature.");
  await expect(trust).toContainText("source_image_publisher=Contoso");
  await expect(page.getByTestId("snippet-warning")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "version page of a flagged version");

  await page.goto(`${REVIEW}/${TRUSTED_LAUNCH_SUPPORTED_IMAGE}/versions/1.0.0`);
  const validated = page.getByRole("region", { name: "Features and trust" });
  await expect(validated).toContainText("Validation passed", { timeout: 30_000 });
  await expect(validated).toContainText("TrustedLaunchValidation v1.0: Succeeded");
  await expect(page.getByTestId("snippet-warning")).toHaveCount(0);
});

test("a version that failed Trusted Launch validation: warned on its definition, and both untrusted versions badged in What I can use", async ({
  page,
}) => {
  await open(page, `${REVIEW}/${FAILED_VALIDATION_IMAGE}`);
  // Validation reads queue behind the page's replication reads: slow when two worlds share two cores.
  await expect(versionRow(page, `Versions of ${FAILED_VALIDATION_IMAGE}`, "1.0.0")).toContainText("Validation failed", {
    timeout: 90_000,
  });
  const failure = "Version 1.0.0 failed the platform's validation (TrustedLaunchValidation).";
  const latest = page.getByRole("table", { name: "What latest resolves to in each region" });
  await expect(latest.getByText(failure).first()).toBeVisible();
  await expect(page.getByTestId("snippet-warning")).toContainText(failure);
  await expect(await openSnippet(page.getByRole("region", { name: "Deploy" }), "Azure CLI")).toContainText(
    `# WARNING: ${failure}`,
  );
  await expectNoSeriousA11yViolations(page, "definition page of a version that failed validation");

  await page.goto("/images");
  await page.getByRole("searchbox", { name: "Search" }).fill("UbuntuReview");
  const images = page.getByRole("table", { name: "Images I can use" });
  const row = (image: string) =>
    images.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${image}`) }) });
  await expect(row(FAILED_VALIDATION_IMAGE)).toContainText("Validation failed", { timeout: 90_000 });
  await expect(row(FLAGGED_IMAGE)).toContainText("Policy violation: flagged unsafe");
  await expect(row(TRUSTED_LAUNCH_SUPPORTED_IMAGE)).toContainText("Validation passed");
  await expectNoSeriousA11yViolations(page, "images I can use with trust badges");
});
