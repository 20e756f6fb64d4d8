import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "../emulator/seed/demoIdentities";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openSnippet } from "./support/snippets";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * Community galleries end to end: the admin makes a gallery public through the form, a user of another tenant opens
 * it by its public name. It changes a gallery's sharing for everyone, so it runs in a private world.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const LEE = "lee@fabrikam.onmicrosoft.com";
const GALLERY_URL = `/subscriptions/${DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId}/resourceGroups/rg-images-eu/galleries/contoso_eu_images`;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, baseURL: string, upn: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/");
  await new Portal(page).signIn(upn);
  return page;
}

test("the admin makes a gallery a community gallery; a user of another tenant opens it by public name and sees its images", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, world.baseUrl, admin.upn);
  await page.goto(GALLERY_URL);
  const direct = page.getByRole("region", { name: "Direct sharing" });
  await expect(direct.getByTestId("sharing-status")).toContainText("Private");
  await direct.getByRole("button", { name: "Make it a community gallery" }).click();

  const form = direct.getByRole("form", { name: "Make it a community gallery" });
  await expect(form.getByRole("note")).toContainText("public to every Azure user");
  await form.getByLabel("Publisher URI").fill("https://contoso.example");
  await form.getByLabel("Publisher contact email").fill("not-an-email");
  await form.getByLabel("EULA link").fill("https://contoso.example/eula");
  await form.getByLabel("Public name prefix").fill("contoso-eu");
  await form.getByRole("button", { name: "Enable community sharing" }).click();
  await expect(form.getByText("The publisher contact 'not-an-email' is not a valid email address.")).toBeVisible();
  await expect(
    form.getByText("The public name prefix 'contoso-eu' is not valid. It must be 5 to 16 letters or digits."),
  ).toBeVisible();
  await expect(form.getByLabel("Public name prefix")).toHaveAttribute("aria-invalid", "true");
  await expect(direct.getByTestId("sharing-status")).toContainText("Private");
  await expectNoSeriousA11yViolations(page, "community gallery form with field errors");

  await form.getByLabel("Publisher contact email").fill("images@contoso.example");
  await form.getByLabel("Public name prefix").fill("ContosoEU");
  await form.getByRole("button", { name: "Enable community sharing" }).click();
  const publicNameLine = direct.getByTestId("community-public-name");
  await expect(publicNameLine).toBeVisible({ timeout: 30_000 });
  await expect(direct.getByTestId("sharing-status")).toContainText("Community");
  const publicName = /ContosoEU-[0-9a-f-]{36}/.exec((await publicNameLine.textContent()) ?? "")?.[0];
  expect(publicName).toBeTruthy();

  const lee = await signedIn(browser, world.baseUrl, LEE);
  await lee.goto("/images");
  const lookup = lee.getByRole("region", { name: "Open a community gallery" });
  await lookup.getByLabel("Public name").fill(publicName!);
  await lookup.getByLabel("Region").selectOption("westeurope");
  await lookup.getByRole("button", { name: "Open" }).click();
  const gallery = lookup.getByLabel(`Community gallery ${publicName}`);
  await expect(gallery).toContainText("images@contoso.example", { timeout: 30_000 });
  // A community gallery is anyone's: its URIs are links only as absolute http(s), opened without an opener.
  await expect(gallery.getByRole("link", { name: "https://contoso.example/eula" })).toHaveAttribute("rel", /noopener/);
  await expect(gallery.getByRole("heading", { name: "ubuntu-2204-gen2-eu" })).toBeVisible();
  await expect(gallery.getByRole("heading", { name: "ws2022-datacenter-g2-eu" })).toBeVisible();

  const ubuntu = gallery
    .getByRole("listitem")
    .filter({ has: lee.getByRole("heading", { name: "ubuntu-2204-gen2-eu" }) });
  // Each image's snippets and deployment check sit in a disclosure; inside it the snippets are tabs.
  await ubuntu.getByText("Deploy snippets", { exact: true }).click();
  const snippet = await openSnippet(ubuntu, "Bicep");
  await expect(snippet).toContainText("communityGalleryImageId");
  await expect(snippet).toContainText(`/CommunityGalleries/${publicName}/Images/ubuntu-2204-gen2-eu/Versions/latest`);
  // ARM validates a VM from the community image in the region it was opened in, in lee's own resource group.
  await expect(ubuntu.getByLabel("Resource group to check the deployment in")).toHaveValue("rg-fabrikam-images");
  await ubuntu.getByRole("button", { name: "Check deployment" }).click();
  await expect(
    ubuntu.getByRole("status").filter({ hasText: "ARM accepts this deployment in West Europe" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(lee, "an opened community gallery");

  await lookup.getByLabel("Public name").fill("Nobody-00000000-0000-0000-0000-000000000000");
  await lookup.getByRole("button", { name: "Open" }).click();
  await expect(lookup).toContainText("The community gallery could not be opened");
});
