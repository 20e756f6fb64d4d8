import { describe, expect, it } from "vitest";
import { makeGalleryImageVersionPropertiesSchema, validateImageVersionRules } from "./galleryImageVersion";
import { checkVhdSources } from "./vhdSources";

const sub = "00000000-0000-0000-0000-000000000001";
const account = (name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-storage/providers/Microsoft.Storage/storageAccounts/${name}`;
const vhd = (name: string, accountName = "contosovhds") => `https://${accountName}.blob.core.windows.net/vhds/${name}`;
const context = { location: "westeurope", now: new Date("2026-01-01T00:00:00Z") };
const DISKS = "galleryImageVersion.properties.storageProfile";

describe("VHD sources (OS and data disks)", () => {
  it("accepts blobs of the account they name, the OS disk's blob also as a data disk (as Microsoft's example does)", () => {
    const source = { storageAccountId: account("contosovhds"), uri: vhd("os.vhd") };
    expect(
      validateImageVersionRules(
        {
          storageProfile: {
            osDiskImage: { source },
            dataDiskImages: [
              { lun: 0, source: { storageAccountId: account("contosovhds"), uri: vhd("data.vhd") } },
              { lun: 1, source },
            ],
          },
        },
        context,
      ),
    ).toEqual([]);
  });

  it("refuses a data disk blob without its account and one of another account, at that disk", () => {
    const violations = checkVhdSources({
      osDiskImage: { source: { storageAccountId: account("contosovhds"), uri: vhd("os.vhd") } },
      dataDiskImages: [
        { source: { uri: vhd("data.vhd") } },
        { source: { storageAccountId: account("contosovhds"), uri: vhd("data.vhd", "otheraccount") } },
        { source: { storageAccountId: account("contosovhds"), uri: "https://example.com/data.vhd" } },
      ],
    });
    expect(violations.map((v) => [v.code, v.target, v.message])).toEqual([
      [
        "InvalidParameter",
        `${DISKS}.dataDiskImages[0].source.storageAccountId`,
        `Required parameter '${DISKS}.dataDiskImages[0].source.storageAccountId' is missing (null).`,
      ],
      [
        "InvalidParameter",
        `${DISKS}.dataDiskImages[1].source.uri`,
        `The blob uri '${vhd("data.vhd", "otheraccount")}' does not belong to the storage account '${account("contosovhds")}'.`,
      ],
      [
        "InvalidParameter",
        `${DISKS}.dataDiskImages[2].source.uri`,
        `The blob uri 'https://example.com/data.vhd' does not belong to the storage account '${account("contosovhds")}'.`,
      ],
    ]);
  });

  it("refuses the OS disk's blob of another account the same way", () => {
    expect(
      checkVhdSources({
        osDiskImage: { source: { storageAccountId: account("contosovhds"), uri: vhd("os.vhd", "elsewhere") } },
      }).map((v) => v.target),
    ).toEqual([`${DISKS}.osDiskImage.source.uri`]);
  });

  it("leaves managed disk and snapshot sources to the source rules", () => {
    expect(checkVhdSources({ dataDiskImages: [{ source: { id: "/subscriptions/x" } }] })).toEqual([]);
  });

  it("takes data disk LUNs 0 to 63, each once", () => {
    const schema = makeGalleryImageVersionPropertiesSchema(() => context);
    const withLuns = (...luns: number[]) => ({
      storageProfile: {
        osDiskImage: { source: { storageAccountId: account("contosovhds"), uri: vhd("os.vhd") } },
        dataDiskImages: luns.map((lun, index) => ({
          lun,
          source: { storageAccountId: account("contosovhds"), uri: vhd(`data${index}.vhd`) },
        })),
      },
    });
    expect(schema.safeParse(withLuns(0, 63)).success).toBe(true);
    const outOfRange = schema.safeParse(withLuns(64));
    expect(outOfRange.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        ["storageProfile", "dataDiskImages", 0, "lun"],
        `The value 64 of parameter ${DISKS}.dataDiskImages.lun is out of range. The value must be between 0 and 63, inclusive.`,
      ],
    ]);
    expect(schema.safeParse(withLuns(-1)).success).toBe(false);
    const repeated = schema.safeParse(withLuns(2, 2));
    expect(repeated.error?.issues.map((issue) => issue.path)).toEqual([["storageProfile", "dataDiskImages", 1, "lun"]]);
  });
});

describe("data disks built from disks", () => {
  it("need a source each", () => {
    const violations = validateImageVersionRules(
      {
        storageProfile: {
          osDiskImage: { source: { storageAccountId: account("contosovhds"), uri: vhd("os.vhd") } },
          dataDiskImages: [
            { lun: 0, source: { storageAccountId: account("contosovhds"), uri: vhd("d.vhd") } },
            { lun: 1 },
          ],
        },
      },
      context,
    );
    expect(violations.map((v) => v.target)).toEqual([`${DISKS}.dataDiskImages[1].source`]);
  });
});
