import { describe, expect, it } from "vitest";
import { checkGalleryName, checkImageDefinitionName, checkImageVersionName } from "./names";
import { findIdentifierConflict, checkIdentifierPart } from "./identifier";
import { checkImageDefinitionUpdate } from "./galleryImage";
import { checkLocationAvailable } from "./regions";
import { explainArmError } from "./troubleshooting";
import { checkEncryption, checkEncryptionUpdate, diskEncryptionSetNotFound, readEncryption } from "./encryption";

describe("troubleshooting catalogue", () => {
  it("explains each violation our own rules produce with a specific entry", () => {
    const violations = [
      checkGalleryName("my-gallery"),
      checkGalleryName("gallery."),
      checkImageDefinitionName("bad-"),
      checkImageVersionName("1.0"),
      checkIdentifierPart("offer", ""),
      checkLocationAvailable("moon", "Microsoft.Compute/galleries"),
      checkImageDefinitionUpdate(
        { osType: "Linux", osState: "Generalized", identifier: { publisher: "p", offer: "o", sku: "s" } },
        { osType: "Windows", osState: "Generalized", identifier: { publisher: "p", offer: "o", sku: "s" } },
      ),
      findIdentifierConflict({ name: "b", identifier: { publisher: "p", offer: "o", sku: "s" } }, [
        { name: "a", identifier: { publisher: "p", offer: "o", sku: "s" } },
      ]),
    ];
    const titles = violations.map((violation) => explainArmError(violation!).title);
    expect(titles).toEqual([
      "Invalid gallery name",
      "Name ends with an invalid character",
      "Invalid image definition name",
      "Invalid version number",
      "Invalid publisher, offer or SKU",
      "Region not available",
      "Property cannot change",
      "Identifier already used",
    ]);
  });

  it("tells apart causes that share a code", () => {
    expect(
      explainArmError({
        code: "PropertyChangeNotAllowed",
        message: "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed.",
      }).title,
    ).toBe("Source cannot change");
    expect(
      explainArmError({
        code: "InvalidParameter",
        message: "ZRS storage account type is not supported in this region.",
      }).fix,
    ).toContain("Standard_LRS");
  });

  it("matches codes without regard to case and falls back for unknown errors", () => {
    expect(
      explainArmError({
        code: "parentresourcenotfound",
        message: "Can not perform requested operation on nested resource. Parent resource 'g' not found.",
      }).title,
    ).toBe("Parent resource not found");
    expect(
      explainArmError({
        code: "CannotDeleteResource",
        message: "Can not delete resource before nested resources are deleted.",
      }).title,
    ).toBe("Resource still has children");
    expect(
      explainArmError({
        code: "CannotDeleteResource",
        message:
          "Cannot delete resource while nested resources exist. Some existing nested resource IDs include: 'Microsoft.Compute/galleries/g/images/i'. Please delete all nested resources before deleting this resource.",
      }).title,
    ).toBe("Resource still has children");
    expect(explainArmError({ code: "SomethingNew", message: "?" }).title).toBe("Request failed");
    expect(explainArmError({ status: 429, code: "TooManyRequests" }).fix).toBe("Wait and retry later.");
  });

  it("explains the errors whose code or wording Azure was found to use (docs/azure-error-fidelity.md)", () => {
    const explain = (error: { status: number; code: string; message: string }) => explainArmError(error).title;
    expect(
      explain({
        status: 404,
        code: "NotFound",
        message:
          "Source /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/i is not found. Please check source exists, and is in the same region as gallery image version being created.",
      }),
    ).toBe("Source not found");
    expect(
      explain({
        status: 400,
        code: "InvalidResourceNameTrailingCharacters",
        message:
          "The provided resource name 'g.' has these invalid trailing characters: '.'. The name can not end with characters: '.', '_'",
      }),
    ).toBe("Name ends with an invalid character");
  });

  it("explains each encryption rule with its own entry", () => {
    const sub = "00000000-0000-0000-0000-000000000001";
    const des = (s: string) => `/subscriptions/${s}/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/k`;
    const check = (regions: { name: string; encryption?: unknown }[]) => {
      const read = readEncryption(regions);
      return read.violation ?? checkEncryption(read.regions, { dataDiskLuns: [0], subscriptionId: sub });
    };
    const violations = [
      check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: "bad" } } }]),
      check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: des("other") } } }]),
      diskEncryptionSetNotFound(des(sub), "target"),
      check([{ name: "westus", encryption: { osDiskImage: { diskEncryptionSetId: des(sub) } } }, { name: "eastus" }]),
      check([{ name: "westus", encryption: { dataDiskImages: [{ lun: 5, diskEncryptionSetId: des(sub) }] } }]),
      check([
        {
          name: "westus",
          encryption: { dataDiskImages: [0, 0].map((lun) => ({ lun, diskEncryptionSetId: des(sub) })) },
        },
      ]),
      checkEncryptionUpdate(
        readEncryption([{ name: "westus" }]).regions,
        readEncryption([
          { name: "westus", encryption: { dataDiskImages: [{ lun: 0, diskEncryptionSetId: des(sub) }] } },
        ]).regions,
      ),
    ];
    expect(violations.map((violation) => explainArmError(violation!).title)).toEqual([
      "Malformed encryption set id",
      "Encryption set in another subscription",
      "Encryption set not found",
      "Encryption missing in a region",
      "Encryption for a disk that does not exist",
      "LUN encrypted twice",
      "Encryption cannot be added",
    ]);
  });

  it("explains a throttled source and the VM and scale set refusals", () => {
    const titles = [
      {
        status: 429,
        code: "TooManyRequests",
        message:
          "Too many requests on source '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/i'. Please reduce the number of requests on the source or wait some time before retrying.",
      },
      {
        status: 409,
        code: "OperationNotAllowed",
        message:
          "Unable to create or update Virtual Machine Scale Set 'web' as it exceeds the total limit of '600' Virtual Machine instances.",
      },
      {
        status: 409,
        code: "OperationNotAllowed",
        message:
          "Cannot update Virtual Machine Scale Set web as the current OS state of the VM Scale Set is Generalized which is different from the updated gallery image OS state which is Specialized.",
      },
      { status: 400, code: "InvalidParameter", message: "Parameter 'osProfile' is not allowed." },
      { status: 400, code: "InvalidParameter", message: "Required parameter 'osProfile' is missing (null)." },
      {
        status: 400,
        code: "InvalidParameter",
        message:
          'There is no latest image version exists for "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i"',
      },
    ].map((error) => explainArmError(error).title);
    expect(titles).toEqual([
      "Source is busy",
      "Too many instances",
      "OS state cannot change",
      "No admin account for a specialized image",
      "Admin account required",
      "No latest version",
    ]);
  });
});
