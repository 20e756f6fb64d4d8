import { describe, expect, it } from "vitest";
import {
  availabilityText,
  checkSizeCompatibility,
  type ImageFacts,
  recommendedRangesText,
  type ResourceSkuLike,
  sizeAvailabilityIn,
  sizeOptions,
  vmSizeCapabilities,
} from "./vmSizes";

function sku(
  name: string,
  capabilities: Record<string, string>,
  extra: Partial<ResourceSkuLike> = {},
): ResourceSkuLike {
  return {
    resourceType: "virtualMachines",
    name,
    locations: ["westeurope"],
    capabilities: Object.entries(capabilities).map(([n, value]) => ({ name: n, value })),
    ...extra,
  };
}

const d2sV5 = vmSizeCapabilities(
  sku("Standard_D2s_v5", {
    vCPUs: "2",
    MemoryGB: "8",
    HyperVGenerations: "V1,V2",
    CpuArchitectureType: "x64",
    AcceleratedNetworkingEnabled: "True",
  }),
);
const d2sV6 = vmSizeCapabilities(
  sku("Standard_D2s_v6", {
    vCPUs: "2",
    MemoryGB: "8",
    HyperVGenerations: "V2",
    CpuArchitectureType: "x64",
    DiskControllerTypes: "NVMe",
    AcceleratedNetworkingEnabled: "True",
  }),
);
const e2bsV5 = vmSizeCapabilities(
  sku("Standard_E2bs_v5", { HyperVGenerations: "V1,V2", DiskControllerTypes: "SCSI, NVMe" }),
);
const d2psV5 = vmSizeCapabilities(
  sku("Standard_D2ps_v5", { HyperVGenerations: "V2", CpuArchitectureType: "Arm64", TrustedLaunchDisabled: "True" }),
);
const a2v2 = vmSizeCapabilities(sku("Standard_A2_v2", { HyperVGenerations: "V1", TrustedLaunchDisabled: "True" }));
const dc2asV5 = vmSizeCapabilities(
  sku("Standard_DC2as_v5", {
    HyperVGenerations: "V2",
    ConfidentialComputingType: "SNP",
    TrustedLaunchDisabled: "True",
  }),
);

const gen2Scsi: ImageFacts = { hyperVGeneration: "V2", architecture: "x64", features: [] };
const gen2Nvme: ImageFacts = {
  hyperVGeneration: "V2",
  features: [{ name: "DiskControllerTypes", value: "SCSI, NVMe" }],
};

describe("vmSizeCapabilities", () => {
  it("reads Azure's capability names and their absence as Azure means it", () => {
    expect(d2sV6).toMatchObject({
      vCPUs: 2,
      memoryGB: 8,
      hyperVGenerations: ["V2"],
      architecture: "x64",
      diskControllerTypes: ["NVMe"],
      trustedLaunch: true,
      acceleratedNetworking: true,
    });
    expect(vmSizeCapabilities(sku("Standard_A1", {}))).toMatchObject({
      hyperVGenerations: ["V1"],
      architecture: "x64",
      diskControllerTypes: ["SCSI"],
      trustedLaunch: true,
      acceleratedNetworking: false,
    });
    expect(e2bsV5.diskControllerTypes).toEqual(["SCSI", "NVMe"]);
    expect(d2psV5).toMatchObject({ architecture: "Arm64", trustedLaunch: false });
    expect(dc2asV5.confidentialComputingType).toBe("SNP");
  });
});

describe("sizeAvailabilityIn", () => {
  it("is offered only in listed regions and restricted where a Location restriction names the region", () => {
    const restricted = sku(
      "Standard_D2ps_v6",
      {},
      {
        locations: ["eastus"],
        restrictions: [{ type: "Location", values: ["eastus"], reasonCode: "NotAvailableForSubscription" }],
      },
    );
    expect(sizeAvailabilityIn(restricted, "East US")).toBe("NotAvailableForSubscription");
    expect(sizeAvailabilityIn(restricted, "westeurope")).toBe("NotOffered");
    expect(sizeAvailabilityIn(sku("Standard_D2s_v5", {}), "westeurope")).toBe("Available");
  });
});

