import { z } from "zod";
import {
  checkStartsAtVersion,
  featureValuesOf,
  UPGRADABLE_FEATURES,
  withFeatureChanges,
  type FeatureChange,
  type UpgradableFeature,
} from "@/lib/gallery/features";
import type { ImageFeature } from "@/lib/gallery/galleryImage";

/**
 * The "Change features" form of an image definition: per upgradable feature a new value ("" leaves it as it is) and
 * the version it starts at ("" for every version), and the caller's consent `allowUpdateImage`.
 */
export interface FeatureUpgradeValues {
  changes: { name: UpgradableFeature; value: string; startsAtVersion: string }[];
  allowUpdateImage: boolean;
}

export function featureUpgradeDefaults(): FeatureUpgradeValues {
  return {
    changes: UPGRADABLE_FEATURES.map((name) => ({ name, value: "", startsAtVersion: "" })),
    allowUpdateImage: true,
  };
}

/** The changes the user asked for: the rows with a value. */
export function requestedChanges(values: FeatureUpgradeValues): FeatureChange[] {
  return values.changes
    .filter((row) => row.value !== "")
    .map((row) => ({
      name: row.name,
      value: row.value,
      ...(row.startsAtVersion.trim() ? { startsAtVersion: row.startsAtVersion.trim() } : {}),
    }));
}

export const NOTHING_TO_CHANGE_MESSAGE = "Choose a new value for at least one feature.";

export const featureUpgradeSchema = z
  .object({
    changes: z.array(z.object({ name: z.enum(UPGRADABLE_FEATURES), value: z.string(), startsAtVersion: z.string() })),
    allowUpdateImage: z.boolean(),
  })
  .superRefine((values, context) => {
    if (values.changes.every((row) => row.value === "")) {
      context.addIssue({ code: "custom", path: ["changes"], message: NOTHING_TO_CHANGE_MESSAGE });
    }
    values.changes.forEach((row, index) => {
      if (row.value !== "" && !featureValuesOf(row.name).includes(row.value)) {
        context.addIssue({
          code: "custom",
          path: ["changes", index, "value"],
          message: `Choose one of ${featureValuesOf(row.name).join(", ")}.`,
        });
      }
      const invalid = checkStartsAtVersion(row.startsAtVersion.trim());
      if (invalid) context.addIssue({ code: "custom", path: ["changes", index, "startsAtVersion"], message: invalid });
      if (row.value === "" && row.startsAtVersion.trim()) {
        context.addIssue({
          code: "custom",
          path: ["changes", index, "startsAtVersion"],
          message: "Choose the new value this version starts, or clear the version.",
        });
      }
    });
  });

/** The PATCH body's properties: every feature the definition keeps, the changed ones replaced, and the consent. */
export function featureUpgradeBody(stored: readonly ImageFeature[] | undefined, values: FeatureUpgradeValues) {
  return {
    features: withFeatureChanges(stored, requestedChanges(values)),
    allowUpdateImage: values.allowUpdateImage,
  };
}
