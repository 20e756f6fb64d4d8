import { featureValueAt } from "./features";
import { VALIDATED_SECURITY_TYPES } from "./versionValidation";

/**
 * Why a consumer may or may not trust an image version: the platform's validation results (`validationsProfile`,
 * read with `$expand=ValidationProfile`), policy reports (`safetyProfile.reportedForPolicyViolation`,
 * `policyViolations`) and where the image came from (`validationsProfile.platformAttributes`).
 */

export type ValidationState =
  /** The definition's security type for this version asks for no validation, and none ran. */
  | "notApplicable"
  /** A validation is expected (Trusted Launch), but no result is there yet. */
  | "pending"
  | "passed"
  | "failed"
  /** The validations profile was not read (or could not be). */
  | "unknown";

export const POLICY_VIOLATION_LABELS: Record<string, string> = {
  ImageFlaggedUnsafe: "flagged unsafe",
  CopyrightValidation: "copyright",
  IpTheft: "IP theft",
  Other: "other",
};

export interface TrustInput {
  name: string;
  safetyProfile?: {
    reportedForPolicyViolation?: boolean;
    policyViolations?: { category?: string; details?: string }[];
  };
  /** Undefined when the version was read without `$expand=ValidationProfile`. */
  validationsProfile?: {
    executedValidations?: { type?: string; status?: string; version?: string; executionTime?: Date | string }[];
    platformAttributes?: { name?: string; value?: string }[];
  };
}

export interface VersionTrust {
  version: string;
  validation: ValidationState;
  validations: { type: string; status: string; version?: string; executionTime?: string }[];
  reportedForPolicyViolation: boolean;
  policyViolations: { category: string; details: string }[];
  provenance: { name: string; value: string }[];
  /** One sentence per reason not to deploy the version, for deploy snippets and `latest` explanations. */
  warnings: string[];
}

const isoOf = (value: Date | string | undefined) =>
  value === undefined ? undefined : typeof value === "string" ? value : value.toISOString();

/**
 * The trust signals of one version. `definitionFeatures` are the definition's: the security type that applies to
 * this version (startsAtVersion respected) decides whether a Trusted Launch validation is expected.
 */
export function versionTrust(
  version: TrustInput,
  definitionFeatures: readonly { name?: string; value?: string; startsAtVersion?: string }[] | undefined,
): VersionTrust {
  const validations = (version.validationsProfile?.executedValidations ?? []).map((v) => ({
    type: v.type ?? "Validation",
    status: v.status ?? "Unknown",
    ...(v.version ? { version: v.version } : {}),
    ...(v.executionTime ? { executionTime: isoOf(v.executionTime) } : {}),
  }));
  const securityType = featureValueAt(definitionFeatures, "SecurityType", version.name);
  const expected = VALIDATED_SECURITY_TYPES.some((type) => type.toLowerCase() === securityType?.toLowerCase());
  const validation: ValidationState = !version.validationsProfile
    ? "unknown"
    : validations.some((v) => v.status.toLowerCase() === "failed")
      ? "failed"
      : validations.length > 0 && validations.every((v) => v.status.toLowerCase() === "succeeded")
        ? "passed"
        : expected || validations.length > 0
          ? "pending"
          : "notApplicable";
  const policyViolations = (version.safetyProfile?.policyViolations ?? []).map((violation) => ({
    category: violation.category ?? "Other",
    details: violation.details ?? "",
  }));
  const reportedForPolicyViolation =
    version.safetyProfile?.reportedForPolicyViolation === true || policyViolations.length > 0;
  const warnings: string[] = [];
  if (reportedForPolicyViolation) {
    const categories = policyViolations.map((v) => POLICY_VIOLATION_LABELS[v.category] ?? v.category);
    warnings.push(
      `Version ${version.name} is reported for a policy violation${categories.length ? ` (${categories.join(", ")})` : ""}.`,
    );
  }
  if (validation === "failed") {
    const failed = validations.filter((v) => v.status.toLowerCase() === "failed").map((v) => v.type);
    warnings.push(`Version ${version.name} failed the platform's validation (${failed.join(", ")}).`);
  }
  return {
    version: version.name,
    validation,
    validations,
    reportedForPolicyViolation,
    policyViolations,
    provenance: (version.validationsProfile?.platformAttributes ?? [])
      .filter((attribute) => attribute.name)
      .map((attribute) => ({ name: attribute.name!, value: attribute.value ?? "" })),
    warnings,
  };
}

/** Whether a version should not be deployed without a second look. */
export function isUntrusted(trust: Pick<VersionTrust, "warnings"> | undefined): boolean {
  return (trust?.warnings.length ?? 0) > 0;
}
