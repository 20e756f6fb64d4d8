import { describe, expect, it } from "vitest";
import {
  aggregatedReplicationState,
  effectiveTargetRegions,
  overallReplicationProgress,
  profileReplication,
  regionReadiness,
  replicationDefaults,
  targetRegionNames,
  type RegionalReplicationStatus,
} from "./replication";
import { normalizeLocation } from "./regions";

const completed: RegionalReplicationStatus = { region: "West Europe", state: "Completed", progress: 100 };
const replicating: RegionalReplicationStatus = { region: "East US", state: "Replicating", progress: 40 };
const failed: RegionalReplicationStatus = {
  region: "UK South",
  state: "Failed",
  details: "Data disk over 1 TB.",
  progress: 10,
};
const unknown: RegionalReplicationStatus = { region: "Japan East", state: "Unknown" };

describe("aggregated replication state", () => {
  it("lets Failed win over InProgress, InProgress over Unknown, and completes only when every region has", () => {
    expect(aggregatedReplicationState([completed, replicating, failed])).toBe("Failed");
    expect(aggregatedReplicationState([completed, replicating, unknown])).toBe("InProgress");
    expect(aggregatedReplicationState([completed, unknown])).toBe("Unknown");
    expect(aggregatedReplicationState([completed, { ...completed, region: "East US" }])).toBe("Completed");
    expect(aggregatedReplicationState([])).toBe("Unknown");
  });

  it("averages progress, counting Completed as 100", () => {
    expect(overallReplicationProgress([completed, replicating])).toBe(70);
    expect(overallReplicationProgress([{ ...completed, progress: undefined }])).toBe(100);
    expect(overallReplicationProgress([])).toBe(0);
  });
});

describe("region readiness", () => {
  it("is usable only once Completed", () => {
    expect(regionReadiness(completed)).toMatchObject({ kind: "usable", usable: true, progress: 100 });
    expect(regionReadiness(replicating)).toMatchObject({
      kind: "replicating",
      usable: false,
      summary: "Replicating to East US: 40%. Not usable until it completes.",
    });
    expect(regionReadiness(undefined).usable).toBe(false);
  });

  it("gives the failure details and the fix", () => {
    const readiness = regionReadiness(failed);
    expect(readiness).toMatchObject({
      kind: "failed",
      summary: "Replication to UK South failed. Data disk over 1 TB.",
    });
    expect(readiness.fix).toContain("six hours");
  });

  it("calls replication running for more than six hours stalled", () => {
    const startedAt = new Date("2026-01-01T00:00:00Z");
    expect(regionReadiness(replicating, new Date("2026-01-01T06:00:00Z"), startedAt).kind).toBe("replicating");
    expect(regionReadiness(replicating, new Date("2026-01-01T06:00:01Z"), startedAt).kind).toBe("stalled");
  });
});

describe("effective target regions", () => {
  it("is the version's own location alone when no target region is given, with the service's defaults", () => {
    expect(effectiveTargetRegions({ location: "westeurope" }, "2024-03-03")).toEqual([
      { name: "West Europe", regionalReplicaCount: 1, storageAccountType: "Standard_LRS", excludeFromLatest: false },
    ]);
    expect(effectiveTargetRegions({ location: "westeurope" }, "2025-03-03")).toEqual([
      { name: "West Europe", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
    ]);
    expect(
      effectiveTargetRegions({ location: "westeurope", publishingProfile: { targetRegions: [] } }).map(
        (region) => region.name,
      ),
    ).toEqual(["West Europe"]);
  });

  it("takes each region's own settings, else the profile's, and returns display names", () => {
    const version = {
      location: "westeurope",
      publishingProfile: {
        replicaCount: 3,
        storageAccountType: "Premium_LRS",
        targetRegions: [
          { name: "eastus", regionalReplicaCount: 5, storageAccountType: "Standard_ZRS", excludeFromLatest: true },
          { name: "westeurope" },
        ],
      },
    };
    expect(effectiveTargetRegions(version)).toEqual([
      { name: "East US", regionalReplicaCount: 5, storageAccountType: "Standard_ZRS", excludeFromLatest: true },
      { name: "West Europe", regionalReplicaCount: 3, storageAccountType: "Premium_LRS", excludeFromLatest: false },
    ]);
  });
});

describe("replication defaults", () => {
  it("are one replica with Full replication; storage Standard_LRS before 2025-03-03, PreferStandard_ZRS from it", () => {
    expect(replicationDefaults("2019-03-01")).toEqual({
      replicaCount: 1,
      replicationMode: "Full",
      storage: { storageAccountType: "Standard_LRS" },
    });
    expect(replicationDefaults("2024-03-03").storage).toEqual({ storageAccountType: "Standard_LRS" });
    expect(replicationDefaults("2025-03-03").storage).toEqual({ storageAccountStrategy: "PreferStandard_ZRS" });
    expect(replicationDefaults()).toEqual(replicationDefaults("2025-12-03"));
  });

  it("fill in only what the profile leaves out", () => {
    expect(profileReplication(undefined, "2024-03-03")).toEqual({
      replicaCount: 1,
      storage: "Standard_LRS",
      replicationMode: "Full",
    });
    expect(profileReplication({ replicaCount: 4, replicationMode: "Shallow" })).toEqual({
      replicaCount: 4,
      storage: "PreferStandard_ZRS",
      replicationMode: "Shallow",
    });
    expect(profileReplication({ storageAccountType: "Premium_LRS" }).storage).toBe("Premium_LRS");
  });
});

describe("targetRegionNames", () => {
  it("names effectiveTargetRegions' regions normalized, the location when none is given, once per version", () => {
    const versions = [
      { location: "westeurope" },
      {
        location: "westeurope",
        publishingProfile: { targetRegions: [{ name: "East US 2" }, { name: "northeurope" }] },
      },
      { location: "West Europe", publishingProfile: { targetRegions: [] } },
      { location: "somewhere-new", publishingProfile: { targetRegions: [{ name: "Not A Region" }] } },
    ];
    for (const version of versions) {
      expect(targetRegionNames(version)).toEqual(
        effectiveTargetRegions(version).map((region) => normalizeLocation(region.name)),
      );
      expect(targetRegionNames(version)).toBe(targetRegionNames(version));
    }
    expect(targetRegionNames(versions[1]!)).toEqual(["eastus2", "northeurope"]);
  });
});