describe("checkSizeCompatibility", () => {
  it("accepts a Gen2 x64 SCSI image on a v5 size", () => {
    expect(checkSizeCompatibility(d2sV5, gen2Scsi)).toEqual({ compatible: true, reasons: [], advice: [] });
  });

  it("refuses an NVMe-only size for an image without NVMe, in Compute's words", () => {
    const result = checkSizeCompatibility(d2sV6, gen2Scsi);
    expect(result.compatible).toBe(false);
    expect(result.reasons.map((r) => r.kind)).toEqual(["DiskControllerType"]);
    expect(result.reasons[0]!.reason).toMatch(/NVMe only/);
    expect(result.reasons[0]!.violation).toEqual({
      status: 400,
      code: "InvalidParameter",
      message:
        "The VM size 'Standard_D2s_v6' cannot boot with OS image or disk. Please check that disk controller types supported by the OS image or disk is one of the supported disk controller types for the VM size 'Standard_D2s_v6'.",
    });
    expect(checkSizeCompatibility(d2sV6, gen2Nvme).compatible).toBe(true);
  });

  it("refuses a requested controller the size lacks, naming the property", () => {
    const [reason] = checkSizeCompatibility(d2sV5, gen2Nvme, { diskControllerType: "NVMe" }).reasons;
    expect(reason!.violation.target).toBe("storageProfile.diskControllerType");
    expect(reason!.violation.message).toContain("cannot boot with DiskControllerType 'NVMe'");
    expect(checkSizeCompatibility(e2bsV5, gen2Nvme, { diskControllerType: "NVMe" }).compatible).toBe(true);
    // A size with both controllers defaults to SCSI, so a SCSI image boots on it.
    expect(checkSizeCompatibility(e2bsV5, gen2Scsi).compatible).toBe(true);
    expect(checkSizeCompatibility(e2bsV5, gen2Scsi, { diskControllerType: "NVMe" }).reasons[0]!.kind).toBe(
      "DiskControllerType",
    );
  });

  it("refuses a Gen1 image on a Gen2-only size and a Gen2 image on a Gen1-only size", () => {
    const gen1 = checkSizeCompatibility(d2psV5, { hyperVGeneration: "V1", architecture: "Arm64" });
    expect(gen1.reasons.map((r) => r.kind)).toEqual(["HyperVGeneration"]);
    expect(gen1.reasons[0]!.violation.code).toBe("BadRequest");
    expect(gen1.reasons[0]!.violation.message).toMatch(
      /^The selected VM size 'Standard_D2ps_v5' cannot boot Hypervisor Generation '1'\./,
    );
    expect(checkSizeCompatibility(a2v2, gen2Scsi).reasons[0]!.violation.message).toContain(
      "cannot boot Hypervisor Generation '2'",
    );
    // No hyperVGeneration is Gen1.
    expect(
      checkSizeCompatibility(d2sV6, { features: [{ name: "DiskControllerTypes", value: "NVMe" }] }).reasons[0]!.kind,
    ).toBe("HyperVGeneration");
  });

  it("refuses an Arm64 size for an x64 image and the reverse", () => {
    expect(checkSizeCompatibility(d2psV5, gen2Scsi).reasons.map((r) => r.kind)).toEqual(["CpuArchitecture"]);
    expect(checkSizeCompatibility(d2sV5, { hyperVGeneration: "V2", architecture: "Arm64" }).reasons[0]!.kind).toBe(
      "CpuArchitecture",
    );
    expect(checkSizeCompatibility(d2psV5, { hyperVGeneration: "V2", architecture: "Arm64" }).compatible).toBe(true);
  });

  it("applies the security type rules of the image, the size and the VM", () => {
    const trustedOnly: ImageFacts = {
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "TrustedLaunch" }],
    };
    const tlSupported: ImageFacts = {
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }],
    };
    const cvmSupported: ImageFacts = {
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "ConfidentialVMSupported" }],
    };
    expect(checkSizeCompatibility(d2sV5, trustedOnly).reasons[0]!.violation.message).toBe(
      "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.",
    );
    expect(checkSizeCompatibility(d2sV5, trustedOnly, { securityType: "TrustedLaunch" }).compatible).toBe(true);
    expect(
      checkSizeCompatibility(d2sV5, gen2Scsi, { securityType: "TrustedLaunch" }).reasons[0]!.violation.message,
    ).toMatch(/^Use of TrustedLaunch setting is not supported for the provided image/);
    const tlOnArm = checkSizeCompatibility(
      d2psV5,
      { ...tlSupported, architecture: "Arm64" },
      { securityType: "TrustedLaunch" },
    );
    expect(tlOnArm.reasons.map((r) => r.violation.message)).toEqual([
      "The VM size 'Standard_D2ps_v5' is not supported for creation of VMs and Virtual Machine Scale Set with 'TrustedLaunch' security type. For more information, see https://aka.ms/TrustedLaunch-FAQ",
    ]);
    expect(checkSizeCompatibility(dc2asV5, tlSupported).reasons[0]!.violation.message).toBe(
      "The VM size 'Standard_DC2as_v5' is not supported for creation of VMs and Virtual Machine Scale Set with '<NULL>' security type.",
    );
    expect(checkSizeCompatibility(dc2asV5, cvmSupported, { securityType: "ConfidentialVM" }).compatible).toBe(true);
    expect(checkSizeCompatibility(d2sV5, cvmSupported, { securityType: "ConfidentialVM" }).reasons[0]!.kind).toBe(
      "ConfidentialVM",
    );
  });

  it("lists every reason, not only the first", () => {
    const kinds = checkSizeCompatibility(
      a2v2,
      { hyperVGeneration: "V2", architecture: "Arm64" },
      { securityType: "TrustedLaunch" },
    ).reasons.map((r) => r.kind);
    expect(kinds).toEqual(["CpuArchitecture", "HyperVGeneration", "TrustedLaunch", "TrustedLaunch"]);
  });

  it("advises on recommended ranges and accelerated networking without refusing", () => {
    const image: ImageFacts = {
      ...gen2Scsi,
      recommended: { vCPUs: { min: 4, max: 16 }, memory: { min: 16 } },
      features: [{ name: "IsAcceleratedNetworkSupported", value: "True" }],
    };
    const b2s = vmSizeCapabilities(sku("Standard_B2s", { vCPUs: "2", MemoryGB: "4", HyperVGenerations: "V1,V2" }));
    const result = checkSizeCompatibility(b2s, image);
    expect(result.compatible).toBe(true);
    expect(result.advice.map((a) => a.kind)).toEqual([
      "RecommendedVCpus",
      "RecommendedMemory",
      "AcceleratedNetworking",
    ]);
    expect(result.advice[0]!.message).toBe("2 vCPUs is outside the recommended 4–16 vCPUs.");
    expect(recommendedRangesText(image)).toBe("4–16 vCPUs, at least 16 GB memory");
    expect(recommendedRangesText(gen2Scsi)).toBeUndefined();
  });
});

