import { describe, expect, it } from "vitest";
import {
  checkStartsAtVersion,
  describeFeature,
  effectiveFeatures,
  featureChangeImpact,
  featureValueAt,
  withFeatureChanges,
} from "./features";

const upgraded = [
  { name: "IsAcceleratedNetworkSupported", value: "True" },
  { name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" },
];

describe("features per version (startsAtVersion)", () => {
  it("gives a version the features that start at or before it", () => {
    expect(effectiveFeatures(upgraded, "1.9.9").map((f) => f.name)).toEqual(["IsAcceleratedNetworkSupported"]);
    expect(effectiveFeatures(upgraded, "2.0.0").map((f) => f.name)).toEqual([
      "IsAcceleratedNetworkSupported",
      "SecurityType",
    ]);
    // Numeric, not textual, order.
    expect(featureValueAt(upgraded, "securitytype", "10.0.0")).toBe("TrustedLaunchSupported");
    expect(featureValueAt(upgraded, "SecurityType", "1.10.0")).toBeUndefined();
  });

  it("gives the definition as a whole (no version) every feature", () => {
    expect(effectiveFeatures(upgraded, undefined)).toHaveLength(2);
  });

  it("replaces a changed feature and keeps the others", () => {
    const next = withFeatureChanges(
      [
        { name: "SecurityType", value: "Standard" },
        { name: "IsHibernateSupported", value: "False" },
      ],
      [{ name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "1.1.0" }],
    );
    expect(next).toEqual([
      { name: "IsHibernateSupported", value: "False" },
      { name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "1.1.0" },
    ]);
    expect(withFeatureChanges(undefined, [{ name: "DiskControllerTypes", value: "SCSI, NVMe" }])).toEqual([
      { name: "DiskControllerTypes", value: "SCSI, NVMe" },
    ]);
  });

  it("says which versions gain a change and which keep what they were published with", () => {
    const impact = featureChangeImpact(
      [{ name: "SecurityType", value: "Standard" }],
      [
        { name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "1.1.0" },
        { name: "DiskControllerTypes", value: "SCSI, NVMe" },
      ],
      ["1.0.0", "2.0.0", "1.1.0"],
    );
    expect(impact.map((v) => v.version)).toEqual(["2.0.0", "1.1.0", "1.0.0"]);
    expect(impact[1]).toEqual({
      version: "1.1.0",
      gains: [
        { name: "SecurityType", before: "Standard", after: "TrustedLaunchSupported" },
        { name: "DiskControllerTypes", before: "SCSI", after: "SCSI, NVMe" },
      ],
      keeps: [],
    });
    // Below startsAtVersion the replaced entry no longer applies: 1.0.0 gets what no SecurityType means, Standard,
    // which is what it had.
    expect(impact[2]).toEqual({
      version: "1.0.0",
      gains: [{ name: "DiskControllerTypes", before: "SCSI", after: "SCSI, NVMe" }],
      keeps: [{ name: "SecurityType", before: "Standard", after: "Standard" }],
    });
  });

  it("keeps older versions as they were when the feature is new", () => {
    const [newer, older] = featureChangeImpact(
      undefined,
      [{ name: "IsHibernateSupported", value: "True", startsAtVersion: "2.0.0" }],
      ["1.0.0", "2.0.0"],
    );
    expect(newer).toMatchObject({ version: "2.0.0", gains: [{ name: "IsHibernateSupported", after: "True" }] });
    expect(older).toEqual({
      version: "1.0.0",
      gains: [],
      keeps: [{ name: "IsHibernateSupported", before: "False", after: "False" }],
    });
  });

  it("takes only version names as startsAtVersion", () => {
    expect(checkStartsAtVersion("")).toBeUndefined();
    expect(checkStartsAtVersion("2.0.0")).toBeUndefined();
    expect(checkStartsAtVersion("v2")).toMatch(/Major\(int\)\.Minor\(int\)\.Patch\(int\)/);
  });

  it("describes a feature with the version it starts at", () => {
    expect(describeFeature({ name: "SecurityType", value: "Standard" })).toBe("SecurityType=Standard");
    expect(describeFeature(upgraded[1]!)).toBe("SecurityType=TrustedLaunchSupported from 2.0.0");
  });
});
