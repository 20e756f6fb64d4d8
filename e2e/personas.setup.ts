import { test as setup } from "@playwright/test";
import { Portal } from "./pages/portal";
import { seededUser, storageStateOf, type PersonaName } from "./support/emulator";

/** Each persona signs in once through MSAL's redirect flow; the specs reuse the browser state. */
const PERSONAS: PersonaName[] = ["platform-admin", "publisher", "consumer", "other-tenant", "no-access"];

for (const persona of PERSONAS) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    const user = await seededUser(persona);
    const portal = new Portal(page);
    await page.goto("/");
    await portal.signIn(user.upn);
    await portal.expectSignedInAs(user.upn, user.displayName);
    await page.context().storageState({ path: storageStateOf(persona) });
  });
}
