import type { z } from "zod";
import { violationsFromZodError } from "../../../lib/gallery/schemaParts.js";
import type { RuleViolation } from "../../../lib/gallery/violation.js";
import { ArmError, ArmErrors } from "../../errors.js";

/** A resource body as a PUT or PATCH sends it, before its `properties` are parsed. */
export interface ResourceBody {
  location?: string;
  tags?: Record<string, string>;
  /** A managed identity, for the types that have one (emulator/managedIdentity/resourceIdentity.ts). */
  identity?: unknown;
  properties?: unknown;
}

/** A JSON object as a request sends it, not yet checked field by field. */
export type Raw = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An enum parameter in Compute's casing; any casing is accepted, as the service does, anything else refused. */
export function enumValue<T extends string>(value: unknown, allowed: readonly T[], parameter: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  const match = allowed.find((a) => typeof value === "string" && a.toLowerCase() === value.toLowerCase());
  if (!match) throw ArmErrors.invalidParameterValue(parameter);
  return match;
}

/** The JSON object of a request; ARM answers a missing or non-object body as undeserializable content. */
export function requireObjectBody(body: unknown): ResourceBody {
  if (body === undefined || body === null) throw ArmErrors.missingRequestContent();
  if (!isPlainObject(body))
    throw ArmErrors.invalidRequestContent(
      `Unexpected JSON token ${Array.isArray(body) ? "StartArray" : typeof body}; expected an object.`,
    );
  if (body.location !== undefined && typeof body.location !== "string") {
    throw ArmErrors.invalidRequestContent(
      `Error converting value ${JSON.stringify(body.location)} to type 'System.String'. Path 'location'.`,
    );
  }
  if (
    body.tags !== undefined &&
    (!isPlainObject(body.tags) || Object.values(body.tags).some((v) => typeof v !== "string"))
  ) {
    throw ArmErrors.invalidRequestContent(
      "Error converting value to type 'System.Collections.Generic.IDictionary`2[System.String,System.String]'. Path 'tags'.",
    );
  }
  if (body.properties !== undefined && body.properties !== null && !isPlainObject(body.properties)) {
    throw ArmErrors.invalidRequestContent(
      `Error converting value ${JSON.stringify(body.properties)} to type 'Properties'. Path 'properties'.`,
    );
  }
  return body as ResourceBody;
}

export function throwViolation(violation: RuleViolation | undefined): void {
  if (violation) throw ArmErrors.fromViolation(violation);
}

/** zod's own wording (no message of ours) marks a JSON type mismatch, which ARM reports as undeserializable content. */
const ZOD_DEFAULT_MESSAGE = /^Invalid input|^Invalid option|^Expected /;

/**
 * Parses `properties` with a schema from lib/gallery, so the emulator refuses exactly what the forms refuse and
 * with the same words. The first broken rule becomes the ARM error, as the service reports one at a time.
 */
export function parseProperties<S extends z.ZodType>(schema: S, value: unknown, targetPrefix: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (first && ZOD_DEFAULT_MESSAGE.test(first.message)) {
    const path = ["properties", ...first.path.map(String)].join(".");
    throw ArmErrors.invalidRequestContent(`${first.message}. Path '${path}'.`);
  }
  const [violation] = violationsFromZodError(result.error, targetPrefix);
  throw violation
    ? ArmErrors.fromViolation(violation)
    : new ArmError(400, "InvalidParameter", "The request is invalid.");
}

export function stringTags(tags: Record<string, string> | undefined): { tags?: Record<string, string> } {
  return tags ? { tags } : {};
}

/** A tracked resource's envelope as ARM answers it: id, name, type, location and its tags when it has any. */
export function trackedEnvelope(
  body: { id: string; name: string; location: string; tags?: Record<string, string> },
  type: string,
) {
  return { id: body.id, name: body.name, type, location: body.location, ...stringTags(body.tags) };
}
