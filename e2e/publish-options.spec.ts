import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PERSONA_USERS } from "../emulator/seed/demoIdentities";
import { DEMO_PUBLISH_OPTIONS as O } from "../emulator/seed/demoPublishOptions";
import { Portal } from "./pages/portal";
import { CreateVersionPage } from "./pages/publish";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { privateWorldTest as test } from "./support/privateWorld";

/**
 * The version form's publishing options against the emulator: a version from a VHD with a data disk from another
 * VHD, encrypted with a disk encryption set in each region and replicated to an edge zone, read back on the version
 * page; a version from a
 * managed image with data disks, one LUN encrypted. A private world,
 * so the new version does not change what other specs count.
 */

const admin = DEMO_PERSONA_USERS["platform-admin"];
const galleryUrl = (gallery: string) =>
  `/subscriptions/${O.subscriptionId}/resourceGroups/${O.resourceGroup}/galleries/${gallery}`;
const desId = (name: string) =>
  `/subscriptions/${O.subscriptionId}/resourceGroups/${O.resourceGroup}/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
const ACCOUNT_ID = `/subscriptions/${O.subscriptionId}/resourceGroups/${O.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${O.storageAccount}`;
const VHD_URI = `https://${O.storageAccount}.blob.core.windows.net/vhds/${O.blobs[0].name}`;
const DATA_VHD_URI = `https://${O.storageAccount}.blob.core.windows.net/vhds/${O.blobs[1].name}`;

test.describe.configure({ mode: "serial" });
// A long form, axe twice and a walk with Tab through it: more than the default minute on a small machine.
test.setTimeout(240_000);

async function openForm(page: Page, gallery: string, definition: string): Promise<CreateVersionPage> {
  await page.goto("/");
  await new Portal(page).signIn(admin.upn);
  await page.goto(`${galleryUrl(gallery)}/images/${definition}/new-version`);
  const form = new CreateVersionPage(page);
  await expect(form.heading()).toHaveText("Create image version");
  return form;
}

/** Every control is reached by Tab from the first field, in the page's order. */
async function expectKeyboardReachable(page: Page, first: Locator, controls: Locator[]) {
  for (const [index, control] of controls.entries())
    await control.evaluate((element, mark) => element.setAttribute("data-kbd", mark), String(index));
  await first.focus();
  const reached = new Set<string>();
  for (let press = 0; press < 250 && reached.size < controls.length; press++) {
    await page.keyboard.press("Tab");
    const mark = await page.evaluate(() => document.activeElement?.getAttribute("data-kbd") ?? null);
    if (mark !== null) reached.add(mark);
  }
  expect([...reached].sort(), "controls reached with Tab").toEqual(controls.map((_, index) => String(index)).sort());
}

test("publish from VHDs (OS and data disk) with per-region encryption, an edge zone and UEFI settings, read it back and edit them", async ({
  page,
  world,
}) => {
  const form = await openForm(page, O.gallery, O.definition);
  await form.field("Version number (required)").fill("1.0.0");
  await form.form.getByRole("radio", { name: "VHD in a storage account" }).check();
  await form.field("Storage account (required)").selectOption(ACCOUNT_ID);
  await form.field("VHD blob").selectOption(VHD_URI);
  await expect(form.field("VHD blob URI (required)")).toHaveValue(VHD_URI);
  // A data disk from a VHD: the OS disk's account is offered first, the lowest free LUN taken.
  await form.form.getByRole("button", { name: "Add data disk from a VHD" }).click();
  await expect(form.field("Data disk 1 storage account (required)")).toHaveValue(ACCOUNT_ID);
  await expect(form.field("Data disk 1 LUN (required)")).toHaveValue("0");
  await form.field("Data disk 1 LUN (required)").fill("2");
  await form.field("Data disk 1 VHD blob").selectOption(DATA_VHD_URI);
  await expect(form.field("Data disk 1 VHD blob URI (required)")).toHaveValue(DATA_VHD_URI);
  await form.field("Data disk 1 host caching").selectOption("ReadOnly");
  await form.addRegion("northeurope");

  // Only the sets of each region are offered for it; the confidential VM set is not offered for a disk.
  const west = form.field("OS disk encryption set in West Europe");
  await expect(west.locator("option")).toHaveText([
    "None (platform-managed key)",
    `des-westeurope (${O.resourceGroup})`,
  ]);
  await west.selectOption(desId("des-westeurope"));
  await form.form.getByRole("button", { name: "Add edge zone" }).click();
  await form.field("Edge zone 1 home region").selectOption("westus");
  await form.field("Edge zone 1 name").fill("microsoftlosangeles1");
  await form.field("Edge zone 1 replicas").fill("2");
  await form.form.getByRole("button", { name: "Add replica set in West Europe" }).click();
  await form.field("Replica set 1 replicas in West Europe").fill("2");

  // A region without a set for a disk another region encrypts is refused on that region's field, values kept.
  await form.form.getByRole("button", { name: "Create image version" }).click();
  await form.expectFieldError(
    "OS disk encryption set in North Europe",
    /A disk encryption set is required for disk .* in target region 'northeurope'/,
  );
  await expect(west).toHaveValue(desId("des-westeurope"));
  await expect(form.field("Edge zone 1 name")).toHaveValue("microsoftlosangeles1");
  await form.field("OS disk encryption set in North Europe").selectOption(desId("des-northeurope"));
  // The VHD data disk's LUN gets its own set in each region.
  await form.field("Data disk LUN 2 encryption set in West Europe").selectOption(desId("des-westeurope"));
  await form.field("Data disk LUN 2 encryption set in North Europe").selectOption(desId("des-northeurope"));

  await expectNoSeriousA11yViolations(page, "create image version form with publishing options");
  await expectKeyboardReachable(page, form.field("Version number (required)"), [
    form.form.getByRole("radio", { name: "VHD in a storage account" }),
    form.field("Storage account (required)"),
    form.field("VHD blob"),
    form.field("Data disk 1 LUN (required)"),
    form.field("Data disk 1 VHD blob"),
    form.form.getByRole("button", { name: "Remove data disk 1" }),
    west,
    form.field("Confidential VM encryption in West Europe"),
    form.field("Replica set 1 storage type in West Europe"),
    form.field("Edge zone 1 name"),
    form.form.getByRole("button", { name: "Add edge zone" }),
    form.form.getByRole("checkbox", { name: "MicrosoftUefiCertificateAuthorityTemplate" }),
    form.form.getByRole("button", { name: "Create image version" }),
  ]);

  await form.form.getByRole("checkbox", { name: "MicrosoftUefiCertificateAuthorityTemplate" }).check();
  await form.form.getByRole("button", { name: "Create image version" }).click();
  await expect(form.heading()).toHaveText("1.0.0", { timeout: 30_000 });
  const options = page.getByRole("region", { name: "Publishing options" });
  await expect(options).toContainText(VHD_URI);
  await expect(options).toContainText(`Data disk LUN 2 VHD source${DATA_VHD_URI} in ${O.storageAccount}`);
  await expect(options).toContainText("Encryption in West EuropeOS disk: des-westeurope; LUN 2: des-westeurope");
  await expect(page.getByRole("row", { name: /Data disk, LUN 2/ })).toContainText(DATA_VHD_URI);
  await expect(options).toContainText("Encryption in North EuropeOS disk: des-northeurope; LUN 2: des-northeurope");
  await expect(options).toContainText("Additional replica sets in West Europe2 × PremiumV2_LRS");
  await expect(options).toContainText("Edge zone microsoftlosangeles1EdgeZone in West US · 2 × Standard_LRS");
  await expect(options).toContainText("UEFI signature templatesMicrosoftUefiCertificateAuthorityTemplate");
  await expectNoSeriousA11yViolations(page, "image version page with publishing options");

  // The edit form shows the version's UEFI settings and changes them once replication has finished.
  await world.advanceClock(24 * 3600);
  await page.goto(`${galleryUrl(O.gallery)}/images/${O.definition}/versions/1.0.0/edit`);
  const edit = page.getByRole("form", { name: "Edit image version 1.0.0" });
  await expect(edit.getByRole("checkbox", { name: "MicrosoftUefiCertificateAuthorityTemplate" })).toBeChecked({
    timeout: 30_000,
  });
  await expect(edit.getByLabel("OS disk encryption set in North Europe")).toHaveValue(desId("des-northeurope"));
  await edit.getByRole("checkbox", { name: "MicrosoftWindowsTemplate" }).check();
  await expectNoSeriousA11yViolations(page, "edit image version form with UEFI settings");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(form.heading()).toHaveText("1.0.0", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Publishing options" })).toContainText(
    "UEFI signature templatesMicrosoftUefiCertificateAuthorityTemplate, MicrosoftWindowsTemplate",
    { timeout: 30_000 },
  );
});

test("publish a managed image with data disks, LUN 1 encrypted with a set, and read the encryption back", async ({
  page,
}) => {
  const form = await openForm(page, O.gallery, O.definition);
  await form.field("Version number (required)").fill("1.1.0");
  await form.form
    .getByRole("radiogroup", { name: "Compatible sources" })
    .getByRole("radio", { name: new RegExp(O.dataDiskImage.name) })
    .check();
  // Each of the source's LUNs gets its own set field in the region; LUN 0 keeps the platform-managed key.
  const lun0 = form.field("Data disk LUN 0 encryption set in West Europe");
  const lun1 = form.field("Data disk LUN 1 encryption set in West Europe");
  await expect(lun0).toHaveValue("");
  await lun1.selectOption(desId("des-westeurope"));
  await form.form.getByRole("button", { name: "Create image version" }).click();
  await expect(form.heading()).toHaveText("1.1.0", { timeout: 30_000 });
  const encryption = page.getByRole("region", { name: "Publishing options" });
  await expect(encryption).toContainText("Encryption in West Europe");
  await expect(encryption).toContainText("LUN 1: des-westeurope");
  await expect(encryption).not.toContainText("OS disk:");
  await expect(encryption).not.toContainText("LUN 0: des-");
});

test("a directly shared gallery warns that it cannot hold encrypted versions, and refuses one", async ({ page }) => {
  const form = await openForm(page, O.directSharedGallery, O.directSharedDefinition);
  await expect(form.form.getByRole("note")).toContainText(
    "cannot hold image versions encrypted with customer-managed keys",
  );
  await form.form.getByRole("radio", { name: "VHD in a storage account" }).check();
  await form.field("Storage account (required)").selectOption(ACCOUNT_ID);
  await form.field("VHD blob URI (required)").fill(VHD_URI);
  await form.field("OS disk encryption set in West Europe").selectOption(desId("des-westeurope"));
  await form.form.getByRole("button", { name: "Create image version" }).click();
  await form.expectFieldError("OS disk encryption set in West Europe", /cannot hold image versions encrypted/);
});
