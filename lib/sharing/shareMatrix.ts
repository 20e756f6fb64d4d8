import { parseResourceId } from "@/lib/azure/resourceId";

/** The share matrix of gallery-domain.md §5, in plain words: what a grantee sees, by the scope of the assignment. */

export type ShareScopeKind = "gallery" | "galleryImage" | "galleryImageVersion";

export interface ShareScopeExplanation {
  kind: ShareScopeKind;
  label: string;
  sees: string[];
  doesNotSee: string[];
  recommended: boolean;
  warning?: string;
}

export const SHARE_MATRIX: Record<ShareScopeKind, ShareScopeExplanation> = {
  gallery: {
    kind: "gallery",
    label: "The whole gallery",
    sees: [
      "the gallery",
      "every image definition in it, including ones added later",
      "every version of those definitions",
    ],
    doesNotSee: [],
    recommended: true,
  },
  galleryImage: {
    kind: "galleryImage",
    label: "One image definition",
    sees: ["this image definition", "every version of it, including ones published later"],
    doesNotSee: ["the gallery itself", "the gallery's other image definitions"],
    recommended: false,
  },
  galleryImageVersion: {
    kind: "galleryImageVersion",
    label: "One image version",
    sees: ["this single version"],
    doesNotSee: ["the definition it belongs to", "newer versions", "the gallery"],
    recommended: false,
    warning:
      "Sharing single versions is discouraged: the grantee cannot see the definition, misses every newer version and cannot deploy 'latest'. Share the definition or the gallery instead.",
  },
};

/** The kind of gallery scope an id names, if it is one. */
export function shareScopeKindOf(id: string): ShareScopeKind | undefined {
  const kind = parseResourceId(id)?.kind;
  return kind === "gallery" || kind === "galleryImage" || kind === "galleryImageVersion" ? kind : undefined;
}

/** The scopes the wizard offers for a page: its gallery, and its definition when on a definition or version page. */
export function scopeOptions(id: string): { id: string; kind: ShareScopeKind }[] {
  const parsed = parseResourceId(id);
  if (!parsed?.gallery || !parsed.resourceGroup) return [];
  const galleryId = `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}/providers/Microsoft.Compute/galleries/${parsed.gallery}`;
  const options: { id: string; kind: ShareScopeKind }[] = [{ id: galleryId, kind: "gallery" }];
  if (parsed.galleryImage) options.push({ id: `${galleryId}/images/${parsed.galleryImage}`, kind: "galleryImage" });
  return options;
}

/** What the grantee will gain at a scope: definitions and versions, counted from what the scope contains. */
export function grantCounts(
  kind: ShareScopeKind,
  versionCounts: readonly number[],
): { definitions: number; versions: number } {
  if (kind === "galleryImageVersion") return { definitions: 0, versions: 1 };
  return { definitions: versionCounts.length, versions: versionCounts.reduce((sum, n) => sum + n, 0) };
}
