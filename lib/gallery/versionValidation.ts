/**
 * The platform's validation of an image version (`validationsProfile`, read with `$expand=ValidationProfile`).
 * The spec and docs say only that it runs after publishing; the emulator runs the Trusted Launch validation for a
 * version of a definition whose `SecurityType` asks for Trusted Launch, a fixed emulated time after replication ends
 * (docs/azure-error-fidelity.md, "Image version validation").
 */

/** Security types whose versions the platform validates for Trusted Launch. */
export const VALIDATED_SECURITY_TYPES = [
  "TrustedLaunch",
  "TrustedLaunchSupported",
  "TrustedLaunchAndConfidentialVMSupported",
] as const;

export const TRUSTED_LAUNCH_VALIDATION = "TrustedLaunchValidation";
export const TRUSTED_LAUNCH_VALIDATION_VERSION = "1.0";
/** Emulated time between the end of replication and the validation's result. */
export const VALIDATION_DELAY_MS = 10 * 60_000;

export interface ExecutedValidation {
  type: string;
  status: "Succeeded" | "Failed";
  version: string;
  executionTime: string;
}

export interface ValidationsProfile {
  validationEtag?: string;
  executedValidations: ExecutedValidation[];
  platformAttributes: { name: string; value: string }[];
}

export interface ValidatedVersion {
  securityType: string | undefined;
  identifier: { publisher: string; offer: string; sku: string };
  version: string;
  publishedDate: string;
  /** When replication finished everywhere (epoch ms), or undefined while it runs. */
  replicatedAt: number | undefined;
  /** What the Trusted Launch validation finds when it runs: Succeeded unless the emulator was told otherwise. */
  outcome?: ExecutedValidation["status"];
}

export function securityTypeOf(features: readonly { name?: string; value?: string }[] | undefined): string | undefined {
  return features?.find((feature) => feature.name?.toLowerCase() === "securitytype")?.value;
}

/** The version's validations profile at `now`. */
export function validationsProfileAt(version: ValidatedVersion, now: number): ValidationsProfile {
  const platformAttributes = [
    { name: "source_image_publisher", value: version.identifier.publisher },
    { name: "source_image_offer", value: version.identifier.offer },
    { name: "source_image_sku", value: version.identifier.sku },
    { name: "source_image_version", value: version.version },
  ];
  const validated = VALIDATED_SECURITY_TYPES.some((type) => type.toLowerCase() === version.securityType?.toLowerCase());
  const doneAt = version.replicatedAt === undefined ? undefined : version.replicatedAt + VALIDATION_DELAY_MS;
  if (!validated || doneAt === undefined || now < doneAt) {
    return { validationEtag: version.publishedDate, executedValidations: [], platformAttributes };
  }
  const executionTime = new Date(doneAt).toISOString();
  return {
    validationEtag: executionTime,
    executedValidations: [
      {
        type: TRUSTED_LAUNCH_VALIDATION,
        status: version.outcome ?? "Succeeded",
        version: TRUSTED_LAUNCH_VALIDATION_VERSION,
        executionTime,
      },
    ],
    platformAttributes,
  };
}
