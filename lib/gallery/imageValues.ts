/**
 * The enumerated values of an image definition, apart from its schema (galleryImage.ts): pages that show features
 * need these lists, not zod.
 */
export const OS_TYPES = ["Windows", "Linux"] as const;
export const OS_STATES = ["Generalized", "Specialized"] as const;
export const HYPERV_GENERATIONS = ["V1", "V2"] as const;
export const ARCHITECTURES = ["x64", "Arm64"] as const;
/** The values of the `SecurityType` feature in the gallery API (2023-07-03 and later). */
export const SECURITY_TYPES = [
  "Standard",
  "TrustedLaunch",
  "ConfidentialVM",
  "ConfidentialVMSupported",
  "TrustedLaunchSupported",
  "TrustedLaunchAndConfidentialVMSupported",
] as const;

export type HyperVGeneration = (typeof HYPERV_GENERATIONS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];

/** The disk controllers a DiskControllerTypes feature lists, comma-separated ("SCSI, NVMe" or "SCSI,NVMe"). */
export const DISK_CONTROLLER_TYPES = ["SCSI", "NVMe"] as const;

/** Features whose values the service checks; other feature names are passed through as given. */
export const KNOWN_FEATURE_VALUES: Record<string, readonly string[]> = {
  SecurityType: SECURITY_TYPES,
  IsAcceleratedNetworkSupported: ["True", "False"],
  IsHibernateSupported: ["True", "False"],
  DiskControllerTypes: ["SCSI", "NVMe", "SCSI, NVMe"],
};
