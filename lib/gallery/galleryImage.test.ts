import { describe, expect, it } from "vitest";
import {
  changedImmutableImageProperties,
  checkImageDefinitionUpdate,
  checkImageEndOfLifeDate,
  checkSourceCompatibility,
  makeGalleryImagePropertiesSchema,
  sourceIncompatibilities,
  type ImageSourceTraits,
  type SourceDefinitionTraits,
} from "./galleryImage";
import { SECURITY_TYPES } from "./imageValues";
import { violationsFromZodError } from "./schemaParts";

const now = new Date("2026-01-01T00:00:00Z");
const schema = makeGalleryImagePropertiesSchema(() => now);
const valid = {
  identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22.04" },
  osType: "Linux",
  osState: "Generalized",
};

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("image definition properties", () => {
  it("defaults the architecture to x64 and leaves the generation to the api-version's defaults", () => {
    const parsed = schema.parse(valid);
    expect(parsed.architecture).toBe("x64");
    expect(parsed.hyperVGeneration).toBeUndefined();
  });

  it("accepts every SecurityType value and disk controller lists, and refuses others", () => {
    for (const value of SECURITY_TYPES) {
      expect(messages({ ...valid, features: [{ name: "SecurityType", value }] })).toEqual([]);
    }
    for (const value of ["SCSI", "NVMe", "SCSI, NVMe", "SCSI,NVMe", "nvme,scsi"]) {
      expect(messages({ ...valid, features: [{ name: "DiskControllerTypes", value }] })).toEqual([]);
    }
    expect(messages({ ...valid, features: [{ name: "DiskControllerTypes", value: "SCSI,SCSI" }] })).toHaveLength(1);
    expect(messages({ ...valid, features: [{ name: "DiskControllerTypes", value: "IDE" }] })).toHaveLength(1);
    expect(messages({ ...valid, features: [{ name: "IsHibernateSupported", value: "yes" }] })).toHaveLength(1);
    expect(messages({ ...valid, features: [{ name: "SecurityType", value: "Secure" }] })).toHaveLength(1);
  });

  it("keeps known feature names and values in their canonical casing", () => {
    const parsed = schema.parse({ ...valid, features: [{ name: "securitytype", value: "trustedlaunch" }] });
    expect(parsed.features).toEqual([{ name: "SecurityType", value: "TrustedLaunch" }]);
  });

  it("binds enum values case-insensitively and stores the canonical casing", () => {
    expect(schema.parse({ ...valid, osType: "windows", hyperVGeneration: "v2", architecture: "ARM64" })).toMatchObject({
      osType: "Windows",
      hyperVGeneration: "V2",
      architecture: "Arm64",
    });
  });

  it("lists the allowed values for an unknown enum value", () => {
    expect(messages({ ...valid, osState: "Sealed" })).toEqual([
      "The value 'Sealed' of parameter 'galleryImage.properties.osState' is invalid. Allowed values are 'Generalized', 'Specialized'.",
    ]);
    expect(messages({ ...valid, architecture: "x86" })[0]).toContain("Allowed values are 'x64', 'Arm64'.");
  });

  it("requires osType and osState", () => {
    expect(messages({ identifier: valid.identifier })).toEqual([
      "Required parameter 'galleryImage.properties.osType' is missing (null).",
      "Required parameter 'galleryImage.properties.osState' is missing (null).",
    ]);
  });

  it("checks SecurityType against the real list", () => {
    expect(messages({ ...valid, features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }] })).toEqual([]);
    expect(messages({ ...valid, features: [{ name: "SecurityType", value: "Secure" }] })[0]).toContain(
      "'Standard', 'TrustedLaunch', 'ConfidentialVM', 'ConfidentialVMSupported', 'TrustedLaunchSupported', 'TrustedLaunchAndConfidentialVMSupported'",
    );
    expect(messages({ ...valid, features: [{ name: "SomeFutureFeature", value: "anything" }] })).toEqual([]);
  });

  it("requires integers in recommended ranges with min not above max", () => {
    expect(messages({ ...valid, recommended: { vCPUs: { min: 2, max: 2 }, memory: { min: 4, max: 64 } } })).toEqual([]);
    expect(messages({ ...valid, recommended: { vCPUs: { min: 1.5 } } })).toEqual([
      "Input string '1.5' is not a valid integer. Path 'properties.recommended.vCPUs.min'.",
    ]);
    const result = schema.safeParse({ ...valid, recommended: { memory: { min: 64, max: 4 } } });
    expect(violationsFromZodError(result.error!, "galleryImage.properties")).toEqual([
      {
        status: 400,
        code: "InvalidParameter",
        message:
          "The minimum value of recommended.memory must not be greater than the maximum value of recommended.memory.",
        target: "galleryImage.properties.recommended.memory.min",
      },
    ]);
  });

  it("requires an ISO 8601 end-of-life date in the future", () => {
    expect(messages({ ...valid, endOfLifeDate: "2026-01-02" })).toEqual([]);
    expect(messages({ ...valid, endOfLifeDate: "01/02/2027" })).toEqual([
      "Could not convert string to DateTimeOffset: 01/02/2027. Path 'properties.endOfLifeDate'.",
    ]);
    expect(messages({ ...valid, endOfLifeDate: "2025-12-31T23:59:59Z" })).toEqual([
      "EndOfLifeDate must be set to a future date.",
    ]);
    expect(checkImageEndOfLifeDate("2020-01-01", now)?.target).toBe("galleryImage.properties.endOfLifeDate");
  });

  it("requires all three parts of a purchase plan", () => {
    expect(messages({ ...valid, purchasePlan: { name: "plan", publisher: "pub", product: "prod" } })).toEqual([]);
    expect(schema.safeParse({ ...valid, purchasePlan: { name: "plan" } }).success).toBe(false);
  });
});

