import type { GalleryImageVersion } from "@azure/arm-compute";
import { describe, expect, it } from "vitest";
import { regionReplications } from "@/components/versions/replicationView";

const version: GalleryImageVersion = {
  location: "westeurope",
  publishingProfile: {
    replicaCount: 2,
    targetRegions: [
      { name: "West Europe", regionalReplicaCount: 3, storageAccountType: "Standard_ZRS" },
      { name: "East US", excludeFromLatest: true },
      { name: "Japan East" },
    ],
  },
  replicationStatus: {
    aggregatedState: "InProgress",
    summary: [
      { region: "westeurope", state: "Completed", progress: 100 },
      { region: "eastus", state: "Replicating", progress: 41.6 },
      { region: "japaneast", state: "Failed", progress: 12, details: "Data disk larger than 1 TB." },
    ],
  },
};

describe("regionReplications", () => {
  it("joins target regions with their status whatever way ARM spells the region", () => {
    const regions = regionReplications(version);
    // Regions without a storage type of their own take the 2025-12-03 default, PreferStandard_ZRS: both have zones.
    expect(regions.map((r) => [r.displayName, r.replicaCount, r.storageAccountType, r.state, r.label])).toEqual([
      ["West Europe", 3, "Standard_ZRS", "Completed", "Completed"],
      ["East US", 2, "Standard_ZRS", "Replicating", "Replicating 42%"],
      ["Japan East", 2, "Standard_ZRS", "Failed", "Failed"],
    ]);
    expect(regions[1]!.excludeFromLatest).toBe(true);
  });

  it("reports a target with no status yet as Unknown at 0%", () => {
    const [region] = regionReplications({
      location: "westeurope",
      publishingProfile: { targetRegions: [{ name: "westeurope" }] },
    });
    expect(region).toMatchObject({ state: "Unknown", progress: 0, tone: "unknown", replicaCount: 1, label: "Unknown" });
  });
});

describe("what a region means for a deployer", () => {
  it("marks only Completed regions usable and carries the failure detail and the fix", () => {
    const [completed, replicating, failed] = regionReplications(version).map((r) => r.readiness);
    expect(completed).toMatchObject({ kind: "usable", usable: true });
    expect(replicating).toMatchObject({ kind: "replicating", usable: false });
    expect(failed!.summary).toMatch(/Data disk larger than 1 TB/);
    expect(failed!.fix).toMatch(/run the create or update of the version again/);
  });
});
