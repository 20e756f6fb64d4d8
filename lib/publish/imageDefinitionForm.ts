import { z } from "zod";
import {
  checkImageEndOfLifeDate,
  makeGalleryImagePropertiesSchema,
  minGreaterThanMaxMessage,
} from "@/lib/gallery/galleryImage";
import { SECURITY_TYPES } from "@/lib/gallery/imageValues";
import {
  findIdentifierConflict,
  type GalleryImageIdentifier,
  type IdentifiedImageDefinition,
} from "@/lib/gallery/identifier";
import { checkGalleryQuota } from "@/lib/gallery/limits";
import { checkImageDefinitionName } from "@/lib/gallery/names";
import { requiredParameterMessage } from "@/lib/gallery/schemaParts";
import type { RuleViolation } from "@/lib/gallery/violation";
import { ruleString, tagRowsSchema, withoutBlanks, type TagRow } from "@/lib/publish/formRules";

/** The disk types a definition can disallow for VMs made from it (the portal offers the same ones). */
export const DISALLOWABLE_DISK_TYPES = [
  "Standard_LRS",
  "StandardSSD_LRS",
  "Premium_LRS",
  "StandardSSD_ZRS",
  "Premium_ZRS",
  "PremiumV2_LRS",
  "UltraSSD_LRS",
] as const;

/** The security types a publisher picks from; the "…Supported" values describe images made elsewhere. */
export const PICKABLE_SECURITY_TYPES = SECURITY_TYPES;

export interface RangeValues {
  min?: number;
  max?: number;
}

export interface FeatureRow {
  name: string;
  value: string;
}

export interface ImageDefinitionPropertiesValues {
  identifier: GalleryImageIdentifier;
  osType: string;
  osState: string;
  hyperVGeneration: string;
  architecture: string;
  /**
   * Folded into `features` as SecurityType, every value sent as chosen (Standard too: from 2025-03-03 a Gen2
   * definition without one becomes TrustedLaunchSupported). "" leaves it to the api-version's default.
   */
  securityType: string;
  description: string;
  eula: string;
  privacyStatementUri: string;
  releaseNoteUri: string;
  endOfLifeDate: string;
  recommended: { vCPUs: RangeValues; memory: RangeValues };
  /** react-hook-form gives `false` for a checkbox group with nothing checked. */
  disallowed: { diskTypes: string[] | false };
  purchasePlan: { name: string; publisher: string; product: string };
  features: FeatureRow[];
}

export interface ImageDefinitionCreateValues {
  name: string;
  properties: ImageDefinitionPropertiesValues;
  tags: TagRow[];
}

/** Turns the form's properties into the PUT body's `properties`, before the shared schema judges them. */
export function imageDefinitionPropertiesBody(values: ImageDefinitionPropertiesValues): Record<string, unknown> {
  const { identifier, securityType, features, disallowed, ...rest } = values;
  const cleaned = (withoutBlanks(rest) ?? {}) as Record<string, unknown>;
  const allFeatures = [
    ...features.map((feature) => ({ name: feature.name.trim(), value: feature.value.trim() })),
    ...(securityType ? [{ name: "SecurityType", value: securityType }] : []),
  ];
  const diskTypes = disallowed.diskTypes || [];
  return {
    ...cleaned,
    // Kept as typed, so an empty part is reported on its own field with the service's wording.
    identifier: { publisher: identifier.publisher, offer: identifier.offer, sku: identifier.sku },
    ...(diskTypes.length > 0 ? { disallowed: { diskTypes } } : {}),
    ...(allFeatures.length > 0 ? { features: allFeatures } : {}),
  };
}

/**
 * Checks the shared schema only runs once every field parses (its cross-field refinement), repeated here with
 * the shared functions so they show together with the others; plus what only a form can get wrong.
 */
function formOnlyIssues(
  values: ImageDefinitionPropertiesValues,
  now: Date,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const endOfLife = values.endOfLifeDate ? checkImageEndOfLifeDate(values.endOfLifeDate, now) : undefined;
  if (endOfLife) issues.push({ path: ["endOfLifeDate"], message: endOfLife.message });
  for (const key of ["vCPUs", "memory"] as const) {
    const { min, max } = values.recommended[key];
    if (Number.isInteger(min) && Number.isInteger(max) && min! > max!) {
      issues.push({ path: ["recommended", key, "min"], message: minGreaterThanMaxMessage(`recommended.${key}`) });
    }
  }
  const plan = values.purchasePlan;
  const parts = ["name", "publisher", "product"] as const;
  if (parts.some((part) => plan[part].trim() !== "")) {
    for (const part of parts.filter((part) => plan[part].trim() === "")) {
      issues.push({
        path: ["purchasePlan", part],
        message: requiredParameterMessage(`galleryImage.properties.purchasePlan.${part}`),
      });
    }
  }
  values.features.forEach((feature, index) => {
    if (feature.name.trim() === "")
      issues.push({ path: ["features", index, "name"], message: "Enter the feature's name, or remove the row." });
    if (feature.value.trim() === "")
      issues.push({ path: ["features", index, "value"], message: "Enter the feature's value, or remove the row." });
  });
  return issues;
}

