import { describe, expect, it } from "vitest";
import type { RegionalReplicationStatus } from "@/lib/gallery/replication";
import { checkRegion, type ConsumerVersion, latestByRegion, versionUsability } from "./usability";

const now = new Date("2026-01-01T00:00:00Z");

type State = RegionalReplicationStatus["state"];

/** A version shaped like the demo seed's: source region first, then the target regions with their state. */
function version(
  name: string,
  regions: Record<string, State | [State, number]>,
  profile: ConsumerVersion["publishingProfile"] = {},
): ConsumerVersion {
  return {
    name,
    location: Object.keys(regions)[0]!,
    publishingProfile: { targetRegions: Object.keys(regions).map((region) => ({ name: region })), ...profile },
    replicationStatus: {
      summary: Object.entries(regions).map(([region, value]) => {
        const [state, progress] = Array.isArray(value) ? value : [value, value === "Completed" ? 100 : 0];
        return {
          region,
          state,
          progress,
          ...(state === "Failed" ? { details: "The data disk is larger than 1 TB." } : {}),
        };
      }),
    },
  };
}

describe("where a version can be deployed", () => {
  it("groups target regions into deployable, in progress (with progress), failed and unknown", () => {
    const v = version("16.5.0", {
      eastus: "Completed",
      westeurope: ["Replicating", 42],
      "Japan East": "Failed",
      uksouth: "Unknown",
    });
    const usability = versionUsability(v, now);
    expect(usability.deployable.map((r) => r.region)).toEqual(["eastus"]);
    expect(usability.inProgress).toMatchObject([
      { region: "westeurope", displayName: "West Europe", progress: 42, stalled: false },
    ]);
    expect(usability.failed).toMatchObject([
      { region: "japaneast", summary: "Replication to Japan East failed. The data disk is larger than 1 TB." },
    ]);
    expect(usability.failed[0]?.fix).toBeTruthy();
    expect(usability.unknown.map((r) => r.region)).toEqual(["uksouth"]);
    expect(usability.pastEndOfLife).toBe(false);
  });

  it("calls a replication running for more than six hours stalled", () => {
    const v = version("1.9.0", { northeurope: "Completed", eastus: ["Replicating", 10] });
    const usability = versionUsability(v, now, new Date(now.getTime() - 7 * 3600_000));
    expect(usability.inProgress).toMatchObject([{ region: "eastus", stalled: true }]);
  });

  it("flags a version past its end of life (still deployable)", () => {
    const v = version("1.0.0", { northeurope: "Completed" }, { endOfLifeDate: "2025-06-01T00:00:00Z" });
    expect(versionUsability(v, now)).toMatchObject({
      pastEndOfLife: true,
      endOfLifeDate: "2025-06-01T00:00:00Z",
      deployable: [{ region: "northeurope" }],
    });
    expect(checkRegion({ kind: "version", version: v }, "northeurope", now)).toEqual({
      usable: true,
      version: "1.0.0",
      pastEndOfLife: true,
    });
  });

  it("refuses a region the version does not target, one still replicating, and one that failed, saying why", () => {
    const v = version("1.5.0", { northeurope: "Completed", eastus: ["Replicating", 30], westus2: "Failed" });
    expect(checkRegion({ kind: "version", version: v }, "North Europe", now)).toMatchObject({
      usable: true,
      version: "1.5.0",
    });
    expect(checkRegion({ kind: "version", version: v }, "japaneast", now)).toEqual({
      usable: false,
      reason: "1.5.0 is not replicated to Japan East: it is not one of its target regions.",
    });
    expect(checkRegion({ kind: "version", version: v }, "eastus", now)).toMatchObject({
      usable: false,
      reason: expect.stringContaining("still replicating to East US (30%)"),
    });
    expect(checkRegion({ kind: "version", version: v }, "westus2", now)).toMatchObject({
      usable: false,
      reason: "Replication of 1.5.0 to West US 2 failed.",
    });
  });

  it("lets an exact version be deployed where it is excluded from latest", () => {
    const v = version(
      "1.0.10",
      { eastus: "Completed", southeastasia: "Completed" },
      { targetRegions: [{ name: "eastus" }, { name: "southeastasia", excludeFromLatest: true }] },
    );
    expect(checkRegion({ kind: "version", version: v }, "southeastasia", now)).toMatchObject({ usable: true });
  });
});

