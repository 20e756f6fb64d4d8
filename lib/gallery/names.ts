import { invalidParameter, type RuleViolation } from "./violation";

/** The validation rule the service quotes in its message for image definition names. */
export const ENTITY_NAME_RULE = "^[^_\\W][\\w-._]{0,79}(?<![-.])$";

/** The longest name a gallery, an image definition, a VM application, a script or a profile may have. */
export const MAX_NAME_LENGTH = 80;

const GALLERY_NAME = new RegExp(`^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,${MAX_NAME_LENGTH - 2}}[A-Za-z0-9])?$`);
const GALLERY_NAME_CHARACTERS = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.]{0,${MAX_NAME_LENGTH - 1}}$`);
const IMAGE_DEFINITION_NAME = new RegExp(`^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,${MAX_NAME_LENGTH - 2}}[A-Za-z0-9])?$`);
const IMAGE_DEFINITION_NAME_CHARACTERS = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,${MAX_NAME_LENGTH - 1}}$`);

/** The gallery name rule as a form words it. */
export const GALLERY_NAME_HINT =
  `Up to ${MAX_NAME_LENGTH} English letters, digits, underscores and periods; starts and ends with a letter or ` +
  "digit; no dashes.";

/** The name rule of image definitions, VM applications, scripts and profiles as a form words it. */
export const ENTITY_NAME_HINT =
  `Up to ${MAX_NAME_LENGTH} letters, digits, hyphens, underscores and periods; starts and ends with a letter or ` +
  "digit.";

/**
 * Names ending with these are refused with ARM's trailing-character error (code InvalidResourceNameTrailingCharacters,
 * as microsoft/vscode-azureappservice#1294 shows it); the troubleshooting guide gives that message for galleries and
 * definitions ending with a period or an underscore.
 */
const INVALID_TRAILING_CHARACTERS = [".", "_"] as const;

function trailingCharacterViolation(name: string, displayedName: string): RuleViolation | undefined {
  const last = name.at(-1);
  if (last === undefined || !(INVALID_TRAILING_CHARACTERS as readonly string[]).includes(last)) return undefined;
  return {
    status: 400,
    code: "InvalidResourceNameTrailingCharacters",
    message:
      `The provided resource name '${displayedName}' has these invalid trailing characters: '${last}'. ` +
      `The name can not end with characters: '${INVALID_TRAILING_CHARACTERS.join("', '")}'`,
  };
}

export function checkGalleryName(name: string): RuleViolation | undefined {
  if (GALLERY_NAME.test(name)) return undefined;
  // A name that is fine but for its last character gets ARM's trailing-character wording.
  if (GALLERY_NAME_CHARACTERS.test(name)) {
    const trailing = trailingCharacterViolation(name, name);
    if (trailing) return trailing;
  }
  return invalidParameter(
    "Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores and " +
      "periods allowed in the middle, up to 80 characters total. All other special characters, including " +
      "dashes, are disallowed.",
    "galleryName",
  );
}

/** `galleryName` is only used to word the trailing-character message as ARM does (`gallery/definition`). */
export function checkImageDefinitionName(name: string, galleryName?: string): RuleViolation | undefined {
  if (IMAGE_DEFINITION_NAME.test(name)) return undefined;
  if (IMAGE_DEFINITION_NAME_CHARACTERS.test(name)) {
    const trailing = trailingCharacterViolation(name, galleryName ? `${galleryName}/${name}` : name);
    if (trailing) return trailing;
  }
  return invalidParameter(
    `The entity name 'galleryImageName' is invalid according to its validation rule: ${ENTITY_NAME_RULE}.`,
    "galleryImageName",
  );
}

/** Each part of a version name is an Int32 on the service side. */
export const MAX_VERSION_PART = 2_147_483_647;

export interface ImageVersionNumber {
  major: number;
  minor: number;
  patch: number;
}

const VERSION_NAME = /^(\d+)\.(\d+)\.(\d+)$/;

/**
 * Sorting 10,000 versions compares names some 150,000 times, and latest filters them too: each name is parsed once
 * (the result shared, so frozen), not per call. Emptied when full, so a long session's names do not pile up.
 */
const parsedNames = new Map<string, ImageVersionNumber | null>();
const PARSED_NAMES_KEPT = 50_000;
export function parseVersionName(name: string): ImageVersionNumber | undefined {
  let parsed = parsedNames.get(name);
  if (parsed === undefined) {
    if (parsedNames.size >= PARSED_NAMES_KEPT) parsedNames.clear();
    parsed = readVersionName(name) ?? null;
    parsedNames.set(name, parsed);
  }
  return parsed ?? undefined;
}

function readVersionName(name: string): ImageVersionNumber | undefined {
  const match = VERSION_NAME.exec(name);
  if (!match) return undefined;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if ([major, minor, patch].some((part) => part > MAX_VERSION_PART)) return undefined;
  return Object.freeze({ major, minor, patch });
}

export function formatVersionName(version: ImageVersionNumber): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

export const INVALID_VERSION_NAME_MESSAGE =
  "The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) " +
  "format, for e.g: 1.0.0, 2018.12.1 etc.";

export function checkImageVersionName(name: string): RuleViolation | undefined {
  return parseVersionName(name) ? undefined : invalidParameter(INVALID_VERSION_NAME_MESSAGE, "galleryImageVersionName");
}

/** Orders version names numerically (1.10.0 after 1.9.0); names that do not parse sort first. */
export function compareVersionNames(a: string, b: string): number {
  return compareVersionNumbers(parseVersionName(a), parseVersionName(b));
}

/** compareVersionNames over names already parsed (undefined: did not parse), for sorts that parse each name once. */
export function compareVersionNumbers(left: ImageVersionNumber | undefined, right: ImageVersionNumber | undefined) {
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  return left.major - right.major || left.minor - right.minor || left.patch - right.patch;
}

/** The highest valid version name, or undefined when there is none. */
export function highestVersionName(names: readonly string[]): string | undefined {
  return names
    .filter((name) => parseVersionName(name))
    .sort(compareVersionNames)
    .at(-1);
}

/**
 * The version a publisher most likely wants next: the highest existing one with its patch raised,
 * carrying into minor and major when a part is already at its Int32 maximum; undefined when nothing is left.
 */
export function suggestNextVersionName(existing: readonly string[]): string | undefined {
  const highest = highestVersionName(existing);
  if (highest === undefined) return "1.0.0";
  const { major, minor, patch } = parseVersionName(highest)!;
  if (patch < MAX_VERSION_PART) return formatVersionName({ major, minor, patch: patch + 1 });
  if (minor < MAX_VERSION_PART) return formatVersionName({ major, minor: minor + 1, patch: 0 });
  if (major < MAX_VERSION_PART) return formatVersionName({ major: major + 1, minor: 0, patch: 0 });
  return undefined;
}

/** Gallery scripts and in-VM access control profiles follow the image definition's naming rule under their own parameter. */
export function checkGalleryArtifactName(name: string, parameter: string): RuleViolation | undefined {
  if (IMAGE_DEFINITION_NAME.test(name)) return undefined;
  return invalidParameter(
    `The entity name '${parameter}' is invalid according to its validation rule: ${ENTITY_NAME_RULE}.`,
    parameter,
  );
}
