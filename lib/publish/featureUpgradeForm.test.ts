// The browser parses with zod's interpreted parsers (our CSP forbids eval); the forms are tested the same way.
import "@/lib/security/zodWithoutEval";
import { describe, expect, it } from "vitest";
import {
  featureUpgradeBody,
  featureUpgradeDefaults,
  featureUpgradeSchema,
  NOTHING_TO_CHANGE_MESSAGE,
  type FeatureUpgradeValues,
} from "@/lib/publish/featureUpgradeForm";

function withRow(name: string, value: string, startsAtVersion = ""): FeatureUpgradeValues {
  const values = featureUpgradeDefaults();
  return {
    ...values,
    changes: values.changes.map((row) => (row.name === name ? { ...row, value, startsAtVersion } : row)),
  };
}

const messages = (values: FeatureUpgradeValues) =>
  Object.fromEntries(
    (featureUpgradeSchema.safeParse(values).error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
  );

describe("change features form", () => {
  it("asks for at least one change", () => {
    expect(messages(featureUpgradeDefaults())).toEqual({ changes: NOTHING_TO_CHANGE_MESSAGE });
  });

  it("takes a version name as startsAtVersion, and only with a value", () => {
    expect(messages(withRow("SecurityType", "TrustedLaunch", "2.0.0"))).toEqual({});
    expect(messages(withRow("SecurityType", "TrustedLaunch", "two"))["changes.0.startsAtVersion"]).toMatch(
      /Major\(int\)/,
    );
    const noValue = withRow("SecurityType", "", "2.0.0");
    noValue.changes[2]!.value = "True";
    expect(Object.keys(messages(noValue))).toEqual(["changes.0.startsAtVersion"]);
  });

  it("sends every stored feature, the changed one replaced, with the consent as given", () => {
    const values = withRow("DiskControllerTypes", "SCSI, NVMe", "1.2.0");
    expect(
      featureUpgradeBody(
        [
          { name: "SecurityType", value: "TrustedLaunchSupported" },
          { name: "DiskControllerTypes", value: "SCSI" },
        ],
        { ...values, allowUpdateImage: false },
      ),
    ).toEqual({
      features: [
        { name: "SecurityType", value: "TrustedLaunchSupported" },
        { name: "DiskControllerTypes", value: "SCSI, NVMe", startsAtVersion: "1.2.0" },
      ],
      allowUpdateImage: false,
    });
  });
});
