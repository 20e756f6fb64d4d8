import { z } from "zod";
import { invalidParameter, type RuleViolation } from "./violation";

export interface GalleryImageIdentifier {
  publisher: string;
  offer: string;
  sku: string;
}

export type IdentifierPart = keyof GalleryImageIdentifier;

export const IDENTIFIER_MAX_LENGTH: Record<IdentifierPart, number> = { publisher: 128, offer: 64, sku: 64 };

const IDENTIFIER_CHARACTERS = /^[A-Za-z0-9._-]+$/;

export function identifierTarget(part: IdentifierPart): string {
  return `galleryImage.properties.identifier.${part}`;
}

export function invalidIdentifierMessage(part: IdentifierPart): string {
  return (
    `Asset name ${identifierTarget(part)} is not valid. It cannot be empty. Allowed characters are uppercase or ` +
    "lowercase letters, digits, hyphen(-), period (.), underscore (_). Names are not allowed to end with period(.). " +
    `The length of the name cannot exceed ${IDENTIFIER_MAX_LENGTH[part]} characters.`
  );
}

export function isValidIdentifierPart(part: IdentifierPart, value: string): boolean {
  return value.length <= IDENTIFIER_MAX_LENGTH[part] && IDENTIFIER_CHARACTERS.test(value) && !value.endsWith(".");
}

export function checkIdentifierPart(part: IdentifierPart, value: string | undefined): RuleViolation | undefined {
  return value !== undefined && isValidIdentifierPart(part, value)
    ? undefined
    : invalidParameter(invalidIdentifierMessage(part), identifierTarget(part));
}

export function validateIdentifier(identifier: Partial<GalleryImageIdentifier>): RuleViolation[] {
  return (["publisher", "offer", "sku"] as const).flatMap((part) => checkIdentifierPart(part, identifier[part]) ?? []);
}

function identifierPartSchema(part: IdentifierPart) {
  return z
    .string({ error: () => invalidIdentifierMessage(part) })
    .refine((value) => isValidIdentifierPart(part, value), { error: () => invalidIdentifierMessage(part) });
}

export const galleryImageIdentifierSchema = z.object(
  {
    publisher: identifierPartSchema("publisher"),
    offer: identifierPartSchema("offer"),
    sku: identifierPartSchema("sku"),
  },
  { error: () => "Required parameter 'galleryImage.properties.identifier' is missing (null)." },
);

/** The service compares identifiers without regard to case. */
export function sameIdentifier(a: GalleryImageIdentifier, b: GalleryImageIdentifier): boolean {
  const key = (identifier: GalleryImageIdentifier) =>
    [identifier.publisher, identifier.offer, identifier.sku].map((part) => part.toLowerCase()).join("\u0000");
  return key(a) === key(b);
}

export interface IdentifiedImageDefinition {
  name: string;
  identifier: GalleryImageIdentifier;
}

/**
 * The 409 for a definition whose (publisher, offer, sku) another definition of the same gallery already uses.
 * The candidate's own stored copy (same name, any case) is not a conflict: that is an update.
 */
export function findIdentifierConflict(
  candidate: IdentifiedImageDefinition,
  galleryDefinitions: readonly IdentifiedImageDefinition[],
): RuleViolation | undefined {
  const clash = galleryDefinitions.find(
    (existing) =>
      existing.name.toLowerCase() !== candidate.name.toLowerCase() &&
      sameIdentifier(existing.identifier, candidate.identifier),
  );
  if (!clash) return undefined;
  const { publisher, offer, sku } = candidate.identifier;
  return {
    status: 409,
    code: "OperationNotAllowed",
    message:
      `Gallery image: ${clash.name} identified by (publisher:${publisher}, offer:${offer}, sku:${sku}) already exists. ` +
      "Choose a different publisher, offer, sku combination.",
  };
}
