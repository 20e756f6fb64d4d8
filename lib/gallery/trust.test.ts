import { describe, expect, it } from "vitest";
import { isUntrusted, versionTrust } from "./trust";

const TL = [{ name: "SecurityType", value: "TrustedLaunchSupported" }];
const provenance = [{ name: "source_image_publisher", value: "Contoso" }];

describe("version trust signals", () => {
  it("is unknown until the validations profile is read", () => {
    expect(versionTrust({ name: "1.0.0" }, TL)).toMatchObject({ validation: "unknown", warnings: [] });
  });

  it("is pending while a Trusted Launch version has no result, and not applicable for a Standard one", () => {
    const read = { executedValidations: [], platformAttributes: provenance };
    expect(versionTrust({ name: "1.0.0", validationsProfile: read }, TL)).toMatchObject({
      validation: "pending",
      provenance: [{ name: "source_image_publisher", value: "Contoso" }],
    });
    expect(versionTrust({ name: "1.0.0", validationsProfile: read }, undefined).validation).toBe("notApplicable");
  });

  it("expects a validation only from the version the Trusted Launch feature starts at", () => {
    const upgraded = [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }];
    const read = { executedValidations: [] };
    expect(versionTrust({ name: "1.0.0", validationsProfile: read }, upgraded).validation).toBe("notApplicable");
    expect(versionTrust({ name: "2.0.0", validationsProfile: read }, upgraded).validation).toBe("pending");
  });

  it("passes when every validation succeeded and fails, with a warning, when one failed", () => {
    const passed = versionTrust(
      {
        name: "1.0.0",
        validationsProfile: {
          executedValidations: [
            { type: "TrustedLaunchValidation", status: "Succeeded", executionTime: new Date("2026-01-01T00:00:00Z") },
          ],
        },
      },
      TL,
    );
    expect(passed).toMatchObject({
      validation: "passed",
      validations: [{ type: "TrustedLaunchValidation", executionTime: "2026-01-01T00:00:00.000Z" }],
    });
    expect(isUntrusted(passed)).toBe(false);

    const failed = versionTrust(
      {
        name: "1.1.0",
        validationsProfile: {
          executedValidations: [
            { type: "TrustedLaunchValidation", status: "Succeeded" },
            { type: "LinuxSecurityBaseline", status: "Failed" },
          ],
        },
      },
      TL,
    );
    expect(failed.validation).toBe("failed");
    expect(failed.warnings).toEqual(["Version 1.1.0 failed the platform's validation (LinuxSecurityBaseline)."]);
    expect(isUntrusted(failed)).toBe(true);
  });

  it("warns about a version reported for a policy violation, naming the categories", () => {
    const flagged = versionTrust(
      {
        name: "1.0.0",
        safetyProfile: {
          reportedForPolicyViolation: true,
          policyViolations: [{ category: "ImageFlaggedUnsafe", details: "A rootkit signature." }],
        },
      },
      undefined,
    );
    expect(flagged).toMatchObject({
      reportedForPolicyViolation: true,
      policyViolations: [{ category: "ImageFlaggedUnsafe", details: "A rootkit signature." }],
      warnings: ["Version 1.0.0 is reported for a policy violation (flagged unsafe)."],
    });
    expect(versionTrust({ name: "1.0.0", safetyProfile: { reportedForPolicyViolation: false } }, TL).warnings).toEqual(
      [],
    );
  });
});
