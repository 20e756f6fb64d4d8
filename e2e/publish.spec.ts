import { expect, test, type Page } from "@playwright/test";
import { CreateDefinitionPage, CreateGalleryPage, CreateVersionPage, EditVersionPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { advanceClock, seededSubscription, storageStateOf } from "./support/emulator";

test.use({ storageState: storageStateOf("platform-admin") });

const DEV = "Contoso Development";

async function subscriptionId(name: string) {
  return (await seededSubscription(name)).subscriptionId;
}

async function demoDefinitionUrl(page: Page, suffix = "") {
  const s = await subscriptionId(DEMO.subscription);
  return `/subscriptions/${s}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}${suffix}`;
}

test.describe("publish forms: rules before submit", () => {
  test("create gallery: the service's name rules show on the field before submit, and the page passes axe", async ({ page }) => {
    const form = new CreateGalleryPage(page);
    await form.goto();
    await form.field("Name (required)").fill("team-images");
    await form.field("Name (required)").blur();
    await form.expectFieldError("Name (required)", /dashes, are disallowed/);
    await form.field("Name (required)").fill("team_images.");
    await form.field("Name (required)").blur();
    await form.expectFieldError("Name (required)", /invalid trailing characters: '\.'/);
    await form.field("Resource group").selectOption("new");
    await form.field("New resource group name (required)").fill("rg.");
    await form.field("New resource group name (required)").blur();
    await form.expectFieldError("New resource group name (required)", /Resource group name 'rg\.' is invalid/);
    await expectNoSeriousA11yViolations(page, "create gallery form");
  });

  test("create definition: identifier, OS, ranges and end of life are checked on their fields", async ({ page }) => {
    await page.goto(await demoDefinitionUrl(page, "/new-image-definition"));
    const form = new CreateDefinitionPage(page);
    await expect(form.heading()).toHaveText("Create image definition");
    await form.field("Offer (required)").fill("WindowsServer.");
    await form.field("vCPUs, minimum").fill("8");
    await form.field("vCPUs, maximum").fill("2");
    await form.field("End-of-life date").fill("2020-01-01");
    await form.form.getByRole("button", { name: "Create image definition" }).click();
    await form.expectFieldError("Image definition name (required)", /Enter a name/);
    await form.expectFieldError("Publisher (required)", /It cannot be empty/);
    await form.expectFieldError("Offer (required)", /not allowed to end with period/);
    await form.expectFieldError("OS type (required)", /Required parameter 'galleryImage.properties.osType' is missing/);
    await form.expectFieldError("vCPUs, minimum", /must not be greater than the maximum/);
    await form.expectFieldError("End-of-life date", /EndOfLifeDate must be set to a future date/);
    await expect(form.field("Offer (required)")).toHaveValue("WindowsServer.");
    await expectNoSeriousA11yViolations(page, "create image definition form");
  });

  test("create version: version number, replica range and an existing number are refused before submit", async ({ page }) => {
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/new-version`));
    const form = new CreateVersionPage(page);
    await expect(form.field("Version number (required)")).not.toHaveValue("");
    await form.field("Version number (required)").fill("1.0");
    await form.field("Version number (required)").blur();
    await form.expectFieldError("Version number (required)", /Major\(int\)\.Minor\(int\)\.Patch\(int\)/);
    await form.field("Version number (required)").fill(DEMO.replicatingVersion);
    await form.field("Version number (required)").blur();
    await form.expectFieldError("Version number (required)", /already exists in this image definition/);
    await form.field("Replicas in East US").fill("101");
    await form.form.getByRole("button", { name: "Create image version" }).click();
    await form.expectFieldError("Replicas in East US", /must be between 1 and 100/);
    await form.expectGroupError("Source", /One and only one source type/);
    // Zone-redundant storage is not offered where the region has no zones.
    await form.addRegion("westus");
    await expect(form.field("Storage type in West US").locator("option", { hasText: "Standard_ZRS" })).toBeDisabled();
    // Incompatible sources are listed with the reason, not selectable.
    await form.form.getByText(/sources cannot be used for this definition/).click();
    await expect(form.form.getByRole("list", { name: "Sources that cannot be used" }).getByRole("radio").first()).toBeDisabled();
    await expect(form.form.getByRole("list", { name: "Sources that cannot be used" })).toContainText(/Not selectable: The source runs Linux|Not selectable: .*Hyper-V generation V1|Not selectable: It is/);
    await expectNoSeriousA11yViolations(page, "create image version form");
  });
});

test.describe("publish forms: updates", () => {
  test("edit forms show immutable properties read-only with the reason, check what may change, and pass axe", async ({ page }) => {
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/edit`));
    const definition = page.getByRole("form", { name: `Edit image definition ${DEMO.definition}` });
    await expect(definition.getByRole("status", { name: "OS type" })).toHaveAccessibleDescription(/Changing property 'galleryImage.properties.osType' is not allowed/);
    await expect(definition.getByRole("textbox", { name: "Publisher" })).toHaveCount(0);
    await definition.getByLabel("vCPUs, minimum").fill("128");
    await expect(definition.getByLabel("vCPUs, minimum")).toHaveAccessibleDescription(/must not be greater than the maximum/);
    await expectNoSeriousA11yViolations(page, "edit image definition form");

    await page.goto(await demoDefinitionUrl(page, "/edit"));
    const gallery = page.getByRole("form", { name: `Edit gallery ${DEMO.gallery}` });
    await expect(gallery.getByRole("status", { name: "Region" })).toHaveText("East US");
    await expect(gallery.getByLabel("Description")).toBeEditable();
    await expectNoSeriousA11yViolations(page, "edit gallery form");
  });
});

