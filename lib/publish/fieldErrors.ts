import type { z } from "zod";
import { explainArmError, type ArmErrorLike, type ErrorExplanation } from "@/lib/gallery/troubleshooting";
import type { RuleViolation } from "@/lib/gallery/violation";

/** The property-path prefixes ARM puts on targets, which the forms' value shapes leave out. */
const RESOURCE_PREFIXES = [
  "galleryImageVersion.",
  "galleryImage.",
  "galleryApplicationVersion.",
  "galleryApplication.",
  "gallery.",
  "galleryScriptVersion.",
  "galleryScript.",
  "galleryInVMAccessControlProfileVersion.",
  "galleryInVMAccessControlProfile.",
];

/** Codes whose field is always the same, whatever target the service sends. */
const FIELD_BY_CODE: Record<string, string> = {
  invalidresourcelocation: "name",
  locationnotavailableforresourcetype: "location",
};

/** Messages that name their field although the service sends no target. */
const FIELD_BY_MESSAGE: { pattern: RegExp; field: string }[] = [
  { pattern: /identified by \(publisher/i, field: "properties.identifier" },
  { pattern: /exceeding quota limits/i, field: "location" },
  { pattern: /is not found\. Please check source/i, field: "properties.storageProfile.source.id" },
];

/**
 * The form field an ARM error concerns: its `target` turned into a field path (`galleryImage.properties.
 * identifier.sku` → `properties.identifier.sku`, `…targetRegions[1].name` → `…targetRegions.1.name`), or a
 * known message. `aliases` maps targets that are not property paths (`galleryName`) to the form's names.
 * Undefined when the error is about the request as a whole.
 */
export function fieldOfArmError(
  error: ArmErrorLike & { target?: string | undefined },
  aliases: Record<string, string> = {},
): string | undefined {
  const byCode = FIELD_BY_CODE[(error.code ?? "").toLowerCase()];
  if (byCode) return byCode;
  const target = error.target;
  if (target) {
    const alias = Object.entries(aliases).find(([name]) => name.toLowerCase() === target.toLowerCase());
    if (alias) return alias[1];
    const prefix = RESOURCE_PREFIXES.find((candidate) => target.startsWith(candidate));
    const path = (prefix ? target.slice(prefix.length) : target).replace(/\[(\d+)\]/g, ".$1");
    // The forms edit an edge zone's `extendedLocation.name` as its row's `edgeZone`.
    if (path.startsWith("properties."))
      return path.replace(/(targetExtendedLocations\.\d+)\.extendedLocation\.name$/, "$1.edgeZone");
  }
  return FIELD_BY_MESSAGE.find(({ pattern }) => pattern.test(error.message ?? ""))?.field;
}

/**
 * A rule violation of lib/gallery on the form field its target names, as the service's refusal would land, relative
 * to `properties` (where the forms' transforms run): the form shows the refusal before it is sent.
 */
export function addViolation(zod: z.RefinementCtx, violation: RuleViolation) {
  const field = fieldOfArmError(violation)?.replace(/^properties\.?/, "");
  zod.addIssue({ code: "custom", message: violation.message, path: field ? field.split(".") : [] });
}

/** Codes the shared catalogue leaves to its fallback, explained for the form where they happen. */
const PUBLISH_EXPLANATIONS: Record<string, ErrorExplanation> = {
  gallerynamenotunique: {
    title: "Gallery name already used",
    cause:
      "Gallery names are unique within a subscription, across every resource group and region — including galleries you cannot see.",
    fix: "Choose another name.",
  },
  operationnotallowed: {
    title: "Operation not allowed",
    cause: "Another operation is still running on this resource, or the service does not allow this change.",
    fix: "Wait until the running operation has finished, then submit again.",
  },
};

export function explainPublishError(error: ArmErrorLike): ErrorExplanation {
  const explanation = explainArmError(error);
  if (explanation.title !== "Request failed") return explanation;
  return PUBLISH_EXPLANATIONS[(error.code ?? "").toLowerCase()] ?? explanation;
}
