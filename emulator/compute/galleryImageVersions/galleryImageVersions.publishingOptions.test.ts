import type { GalleryImageVersion } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { DIRECT_SHARED_ENCRYPTION_MESSAGE } from "../../../lib/gallery/encryption.js";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const RG = "rg-options";
const LOCATION = "westeurope";

const desId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
const diskId = (name: string) => `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/disks/${name}`;

/** The rules of lib/gallery the emulator answers with for the version form's publishing options. */
describe("image version publishing options", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: LOCATION } });
  let source: string;

  async function refusal(gallery: string, image: string, body: Partial<GalleryImageVersion>) {
    const error = await fx
      .settle(
        fx.client.galleryImageVersions.createOrUpdate(
          RG,
          gallery,
          image,
          `1.0.${Math.floor(Math.random() * 1000)}`,
          { location: LOCATION, storageProfile: { osDiskImage: { source: { id: source } } }, ...body },
          FAST_POLL,
        ),
      )
      .then(
        () => undefined,
        (e: unknown) => e as { statusCode?: number; code?: string; message?: string },
      );
    return error;
  }

  beforeAll(async () => {
    await fx.gallery(RG, "private", { location: LOCATION });
    await fx.gallery(RG, "direct", { location: LOCATION, sharingProfile: { permissions: "Groups" } });
    const definition = (gallery: string, name: string, securityType: string) =>
      fx.defineImage(RG, gallery, name, {
        location: LOCATION,
        identifier: { publisher: "Contoso", offer: gallery, sku: name },
        hyperVGeneration: "V2",
        features: [{ name: "SecurityType", value: securityType }],
      });
    await definition("private", "standard", "Standard");
    await definition("private", "trusted", "TrustedLaunch");
    await definition("private", "confidential", "ConfidentialVMSupported");
    await definition("direct", "standard", "Standard");
    await fx.settle(
      fx.client.disks.createOrUpdate(
        RG,
        "gen2-os",
        {
          location: LOCATION,
          osType: "Linux",
          hyperVGeneration: "V2",
          creationData: { createOption: "Empty" },
          diskSizeGB: 30,
        },
        FAST_POLL,
      ),
    );
    source = diskId("gen2-os");
    for (const [name, encryptionType] of [
      ["des-cmk", "EncryptionAtRestWithCustomerKey"],
      ["des-cvm", "ConfidentialVmEncryptedWithCustomerKey"],
    ] as const) {
      await fx.settle(
        fx.client.diskEncryptionSets.createOrUpdate(
          RG,
          name,
          { location: LOCATION, encryptionType, activeKey: { keyUrl: `https://kv.vault.azure.net/keys/${name}/1` } },
          FAST_POLL,
        ),
      );
    }
  });

  it("refuses an Arm64 disk as the OS disk of an x64 definition", async () => {
    await fx.settle(
      fx.client.disks.createOrUpdate(
        RG,
        "arm-os",
        {
          location: LOCATION,
          osType: "Linux",
          hyperVGeneration: "V2",
          supportedCapabilities: { architecture: "Arm64" },
          creationData: { createOption: "Empty" },
          diskSizeGB: 30,
        },
        FAST_POLL,
      ),
    );
    const error = await refusal("private", "standard", {
      storageProfile: { osDiskImage: { source: { id: diskId("arm-os") } } },
    });
    expect(error).toMatchObject({ statusCode: 400, code: "InvalidParameter" });
    expect(error?.message).toBe(
      `The resource with id '${diskId("arm-os")}' has a different architecture ['Arm64'] than the parent gallery image architecture ['x64']`,
    );
  });

  it("takes confidential VM encryption with a confidential set in a confidential definition only", async () => {
    const encryption = {
      osDiskImage: {
        securityProfile: {
          confidentialVMEncryptionType: "EncryptedWithCmk",
          secureVMDiskEncryptionSetId: desId("des-cvm"),
        },
      },
    };
    const created = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        "private",
        "confidential",
        "1.0.0",
        {
          location: LOCATION,
          publishingProfile: { targetRegions: [{ name: LOCATION, encryption }] },
          storageProfile: { osDiskImage: { source: { id: source } } },
        },
        FAST_POLL,
      ),
    );
    expect(created.publishingProfile?.targetRegions?.[0]?.encryption).toEqual(encryption);
    const trusted = await refusal("private", "trusted", {
      publishingProfile: { targetRegions: [{ name: LOCATION, encryption }] },
    });
    expect(trusted?.message).toContain("this one is TrustedLaunch");
    const wrongSet = await refusal("private", "confidential", {
      publishingProfile: {
        targetRegions: [
          {
            name: LOCATION,
            encryption: {
              osDiskImage: {
                securityProfile: {
                  confidentialVMEncryptionType: "EncryptedWithCmk",
                  secureVMDiskEncryptionSetId: desId("des-cmk"),
                },
              },
            },
          },
        ],
      },
    });
    expect(wrongSet?.message).toContain("must be ConfidentialVmEncryptedWithCustomerKey");
  });

  it("refuses a customer-key version in a directly shared gallery", async () => {
    const error = await refusal("direct", "standard", {
      publishingProfile: {
        targetRegions: [{ name: LOCATION, encryption: { osDiskImage: { diskEncryptionSetId: desId("des-cmk") } } }],
      },
    });
    expect(error).toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: DIRECT_SHARED_ENCRYPTION_MESSAGE,
    });
  });

  it("refuses UEFI settings for a Standard definition and the same edge zone twice", async () => {
    const uefi = await refusal("private", "standard", {
      securityProfile: { uefiSettings: { signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"] } },
    });
    expect(uefi?.message).toContain("UEFI settings need an image definition with security type TrustedLaunch");
    const zone = { name: "westus", extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" } };
    const twice = await refusal("private", "trusted", {
      publishingProfile: { targetExtendedLocations: [zone, zone] },
    });
    expect(twice?.message).toBe("Duplicate edge zones are not allowed in target extended locations.");
  });

  it("encrypts an edge zone with its own set, checked as a region's: it must exist and suit the disk", async () => {
    const zone = (set: string) => ({
      name: "westus",
      extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" as const },
      encryption: { osDiskImage: { diskEncryptionSetId: desId(set) } },
    });
    const missing = await refusal("private", "trusted", {
      publishingProfile: { targetExtendedLocations: [zone("des-gone")] },
    });
    expect(missing).toMatchObject({
      statusCode: 400,
      message: `The disk encryption set ${desId("des-gone")} was not found.`,
    });
    const confidentialSet = await refusal("private", "trusted", {
      publishingProfile: { targetExtendedLocations: [zone("des-cvm")] },
    });
    expect(confidentialSet?.message).toContain("which is for confidential VMs");
    const directShared = await refusal("direct", "standard", {
      publishingProfile: { targetExtendedLocations: [zone("des-cmk")] },
    });
    expect(directShared?.message).toBe(DIRECT_SHARED_ENCRYPTION_MESSAGE);

    const created = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        "private",
        "trusted",
        "2.0.0",
        {
          location: LOCATION,
          storageProfile: { osDiskImage: { source: { id: source } } },
          publishingProfile: { targetExtendedLocations: [zone("des-cmk")] },
        },
        FAST_POLL,
      ),
    );
    expect(created.publishingProfile?.targetExtendedLocations?.[0]?.encryption).toEqual({
      osDiskImage: { diskEncryptionSetId: desId("des-cmk") },
    });
  });
});