describe("immutable properties", () => {
  const stored = { ...valid, hyperVGeneration: "V1", architecture: "x64" };

  it("allows an update that changes only updatable properties, treating omitted V1/x64 as the defaults", () => {
    expect(checkImageDefinitionUpdate(stored, { ...valid })).toBeUndefined();
    expect(checkImageDefinitionUpdate(stored, { ...valid, osType: "linux" })).toBeUndefined();
  });

  it("answers a change of Hyper-V generation as Azure does", () => {
    expect(checkImageDefinitionUpdate(stored, { ...valid, hyperVGeneration: "V2" })).toEqual({
      status: 409,
      code: "PropertyChangeNotAllowed",
      message: "Changing property 'galleryImage.properties.hyperVGeneration' is not allowed.",
      target: "galleryImage.properties.hyperVGeneration",
    });
  });

  it("refuses a change of features unless the update sets allowUpdateImage", () => {
    const withFeatures = { ...stored, features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }] };
    const upgraded = [{ name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "2.0.0" }];
    expect(checkImageDefinitionUpdate(withFeatures, { ...valid, features: upgraded })).toEqual({
      status: 409,
      code: "PropertyChangeNotAllowed",
      message: "Changing property 'galleryImage.properties.features' is not allowed.",
      target: "galleryImage.properties.features",
    });
    expect(
      checkImageDefinitionUpdate(withFeatures, { ...valid, features: upgraded, allowUpdateImage: true }),
    ).toBeUndefined();
    // The same features in another order or casing are no change.
    expect(
      checkImageDefinitionUpdate(withFeatures, {
        ...valid,
        features: [{ name: "securitytype", value: "trustedlaunchsupported" }],
      }),
    ).toBeUndefined();
  });

  it("lists every changed immutable property, identifier parts included", () => {
    expect(
      changedImmutableImageProperties(stored, {
        identifier: { publisher: "Contoso", offer: "Debian", sku: "12" },
        osType: "Windows",
        osState: "Specialized",
        architecture: "Arm64",
      }),
    ).toEqual(["osType", "osState", "architecture", "identifier.offer", "identifier.sku"]);
  });
});

