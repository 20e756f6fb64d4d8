import { describe, expect, it } from "vitest";
import {
  apiVersionDefaults,
  effectiveDefinitionSecurity,
  GEN1_MEANING,
  regionStorage,
  SDK_GALLERY_API_VERSION,
  withDefinitionDefaults,
} from "./apiVersions";

describe("defaults by api-version", () => {
  it("keep Gen1, no security type and Standard_LRS before 2025-03-03", () => {
    for (const apiVersion of ["2021-07-01", "2023-07-03", "2024-03-03"]) {
      expect(apiVersionDefaults(apiVersion)).toEqual({
        hyperVGeneration: "V1",
        storage: { storageAccountType: "Standard_LRS" },
      });
    }
  });

  it("are Gen2, TrustedLaunchSupported and PreferStandard_ZRS from 2025-03-03, and the SDK's when none is given", () => {
    for (const apiVersion of ["2025-03-03", "2025-12-03"]) {
      expect(apiVersionDefaults(apiVersion)).toEqual({
        hyperVGeneration: "V2",
        gen2SecurityType: "TrustedLaunchSupported",
        storage: { storageAccountStrategy: "PreferStandard_ZRS" },
      });
    }
    expect(SDK_GALLERY_API_VERSION).toBe("2025-12-03");
    expect(apiVersionDefaults()).toEqual(apiVersionDefaults("2025-12-03"));
  });
});

describe("a new definition's defaults", () => {
  it("on an old api-version: Gen1 and no feature added", () => {
    expect(withDefinitionDefaults({}, "2024-03-03")).toEqual({ hyperVGeneration: "V1" });
    expect(withDefinitionDefaults({ hyperVGeneration: "V2" }, "2024-03-03")).toEqual({ hyperVGeneration: "V2" });
  });

  it("from 2025-03-03: Gen2 with SecurityType=TrustedLaunchSupported unless a security type or Gen1 is chosen", () => {
    expect(withDefinitionDefaults({}, "2025-03-03")).toEqual({
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }],
    });
    const hibernate = { name: "IsHibernateSupported", value: "True" };
    expect(withDefinitionDefaults({ features: [hibernate] }, "2025-12-03").features).toEqual([
      hibernate,
      { name: "SecurityType", value: "TrustedLaunchSupported" },
    ]);
    const standard = [{ name: "securitytype", value: "Standard" }];
    expect(withDefinitionDefaults({ features: standard }, "2025-12-03")).toEqual({
      hyperVGeneration: "V2",
      features: standard,
    });
    expect(withDefinitionDefaults({ hyperVGeneration: "V1" }, "2025-12-03")).toEqual({ hyperVGeneration: "V1" });
  });
});

describe("storage per region", () => {
  it("prefers ZRS where the region has availability zones and falls back to LRS where it has none", () => {
    expect(regionStorage("eastus", {}, "2025-03-03").storageAccountType).toBe("Standard_ZRS");
    expect(regionStorage("westus", {}, "2025-03-03")).toEqual({
      storageAccountType: "Standard_LRS",
      reason: "PreferStandard_ZRS: the region has no availability zones.",
    });
  });

  it("is Standard_LRS everywhere on an old api-version or with DefaultStandard_LRS", () => {
    expect(regionStorage("eastus", {}, "2024-03-03").storageAccountType).toBe("Standard_LRS");
    expect(regionStorage("eastus", { strategy: "DefaultStandard_LRS" }).storageAccountType).toBe("Standard_LRS");
  });

  it("lets a region's own type, then the profile's type, override the strategy", () => {
    expect(regionStorage("eastus2", { regionType: "Premium_LRS", strategy: "PreferStandard_ZRS" })).toEqual({
      storageAccountType: "Premium_LRS",
      reason: "Set for this region.",
    });
    expect(regionStorage("eastus", { profileType: "Premium_LRS" }).storageAccountType).toBe("Premium_LRS");
  });
});

describe("what a definition form's choices amount to", () => {
  it("shows Gen2 + TrustedLaunchSupported for what is left empty at the SDK's api-version", () => {
    expect(effectiveDefinitionSecurity({})).toEqual({
      hyperVGeneration: "V2",
      securityType: "TrustedLaunchSupported",
      defaulted: { hyperVGeneration: true, securityType: true },
      meaning: "Standard and Trusted Launch VMs can use it.",
    });
  });

  it("keeps what is chosen, Standard included, and says nothing is added on an old api-version", () => {
    expect(effectiveDefinitionSecurity({ securityType: "Standard" })).toMatchObject({
      hyperVGeneration: "V2",
      securityType: "Standard",
      defaulted: { hyperVGeneration: true, securityType: false },
    });
    expect(effectiveDefinitionSecurity({}, "2024-03-03")).toEqual({
      hyperVGeneration: "V1",
      defaulted: { hyperVGeneration: true, securityType: false },
      meaning: GEN1_MEANING,
    });
  });
});
