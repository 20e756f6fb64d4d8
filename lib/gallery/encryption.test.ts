import { describe, expect, it } from "vitest";
import {
  checkConfidentialEncryption,
  checkDirectSharedEncryption,
  checkEncryption,
  checkEncryptionUpdate,
  CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
  DIRECT_SHARED_ENCRYPTION_MESSAGE,
  encryptionSetFits,
  encryptionSetIds,
  OS_DISK_ENCRYPTION_TARGET,
  readEncryption,
  SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
  type RegionEncryptionInput,
} from "./encryption";

const SUB = "00000000-0000-0000-0000-000000000001";
const des = (name: string, sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/${name}`;

function check(regions: RegionEncryptionInput[], dataDiskLuns: number[] = [0, 9]) {
  const read = readEncryption(regions);
  return read.violation ?? checkEncryption(read.regions, { dataDiskLuns, subscriptionId: SUB });
}

describe("image version encryption rules", () => {
  it("accepts the same disks encrypted in every region, and no encryption at all", () => {
    const encryption = {
      osDiskImage: { diskEncryptionSetId: des("west") },
      dataDiskImages: [{ lun: 0, diskEncryptionSetId: des("west") }],
    };
    expect(
      check([
        { name: "westus", encryption },
        { name: "eastus", encryption: { ...encryption, osDiskImage: { diskEncryptionSetId: des("east") } } },
      ]),
    ).toBeUndefined();
    expect(check([{ name: "westus" }, { name: "eastus" }])).toBeUndefined();
  });

  it("refuses a malformed set id, naming the OS or data disk parameter", () => {
    expect(
      check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: "not-an-id" } } }]),
    ).toMatchObject({
      status: 400,
      code: "InvalidParameter",
      message:
        "The value of parameter galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId is invalid.",
    });
    expect(
      check([
        {
          name: "westus",
          encryption: { dataDiskImages: [{ lun: 0, diskEncryptionSetId: "/subscriptions/x/disks/y" }] },
        },
      ])?.message,
    ).toBe(
      "The value of parameter galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages.diskEncryptionSetId is invalid.",
    );
  });

  it("requires encryption of a disk in every region once one region encrypts it", () => {
    expect(
      check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: des("west") } } }, { name: "eastus" }])
        ?.message,
    ).toBe(
      "A disk encryption set is required for disk 'galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId' " +
        `in target region 'eastus' since disk encryption set '${des("west")}' is used for the corresponding disk in region 'westus'`,
    );
    expect(
      check([
        { name: "westus" },
        { name: "eastus", encryption: { dataDiskImages: [{ lun: 9, diskEncryptionSetId: des("east") }] } },
      ])?.message,
    ).toBe(
      `A disk encryption set is required for disk 'LUN 9' in target region 'westus' since disk encryption set '${des("east")}' is used for the corresponding disk in region 'eastus'`,
    );
  });

  it("refuses LUNs the version has no data disk at, and a LUN given twice in a region", () => {
    expect(
      check([{ name: "westus", encryption: { dataDiskImages: [{ lun: 3, diskEncryptionSetId: des("west") }] } }])
        ?.message,
    ).toBe(
      "An invalid lun [3] was specified in encryption.dataDiskImages. The lun must be one of the following values ['0,9'].",
    );
    const twice = [
      { lun: 0, diskEncryptionSetId: des("a") },
      { lun: 0, diskEncryptionSetId: des("b") },
    ];
    expect(check([{ name: "westus", encryption: { dataDiskImages: twice } }])?.message).toBe(
      "Duplicate luns '0' were specified in target region 'westus' encryption.dataDiskImages.",
    );
  });

  it("refuses a set in another subscription than the gallery's", () => {
    const other = des("west", "11111111-1111-1111-1111-111111111111");
    expect(check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: other } } }])?.message).toBe(
      `The disk encryption set '${other}' must be in the same subscription '${SUB}' as the gallery resource.`,
    );
  });

  it("refuses data-disk encryption added on update in a region that had the version already", () => {
    const before = readEncryption([{ name: "westus" }]).regions;
    const after = readEncryption([
      { name: "West US", encryption: { dataDiskImages: [{ lun: 0, diskEncryptionSetId: des("west") }] } },
      { name: "eastus" },
    ]).regions;
    expect(checkEncryptionUpdate(before, after)?.message).toMatch(
      /^Cannot specify new data disk image encryption lun \[0\] with a disk encryption set in region \[West US\] for update/,
    );
    expect(checkEncryptionUpdate(after, after)).toBeUndefined();
  });

  it("lists each set once, whatever its casing", () => {
    const regions = readEncryption([
      { name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: des("k") } } },
      { name: "eastus", encryption: { osDiskImage: { diskEncryptionSetId: des("k").toUpperCase() } } },
    ]).regions;
    expect(encryptionSetIds(regions)).toEqual([des("k")]);
  });
});

describe("confidential VM encryption", () => {
  const cvm = (securityProfile: Record<string, unknown>, extra: Record<string, unknown> = {}) => [
    { name: "westeurope", encryption: { osDiskImage: { securityProfile, ...extra } } },
  ];

  it("reads the type and the secure VM set, and lists that set for the existence check", () => {
    const read = readEncryption(
      cvm({ confidentialVMEncryptionType: "encryptedwithcmk", secureVMDiskEncryptionSetId: des("cvm") }),
    );
    expect(read.violation).toBeUndefined();
    expect(read.regions[0]?.confidential).toEqual({
      type: "EncryptedWithCmk",
      secureVMDiskEncryptionSetId: des("cvm"),
    });
    expect(encryptionSetIds(read.regions)).toEqual([des("cvm")]);
  });

  it("refuses an unknown type and a set without a type", () => {
    expect(readEncryption(cvm({ confidentialVMEncryptionType: "Encrypted" })).violation?.target).toBe(
      CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
    );
    expect(readEncryption(cvm({ secureVMDiskEncryptionSetId: des("cvm") })).violation?.message).toBe(
      `Required parameter '${CONFIDENTIAL_ENCRYPTION_TYPE_TARGET}' is missing (null).`,
    );
  });

  it("needs a confidential definition, and a set exactly when the key is the customer's", () => {
    const regions = (profile: Record<string, unknown>) => readEncryption(cvm(profile)).regions;
    const pmk = regions({ confidentialVMEncryptionType: "EncryptedWithPmk" });
    expect(checkConfidentialEncryption(pmk, "ConfidentialVM")).toBeUndefined();
    expect(checkConfidentialEncryption(pmk, "TrustedLaunchAndConfidentialVMSupported")).toBeUndefined();
    expect(checkConfidentialEncryption(pmk, "TrustedLaunch")?.target).toBe(CONFIDENTIAL_ENCRYPTION_TYPE_TARGET);
    expect(checkConfidentialEncryption(pmk, undefined)?.message).toContain("this one is Standard");
    expect(
      checkConfidentialEncryption(regions({ confidentialVMEncryptionType: "EncryptedWithCmk" }), "ConfidentialVM")
        ?.target,
    ).toBe(SECURE_VM_DISK_ENCRYPTION_SET_TARGET);
    expect(
      checkConfidentialEncryption(
        regions({ confidentialVMEncryptionType: "EncryptedWithPmk", secureVMDiskEncryptionSetId: des("cvm") }),
        "ConfidentialVM",
      )?.target,
    ).toBe(SECURE_VM_DISK_ENCRYPTION_SET_TARGET);
  });

  it("holds the secure VM set to the gallery's subscription", () => {
    const read = readEncryption(
      cvm({ confidentialVMEncryptionType: "EncryptedWithCmk", secureVMDiskEncryptionSetId: des("cvm", "other") }),
    );
    expect(checkEncryption(read.regions, { dataDiskLuns: [], subscriptionId: SUB })?.target).toBe(
      SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
    );
  });
});

describe("direct shared galleries", () => {
  const encrypted = readEncryption([
    { name: "westeurope", encryption: { osDiskImage: { diskEncryptionSetId: des("west") } } },
  ]).regions;
  const plain = readEncryption([{ name: "westeurope" }]).regions;

  it("hold no version encrypted with a customer key", () => {
    expect(checkDirectSharedEncryption(encrypted, "Groups")).toEqual({
      status: 400,
      code: "InvalidParameter",
      message: DIRECT_SHARED_ENCRYPTION_MESSAGE,
      target: OS_DISK_ENCRYPTION_TARGET,
    });
    expect(checkDirectSharedEncryption(plain, "Groups")).toBeUndefined();
    expect(checkDirectSharedEncryption(encrypted, "Private")).toBeUndefined();
    expect(checkDirectSharedEncryption(encrypted, undefined)).toBeUndefined();
  });
});

describe("which disk encryption sets fit which disk", () => {
  it("keeps confidential sets for the secure VM disk and at-rest sets for the OS and data disks", () => {
    expect(encryptionSetFits("ConfidentialVmEncryptedWithCustomerKey", "confidential")).toBe(true);
    expect(encryptionSetFits("EncryptionAtRestWithCustomerKey", "confidential")).toBe(false);
    expect(encryptionSetFits("EncryptionAtRestWithPlatformAndCustomerKeys", "disk")).toBe(true);
    expect(encryptionSetFits(undefined, "disk")).toBe(true);
    expect(encryptionSetFits("ConfidentialVmEncryptedWithCustomerKey", "disk")).toBe(false);
  });
});
