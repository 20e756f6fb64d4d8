import { parseResourceId } from "@/lib/azure/resourceId";

/** The share matrix of gallery-domain.md §5, in plain words: what a grantee sees, by the scope of the assignment. */

export type ShareScopeKind = "gallery" | "galleryImage" | "galleryImageVersion" | "galleryApplication";

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
      "every VM application and its versions",
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
  galleryApplication: {
    kind: "galleryApplication",
    label: "One VM application",
    sees: ["this application", "every version of it, including ones published later, to install on their VMs"],
    doesNotSee: ["the gallery itself", "the gallery's image definitions and other applications"],
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
  return kind === "gallery" ||
    kind === "galleryImage" ||
    kind === "galleryImageVersion" ||
    kind === "galleryApplication"
    ? kind
    : undefined;
}

/**
 * The scopes the wizard offers for a page: its gallery, and its definition (or application) when on a definition
 * or application page or one of their versions.
 */
export function scopeOptions(id: string): { id: string; kind: ShareScopeKind }[] {
  const parsed = parseResourceId(id);
  if (!parsed?.gallery || !parsed.resourceGroup) return [];
  const galleryId = `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}/providers/Microsoft.Compute/galleries/${parsed.gallery}`;
  const options: { id: string; kind: ShareScopeKind }[] = [{ id: galleryId, kind: "gallery" }];
  if (parsed.galleryImage) options.push({ id: `${galleryId}/images/${parsed.galleryImage}`, kind: "galleryImage" });
  if (parsed.galleryApplication)
    options.push({ id: `${galleryId}/applications/${parsed.galleryApplication}`, kind: "galleryApplication" });
  return options;
}

export interface GrantCounts {
  definitions: number;
  applications: number;
  versions: number;
}

/**
 * What the grantee will gain at a scope: image definitions, applications and their versions, counted from what the
 * scope contains (`versionCounts` per definition, `applicationVersionCounts` per application).
 */
export function grantCounts(
  kind: ShareScopeKind,
  versionCounts: readonly number[],
  applicationVersionCounts: readonly number[] = [],
): GrantCounts {
  const sum = (counts: readonly number[]) => counts.reduce((total, n) => total + n, 0);
  if (kind === "galleryImageVersion") return { definitions: 0, applications: 0, versions: 1 };
  return {
    definitions: versionCounts.length,
    applications: applicationVersionCounts.length,
    versions: sum(versionCounts) + sum(applicationVersionCounts),
  };
}

/** "5 image definitions and 12 versions", "1 VM application and 3 versions", the kinds the scope holds. */
export function grantCountsText(counts: GrantCounts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    ...(counts.definitions > 0 || counts.applications === 0
      ? [plural(counts.definitions, "image definition", "image definitions")]
      : []),
    ...(counts.applications > 0 ? [plural(counts.applications, "VM application", "VM applications")] : []),
  ];
  return `${parts.join(", ")} and ${plural(counts.versions, "version", "versions")}`;
}