test.describe("publish forms: what only the service knows", () => {
  test("a gallery name taken in the subscription lands on the name with the fix, and every value stays", async ({ page }) => {
    const form = new CreateGalleryPage(page);
    await form.goto();
    await form.field("Subscription (required)").selectOption({ label: DEMO.subscription });
    await form.field("Existing resource group (required)").selectOption("rg-image-build");
    await form.field("Name (required)").fill(DEMO.gallery);
    await form.field("Region (required)").selectOption("eastus2");
    await form.field("Description").fill("kept after the refusal");
    await form.form.getByRole("button", { name: "Create gallery" }).click();
    await form.expectFieldError("Name (required)", /already exists in the subscription.*Choose another name/s);
    await expect(form.form).toContainText("Fix");
    await expect(form.field("Name (required)")).toHaveValue(DEMO.gallery);
    await expect(form.field("Description")).toHaveValue("kept after the refusal");
    await expect(form.field("Region (required)")).toHaveValue("eastus2");
  });

  test("an identifier another definition uses lands on the identifier group with the fix", async ({ page }) => {
    await page.goto(await demoDefinitionUrl(page, "/new-image-definition"));
    const form = new CreateDefinitionPage(page);
    await form.field("Image definition name (required)").fill("ws2022-copy");
    await form.field("Publisher (required)").fill("Contoso");
    await form.field("Offer (required)").fill("WindowsServer");
    await form.field("SKU (required)").fill("2022-datacenter-g2");
    await form.field("OS type (required)").selectOption("Windows");
    await form.field("OS state (required)").selectOption("Generalized");
    await expect(form.form.getByRole("note")).toContainText("identified by");
    await form.form.getByRole("button", { name: "Create image definition" }).click();
    await form.expectGroupError("Identifier (publisher, offer, SKU)", /already exists.*Choose a different publisher, offer, SKU combination/is);
    await expect(form.field("SKU (required)")).toHaveValue("2022-datacenter-g2");
    await expect(form.field("Image definition name (required)")).toHaveValue("ws2022-copy");
  });

});

test.describe("publish forms: the source picker", () => {
  test("a source the picker knows in another region is refused before submit, with the reason", async ({ page }) => {
    const s = await subscriptionId(DEMO.subscription);
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/new-version`));
    const form = new CreateVersionPage(page);
    const elsewhere = `/subscriptions/${s}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-ws2022-datacenter-g2-eu`;
    await expect(form.compatibleSources.getByRole("radio").first()).toBeVisible();
    await form.field("Source resource id").fill(elsewhere);
    await form.expectFieldError("Source resource id", /It is in West Europe; a version is created in its gallery's region, East US/);
  });

  test("a source only the service can judge (not in the version's region) is refused on the source field with the fix", async ({ page }) => {
    const s = await subscriptionId(DEMO.subscription);
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/new-version`));
    const form = new CreateVersionPage(page);
    // An id the picker does not list (made elsewhere, or not indexed yet): only the service can say where it is.
    const unknown = `/subscriptions/${s}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-built-in-another-region`;
    await expect(form.compatibleSources.getByRole("radio").first()).toBeVisible();
    await form.field("Version number (required)").fill("9.9.9");
    await form.field("Source resource id").fill(unknown);
    await form.form.getByRole("button", { name: "Create image version" }).click();
    await form.expectFieldError("Source resource id", /is not found\. Please check source exists, and in the same region/);
    await expect(form.form).toContainText("create the version in the source's region");
    await expect(form.field("Source resource id")).toHaveValue(unknown);
    await expect(form.field("Version number (required)")).toHaveValue("9.9.9");
  });
});

test("publish end to end: gallery (keyboard only), definition, version, replication, region update, delete in order", async ({ page }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const gallery = `e2e_publish_${suffix}`;
  const definition = `e2e-win-${suffix}`;

  // 1. The gallery, with the keyboard only.
  const galleryForm = new CreateGalleryPage(page);
  await galleryForm.goto();
  await galleryForm.field("Subscription (required)").focus();
  await expect(galleryForm.field("Subscription (required)").locator("option", { hasText: DEV })).toHaveCount(1);
  await page.keyboard.type(DEV);
  await expect(galleryForm.field("Subscription (required)")).toHaveValue(await subscriptionId(DEV));
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
  await versionForm.form.getByLabel("VMs created at once in West US 3").fill("45");
  await expect(versionForm.form.getByLabel("Recommended replicas in West US 3")).toHaveText("3");
  await versionForm.form.getByRole("button", { name: "Apply the recommended replica counts" }).click();
  await expect(versionForm.field("Replicas in West US 3")).toHaveValue("3");
  await versionForm.form.getByRole("button", { name: "Create image version" }).click();
  await expect(versionForm.heading()).toHaveText("1.0.0", { timeout: 30_000 });

  // 4. Replication completes as the emulator's clock moves.
  const replication = page.getByRole("table", { name: "Replication of 1.0.0 per region" });
  await expect(replication.getByRole("row")).toHaveCount(3);
  await advanceClock(6 * 3600);
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
  await advanceClock(6 * 3600);
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
  await expect(definitionDialog.getByRole("list", { name: "Deletion progress" })).toContainText("Deleted", { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(gallery, { timeout: 30_000 });
  await page.getByRole("button", { name: "Delete gallery" }).click();
  await expect(galleryDialog).toContainText("The gallery is empty");
  await galleryDialog.getByRole("button", { name: "Delete gallery" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Galleries", { timeout: 30_000 });
});