/**
 * The `properties` part of the form: the shared schema on the body the form builds, plus the form-only checks,
 * all reported together (a failed form-only check must not hide the service's rules).
 */
export function makeImageDefinitionPropertiesFormSchema(now: () => Date) {
  const shared = makeGalleryImagePropertiesSchema(now);
  return z
    .custom<ImageDefinitionPropertiesValues>((value) => typeof value === "object" && value !== null)
    .transform((values, zod) => {
      const formIssues = formOnlyIssues(values, now());
      const parsed = shared.safeParse(imageDefinitionPropertiesBody(values));
      for (const issue of formIssues) zod.addIssue({ code: "custom", ...issue });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          zod.addIssue({ code: "custom", message: issue.message, path: issue.path as (string | number)[] });
      }
      return parsed.success && formIssues.length === 0 ? parsed.data : z.NEVER;
    });
}

export interface ImageDefinitionCreateContext {
  now: () => Date;
  /** Definitions already counted in the gallery's subscription and region (undefined while unknown). */
  definitionsInRegion?: () => number | undefined;
  location: string;
}

export function makeImageDefinitionCreateSchema(context: ImageDefinitionCreateContext) {
  return z
    .object({
      name: ruleString((value) => checkImageDefinitionName(value), "Enter a name for the image definition."),
      properties: makeImageDefinitionPropertiesFormSchema(context.now),
      tags: tagRowsSchema,
    })
    .superRefine((_values, zod) => {
      const used = context.definitionsInRegion?.();
      const quota = used === undefined ? undefined : checkGalleryQuota("imageDefinitions", used, context.location);
      if (quota) zod.addIssue({ code: "custom", path: ["name"], message: quota.message });
    });
}

export type ImageDefinitionCreateOutput = z.output<ReturnType<typeof makeImageDefinitionCreateSchema>>;

/**
 * The identifier clash the service will answer with, among the definitions the user can see. Shown as a hint
 * only: definitions the user cannot read count too, so the service stays the judge.
 */
export function identifierHint(
  candidate: IdentifiedImageDefinition,
  visible: readonly IdentifiedImageDefinition[],
): RuleViolation | undefined {
  const { publisher, offer, sku } = candidate.identifier;
  if (!publisher || !offer || !sku) return undefined;
  return findIdentifierConflict(candidate, visible);
}

/** What an update may change: everything but the identifier, OS type/state, generation and architecture. */
export interface ImageDefinitionUpdateValues {
  properties: Pick<
    ImageDefinitionPropertiesValues,
    "description" | "eula" | "privacyStatementUri" | "releaseNoteUri" | "endOfLifeDate" | "recommended"
  >;
  tags: TagRow[];
}

type ImmutableDefinitionValues = Pick<
  ImageDefinitionPropertiesValues,
  "identifier" | "osType" | "osState" | "hyperVGeneration" | "architecture"
>;

/**
 * The update form's rules: the shared schema on the stored immutable values plus the changed ones. An end-of-life
 * date left as stored is not sent again (it may have passed since, which the service would refuse anew).
 */
export function makeImageDefinitionUpdateSchema(
  now: () => Date,
  stored: ImmutableDefinitionValues,
  storedEndOfLife: string,
) {
  const shared = makeGalleryImagePropertiesSchema(now);
  return z.object({
    properties: z
      .custom<ImageDefinitionUpdateValues["properties"]>((value) => typeof value === "object" && value !== null)
      .transform((values, zod) => {
        const changed = (withoutBlanks(values) ?? {}) as Record<string, unknown>;
        if (values.endOfLifeDate === storedEndOfLife) delete changed.endOfLifeDate;
        const parsed = shared.safeParse({ ...stored, ...changed });
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            zod.addIssue({ code: "custom", message: issue.message, path: issue.path as (string | number)[] });
          return z.NEVER;
        }
        return {
          ...parsed.data,
          // An emptied text field clears the property: the PATCH merges, so it must say "" rather than leave it out.
          description: values.description.trim(),
          eula: values.eula.trim(),
          privacyStatementUri: values.privacyStatementUri.trim(),
          releaseNoteUri: values.releaseNoteUri.trim(),
        };
      }),
    tags: tagRowsSchema,
  });
}

export type ImageDefinitionUpdateOutput = z.output<ReturnType<typeof makeImageDefinitionUpdateSchema>>;
