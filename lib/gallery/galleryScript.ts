import { z } from "zod";
import { STORAGE_ACCOUNT_STRATEGIES } from "./apiVersions";
import { OS_TYPES } from "./imageValues";
import {
  STORAGE_ACCOUNT_TYPES,
  REPLICATION_MODES,
  MIN_REPLICA_COUNT,
  MAX_REPLICA_COUNT,
  makeTargetRegionSchema,
  targetExtendedLocationSchema,
  underVersionFamily,
  validateVersionRegions,
} from "./galleryImageVersion";
import {
  azureDate,
  azureEnum,
  azureInt,
  checkEndOfLifeDate,
  pathFromTarget,
  requiredParameterMessage,
} from "./schemaParts";
import { invalidParameter, type RuleViolation } from "./violation";

/**
 * Gallery scripts (Microsoft.Compute/galleries/scripts) and their versions, as GalleryRP 2025-03-03 defines them
 * (GalleryScriptProperties, GalleryScriptVersionPublishingProfile, ScriptSource, GalleryScriptParameter).
 */

export const SCRIPT_PARAMETER_TYPES = ["String", "Int", "Double", "Boolean", "Enum"] as const;
export type ScriptParameterType = (typeof SCRIPT_PARAMETER_TYPES)[number];

const SCRIPT = "galleryScript.properties";
const VERSION = "galleryScriptVersion.properties";

export const galleryScriptPropertiesSchema = z.object({
  description: z.string().optional(),
  eula: z.string().optional(),
  privacyStatementUri: z.string().optional(),
  releaseNoteUri: z.string().optional(),
  endOfLifeDate: azureDate("properties.endOfLifeDate").optional(),
  supportedOSType: azureEnum(OS_TYPES, `${SCRIPT}.supportedOSType`),
});

export type GalleryScriptProperties = z.output<typeof galleryScriptPropertiesSchema>;

/** The script's rules that need a clock: an end-of-life date must lie ahead. */
export function makeGalleryScriptPropertiesSchema(now: () => Date) {
  return galleryScriptPropertiesSchema.superRefine((properties, zod) => {
    const violation = checkEndOfLifeDate(properties.endOfLifeDate, now(), `${SCRIPT}.endOfLifeDate`);
    if (violation) zod.addIssue({ code: "custom", message: violation.message, path: ["endOfLifeDate"] });
  });
}

/** The script's supported OS type is fixed at creation, as an image definition's osType is. */
export function checkGalleryScriptUpdate(
  stored: GalleryScriptProperties,
  next: GalleryScriptProperties,
): RuleViolation | undefined {
  if (stored.supportedOSType === next.supportedOSType) return undefined;
  return {
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: "Changing property 'supportedOSType' is not allowed.",
    target: `${SCRIPT}.supportedOSType`,
  };
}

const replicaCount = (jsonPath: string, parameter: string) =>
  azureInt(jsonPath, { min: MIN_REPLICA_COUNT, max: MAX_REPLICA_COUNT, parameter });

const required = (path: string) => ({ error: () => requiredParameterMessage(path) });

export const scriptParameterSchema = z.object({
  name: z.string(required(`${VERSION}.publishingProfile.source.parameters.name`)),
  required: z.boolean().optional(),
  defaultValue: z.string().optional(),
  description: z.string().optional(),
  type: azureEnum(SCRIPT_PARAMETER_TYPES, `${VERSION}.publishingProfile.source.parameters.type`).optional(),
  minValue: z.string().optional(),
  maxValue: z.string().optional(),
  enumValues: z.array(z.string()).optional(),
});

export type ScriptParameter = z.output<typeof scriptParameterSchema>;

export const scriptTargetRegionSchema = makeTargetRegionSchema({
  json: "properties.publishingProfile.targetRegions",
  parameter: `${VERSION}.publishingProfile.targetRegions`,
  nameError: required(`${VERSION}.publishingProfile.targetRegions.name`).error,
});

