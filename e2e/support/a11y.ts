import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails on any serious or critical axe violation of the page once it has its title, and unless the page has exactly one
 * `h1` (axe asks for at least one; a page with two has no one title for screen readers to announce).
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // After a client-side navigation Next streams the new page's metadata later than its content: until then the
  // document may have no title, which axe reports (document-title) although the page will have one.
  await expect(page, `a title on ${label}`).toHaveTitle(/\S/);
  expect(await page.locator("h1").count(), `one h1 on ${label}`).toBe(1);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(serious, `axe on ${label}`).toEqual([]);
}
