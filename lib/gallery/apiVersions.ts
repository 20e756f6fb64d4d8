import { hasAvailabilityZones } from "./regions";

/**
 * The gallery api-versions of Microsoft.Compute and what the service fills in for what a request leaves out, by
 * the version that changed it. The emulator applies the row of the api-version a request carries; the dashboard's
 * forms show the row of the version its SDK sends. Evidence and choices: docs/api-versions.md.
 */

/** The api-versions of Microsoft.Compute that serve galleries, image definitions and image versions. */
export const GALLERY_API_VERSIONS = [
  "2019-03-01",
  "2019-07-01",
  "2019-12-01",
  "2020-09-30",
  "2021-07-01",
  "2021-10-01",
  "2022-01-03",
  "2022-03-03",
  "2022-08-03",
  "2023-07-03",
  "2024-03-03",
  "2025-03-03",
  "2025-12-03",
] as const;

export type GalleryApiVersion = (typeof GALLERY_API_VERSIONS)[number];

/** The api-version @azure/arm-compute 25.1.1 sends for every gallery operation: the dashboard's. */
export const SDK_GALLERY_API_VERSION: GalleryApiVersion = "2025-12-03";

/** How the service picks a version's storage when no storageAccountType is given (2025-03-03 and later). */
export const STORAGE_ACCOUNT_STRATEGIES = ["PreferStandard_ZRS", "DefaultStandard_LRS"] as const;
export type StorageAccountStrategy = (typeof STORAGE_ACCOUNT_STRATEGIES)[number];

export interface ApiVersionDefaults {
  /** An image definition created without hyperVGeneration. */
  hyperVGeneration: "V1" | "V2";
  /** The SecurityType feature a Gen2 definition created without one gets; none before 2025-03-03. */
  gen2SecurityType?: "TrustedLaunchSupported";
  /** A version created with neither storageAccountType nor storageAccountStrategy: one or the other. */
  storage: { storageAccountType: "Standard_LRS" } | { storageAccountStrategy: StorageAccountStrategy };
}

const DEFAULTS_SINCE: readonly { since: string; defaults: ApiVersionDefaults }[] = [
  { since: "", defaults: { hyperVGeneration: "V1", storage: { storageAccountType: "Standard_LRS" } } },
  {
    since: "2025-03-03",
    defaults: {
      hyperVGeneration: "V2",
      gen2SecurityType: "TrustedLaunchSupported",
      storage: { storageAccountStrategy: "PreferStandard_ZRS" },
    },
  },
];

/** The defaults of an api-version (ISO dates compare as strings); the SDK's when none is given. */
export function apiVersionDefaults(apiVersion: string = SDK_GALLERY_API_VERSION): ApiVersionDefaults {
  // The first row holds since "", so one always applies.
  return DEFAULTS_SINCE.filter((row) => row.since <= apiVersion).at(-1)!.defaults;
}

export interface DefinitionDefaultsInput {
  hyperVGeneration?: string;
  features?: readonly { name: string; value: string }[];
}

/**
 * A new definition's generation and features with the api-version's defaults applied: a missing generation takes
 * the default, and a Gen2 definition without a SecurityType feature gets the version's Gen2 security type.
 */
export function withDefinitionDefaults<T extends DefinitionDefaultsInput>(
  properties: T,
  apiVersion?: string,
): T & { hyperVGeneration: "V1" | "V2" } {
  const defaults = apiVersionDefaults(apiVersion);
  const hyperVGeneration = (properties.hyperVGeneration ?? defaults.hyperVGeneration) as "V1" | "V2";
  const hasSecurityType = (properties.features ?? []).some((f) => f.name.toLowerCase() === "securitytype");
  const addSecurityType = hyperVGeneration === "V2" && !hasSecurityType && defaults.gen2SecurityType !== undefined;
  return {
    ...properties,
    hyperVGeneration,
    ...(addSecurityType
      ? { features: [...(properties.features ?? []), { name: "SecurityType", value: defaults.gen2SecurityType! }] }
      : {}),
  };
}

/** What VMs each SecurityType value lets use the image, in one line for forms and detail pages. */
export const SECURITY_TYPE_MEANING: Record<string, string> = {
  Standard: "Only VMs without Trusted Launch or confidential computing (security type Standard) can use it.",
  TrustedLaunch: "Only Trusted Launch VMs can use it.",
  ConfidentialVM: "Only confidential VMs can use it.",
  TrustedLaunchSupported: "Standard and Trusted Launch VMs can use it.",
  ConfidentialVMSupported: "Standard and confidential VMs can use it.",
  TrustedLaunchAndConfidentialVMSupported: "Standard, Trusted Launch and confidential VMs can use it.",
};

