import { describe, expect, it } from "vitest";
import { resolveLatest, resolveLatestNewestFirst, type LatestCandidate } from "./latest";
import type { RegionalReplicationStatus } from "./replication";

const now = new Date("2026-01-01T00:00:00Z");

function version(
  name: string,
  regions: Record<string, RegionalReplicationStatus["state"]>,
  profile: LatestCandidate["publishingProfile"] = {},
): LatestCandidate {
  return {
    name,
    location: "westeurope",
    publishingProfile: { targetRegions: Object.keys(regions).map((region) => ({ name: region })), ...profile },
    replicationStatus: {
      summary: Object.entries(regions).map(([region, state]) => ({
        region,
        state,
        progress: state === "Completed" ? 100 : 30,
      })),
    },
  };
}

describe("latest", () => {
  it("is the highest replicated version, compared numerically", () => {
    const versions = [
      version("1.9.0", { "West Europe": "Completed" }),
      version("1.10.0", { "West Europe": "Completed" }),
    ];
    expect(resolveLatest(versions, "westeurope", now)).toEqual({
      latest: "1.10.0",
      latestIsPastEndOfLife: false,
      passedOver: [],
    });
  });

  it("skips a version excluded globally", () => {
    const versions = [
      version("1.0.0", { westeurope: "Completed" }),
      version("2.0.0", { westeurope: "Completed" }, { excludeFromLatest: true }),
    ];
    const resolution = resolveLatest(versions, "West Europe", now);
    expect(resolution.latest).toBe("1.0.0");
    expect(resolution.passedOver).toEqual([
      { name: "2.0.0", reason: "excludedGlobally", explanation: "2.0.0 is excluded from latest in every region." },
    ]);
  });

  it("honours a per-region exclusion only in that region", () => {
    const newer: LatestCandidate = {
      ...version("2.0.0", { westeurope: "Completed", eastus: "Completed" }),
      publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus", excludeFromLatest: true }] },
    };
    const versions = [version("1.0.0", { westeurope: "Completed", eastus: "Completed" }), newer];
    expect(resolveLatest(versions, "westeurope", now).latest).toBe("2.0.0");
    expect(resolveLatest(versions, "East US", now)).toMatchObject({
      latest: "1.0.0",
      passedOver: [{ name: "2.0.0", reason: "excludedInRegion" }],
    });
  });

  it("passes over versions not targeted, still replicating or failed in the region", () => {
    const versions = [
      version("1.0.0", { westeurope: "Completed", eastus: "Completed" }),
      version("1.1.0", { westeurope: "Completed", eastus: "Failed" }),
      version("1.2.0", { westeurope: "Completed", eastus: "Replicating" }),
      version("1.3.0", { westeurope: "Completed" }),
    ];
    const resolution = resolveLatest(versions, "eastus", now);
    expect(resolution.latest).toBe("1.0.0");
    expect(resolution.passedOver.map((passed) => [passed.name, passed.reason])).toEqual([
      ["1.3.0", "notTargeted"],
      ["1.2.0", "replicating"],
      ["1.1.0", "failed"],
    ]);
    expect(resolution.passedOver[1]?.explanation).toBe("1.2.0 is still replicating to this region (30%).");
  });

  it("treats a version with no replication status for the region as not replicated", () => {
    const bare: LatestCandidate = { name: "1.0.0", location: "westeurope" };
    const resolution = resolveLatest([bare], "westeurope", now);
    expect(resolution.latest).toBeUndefined();
    expect(resolution.passedOver).toMatchObject([{ reason: "notReplicated" }]);
  });

  it("resolves to none when every version is excluded", () => {
    const versions = [
      version("1.0.0", { westeurope: "Completed" }, { excludeFromLatest: true }),
      version("2.0.0", { westeurope: "Completed" }, { excludeFromLatest: true }),
    ];
    const resolution = resolveLatest(versions, "westeurope", now);
    expect(resolution.latest).toBeUndefined();
    expect(resolution.passedOver.map((passed) => passed.name)).toEqual(["2.0.0", "1.0.0"]);
  });

  it("still resolves to a version past its end of life, flagging it", () => {
    const versions = [version("1.0.0", { westeurope: "Completed" }, { endOfLifeDate: "2025-06-01" })];
    expect(resolveLatest(versions, "westeurope", now)).toMatchObject({ latest: "1.0.0", latestIsPastEndOfLife: true });
  });

  it("over versions given newest first, reads them only down to the one latest resolves to", () => {
    const newestFirst = [
      version("2.0.0", { "West Europe": "Replicating" }),
      version("not-a-version", { "West Europe": "Completed" }),
      version("1.9.0", { "West Europe": "Completed" }),
      version("1.8.0", { "West Europe": "Completed" }),
    ];
    const read: string[] = [];
    const resolution = resolveLatestNewestFirst(
      (function* () {
        for (const candidate of newestFirst) {
          read.push(candidate.name);
          yield candidate;
        }
      })(),
      "westeurope",
      now,
    );
    expect(resolution.latest).toBe("1.9.0");
    expect(resolution.passedOver.map((v) => v.name)).toEqual(["2.0.0"]);
    expect(read).toEqual(["2.0.0", "not-a-version", "1.9.0"]);
    expect(resolveLatest([...newestFirst].reverse(), "westeurope", now)).toEqual(resolution);
  });
});
