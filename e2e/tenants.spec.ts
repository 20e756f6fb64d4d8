import { expect, type Page, test } from "@playwright/test";
import { GalleriesPage, GalleryPage } from "./pages/galleries";
import { startIsolatedWorld, type IsolatedWorld } from "./support/isolatedWorld";

/**
 * ARM answers a subscription only for a token of its tenant (401 InvalidAuthenticationTokenTenant otherwise), so the
 * dashboard must ask each tenant for its own token. Two people who work across the Contoso/Fabrikam line prove it
 * does: lee of Fabrikam, a guest in Contoso, and diego of Contoso, given a role on a Fabrikam gallery here.
 * Own world: the role given to diego must not show in other specs.
 */
const LEE = "lee@fabrikam.onmicrosoft.com";
const DIEGO = "diego@contoso.onmicrosoft.com";
const DIEGO_OBJECT_ID = "c0000000-0000-4000-8002-000000000005";
const FABRIKAM = "fa000000-0000-4000-8001-000000000001";
const SHARED = "c0000000-0000-4000-8001-000000000003";
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const FABRIKAM_GALLERY = `/subscriptions/${FABRIKAM}/resourceGroups/rg-fabrikam-images/providers/Microsoft.Compute/galleries/fabrikam_images`;
const CONTOSO_GALLERY = `/subscriptions/${SHARED}/resourceGroups/rg-shared-images/providers/Microsoft.Compute/galleries/contoso_shared_images`;
const API = "api-version=2025-03-03";

let world: IsolatedWorld;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  world = await startIsolatedWorld();
  const grant = await world.arm(
    LEE,
    "PUT",
    `${FABRIKAM_GALLERY}/providers/Microsoft.Authorization/roleAssignments/fa000000-0000-4000-8006-0000000000d1?api-version=2022-04-01`,
    {
      properties: {
        roleDefinitionId: `/subscriptions/${FABRIKAM}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
        principalId: DIEGO_OBJECT_ID,
        principalType: "User",
      },
    },
  );
  expect(grant.status, await grant.clone().text()).toBe(201);
});
test.afterAll(async () => {
  await world?.close();
});

/** Signs in on the isolated dashboard and switches the tenant the dashboard works in. */
async function signInAndSwitch(page: Page, upn: string, home: string, other: string) {
  const overview = new GalleriesPage(page);
  await page.goto(`${world.baseUrl}/`);
  await overview.signIn(upn);
  await expect(page.getByTestId("account-tenant")).toHaveText(home);
  await page.getByLabel("Tenant").selectOption({ label: other });
  await expect(page.getByTestId("account-tenant")).toHaveText(other);
  return overview;
}

test("the emulator refuses a home-tenant token on the other tenant's subscription, as ARM does", async () => {
  for (const [who, gallery] of [
    [LEE, CONTOSO_GALLERY],
    [DIEGO, FABRIKAM_GALLERY],
  ] as const) {
    const response = await world.arm(who, "GET", `${gallery}?${API}`);
    expect(response.status, who).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "InvalidAuthenticationTokenTenant",
    );
  }
});

test("lee, a Fabrikam guest in Contoso, works in Contoso through the dashboard with Contoso's tokens", async ({
  page,
}) => {
  const overview = await signInAndSwitch(page, LEE, "Fabrikam", "Contoso");
  await expect(overview.row("contoso_shared_images")).toBeVisible();
  await expect(overview.row("fabrikam_images")).toHaveCount(0);
  await overview.open("contoso_shared_images");
  await expect(new GalleryPage(page).definitions.getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("main")).not.toContainText("wrong issuer");
});

test("diego of Contoso, a reader of a Fabrikam gallery, works in Fabrikam through the dashboard with Fabrikam's tokens", async ({
  page,
}) => {
  const overview = await signInAndSwitch(page, DIEGO, "Contoso", "Fabrikam");
  await expect(overview.row("fabrikam_images")).toBeVisible();
  await overview.open("fabrikam_images");
  await expect(new GalleryPage(page).definitions.getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("main")).not.toContainText("wrong issuer");
});