export const galleryScriptVersionPropertiesShape = z.object({
  publishingProfile: z.object(
    {
      source: z.object(
        {
          scriptLink: z.string(required(`${VERSION}.publishingProfile.source.scriptLink`)),
          parameters: z.array(scriptParameterSchema).optional(),
        },
        required(`${VERSION}.publishingProfile.source`),
      ),
      targetRegions: z.array(scriptTargetRegionSchema).optional(),
      replicaCount: replicaCount(
        "properties.publishingProfile.replicaCount",
        `${VERSION}.publishingProfile.replicaCount`,
      ).optional(),
      excludeFromLatest: z.boolean().optional(),
      endOfLifeDate: azureDate("properties.publishingProfile.endOfLifeDate").optional(),
      storageAccountType: azureEnum(
        STORAGE_ACCOUNT_TYPES,
        `${VERSION}.publishingProfile.storageAccountType`,
      ).optional(),
      replicationMode: azureEnum(REPLICATION_MODES, `${VERSION}.publishingProfile.replicationMode`).optional(),
      storageAccountStrategy: azureEnum(
        STORAGE_ACCOUNT_STRATEGIES,
        `${VERSION}.publishingProfile.storageAccountStrategy`,
      ).optional(),
      // Edge zones are kept as sent: the emulator models no extended locations for scripts.
      targetExtendedLocations: z.array(targetExtendedLocationSchema).optional(),
    },
    required(`${VERSION}.publishingProfile`),
  ),
  safetyProfile: z.object({ allowDeletionOfReplicatedLocations: z.boolean().optional() }).optional(),
});

export type GalleryScriptVersionProperties = z.output<typeof galleryScriptVersionPropertiesShape>;

function isNumber(value: string, integer: boolean): boolean {
  return integer ? /^[+-]?\d+$/.test(value.trim()) : value.trim() !== "" && Number.isFinite(Number(value));
}

/**
 * A parameter's typed fields agree with its type: Int and Double bounds and default are numbers with min ≤ default
 * ≤ max, Boolean defaults are true or false, an Enum lists its values and its default is one of them; names are
 * unique (case-insensitively, as the script receives them).
 */
export function validateScriptParameters(parameters: readonly ScriptParameter[] | undefined): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const target = `${VERSION}.publishingProfile.source.parameters`;
  (parameters ?? []).forEach((parameter, index) => {
    const at = `${target}[${index}]`;
    const earlier = (parameters ?? []).slice(0, index);
    if (parameter.name.trim() === "")
      violations.push(invalidParameter(requiredParameterMessage(`${at}.name`), `${at}.name`));
    if (earlier.some((other) => other.name.toLowerCase() === parameter.name.toLowerCase()))
      violations.push(
        invalidParameter(`Duplicate parameter name '${parameter.name}' in gallery script parameters.`, `${at}.name`),
      );
    const type = parameter.type ?? "String";
    if (type === "Int" || type === "Double") {
      const integer = type === "Int";
      for (const field of ["minValue", "maxValue", "defaultValue"] as const) {
        const value = parameter[field];
        if (value !== undefined && !isNumber(value, integer))
          violations.push(
            invalidParameter(
              `The ${field} '${value}' of parameter '${parameter.name}' is not a valid ${type}.`,
              `${at}.${field}`,
            ),
          );
      }
      const [min, max, def] = [parameter.minValue, parameter.maxValue, parameter.defaultValue].map((v) =>
        v !== undefined && isNumber(v, integer) ? Number(v) : undefined,
      );
      if (min !== undefined && max !== undefined && min > max)
        violations.push(
          invalidParameter(
            `The minValue of parameter '${parameter.name}' is greater than its maxValue.`,
            `${at}.minValue`,
          ),
        );
      if (def !== undefined && ((min !== undefined && def < min) || (max !== undefined && def > max)))
        violations.push(
          invalidParameter(
            `The defaultValue of parameter '${parameter.name}' is outside its minValue and maxValue.`,
            `${at}.defaultValue`,
          ),
        );
    } else if (parameter.minValue !== undefined || parameter.maxValue !== undefined) {
      violations.push(
        invalidParameter(
          `minValue and maxValue apply only to parameters of type Int or Double ('${parameter.name}').`,
          `${at}.minValue`,
        ),
      );
    }
    if (type === "Boolean" && parameter.defaultValue !== undefined && !/^(true|false)$/i.test(parameter.defaultValue))
      violations.push(
        invalidParameter(
          `The defaultValue '${parameter.defaultValue}' of parameter '${parameter.name}' is not a valid Boolean.`,
          `${at}.defaultValue`,
        ),
      );
    if (type === "Enum") {
      const values = parameter.enumValues ?? [];
      if (values.length === 0)
        violations.push(
          invalidParameter(`Parameter '${parameter.name}' of type Enum must list its enumValues.`, `${at}.enumValues`),
        );
      else if (parameter.defaultValue !== undefined && !values.includes(parameter.defaultValue))
        violations.push(
          invalidParameter(
            `The defaultValue '${parameter.defaultValue}' of parameter '${parameter.name}' is not one of its enumValues.`,
            `${at}.defaultValue`,
          ),
        );
    } else if (parameter.enumValues !== undefined) {
      violations.push(
        invalidParameter(`enumValues apply only to parameters of type Enum ('${parameter.name}').`, `${at}.enumValues`),
      );
    }
  });
  return violations;
}

