import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO } from "./support/demo";
import { seededSubscription, storageStateOf } from "./support/emulator";

test.use({ storageState: storageStateOf("platform-admin") });

/** Issue 19: a version's target regions on a world map beside the table, coloured by state, with a text equivalent. */
async function versionPath(definition: string, version: string) {
  const { subscriptionId } = await seededSubscription(DEMO.subscription);
  return `/subscriptions/${subscriptionId}/resourceGroups/${DEMO.resourceGroup}/galleries/${DEMO.gallery}/images/${definition}/versions/${version}`;
}

test("the replication map marks each target region with the state the table shows", async ({ page }) => {
  await page.goto(await versionPath(DEMO.definition, DEMO.replicatingVersion));
  const table = page.getByRole("table", { name: `Replication of ${DEMO.replicatingVersion} per region` });
  await expect(table.getByRole("row")).not.toHaveCount(0);
  const map = page.getByRole("group", { name: /^Map of \d+ target regions?:/ });
  await expect(map).toBeVisible();
  // The land outline arrives in its own chunk; the dots do not wait for it.
  const dots = page.getByTestId("replication-map").locator("g[data-region]");
  const rows = await table.locator("tbody tr").count();
  await expect(dots).toHaveCount(rows);
  // Every dot's state matches its row's progress bar.
  for (const dot of await dots.all()) {
    const title = await dot.locator("title").textContent();
    const [regionName, label] = title!.split(": ");
    const bar = table.getByRole("progressbar", {
      name: `Replication of ${DEMO.replicatingVersion} to ${regionName}`,
      exact: true,
    });
    // The state word, not the percentage: a replicating region moves on between two reads.
    await expect(bar).toHaveAttribute("aria-valuetext", new RegExp(`^${label!.split(" ")[0]}`));
  }
  await expect(map).toHaveAttribute("aria-label", /replicating/);

  // East US and East US 2 (both Virginia) are spread apart: neither dot hides the other, and each is reached with
  // the keyboard, named with its state, which the caption shows too.
  const [east, east2] = [map.getByRole("img", { name: /^East US: / }), map.getByRole("img", { name: /^East US 2: / })];
  const [a, b] = [
    (await east.locator("circle").last().boundingBox())!,
    (await east2.locator("circle").last().boundingBox())!,
  ];
  // Two circles: apart when their centres are at least the sum of their radii apart.
  const centres = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
  expect(centres, "the East US and East US 2 dots overlap").toBeGreaterThanOrEqual((a.width + b.width) / 2);
  for (const [dot, name] of [
    [east, "East US"],
    [east2, "East US 2"],
  ] as const) {
    await expect(dot).toHaveAttribute("tabindex", "0");
    await dot.focus();
    await expect(dot).toBeFocused();
    // The percentage moves on between reads: the region and its state word.
    await expect(page.getByTestId("replication-map-active")).toHaveText(
      new RegExp(`^${name}: (Completed|Replicating|Failed|Unknown)`),
    );
  }
  await expectNoSeriousA11yViolations(page, "version page with the replication map");
});

test("a failed region is red on the map and named in its text equivalent", async ({ page }) => {
  await page.goto(await versionPath("sql2022-ws2022-enterprise", "16.5.0"));
  const map = page.getByRole("group", { name: /^Map of \d+ target regions?: .*\b1 failed\b/ });
  await expect(map).toBeVisible();
  const dot = page.getByTestId("replication-map").locator("g[data-tone=failure]");
  await expect(dot).toHaveCount(1);
  await expect(dot.locator("title")).toHaveText(/^East US: Failed/);
});
