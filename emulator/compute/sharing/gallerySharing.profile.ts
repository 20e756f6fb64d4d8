import type { CommunityPublisherInfo } from "../../../lib/gallery/community.js";

/**
 * A gallery's direct-sharing state (sharingProfile) as Microsoft.Compute keeps it: who the gallery is shared with
 * beyond RBAC, and whether it is a community gallery. Pure, so the gallery model, the share operation and the
 * consumer-side sharedGalleries views all read it the same way.
 */

export const SHARING_PERMISSIONS = ["Private", "Groups", "Community"] as const;
export type SharingPermission = (typeof SHARING_PERMISSIONS)[number];

export const SHARING_GROUP_TYPES = ["Subscriptions", "AADTenants"] as const;
export type SharingGroupType = (typeof SHARING_GROUP_TYPES)[number];

export interface SharingProfileGroup {
  type: SharingGroupType;
  ids: string[];
}

export interface CommunityGalleryInfo {
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
  communityGalleryEnabled: boolean;
  publicNames: string[];
}

export interface StoredSharingProfile {
  permissions?: SharingPermission;
  groups?: SharingProfileGroup[];
  communityGalleryInfo?: CommunityGalleryInfo;
}

/** Azure's limits on a direct shared gallery. */
export const SHARING_LIMITS: Record<SharingGroupType, number> = { Subscriptions: 30, AADTenants: 5 };

export function sharedIds(profile: StoredSharingProfile | undefined, type: SharingGroupType): string[] {
  return profile?.groups?.find((g) => g.type === type)?.ids ?? [];
}

/**
 * The sharingProfile a gallery GET shows. Groups only with `$select=Permissions` (or `$expand=SharingProfile/Groups`),
 * as the service leaves them out of a plain GET.
 */
export function sharingProfileView(profile: StoredSharingProfile | undefined, withGroups: boolean) {
  const groups = (profile?.groups ?? []).filter((g) => g.ids.length > 0);
  return {
    permissions: profile?.permissions ?? "Private",
    ...(withGroups && groups.length > 0 ? { groups } : {}),
    ...(profile?.communityGalleryInfo ? { communityGalleryInfo: profile.communityGalleryInfo } : {}),
  };
}

/** Whether a gallery GET asked for the sharing groups. */
export function wantsSharingGroups(query: Record<string, string>): boolean {
  const entry = (name: string) =>
    Object.entries(query)
      .find(([k]) => k.toLowerCase() === name)?.[1]
      ?.toLowerCase() ?? "";
  return (
    entry("$select").split(",").includes("permissions") || entry("$expand").split(",").includes("sharingprofile/groups")
  );
}

/** Whether the gallery is shared directly with a subscription, or with the tenant that subscription belongs to. */
export function isSharedWith(
  profile: StoredSharingProfile | undefined,
  target: { subscriptionId?: string; tenantId?: string },
): boolean {
  const has = (type: SharingGroupType, id: string | undefined) =>
    id !== undefined && sharedIds(profile, type).some((x) => x.toLowerCase() === id.toLowerCase());
  return has("Subscriptions", target.subscriptionId) || has("AADTenants", target.tenantId);
}

/**
 * A gallery PUT or PATCH sets `permissions` and the community publisher details; the groups, the public names and
 * whether community sharing is on stay as the share operation left them. Returns the sharingProfile to store, or
 * nothing when there is none.
 */
export function keptSharing(
  stored: StoredSharingProfile | undefined,
  sent: { permissions?: SharingPermission; communityGalleryInfo?: CommunityPublisherInfo } | undefined,
): { sharingProfile?: StoredSharingProfile } {
  if (!stored && !sent) return {};
  const info = sent?.communityGalleryInfo;
  const communityGalleryInfo = info
    ? { communityGalleryEnabled: false, publicNames: [], ...stored?.communityGalleryInfo, ...definedOnly(info) }
    : stored?.communityGalleryInfo;
  return {
    sharingProfile: {
      ...stored,
      ...(sent?.permissions ? { permissions: sent.permissions } : {}),
      ...(communityGalleryInfo ? { communityGalleryInfo } : {}),
    },
  };
}

function definedOnly(info: CommunityPublisherInfo): CommunityPublisherInfo {
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
}
