import { expect, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { Portal } from "./pages/portal";
import { CreateDefinitionPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * The definition form against the defaults of api-version 2025-12-03 (the SDK's): what is chosen is sent as chosen,
 * and what is left empty is shown before submit as what the emulator then creates. A private world, so the demo
 * gallery's new definitions do not change what other specs count.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction;

test.describe.configure({ mode: "serial" });

async function openForm(page: Page): Promise<CreateDefinitionPage> {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
  await page.goto(
    `/subscriptions/${PROD.subscriptionId}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}/new-image-definition`,
  );
  const form = new CreateDefinitionPage(page);
  await expect(form.heading()).toHaveText("Create image definition");
  return form;
}

async function fillIdentity(form: CreateDefinitionPage, name: string) {
  await form.field("Image definition name (required)").fill(name);
  await form.field("Publisher (required)").fill("Contoso");
  await form.field("Offer (required)").fill("Defaults");
  await form.field("SKU (required)").fill(name);
  await form.field("OS type (required)").selectOption("Linux");
  await form.field("OS state (required)").selectOption("Generalized");
}

test("a definition created as Standard reads back SecurityType=Standard", async ({ page }) => {
  const name = `e2e-standard-${Date.now().toString(36)}`;
  const form = await openForm(page);
  await fillIdentity(form, name);
  await form.field("Security type").selectOption("Standard");
  await expect(page.getByTestId("effective-security")).toContainText(
    "Generation 2 (default), SecurityType Standard, at api-version 2025-12-03",
  );
  await form.form.getByRole("button", { name: "Create image definition" }).click();
  await expect(form.heading()).toHaveText(name, { timeout: 30_000 });
  await expect(page.getByText("SecurityType=Standard", { exact: true })).toBeVisible();
});

test("a definition left at the defaults is what the form said: Gen2, TrustedLaunchSupported", async ({ page }) => {
  const name = `e2e-defaults-${Date.now().toString(36)}`;
  const form = await openForm(page);
  await fillIdentity(form, name);
  const effective = page.getByTestId("effective-security");
  await expect(effective).toContainText(
    "Generation 2 (default), SecurityType TrustedLaunchSupported (default), at api-version 2025-12-03",
  );
  await expect(effective).toContainText("Standard and Trusted Launch VMs can use it.");
  await expectNoSeriousA11yViolations(page, "create image definition form with its defaults");
  await form.form.getByRole("button", { name: "Create image definition" }).click();
  await expect(form.heading()).toHaveText(name, { timeout: 30_000 });
  await expect(page.getByText("SecurityType=TrustedLaunchSupported", { exact: true })).toBeVisible();
  await expect(page.getByText("V2", { exact: true })).toBeVisible();
});
