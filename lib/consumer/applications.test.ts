import { describe, expect, it } from "vitest";
import { buildApplicationInventory, filterApplications } from "./applications";

const gallery = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/apps";
const now = new Date("2026-06-01T00:00:00Z");
const app = (name: string, properties: Record<string, unknown>) => ({
  id: `${gallery}/applications/${name}`,
  name,
  location: "East US",
  properties,
});
const version = (application: string, name: string, regions: string[], endOfLifeDate?: string) => ({
  id: `${gallery}/applications/${application}/versions/${name}`,
  name,
  location: "eastus",
  properties: {
    publishingProfile: {
      targetRegions: regions.map((r) => ({ name: r })),
      ...(endOfLifeDate ? { endOfLifeDate } : {}),
    },
  },
});

describe("applications the user can use", () => {
  const rows = buildApplicationInventory(
    [
      app("monitoring-agent", { supportedOSType: "Windows", description: "Agent" }),
      app("log-shipper", { supportedOSType: "Linux" }),
    ],
    [
      version("log-shipper", "2.0.0", ["eastus"], "2026-01-01T00:00:00Z"),
      version("log-shipper", "2.1.0", ["East US", "westeurope"]),
      version("orphan", "1.0.0", ["eastus"]),
      { ...version("log-shipper", "latest", ["eastus"]), name: "not-a-version" },
    ],
    now,
  );

  it("joins versions to their application, newest first, with the regions they target", () => {
    expect(rows.map((r) => r.name)).toEqual(["log-shipper", "monitoring-agent"]);
    const shipper = rows[0]!;
    expect(shipper).toMatchObject({ galleryName: "apps", supportedOSType: "Linux", location: "eastus" });
    expect(shipper.versions.map((v) => [v.name, v.pastEndOfLife])).toEqual([
      ["2.1.0", false],
      ["2.0.0", true],
    ]);
    expect(shipper.regions).toEqual(["eastus", "westeurope"]);
    expect(rows[1]!.versions).toEqual([]);
  });

  it("filters by OS, region, text and end of life", () => {
    expect(filterApplications(rows, { osType: "windows" }).map((r) => r.name)).toEqual(["monitoring-agent"]);
    expect(filterApplications(rows, { region: "West Europe" }).map((r) => r.name)).toEqual(["log-shipper"]);
    expect(filterApplications(rows, { text: "AGENT" }).map((r) => r.name)).toEqual(["monitoring-agent"]);
    expect(filterApplications(rows, { hideEndOfLife: true })).toHaveLength(2);
  });
});
