import { expect, type Page, test } from "@playwright/test";
import { Portal } from "./pages/portal";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededUser, type PersonaName } from "./support/emulator";

/**
 * `/share` and `/access` opened without a scope (from a bookmark or the address bar): a picker of the galleries and
 * image definitions the user can read, each opening the wizard or the access panel for it.
 */
const SHARED_GALLERY = "contoso_shared_images";
const GOLDEN_GALLERY = "contoso_golden_images";
const GOLDEN_SHARED_DEFINITION = "golden-ws2022-iis";

/** A fresh sign-in, as the sharing spec does: the access panel also needs Graph tokens. */
async function signIn(page: Page, persona: PersonaName) {
  const user = await seededUser(persona);
  await page.goto("/");
  await new Portal(page).signIn(user.upn);
}

test("/share without a scope offers the galleries and definitions to share, and a choice opens the wizard for it", async ({
  page,
}) => {
  await signIn(page, "platform-admin");
  await page.goto("/share");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose what to share");
  const choices = page.getByRole("list", { name: "Choose what to share" });
  const gallery = choices.getByRole("link", { name: `Share gallery ${DEMO.gallery}`, exact: true });
  await expect(gallery).toBeVisible();
  await expect(
    choices.getByRole("link", { name: `Share image definition ${DEMO.definition} in ${DEMO.gallery}` }),
  ).toBeVisible();
  await expect(page.getByText(/not reachable/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the share picker");

  await page.getByLabel("Filter galleries and image definitions").fill(DEMO.definition);
  await expect(choices.getByRole("link", { name: `Share gallery ${SHARED_GALLERY}`, exact: true })).toHaveCount(0);
  const definition = choices.getByRole("link", {
    name: `Share image definition ${DEMO.definition} in ${DEMO.gallery}`,
  });
  await definition.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/share\?scope=.*ws2022-datacenter-g2/);
  await expect(page.getByRole("heading", { name: "Step 1 of 4: Scope" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`image definition '${DEMO.definition}'`);
});

test("/access without a scope offers only what the consumer can read, and a choice opens its access panel", async ({
  page,
}) => {
  await signIn(page, "consumer");
  await page.goto("/access");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a scope");
  const choices = page.getByRole("list", { name: "Choose a scope" });
  await expect(
    choices.getByRole("link", { name: `See the access to gallery ${SHARED_GALLERY}`, exact: true }),
  ).toBeVisible();
  // The consumer holds a role on one definition of the golden gallery, not on the gallery itself.
  const golden = choices.getByRole("list", { name: `Image definitions in ${GOLDEN_GALLERY}` });
  await expect(golden.getByRole("link")).toHaveCount(1);
  await expect(
    choices.getByRole("link", { name: `See the access to gallery ${GOLDEN_GALLERY}`, exact: true }),
  ).toHaveCount(0);
  await expect(choices.getByRole("link", { name: new RegExp(DEMO.gallery) })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the access picker");

  await golden
    .getByRole("link", { name: `See the access to image definition ${GOLDEN_SHARED_DEFINITION} in ${GOLDEN_GALLERY}` })
    .click();
  await expect(page).toHaveURL(/\/access\?scope=.*golden-ws2022-iis/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`image definition '${GOLDEN_SHARED_DEFINITION}'`);
  await expect(page.getByText(/not reachable/)).toHaveCount(0);
});
