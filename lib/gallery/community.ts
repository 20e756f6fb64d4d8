import { invalidParameter, type RuleViolation } from "./violation";

/**
 * A community gallery's publisher details (sharingProfile.communityGalleryInfo), the rules both the emulator and the
 * dashboard's form judge them by. The spec marks publicNames and communityGalleryEnabled read-only: the service makes
 * them when the gallery is shared with the community.
 */

export interface CommunityPublisherInfo {
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
}

/**
 * The `disclaimer` every community gallery, image and version carries. No field of the gallery API sets it (the
 * spec's CommunityGalleryInfo has none): it is the service's, Microsoft's notice that community images are the
 * publisher's and not Microsoft's. The emulator points at Learn's page on community galleries, which holds it.
 */
export const COMMUNITY_DISCLAIMER_URI = "https://learn.microsoft.com/azure/virtual-machines/share-gallery-community";

export const COMMUNITY_INFO_PATH = "gallery.properties.sharingProfile.communityGalleryInfo";

/** The fields EnableCommunity needs, in the order the portal asks for them. */
export const COMMUNITY_REQUIRED_FIELDS = ["publisherUri", "publisherContact", "eula", "publicNamePrefix"] as const;
export type CommunityField = (typeof COMMUNITY_REQUIRED_FIELDS)[number];

/**
 * The prefix is joined to a GUID to make the public name. No public record words the service's rule; the emulator
 * keeps it to what a public name can carry safely in a URL path: 5 to 16 letters or digits.
 */
export const PUBLIC_NAME_PREFIX_MIN = 5;
export const PUBLIC_NAME_PREFIX_MAX = 16;
const PUBLIC_NAME_PREFIX = new RegExp(`^[A-Za-z0-9]{${PUBLIC_NAME_PREFIX_MIN},${PUBLIC_NAME_PREFIX_MAX}}$`);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function checkPublicNamePrefix(prefix: string): RuleViolation | undefined {
  if (PUBLIC_NAME_PREFIX.test(prefix)) return undefined;
  return invalidParameter(
    `The public name prefix '${prefix}' is not valid. It must be ${PUBLIC_NAME_PREFIX_MIN} to ${PUBLIC_NAME_PREFIX_MAX} letters or digits.`,
    `${COMMUNITY_INFO_PATH}.publicNamePrefix`,
  );
}

export function checkPublisherContact(email: string): RuleViolation | undefined {
  if (EMAIL.test(email)) return undefined;
  return invalidParameter(
    `The publisher contact '${email}' is not a valid email address.`,
    `${COMMUNITY_INFO_PATH}.publisherContact`,
  );
}

export function checkCommunityUri(field: "publisherUri" | "eula", value: string): RuleViolation | undefined {
  if (isHttpUri(value)) return undefined;
  const what = field === "eula" ? "end-user license agreement link" : "publisher URI";
  return invalidParameter(
    `The ${what} '${value}' is not a valid absolute http or https URI.`,
    `${COMMUNITY_INFO_PATH}.${field}`,
  );
}

/** The first broken rule among the details that are given (a missing one is judged by `missingCommunityFields`). */
export function checkCommunityInfo(info: CommunityPublisherInfo): RuleViolation | undefined {
  return (
    (info.publisherUri !== undefined ? checkCommunityUri("publisherUri", info.publisherUri) : undefined) ??
    (info.publisherContact !== undefined ? checkPublisherContact(info.publisherContact) : undefined) ??
    (info.eula !== undefined ? checkCommunityUri("eula", info.eula) : undefined) ??
    (info.publicNamePrefix !== undefined ? checkPublicNamePrefix(info.publicNamePrefix) : undefined)
  );
}

export function missingCommunityFields(info: CommunityPublisherInfo | undefined): CommunityField[] {
  return COMMUNITY_REQUIRED_FIELDS.filter((f) => !info?.[f]?.trim());
}

/** Why a gallery cannot be shared with the community yet, naming every detail it lacks. */
export function communityInfoMissing(galleryName: string, missing: readonly CommunityField[]): RuleViolation {
  return invalidParameter(
    `Gallery '${galleryName}' cannot be shared with the community: its sharing profile lacks ` +
      `${missing.map((f) => `'communityGalleryInfo.${f}'`).join(", ")}. ` +
      "Set them with the gallery's sharingProfile (permissions 'Community') before EnableCommunity.",
    `${COMMUNITY_INFO_PATH}.${missing[0]}`,
  );
}

/** The public name the service gives a community gallery: the prefix and a GUID. */
export function communityPublicName(prefix: string, guid: string): string {
  return `${prefix}-${guid.toLowerCase()}`;
}

/** A consumer's reference to a community image: what `communityGalleryImageId` takes. */
export function communityGalleryImageId(publicName: string, image: string, version?: string): string {
  return `/CommunityGalleries/${publicName}/Images/${image}${version ? `/Versions/${version}` : ""}`;
}
