import type { RuleViolation } from "./violation";

/**
 * Which VM security types an image definition's `SecurityType` feature lets a VM or scale set use, and Compute's
 * errors for a VM whose `securityProfile.securityType` the image does not allow. Shared by the emulator's VM PUT
 * and the dashboard's deploy guidance, so both read the same table.
 */

/** `securityProfile.securityType` of a VM or scale set; Standard is also what a VM without one is. */
export const VM_SECURITY_TYPES = ["Standard", "TrustedLaunch", "ConfidentialVM"] as const;
export type VmSecurityType = (typeof VM_SECURITY_TYPES)[number];

/**
 * The VM security types each definition SecurityType allows (docs: "Trusted Launch for Azure virtual machines",
 * "Azure Compute Gallery: SecurityType"). A definition without the feature, or a Gen1 one, allows Standard only.
 */
const ALLOWED = new Map<string, readonly VmSecurityType[]>([
  ["standard", ["Standard"]],
  ["trustedlaunch", ["TrustedLaunch"]],
  ["confidentialvm", ["ConfidentialVM"]],
  ["trustedlaunchsupported", ["Standard", "TrustedLaunch"]],
  ["confidentialvmsupported", ["Standard", "ConfidentialVM"]],
  ["trustedlaunchandconfidentialvmsupported", ["Standard", "TrustedLaunch", "ConfidentialVM"]],
]);

export function allowedVmSecurityTypes(
  imageSecurityType: string | undefined,
  hyperVGeneration: string | undefined,
): readonly VmSecurityType[] {
  if (hyperVGeneration === "V1" || imageSecurityType === undefined) return ["Standard"];
  return ALLOWED.get(imageSecurityType.toLowerCase()) ?? ["Standard"];
}

/**
 * Compute's answer to a VM of `vmSecurityType` from the image, or undefined when it is allowed. An image that only
 * supports one security type names it ("The provided gallery image only supports creation of VMs and VM Scale Sets
 * with 'TrustedLaunch' security type."); a security type the image lacks gets "Use of TrustedLaunch setting is not
 * supported for the provided image." (both BadRequest, as reported by users of the API; see
 * docs/azure-error-fidelity.md).
 */
export function checkVmSecurityType(
  vmSecurityType: VmSecurityType,
  imageSecurityType: string | undefined,
  hyperVGeneration: string | undefined,
): RuleViolation | undefined {
  const allowed = allowedVmSecurityTypes(imageSecurityType, hyperVGeneration);
  if (allowed.includes(vmSecurityType)) return undefined;
  if (vmSecurityType === "Standard" || (allowed.length === 1 && !allowed.includes("Standard")))
    return {
      status: 400,
      code: "BadRequest",
      message: `The provided gallery image only supports creation of VMs and VM Scale Sets with '${allowed[0]}' security type.`,
    };
  return {
    status: 400,
    code: "BadRequest",
    message:
      vmSecurityType === "TrustedLaunch"
        ? "Use of TrustedLaunch setting is not supported for the provided image. Please select Trusted Launch Supported Gen2 OS Image. For more information, see https://aka.ms/TrustedLaunch-FAQ."
        : `Use of ${vmSecurityType} setting is not supported for the provided image.`,
  };
}
