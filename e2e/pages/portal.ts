import { expect, type Locator, type Page } from "@playwright/test";

/** The emulator's sign-in page: one button per seeded user, named with the user's UPN. */
export class IdentityProviderPage {
  constructor(private readonly page: Page) {}

  async signInAs(upn: string) {
    const escaped = upn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const account = this.page
      .getByRole("button", { name: new RegExp(escaped, "i") })
      .or(this.page.getByRole("link", { name: new RegExp(escaped, "i") }))
      .first();
    await account.click();
  }
}

/** Gallerist's frame: the sign-in panel for visitors, the header with the account for signed-in users. */
export class Portal {
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  readonly header: Locator;
  readonly breadcrumbs: Locator;

  constructor(readonly page: Page) {
    this.signInButton = page.getByRole("button", { name: "Sign in" });
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.header = page.getByRole("banner");
    this.breadcrumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  }

  /** Signs in through MSAL's redirect flow and the emulator's identity provider; ends back on the page it started from. */
  async signIn(upn: string) {
    const startedAt = this.page.url();
    await this.signInButton.click();
    await new IdentityProviderPage(this.page).signInAs(upn);
    await this.page.waitForURL(startedAt);
    await expect(this.signOutButton).toBeVisible();
  }

  /**
   * Signs out and waits for the round trip through the identity provider's logout to land back on the home page.
   * The page shows the sign-in panel as soon as MSAL's cache is cleared, before that redirect leaves it; reading the
   * page then races the navigation. Must start from another page than the home page.
   */
  async signOut() {
    expect(new URL(this.page.url()).pathname, "signOut() waits for the return to /").not.toBe("/");
    await this.signOutButton.click();
    await this.page.waitForURL((url) => url.pathname === "/", { waitUntil: "load" });
    await expect(this.signInButton).toBeVisible();
  }

  async expectSignedInAs(upn: string, displayName: string) {
    await expect(this.header).toContainText(upn);
    await expect(this.header).toContainText(displayName);
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }
}
