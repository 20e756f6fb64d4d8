import { describe, expect, it } from "vitest";
import { type ArmResourceJson, buildInventory, filterInventory, filterOptions } from "./inventory";

const now = new Date("2026-01-01T00:00:00Z");
const gallery = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/${name}`;

function definition(galleryId: string, name: string, properties: Record<string, unknown>): ArmResourceJson {
  return {
    id: `${galleryId}/images/${name}`,
    name,
    location: "northeurope",
    type: "Microsoft.Compute/galleries/images",
    properties,
  };
}
function version(
  definitionId: string,
  name: string,
  regions: string[],
  profile: Record<string, unknown> = {},
): ArmResourceJson {
  return {
    id: `${definitionId}/versions/${name}`,
    name,
    location: "northeurope",
    properties: { publishingProfile: { targetRegions: regions.map((name) => ({ name })), ...profile } },
  };
}

const shared = gallery("c3", "contoso_shared_images");
const golden = gallery("c3", "contoso_golden_images");
const ubuntuArm = definition(shared, "base-ubuntu-2204-arm64", {
  osType: "Linux",
  osState: "Generalized",
  architecture: "Arm64",
  hyperVGeneration: "V2",
  identifier: { publisher: "Contoso", offer: "Base", sku: "ubuntu-2204-arm64" },
  description: "Ubuntu for Arm64",
});
const ws2022 = definition(shared, "base-ws2022-g2", {
  osType: "Windows",
  osState: "Generalized",
  hyperVGeneration: "V2",
  identifier: { publisher: "Contoso", offer: "Base", sku: "ws2022-datacenter-g2" },
});
const iis = definition(golden, "golden-ws2022-iis", {
  osType: "Windows",
  osState: "Generalized",
  identifier: { publisher: "Contoso", offer: "Golden", sku: "ws2022-iis-g2" },
  endOfLifeDate: "2025-01-01T00:00:00Z",
});

const versions = [
  version(ubuntuArm.id, "1.0.4", ["North Europe"]),
  version(ubuntuArm.id, "1.0.5", ["North Europe", "West Europe"]),
  version(ws2022.id, "1.0.0", ["northeurope"], { endOfLifeDate: "2025-06-01T00:00:00Z" }),
  version(ws2022.id, "1.9.0", ["northeurope", "eastus"]),
  // A version whose definition the user cannot read (shared at definition level elsewhere) is left out.
  version(`${golden}/images/golden-ubuntu-nginx`, "1.0.0", ["eastus"]),
];

describe("images I can use", () => {
  const images = buildInventory([ubuntuArm, ws2022, iis], versions, now);

  it("joins versions to their definitions, newest first, with the regions they reach", () => {
    expect(images.map((i) => [i.name, i.versions.map((v) => v.name), i.regions])).toEqual([
      ["base-ubuntu-2204-arm64", ["1.0.5", "1.0.4"], ["northeurope", "westeurope"]],
      ["base-ws2022-g2", ["1.9.0", "1.0.0"], ["eastus", "northeurope"]],
      ["golden-ws2022-iis", [], []],
    ]);
    expect(images[0]).toMatchObject({
      galleryName: "contoso_shared_images",
      subscriptionId: "c3",
      architecture: "Arm64",
      access: "rbac",
    });
    expect(images[1]).toMatchObject({ architecture: "x64", hyperVGeneration: "V2" });
  });

  it("keeps the trust inputs a row carries: policy reports of each version and the definition's features", () => {
    const tl = definition(shared, "tl", {
      osType: "Linux",
      features: [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }],
    });
    const flagged = {
      ...version(tl.id, "2.0.0", ["northeurope"]),
      properties: {
        publishingProfile: { targetRegions: [{ name: "northeurope" }] },
        safetyProfile: {
          reportedForPolicyViolation: true,
          policyViolations: [{ category: "ImageFlaggedUnsafe", details: "rootkit" }],
        },
      },
    };
    const [row] = buildInventory([tl], [flagged, version(tl.id, "1.0.0", ["northeurope"])], now);
    expect(row!.features).toEqual([
      { name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" },
    ]);
    expect(row!.versions.map((v) => v.safetyProfile)).toEqual([
      { reportedForPolicyViolation: true, policyViolations: [{ category: "ImageFlaggedUnsafe", details: "rootkit" }] },
      undefined,
    ]);
  });

  it("flags end of life on definitions and versions", () => {
    expect(images[2]!.pastEndOfLife).toBe(true);
    expect(images[1]!.versions.map((v) => v.pastEndOfLife)).toEqual([false, true]);
  });

  it("filters by OS type, architecture, region, identifier and text", () => {
    const names = (f: Parameters<typeof filterInventory>[1]) => filterInventory(images, f).map((i) => i.name);
    expect(names({ osType: "linux" })).toEqual(["base-ubuntu-2204-arm64"]);
    expect(names({ architecture: "Arm64" })).toEqual(["base-ubuntu-2204-arm64"]);
    expect(names({ region: "East US" })).toEqual(["base-ws2022-g2"]);
    expect(names({ offer: "Golden" })).toEqual(["golden-ws2022-iis"]);
    expect(names({ publisher: "Contoso", sku: "ws2022-datacenter-g2" })).toEqual(["base-ws2022-g2"]);
    expect(names({ text: "ARM64" })).toEqual(["base-ubuntu-2204-arm64"]);
    expect(names({ text: "golden" })).toEqual(["golden-ws2022-iis"]);
    expect(names({ hideEndOfLife: true })).toEqual(["base-ubuntu-2204-arm64", "base-ws2022-g2"]);
  });

  it("offers each filter's distinct values", () => {
    expect(filterOptions(images)).toEqual({
      osType: ["Linux", "Windows"],
      architecture: ["Arm64", "x64"],
      region: ["eastus", "northeurope", "westeurope"],
      publisher: ["Contoso"],
      offer: ["Base", "Golden"],
      sku: ["ubuntu-2204-arm64", "ws2022-datacenter-g2", "ws2022-iis-g2"],
    });
  });
});
