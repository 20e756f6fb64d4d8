import { z } from "zod";
import { galleryImageIdentifierSchema, type GalleryImageIdentifier } from "./identifier";
import { azureDate, azureEnum, azureInt, checkEndOfLifeDate, END_OF_LIFE_IN_PAST_MESSAGE } from "./schemaParts";
import {
  ARCHITECTURES,
  DISK_CONTROLLER_TYPES,
  HYPERV_GENERATIONS,
  KNOWN_FEATURE_VALUES,
  OS_STATES,
  OS_TYPES,
} from "./imageValues";
import { parseIsoDate } from "./isoDate";
import { invalidParameter, propertyChangeNotAllowed, type RuleViolation } from "./violation";

/** A DiskControllerTypes value: each listed controller known, none twice, spaces around commas ignored. */
function isDiskControllerList(value: string): boolean {
  const listed = value.split(",").map((part) => part.trim().toLowerCase());
  const known = DISK_CONTROLLER_TYPES.map((type) => type.toLowerCase());
  return listed.every((part) => known.includes(part)) && new Set(listed).size === listed.length;
}

function isAllowedFeatureValue(name: string, value: string, allowed: readonly string[]): boolean {
  if (name.toLowerCase() === "diskcontrollertypes") return isDiskControllerList(value);
  return allowed.some((candidate) => candidate.toLowerCase() === value.toLowerCase());
}

const PROPERTIES = "galleryImage.properties";

const rangeSchema = (path: string) =>
  z.object({ min: azureInt(`properties.${path}.min`).optional(), max: azureInt(`properties.${path}.max`).optional() });

const featureSchema = z
  .object({ name: z.string(), value: z.string(), startsAtVersion: z.string().optional() })
  .superRefine((feature, context) => {
    const allowed = Object.entries(KNOWN_FEATURE_VALUES).find(
      ([name]) => name.toLowerCase() === feature.name.toLowerCase(),
    )?.[1];
    if (allowed && !isAllowedFeatureValue(feature.name, feature.value, allowed)) {
      context.addIssue({
        code: "custom",
        path: ["value"],
        message: `The value '${feature.value}' of feature '${feature.name}' is invalid. Allowed values are ${allowed.map((v) => `'${v}'`).join(", ")}.`,
      });
    }
  })
  // Known names and listed values are bound without regard to case and kept in their canonical casing, as enums are
  // (consumers compare SecurityType values exactly).
  .transform((feature) => {
    const known = Object.entries(KNOWN_FEATURE_VALUES).find(
      ([name]) => name.toLowerCase() === feature.name.toLowerCase(),
    );
    if (!known) return feature;
    const [name, allowed] = known;
    const value = allowed.find((candidate) => candidate.toLowerCase() === feature.value.toLowerCase()) ?? feature.value;
    return { ...feature, name, value };
  });

export function minGreaterThanMaxMessage(property: string): string {
  return `The minimum value of ${property} must not be greater than the maximum value of ${property}.`;
}

function galleryImagePropertiesShape() {
  return z.object({
    identifier: galleryImageIdentifierSchema,
    osType: azureEnum(OS_TYPES, `${PROPERTIES}.osType`),
    osState: azureEnum(OS_STATES, `${PROPERTIES}.osState`),
    // No default here: the service's default depends on the api-version (apiVersions.ts).
    hyperVGeneration: azureEnum(HYPERV_GENERATIONS, `${PROPERTIES}.hyperVGeneration`).optional(),
    architecture: azureEnum(ARCHITECTURES, `${PROPERTIES}.architecture`).default("x64"),
    description: z.string().optional(),
    eula: z.string().optional(),
    privacyStatementUri: z.string().optional(),
    releaseNoteUri: z.string().optional(),
    endOfLifeDate: azureDate("properties.endOfLifeDate").optional(),
    recommended: z
      .object({
        vCPUs: rangeSchema("recommended.vCPUs").optional(),
        memory: rangeSchema("recommended.memory").optional(),
      })
      .optional(),
    disallowed: z.object({ diskTypes: z.array(z.string()).optional() }).optional(),
    purchasePlan: z.object({ name: z.string(), publisher: z.string(), product: z.string() }).optional(),
    features: z.array(featureSchema).optional(),
    // Write-only (not returned): the caller's consent to change features on an update (2024-03-03 and later).
    allowUpdateImage: z.boolean().optional(),
  });
}