/** A Gen1 definition carries no security type: only Standard VMs (Trusted Launch needs Gen2). */
export const GEN1_MEANING = "Only Standard VMs can use it: Trusted Launch and confidential VMs need Generation 2.";

export interface RegionStorage {
  storageAccountType: string;
  /** Why this type, in plain words. */
  reason: string;
}

export interface StorageChoice {
  /** The region's own storageAccountType, if given. */
  regionType?: string;
  /** The publishing profile's storageAccountType, if given. */
  profileType?: string;
  /** The publishing profile's storageAccountStrategy, if given. */
  strategy?: string;
}

/**
 * The storage a region of a version gets: its own type, else the profile's type, else the strategy (the given
 * one or the api-version's default) read against the region's availability zones.
 */
export function regionStorage(region: string, choice: StorageChoice, apiVersion?: string): RegionStorage {
  if (choice.regionType) return { storageAccountType: choice.regionType, reason: "Set for this region." };
  if (choice.profileType) return { storageAccountType: choice.profileType, reason: "Set for the version." };
  const storage = apiVersionDefaults(apiVersion).storage;
  const strategy =
    choice.strategy ?? ("storageAccountStrategy" in storage ? storage.storageAccountStrategy : undefined);
  if (strategy === undefined) {
    return { storageAccountType: "Standard_LRS", reason: "The default of the api-version in use." };
  }
  if (strategy.toLowerCase() === "preferstandard_zrs") {
    return hasAvailabilityZones(region)
      ? { storageAccountType: "Standard_ZRS", reason: "PreferStandard_ZRS: the region has availability zones." }
      : { storageAccountType: "Standard_LRS", reason: "PreferStandard_ZRS: the region has no availability zones." };
  }
  return { storageAccountType: "Standard_LRS", reason: "DefaultStandard_LRS." };
}

export interface StorageDefaultsInput {
  storageAccountType?: string;
  storageAccountStrategy?: string;
}

/**
 * A publishing profile with its storage settled: what it states, else (on an update) what the stored profile holds,
 * since neither setting is updatable, else the api-version's default.
 */
export function withStorageDefaults<T extends StorageDefaultsInput>(
  profile: T,
  apiVersion?: string,
  stored?: StorageDefaultsInput,
): T {
  if (profile.storageAccountType !== undefined || profile.storageAccountStrategy !== undefined) return profile;
  if (stored && (stored.storageAccountType !== undefined || stored.storageAccountStrategy !== undefined)) {
    return {
      ...profile,
      ...(stored.storageAccountType !== undefined ? { storageAccountType: stored.storageAccountType } : {}),
      ...(stored.storageAccountStrategy !== undefined ? { storageAccountStrategy: stored.storageAccountStrategy } : {}),
    };
  }
  return { ...profile, ...apiVersionDefaults(apiVersion).storage };
}

export interface EffectiveDefinitionSecurity {
  hyperVGeneration: "V1" | "V2";
  /** The SecurityType feature the definition will carry, if any. */
  securityType?: string;
  /** Which of these came from the api-version's defaults rather than the caller. */
  defaulted: { hyperVGeneration: boolean; securityType: boolean };
  /** Which VM security types can use the image. */
  meaning: string;
}

/** What a definition created with these choices (either may be left out) will be, at an api-version. */
export function effectiveDefinitionSecurity(
  chosen: { hyperVGeneration?: string; securityType?: string },
  apiVersion?: string,
): EffectiveDefinitionSecurity {
  const features = chosen.securityType ? [{ name: "SecurityType", value: chosen.securityType }] : [];
  const effective = withDefinitionDefaults(
    { ...(chosen.hyperVGeneration ? { hyperVGeneration: chosen.hyperVGeneration } : {}), features },
    apiVersion,
  );
  const securityType = effective.features?.find((f) => f.name === "SecurityType")?.value;
  return {
    hyperVGeneration: effective.hyperVGeneration,
    ...(securityType ? { securityType } : {}),
    defaulted: { hyperVGeneration: !chosen.hyperVGeneration, securityType: !chosen.securityType && !!securityType },
    meaning: securityType
      ? (SECURITY_TYPE_MEANING[securityType] ?? "")
      : effective.hyperVGeneration === "V1"
        ? GEN1_MEANING
        : "No security type: Azure treats it as Standard, so only Standard VMs can use it.",
  };
}
