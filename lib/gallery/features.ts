import type { ImageFeature } from "./galleryImage";
import { KNOWN_FEATURE_VALUES } from "./imageValues";
import { compareVersionNames, INVALID_VERSION_NAME_MESSAGE, parseVersionName } from "./names";

/**
 * Features of an image definition over its versions. Since api-version 2024-03-03 an update that sets
 * `allowUpdateImage` may add or change features, each with `startsAtVersion` ("the minimum gallery image version which
 * supports this feature", GalleryRP.json): versions from that one on have the feature, older ones keep the behaviour
 * they were published with. The definition holds one entry per feature name.
 */

/** The features a definition's owner can change after creation, in the order a form lists them. */
export const UPGRADABLE_FEATURES = [
  "SecurityType",
  "DiskControllerTypes",
  "IsAcceleratedNetworkSupported",
  "IsHibernateSupported",
] as const;
export type UpgradableFeature = (typeof UPGRADABLE_FEATURES)[number];

export const FEATURE_LABELS: Record<UpgradableFeature, string> = {
  SecurityType: "Security type",
  DiskControllerTypes: "Disk controllers (NVMe)",
  IsAcceleratedNetworkSupported: "Accelerated networking",
  IsHibernateSupported: "Hibernation",
};

/** What a version without the feature gets: the platform's behaviour when the definition does not name it. */
export const BEHAVIOUR_WITHOUT_FEATURE: Record<UpgradableFeature, string> = {
  SecurityType: "Standard",
  DiskControllerTypes: "SCSI",
  IsAcceleratedNetworkSupported: "False",
  IsHibernateSupported: "False",
};

export function featureValuesOf(name: UpgradableFeature): readonly string[] {
  return KNOWN_FEATURE_VALUES[name] ?? [];
}

const sameName = (a: string | undefined, b: string) => (a ?? "").toLowerCase() === b.toLowerCase();

/** Whether a feature applies to a version: always without `startsAtVersion`, else from that version on. */
export function featureAppliesTo(feature: Pick<ImageFeature, "startsAtVersion">, versionName: string): boolean {
  if (!feature.startsAtVersion) return true;
  return compareVersionNames(versionName, feature.startsAtVersion) >= 0;
}

/** The features a version has: the definition's, less those that start at a later version. */
export function effectiveFeatures<T extends { name?: string; value?: string; startsAtVersion?: string }>(
  features: readonly T[] | undefined,
  versionName: string | undefined,
): T[] {
  if (versionName === undefined) return [...(features ?? [])];
  return (features ?? []).filter((feature) => featureAppliesTo(feature, versionName));
}

/** One feature's value for a version, or undefined when the version does not have it. */
export function featureValueAt(
  features: readonly { name?: string; value?: string; startsAtVersion?: string }[] | undefined,
  name: string,
  versionName: string | undefined,
): string | undefined {
  return effectiveFeatures(features, versionName).find((feature) => sameName(feature.name, name))?.value;
}

/** A feature's value for a version, or the behaviour a version without it gets. */
export function featureBehaviourAt(
  features: readonly { name?: string; value?: string; startsAtVersion?: string }[] | undefined,
  name: UpgradableFeature,
  versionName: string | undefined,
): string {
  return featureValueAt(features, name, versionName) ?? BEHAVIOUR_WITHOUT_FEATURE[name];
}

/** A requested change of one feature: its new value, from `startsAtVersion` on (every version when empty). */
export interface FeatureChange {
  name: UpgradableFeature;
  value: string;
  startsAtVersion?: string;
}

/** The definition's features after the changes: a changed feature replaces the entry of the same name. */
export function withFeatureChanges(stored: readonly ImageFeature[] | undefined, changes: readonly FeatureChange[]) {
  const changed = new Set(changes.map((change) => change.name.toLowerCase()));
  return [
    ...(stored ?? []).filter((feature) => !changed.has(feature.name.toLowerCase())),
    ...changes.map((change) => ({
      name: change.name,
      value: change.value,
      ...(change.startsAtVersion ? { startsAtVersion: change.startsAtVersion } : {}),
    })),
  ];
}

/** Why a `startsAtVersion` cannot be sent, or undefined when it can (empty means every version). */
export function checkStartsAtVersion(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return parseVersionName(value) ? undefined : INVALID_VERSION_NAME_MESSAGE;
}

export interface FeatureEffect {
  name: UpgradableFeature;
  /** The version's value before the change (BEHAVIOUR_WITHOUT_FEATURE when the definition did not name it). */
  before: string;
  after: string;
}

export interface VersionFeatureImpact {
  version: string;
  /** Features whose value for this version the change sets or alters. */
  gains: FeatureEffect[];
  /** Features the change touches that this version keeps as it was (below `startsAtVersion`). */
  keeps: FeatureEffect[];
}

/**
 * For each existing version, newest first: which changed features it gains and which it keeps as published. A
 * version keeps a feature when its behaviour before and after is the same, typically because it is older than the
 * change's `startsAtVersion`.
 */
export function featureChangeImpact(
  stored: readonly ImageFeature[] | undefined,
  changes: readonly FeatureChange[],
  versionNames: readonly string[],
): VersionFeatureImpact[] {
  const next = withFeatureChanges(stored, changes);
  return [...versionNames]
    .sort((a, b) => compareVersionNames(b, a))
    .map((version) => {
      const gains: FeatureEffect[] = [];
      const keeps: FeatureEffect[] = [];
      for (const change of changes) {
        const before = featureBehaviourAt(stored, change.name, version);
        const after = featureBehaviourAt(next, change.name, version);
        const effect = { name: change.name, before, after };
        if (before.replace(/\s+/g, "").toLowerCase() === after.replace(/\s+/g, "").toLowerCase()) keeps.push(effect);
        else gains.push(effect);
      }
      return { version, gains, keeps };
    });
}

/** "SecurityType=TrustedLaunch from 2.0.0": a definition's feature as the pages show it. */
export function describeFeature(feature: { name?: string; value?: string; startsAtVersion?: string }): string {
  const text = `${feature.name ?? ""}=${feature.value ?? ""}`;
  return feature.startsAtVersion ? `${text} from ${feature.startsAtVersion}` : text;
}