/**
 * The `properties` of an image definition PUT body. `now` is the caller's clock (the emulator's movable clock,
 * or the browser's) so that "end of life in the future" is judged the same way on both sides.
 */
export function makeGalleryImagePropertiesSchema(now: () => Date = () => new Date()) {
  return galleryImagePropertiesShape().superRefine((properties, context) => {
    for (const key of ["vCPUs", "memory"] as const) {
      const range = properties.recommended?.[key];
      if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
        context.addIssue({
          code: "custom",
          path: ["recommended", key, "min"],
          message: minGreaterThanMaxMessage(`recommended.${key}`),
        });
      }
    }
    const endOfLife = properties.endOfLifeDate ? parseIsoDate(properties.endOfLifeDate) : undefined;
    if (endOfLife && endOfLife.getTime() <= now().getTime()) {
      context.addIssue({ code: "custom", path: ["endOfLifeDate"], message: END_OF_LIFE_IN_PAST_MESSAGE });
    }
  });
}

export type GalleryImageProperties = z.output<ReturnType<typeof makeGalleryImagePropertiesSchema>>;

/** For callers that check only the end-of-life date (an update form) without parsing a whole body. */
export function checkImageEndOfLifeDate(value: string | undefined, now: Date): RuleViolation | undefined {
  return checkEndOfLifeDate(value, now, `${PROPERTIES}.endOfLifeDate`);
}

/** Properties fixed at creation: changing them means creating a new image definition. */
export const IMMUTABLE_IMAGE_PROPERTIES = [
  "osType",
  "osState",
  "hyperVGeneration",
  "architecture",
  "identifier.publisher",
  "identifier.offer",
  "identifier.sku",
] as const;

export type ImmutableImageProperty = (typeof IMMUTABLE_IMAGE_PROPERTIES)[number];

type ImmutableView = {
  osType: string;
  osState: string;
  hyperVGeneration?: string;
  architecture?: string;
  identifier: GalleryImageIdentifier;
};

function immutableValue(properties: ImmutableView, property: ImmutableImageProperty): string {
  switch (property) {
    case "hyperVGeneration":
      return properties.hyperVGeneration ?? "V1";
    case "architecture":
      return properties.architecture ?? "x64";
    case "identifier.publisher":
      return properties.identifier.publisher;
    case "identifier.offer":
      return properties.identifier.offer;
    case "identifier.sku":
      return properties.identifier.sku;
    default:
      return properties[property];
  }
}

/** Every immutable property an update would change (compared without regard to case, as the service binds them). */
export function changedImmutableImageProperties(
  stored: ImmutableView,
  incoming: ImmutableView,
): ImmutableImageProperty[] {
  return IMMUTABLE_IMAGE_PROPERTIES.filter(
    (property) => immutableValue(stored, property).toLowerCase() !== immutableValue(incoming, property).toLowerCase(),
  );
}

export interface ImageFeature {
  name: string;
  value: string;
  startsAtVersion?: string;
}

function featureKey(feature: ImageFeature): string {
  return [feature.name, feature.value.replace(/\s+/g, ""), feature.startsAtVersion ?? ""].join("|").toLowerCase();
}

/** Whether two feature lists differ (order, case and spaces in values aside). */
export function featuresDiffer(stored: readonly ImageFeature[] = [], incoming: readonly ImageFeature[] = []): boolean {
  const a = stored.map(featureKey).sort();
  const b = incoming.map(featureKey).sort();
  return a.length !== b.length || a.some((key, index) => key !== b[index]);
}

/**
 * The 409 PropertyChangeNotAllowed for the first immutable property an update would change; features count as
 * immutable unless the update sets allowUpdateImage.
 */
