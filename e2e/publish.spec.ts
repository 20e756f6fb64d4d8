import { expect, test, type Page } from "@playwright/test";
import { CreateDefinitionPage, CreateGalleryPage, CreateVersionPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededSubscription, storageStateOf } from "./support/emulator";

test.use({ storageState: storageStateOf("platform-admin") });

async function subscriptionId(name: string) {
  return (await seededSubscription(name)).subscriptionId;
}

async function demoDefinitionUrl(page: Page, suffix = "") {
  const s = await subscriptionId(DEMO.subscription);
  return `/subscriptions/${s}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}${suffix}`;
}

test.describe("publish forms: rules before submit", () => {
  test("create gallery: the service's name rules show on the field before submit, and the page passes axe", async ({
    page,
  }) => {
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

  test("create version: version number, replica range and an existing number are refused before submit", async ({
    page,
  }) => {
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
    await expect(
      form.form.getByRole("list", { name: "Sources that cannot be used" }).getByRole("radio").first(),
    ).toBeDisabled();
    await expect(form.form.getByRole("list", { name: "Sources that cannot be used" })).toContainText(
      /Not selectable: The source runs Linux|Not selectable: .*Hyper-V generation V1|Not selectable: It is/,
    );
    await expectNoSeriousA11yViolations(page, "create image version form");
  });
});

test.describe("publish forms: updates", () => {
  test("edit forms show immutable properties read-only with the reason, check what may change, and pass axe", async ({
    page,
  }) => {
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/edit`));
    const definition = page.getByRole("form", { name: `Edit image definition ${DEMO.definition}` });
    await expect(definition.getByRole("status", { name: "OS type" })).toHaveAccessibleDescription(
      /Changing property 'galleryImage.properties.osType' is not allowed/,
    );
    await expect(definition.getByRole("textbox", { name: "Publisher" })).toHaveCount(0);
    await definition.getByLabel("vCPUs, minimum").fill("128");
    await expect(definition.getByLabel("vCPUs, minimum")).toHaveAccessibleDescription(
      /must not be greater than the maximum/,
    );
    await expectNoSeriousA11yViolations(page, "edit image definition form");

    await page.goto(await demoDefinitionUrl(page, "/edit"));
    const gallery = page.getByRole("form", { name: `Edit gallery ${DEMO.gallery}` });
    await expect(gallery.getByRole("status", { name: "Region" })).toHaveText("East US");
    await expect(gallery.getByLabel("Description")).toBeEditable();
    await expectNoSeriousA11yViolations(page, "edit gallery form");
  });
});

test.describe("publish forms: what only the service knows", () => {
  test("a gallery name taken in the subscription lands on the name with the fix, and every value stays", async ({
    page,
  }) => {
    const form = new CreateGalleryPage(page);
    await form.goto();
    await form.field("Subscription (required)").selectOption({ label: DEMO.subscription });
    await form.field("Existing resource group (required)").selectOption("rg-image-build");
    await form.field("Name (required)").fill(DEMO.gallery);
    await form.field("Region (required)").selectOption("eastus2");
    await form.field("Description").fill("kept after the refusal");
    await form.form.getByRole("button", { name: "Create gallery" }).click();
    await form.expectFieldError("Name (required)", /is not unique within the subscription.*Choose another name/s);
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
    await form.expectGroupError(
      "Identifier (publisher, offer, SKU)",
      /already exists.*Choose a different publisher, offer, SKU combination/is,
    );
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
    await form.expectFieldError(
      "Source resource id",
      /It is in West Europe; a version is created in its gallery's region, East US/,
    );
  });

  test("a source only the service can judge (not in the version's region) is refused on the source field with the fix", async ({
    page,
  }) => {
    const s = await subscriptionId(DEMO.subscription);
    await page.goto(await demoDefinitionUrl(page, `/images/${DEMO.definition}/new-version`));
    const form = new CreateVersionPage(page);
    // An id the picker does not list (made elsewhere, or not indexed yet): only the service can say where it is.
    const unknown = `/subscriptions/${s}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-built-in-another-region`;
    await expect(form.compatibleSources.getByRole("radio").first()).toBeVisible();
    await form.field("Version number (required)").fill("9.9.9");
    await form.field("Source resource id").fill(unknown);
    await form.form.getByRole("button", { name: "Create image version" }).click();
    await form.expectFieldError(
      "Source resource id",
      /is not found\. Please check source exists, and is in the same region/,
    );
    await expect(form.form).toContainText("create the version in the source's region");
    await expect(form.field("Source resource id")).toHaveValue(unknown);
    await expect(form.field("Version number (required)")).toHaveValue("9.9.9");
  });
});