describe("source compatibility", () => {
  const definition = { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" };
  const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/img";

  it("accepts a matching source and one whose traits are unknown", () => {
    expect(
      sourceIncompatibilities(definition, { id, osType: "linux", osState: "Generalized", hyperVGeneration: "V2" }),
    ).toEqual([]);
    expect(checkSourceCompatibility(definition, { id })).toBeUndefined();
  });

  it("names both values for each mismatch", () => {
    const reasons = sourceIncompatibilities(definition, {
      id,
      osType: "Windows",
      osState: "Specialized",
      hyperVGeneration: "V1",
    });
    expect(reasons.map((reason) => reason.property)).toEqual(["osType", "osState", "hyperVGeneration"]);
    expect(reasons[1]?.violation.message).toBe(
      `Cannot create Gallery Image Version from: ${id} since the OS State in the parent gallery image ('Generalized') is not 'Specialized'.`,
    );
    expect(reasons[2]?.violation.message).toBe(
      `The resource with id '${id}' has a different Hypervisor generation ['V1'] than the parent gallery image Hypervisor generation ['V2']`,
    );
    expect(reasons[0]?.explanation).toBe("The source runs Windows, but the image definition is for Linux images.");
  });

  it("takes V1 for a definition that does not name its generation", () => {
    expect(
      checkSourceCompatibility({ osType: "Linux", osState: "Generalized" }, { id, hyperVGeneration: "V2" })?.message,
    ).toContain("['V1']");
  });
});

describe("source compatibility: architecture, security type and disk controller", () => {
  const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/os";
  const standard = { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" };
  const properties = (definition: SourceDefinitionTraits, source: Omit<ImageSourceTraits, "id">) =>
    sourceIncompatibilities(definition, { id, ...source }).map((reason) => reason.property);

  it("takes x64 for a definition without an architecture and refuses an Arm64 source", () => {
    expect(properties(standard, { architecture: "Arm64" })).toEqual(["architecture"]);
    expect(properties({ ...standard, architecture: "Arm64" }, { architecture: "arm64" })).toEqual([]);
    expect(checkSourceCompatibility(standard, { id, architecture: "Arm64" })?.message).toBe(
      `The resource with id '${id}' has a different architecture ['Arm64'] than the parent gallery image architecture ['x64']`,
    );
  });

  it("lets a Standard source into any definition but a Trusted Launch or confidential one only where it fits", () => {
    const trustedLaunch = { ...standard, features: [{ name: "SecurityType", value: "TrustedLaunch" }] };
    const supported = { ...standard, features: [{ name: "securitytype", value: "TrustedLaunchSupported" }] };
    const both = {
      ...standard,
      features: [{ name: "SecurityType", value: "TrustedLaunchAndConfidentialVMSupported" }],
    };
    expect(properties(trustedLaunch, { securityType: "Standard" })).toEqual([]);
    expect(properties(standard, { securityType: "TrustedLaunch" })).toEqual(["securityType"]);
    expect(properties(supported, { securityType: "TrustedLaunch" })).toEqual([]);
    expect(properties(trustedLaunch, { securityType: "ConfidentialVM_DiskEncryptedWithCustomerKey" })).toEqual([
      "securityType",
    ]);
    expect(properties(both, { securityType: "ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey" })).toEqual([]);
    const [reason] = sourceIncompatibilities(standard, { id, securityType: "TrustedLaunch" });
    expect(reason?.explanation).toBe(
      "The source is Trusted Launch (TrustedLaunch), but the image definition's security type is Standard; it needs one of TrustedLaunch, TrustedLaunchSupported, TrustedLaunchAndConfidentialVMSupported.",
    );
  });

  it("refuses an NVMe-only source for a definition without NVMe in DiskControllerTypes", () => {
    const nvme = { ...standard, features: [{ name: "DiskControllerTypes", value: "SCSI, NVMe" }] };
    expect(properties(standard, { diskControllerTypes: "NVMe" })).toEqual(["diskControllerTypes"]);
    expect(properties(standard, { diskControllerTypes: "SCSI, NVMe" })).toEqual([]);
    expect(properties(nvme, { diskControllerTypes: "NVMe" })).toEqual([]);
  });
});