export function checkImageDefinitionUpdate(
  stored: ImmutableView & { features?: readonly ImageFeature[] },
  incoming: ImmutableView & { features?: readonly ImageFeature[]; allowUpdateImage?: boolean },
): RuleViolation | undefined {
  const [changed] = changedImmutableImageProperties(stored, incoming);
  if (changed !== undefined) return propertyChangeNotAllowed(`${PROPERTIES}.${changed}`);
  if (incoming.allowUpdateImage !== true && featuresDiffer(stored.features, incoming.features)) {
    return propertyChangeNotAllowed(`${PROPERTIES}.features`);
  }
  return undefined;
}

/** What the service knows about a version's source that must match its image definition. */
export interface ImageSourceTraits {
  id: string;
  osType?: string;
  osState?: string;
  hyperVGeneration?: string;
  architecture?: string;
  /** The source's own security type: a VM's or disk's `securityProfile.securityType`, a version's definition's. */
  securityType?: string;
  /** The controllers the source's OS disk supports, as its `supportedCapabilities.diskControllerTypes` lists them. */
  diskControllerTypes?: string;
}

/** The definition's side of the comparison: its fixed properties and its features. */
export interface SourceDefinitionTraits {
  osType: string;
  osState: string;
  hyperVGeneration?: string;
  architecture?: string;
  features?: readonly { name: string; value: string }[];
}

export interface SourceIncompatibility {
  property: "osType" | "osState" | "hyperVGeneration" | "architecture" | "securityType" | "diskControllerTypes";
  definitionValue: string;
  sourceValue: string;
  /** Plain words for a form that explains why a source cannot be picked. */
  explanation: string;
  violation: RuleViolation;
}

/**
 * The VM security family a source's security type binds it to (a disk's ConfidentialVM_* types included). A
 * "…Supported" value (a source version's definition) also runs as Standard, so it binds to nothing.
 */
function securityFamily(value: string): "TrustedLaunch" | "ConfidentialVM" | "Standard" {
  const lower = value.toLowerCase();
  if (lower.endsWith("supported")) return "Standard";
  if (lower.startsWith("confidentialvm")) return "ConfidentialVM";
  if (lower.startsWith("trustedlaunch")) return "TrustedLaunch";
  return "Standard";
}

/** The definition's SecurityType values that can hold an image of a source of each family. */
const HOLDS_SECURITY_FAMILY: Record<"TrustedLaunch" | "ConfidentialVM", readonly string[]> = {
  TrustedLaunch: ["TrustedLaunch", "TrustedLaunchSupported", "TrustedLaunchAndConfidentialVMSupported"],
  ConfidentialVM: ["ConfidentialVM", "ConfidentialVMSupported", "TrustedLaunchAndConfidentialVMSupported"],
};

function featureValue(features: SourceDefinitionTraits["features"], name: string): string | undefined {
  return features?.find((feature) => feature.name.toLowerCase() === name.toLowerCase())?.value;
}

function controllerList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
}

/**
 * Why a source cannot become a version of this definition: every mismatch of OS type, OS state, Hyper-V
 * generation, architecture, security type and disk controller, each with the service's 400. An empty list means
 * the source is compatible. Unknown traits of the source are not held against it. A Standard source may go into
 * any definition of its generation (Trusted Launch images are made from Gen2 Standard VMs); a Trusted Launch or
 * confidential source needs a definition whose SecurityType holds that family; a source that boots from NVMe only
 * needs a definition whose DiskControllerTypes lists NVMe (without the feature, a definition is SCSI only).
 */
