import { describe, expect, it } from "vitest";
import {
  AZURE_REGIONS,
  checkLocationAvailable,
  findRegion,
  hasAvailabilityZones,
  isKnownRegion,
  normalizeLocation,
  regionDisplayName,
  sameLocation,
} from "./regions";

describe("regions", () => {
  it("holds at least 30 unique public regions whose name is the display name without spaces, lower-cased", () => {
    expect(AZURE_REGIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(AZURE_REGIONS.map((r) => r.name)).size).toBe(AZURE_REGIONS.length);
    for (const region of AZURE_REGIONS) expect(normalizeLocation(region.displayName)).toBe(region.name);
  });

  it("names every source region of the seed documents", () => {
    const seedRegions = [
      "australiacentral",
      "australiacentral2",
      "australiaeast",
      "australiasoutheast",
      "brazilsouth",
      "canadacentral",
      "canadaeast",
      "centralindia",
      "centralus",
      "centraluseuap",
      "eastasia",
      "eastus",
      "eastus2",
      "eastus2euap",
      "francecentral",
      "francesouth",
      "japaneast",
      "japanwest",
      "koreacentral",
      "koreasouth",
      "northcentralus",
      "northeurope",
      "southcentralus",
      "southindia",
      "southeastasia",
      "uksouth",
      "ukwest",
      "uknorth",
      "uksouth2",
      "westcentralus",
      "westeurope",
      "westindia",
      "westus",
      "westus2",
    ];
    expect(seedRegions.filter((name) => !isKnownRegion(name))).toEqual([]);
  });

  it("pairs regions with listed regions, both ways except Azure's one-way pairs", () => {
    const oneWay = ["westus3", "brazilsouth", "brazilsoutheast", "westindia"];
    for (const region of AZURE_REGIONS) {
      if (!region.pairedRegion) continue;
      const pair = findRegion(region.pairedRegion);
      expect(pair, region.name).toBeDefined();
      if (!oneWay.includes(region.name)) expect(pair?.pairedRegion).toBe(region.name);
    }
  });

  it("normalises display names, any case and spacing", () => {
    expect(normalizeLocation("West Europe")).toBe("westeurope");
    expect(normalizeLocation("  east  US 2 ")).toBe("eastus2");
    expect(normalizeLocation("Mars Central")).toBe("marscentral");
    expect(isKnownRegion("SOUTH CENTRAL US")).toBe(true);
    expect(isKnownRegion("marscentral")).toBe(false);
    expect(sameLocation("East US 2", "eastus2")).toBe(true);
    expect(regionDisplayName("westeurope")).toBe("West Europe");
    expect(regionDisplayName("nowhere")).toBe("nowhere");
  });

  it("knows which regions have availability zones", () => {
    expect(hasAvailabilityZones("West Europe")).toBe(true);
    expect(hasAvailabilityZones("northcentralus")).toBe(false);
    expect(hasAvailabilityZones("unknownregion")).toBe(false);
  });

  it("returns coordinates as strings, as ARM does", () => {
    expect(findRegion("westeurope")).toMatchObject({
      latitude: "52.3667",
      longitude: "4.9",
      regionType: "Physical",
      geographyGroup: "Europe",
    });
  });
});

describe("location availability", () => {
  it("answers an unknown location with ARM's code and wording", () => {
    expect(checkLocationAvailable("West Europe", "Microsoft.Compute/galleries")).toBeUndefined();
    const violation = checkLocationAvailable("moon", "Microsoft.Compute/galleries");
    expect(violation).toMatchObject({ status: 400, code: "LocationNotAvailableForResourceType" });
    expect(violation?.message).toMatch(
      /^The provided location 'moon' is not available for resource type 'Microsoft.Compute\/galleries'\. List of available regions for the resource type is '.*westeurope.*'\.$/,
    );
  });
});