describe("sizeOptions", () => {
  it("keeps the sizes offered in the region, compatible and available first", () => {
    const skus = [
      sku("Standard_D2s_v6", { vCPUs: "2", HyperVGenerations: "V2", DiskControllerTypes: "NVMe" }),
      sku("Standard_D4s_v5", { vCPUs: "4", HyperVGenerations: "V1,V2" }),
      sku("Standard_D2s_v5", { vCPUs: "2", HyperVGenerations: "V1,V2" }),
      sku(
        "Standard_E2s_v5",
        { vCPUs: "2", HyperVGenerations: "V1,V2" },
        { restrictions: [{ type: "Location", values: ["westeurope"], reasonCode: "NotAvailableForSubscription" }] },
      ),
      sku("Standard_D2s_v5", { vCPUs: "2" }, { locations: ["eastus"] }),
    ];
    const options = sizeOptions(skus, "westeurope", gen2Scsi);
    expect(options.map((o) => [o.size.name, o.availability, o.compatibility.compatible])).toEqual([
      ["Standard_D2s_v5", "Available", true],
      ["Standard_D4s_v5", "Available", true],
      ["Standard_E2s_v5", "NotAvailableForSubscription", true],
      ["Standard_D2s_v6", "Available", false],
    ]);
    expect(availabilityText(options[2]!.availability)).toMatch(/restricted/);
  });
});
