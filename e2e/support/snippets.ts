import { expect, type Locator } from "@playwright/test";

/** Opens one tool's tab of a snippet list (the deploy panels show one snippet at a time) and returns its panel. */
export async function openSnippet(scope: Locator, label: string): Promise<Locator> {
  await scope.getByRole("tab", { name: label, exact: true }).click();
  const panel = scope.getByRole("tabpanel", { name: label, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}