export const SCRIPT_LINK_MESSAGE = "The scriptLink must be an absolute https or http URI of the script's blob.";

/** A script link is the URI of a blob (with or without its SAS token). */
export function checkScriptLink(link: string): RuleViolation | undefined {
  const target = `${VERSION}.publishingProfile.source.scriptLink`;
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:"
      ? undefined
      : invalidParameter(SCRIPT_LINK_MESSAGE, target);
  } catch {
    return invalidParameter(SCRIPT_LINK_MESSAGE, target);
  }
}

/** The link the service returns: the blob without its SAS token (GalleryScriptVersion_Create example). */
export function scriptLinkWithoutSas(link: string): string {
  const query = link.indexOf("?");
  return query < 0 ? link : link.slice(0, query);
}

/** Every rule of a script version body that parsed, with `now` for its end-of-life date. */
export function validateScriptVersionRules(properties: GalleryScriptVersionProperties, now: Date): RuleViolation[] {
  const profile = properties.publishingProfile;
  return [
    checkScriptLink(profile.source.scriptLink),
    ...validateScriptParameters(profile.source.parameters),
    checkEndOfLifeDate(profile.endOfLifeDate, now, `${VERSION}.publishingProfile.endOfLifeDate`),
  ].filter((violation): violation is RuleViolation => violation !== undefined);
}

/**
 * A script version's target regions and edge zones, by the image version's rules under the script version's names;
 * its end of life is validateScriptVersionRules' (an update may keep a date that has passed).
 */
export function validateScriptVersionRegions(
  profile: GalleryScriptVersionProperties["publishingProfile"],
  context: { location: string; now: Date },
): RuleViolation[] {
  return validateVersionRegions(
    { ...profile, endOfLifeDate: undefined },
    context,
    underVersionFamily("galleryScriptVersion"),
  );
}

export function makeGalleryScriptVersionPropertiesSchema(now: () => Date) {
  return galleryScriptVersionPropertiesShape.superRefine((properties, zod) => {
    for (const violation of validateScriptVersionRules(properties, now())) {
      zod.addIssue({
        code: "custom",
        message: violation.message,
        path: violation.target ? pathFromTarget(violation.target.slice(VERSION.length + 1)) : [],
      });
    }
  });
}
