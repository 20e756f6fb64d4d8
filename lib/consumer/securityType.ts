import type { DeploymentSpec } from "./armTemplate";

/**
 * The VM security type an image definition's SecurityType feature requires of a VM made from it; the
 * "…Supported" values leave the choice to the VM, so they require nothing.
 */
export function requiredSecurityType(
  features: readonly { name?: string; value?: string }[] | undefined,
): DeploymentSpec["securityType"] {
  const value = features?.find((f) => f.name?.toLowerCase() === "securitytype")?.value ?? "";
  if (value === "TrustedLaunch") return "TrustedLaunch";
  if (value.startsWith("ConfidentialVM") && !value.endsWith("Supported")) return "ConfidentialVM";
  return undefined;
}