describe("latest, region by region", () => {
  // ubuntu-2204-gen2 of the demo seed: 1.0.11 excluded everywhere, 1.0.10 excluded in Southeast Asia only.
  const versions = [
    version("1.0.9", { eastus: "Completed", southeastasia: "Completed", westeurope: "Completed" }),
    version(
      "1.0.10",
      { eastus: "Completed", southeastasia: "Completed" },
      { targetRegions: [{ name: "eastus" }, { name: "southeastasia", excludeFromLatest: true }] },
    ),
    version("1.0.11", { eastus: "Completed", southeastasia: "Completed" }, { excludeFromLatest: true }),
    version("1.0.12", { eastus: ["Replicating", 55] }),
  ];

  it("resolves each targeted region and says why each newer version was passed over there", () => {
    const rows = latestByRegion(versions, now);
    expect(rows.map((r) => [r.region, r.latest])).toEqual([
      ["eastus", "1.0.10"],
      ["southeastasia", "1.0.9"],
      ["westeurope", "1.0.9"],
    ]);
    expect(rows[0]!.passedOver.map((p) => [p.name, p.reason])).toEqual([
      ["1.0.12", "replicating"],
      ["1.0.11", "excludedGlobally"],
    ]);
    expect(rows[1]!.passedOver.map((p) => [p.name, p.reason])).toEqual([
      ["1.0.12", "notTargeted"],
      ["1.0.11", "excludedGlobally"],
      ["1.0.10", "excludedInRegion"],
    ]);
    expect(rows[2]!.passedOver.map((p) => p.reason)).toEqual(["notTargeted", "excludedGlobally", "notTargeted"]);
  });

  it("lets a deployment of latest into a region resolve to the version Compute would pick", () => {
    expect(checkRegion({ kind: "latest", versions }, "Southeast Asia", now)).toEqual({
      usable: true,
      version: "1.0.9",
      pastEndOfLife: false,
    });
  });

  it("refuses latest where no eligible version has reached the region", () => {
    expect(checkRegion({ kind: "latest", versions }, "japaneast", now)).toEqual({
      usable: false,
      reason: "No version of this image is replicated to Japan East and eligible for latest there.",
    });
  });

  it("refuses latest when every version is excluded (preview-ws2025-core) and tells to pick a version", () => {
    const excluded = [
      version("0.1.0", { centralus: "Completed" }, { excludeFromLatest: true }),
      version("0.2.0", { centralus: "Completed" }, { excludeFromLatest: true }),
    ];
    const [row] = latestByRegion(excluded, now);
    expect(row?.region).toBe("centralus");
    expect(row?.latest).toBeUndefined();
    expect(row!.passedOver.map((p) => p.reason)).toEqual(["excludedGlobally", "excludedGlobally"]);
    expect(checkRegion({ kind: "latest", versions: excluded }, "centralus", now)).toEqual({
      usable: false,
      reason: "Every version of this image is excluded from latest: deploy an exact version instead.",
    });
  });

  it("passes over a failed region and flags a latest past its end of life", () => {
    const sql = [
      version("16.4.0", { eastus: "Completed", westeurope: "Completed" }, { endOfLifeDate: "2025-12-01T00:00:00Z" }),
      version("16.5.0", { eastus: "Completed", westeurope: "Failed" }),
    ];
    const west = latestByRegion(sql, now).find((r) => r.region === "westeurope")!;
    expect(west).toMatchObject({
      latest: "16.4.0",
      latestIsPastEndOfLife: true,
      passedOver: [{ name: "16.5.0", reason: "failed" }],
    });
    expect(checkRegion({ kind: "latest", versions: sql }, "westeurope", now)).toEqual({
      usable: true,
      version: "16.4.0",
      pastEndOfLife: true,
    });
  });

  it("has no rows for a definition without versions", () => {
    expect(latestByRegion([], now)).toEqual([]);
  });
});