export function sourceIncompatibilities(
  definition: SourceDefinitionTraits,
  source: ImageSourceTraits,
): SourceIncompatibility[] {
  const reasons: SourceIncompatibility[] = [];
  const differs = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() !== b.toLowerCase();
  if (differs(source.osType, definition.osType)) {
    reasons.push({
      property: "osType",
      definitionValue: definition.osType,
      sourceValue: source.osType!,
      explanation: `The source runs ${source.osType}, but the image definition is for ${definition.osType} images.`,
      violation: invalidParameter(
        `The resource with id '${source.id}' has a different OS type ['${source.osType}'] than the parent gallery image OS type generation ['${definition.osType}']`,
      ),
    });
  }
  if (differs(source.osState, definition.osState)) {
    reasons.push({
      property: "osState",
      definitionValue: definition.osState,
      sourceValue: source.osState!,
      explanation: `The source is ${source.osState}, but the image definition holds ${definition.osState} images.`,
      violation: invalidParameter(
        `Cannot create Gallery Image Version from: ${source.id} since the OS State in the parent gallery image ('${definition.osState}') is not '${source.osState}'.`,
      ),
    });
  }
  const generation = definition.hyperVGeneration ?? "V1";
  if (differs(source.hyperVGeneration, generation)) {
    reasons.push({
      property: "hyperVGeneration",
      definitionValue: generation,
      sourceValue: source.hyperVGeneration!,
      explanation: `The source is Hyper-V generation ${source.hyperVGeneration}, but the image definition is for generation ${generation}.`,
      violation: invalidParameter(
        `The resource with id '${source.id}' has a different Hypervisor generation ['${source.hyperVGeneration}'] than the parent gallery image Hypervisor generation ['${generation}']`,
      ),
    });
  }
  const architecture = definition.architecture ?? "x64";
  if (differs(source.architecture, architecture)) {
    reasons.push({
      property: "architecture",
      definitionValue: architecture,
      sourceValue: source.architecture!,
      explanation: `The source is built for ${source.architecture}, but the image definition is for ${architecture} images.`,
      violation: invalidParameter(
        `The resource with id '${source.id}' has a different architecture ['${source.architecture}'] than the parent gallery image architecture ['${architecture}']`,
      ),
    });
  }
  const definitionSecurity = featureValue(definition.features, "SecurityType") ?? "Standard";
  const sourceFamily = source.securityType ? securityFamily(source.securityType) : "Standard";
  if (
    sourceFamily !== "Standard" &&
    !HOLDS_SECURITY_FAMILY[sourceFamily].some((value) => value.toLowerCase() === definitionSecurity.toLowerCase())
  ) {
    reasons.push({
      property: "securityType",
      definitionValue: definitionSecurity,
      sourceValue: source.securityType!,
      explanation: `The source is ${sourceFamily === "TrustedLaunch" ? "Trusted Launch" : "confidential"} (${source.securityType}), but the image definition's security type is ${definitionSecurity}; it needs one of ${HOLDS_SECURITY_FAMILY[sourceFamily].join(", ")}.`,
      violation: invalidParameter(
        `The resource with id '${source.id}' has security type ['${source.securityType}'] which the parent gallery image security type ['${definitionSecurity}'] does not support.`,
      ),
    });
  }
  const sourceControllers = source.diskControllerTypes ? controllerList(source.diskControllerTypes) : [];
  const definitionControllers = controllerList(featureValue(definition.features, "DiskControllerTypes") ?? "SCSI");
  if (sourceControllers.length > 0 && !sourceControllers.some((type) => definitionControllers.includes(type))) {
    const definitionValue = featureValue(definition.features, "DiskControllerTypes") ?? "SCSI";
    reasons.push({
      property: "diskControllerTypes",
      definitionValue,
      sourceValue: source.diskControllerTypes!,
      explanation: `The source's OS disk supports ${source.diskControllerTypes} only, but the image definition's disk controllers are ${definitionValue}; add NVMe to its DiskControllerTypes feature first.`,
      violation: invalidParameter(
        `The resource with id '${source.id}' supports disk controller types ['${source.diskControllerTypes}'] but the parent gallery image supports ['${definitionValue}'].`,
      ),
    });
  }
  return reasons;
}

export function checkSourceCompatibility(
  definition: SourceDefinitionTraits,
  source: ImageSourceTraits,
): RuleViolation | undefined {
  return sourceIncompatibilities(definition, source)[0]?.violation;
}
