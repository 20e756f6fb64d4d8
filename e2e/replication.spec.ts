import { expect, test } from "@playwright/test";
import { GalleriesPage, GalleryPage, DefinitionPage, VersionPage } from "./pages/galleries";
import { DEMO } from "./support/demo";
import { advanceClock, storageStateOf } from "./support/emulator";

test.use({ storageState: storageStateOf("platform-admin") });

test("a region's progress bar reaches Completed as the emulator's clock moves", async ({ page }) => {
  const overview = new GalleriesPage(page);
  await overview.goto();
  await overview.open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  await new DefinitionPage(page).open(DEMO.replicatingVersion);

  const version = new VersionPage(page);
  const replicating = version.replicatingBars().first();
  await expect(replicating).toBeVisible();
  const region = await replicating.getAttribute("aria-label");
  expect(region).toMatch(new RegExp(`^Replication of ${DEMO.replicatingVersion} to `));
  const bar = version.replication.getByRole("progressbar", { name: region! });
  const before = Number(await bar.getAttribute("aria-valuenow"));
  expect(before).toBeLessThan(100);

  // Replication progress is derived from the emulator's clock; the page polls while anything is replicating.
  await advanceClock(12 * 3600);
  await expect(bar).toHaveAttribute("aria-valuetext", "Completed");
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(version.replicatingBars()).toHaveCount(0);
});
