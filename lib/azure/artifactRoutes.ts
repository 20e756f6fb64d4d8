import { parseResourceId } from "@/lib/azure/resourceId";

/**
 * Gallery artifacts other than images (applications, scripts, in-VM access control profiles) and their versions:
 * their ids parsed by collection, and the dashboard's URL for them, which mirrors the ARM id without
 * `providers/Microsoft.Compute` (`/subscriptions/{s}/resourceGroups/{rg}/galleries/{g}/scripts/{n}/versions/{v}`).
 */

export const ARTIFACT_COLLECTIONS = ["applications", "scripts", "inVMAccessControlProfiles"] as const;
export type ArtifactCollection = (typeof ARTIFACT_COLLECTIONS)[number];

export interface GalleryArtifactPath {
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  collection: ArtifactCollection;
  /** The application's, script's or profile's name. */
  artifactName: string;
  versionName?: string;
}

/** The names in an artifact or artifact version id; undefined for any other id. */
export function galleryArtifactPathOf(id: string): GalleryArtifactPath | undefined {
  const parsed = parseResourceId(id);
  if (!parsed?.resourceGroup || parsed.provider !== "Microsoft.Compute") return undefined;
  const [galleries, collection, versions] = parsed.types.map((type) => type.toLowerCase());
  const known = ARTIFACT_COLLECTIONS.find((c) => c.toLowerCase() === collection);
  if (galleries !== "galleries" || !known || parsed.types.length > 3) return undefined;
  if (parsed.types.length === 3 && versions !== "versions") return undefined;
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroupName: parsed.resourceGroup,
    galleryName: parsed.names[0]!,
    collection: known,
    artifactName: parsed.names[1]!,
    ...(parsed.names[2] !== undefined ? { versionName: parsed.names[2] } : {}),
  };
}

export function galleryArtifactId(path: GalleryArtifactPath): string {
  const base =
    `/subscriptions/${path.subscriptionId}/resourceGroups/${path.resourceGroupName}/providers/Microsoft.Compute` +
    `/galleries/${path.galleryName}/${path.collection}/${path.artifactName}`;
  return path.versionName === undefined ? base : `${base}/versions/${path.versionName}`;
}

export function galleryArtifactHref(path: GalleryArtifactPath): string {
  const e = encodeURIComponent;
  const base =
    `/subscriptions/${e(path.subscriptionId)}/resourceGroups/${e(path.resourceGroupName)}/galleries/${e(path.galleryName)}` +
    `/${path.collection}/${e(path.artifactName)}`;
  return path.versionName === undefined ? base : `${base}/versions/${e(path.versionName)}`;
}
