/**
 * The dashboard's URLs are ARM resource ids: `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Compute/
 * galleries/{g}/images/{i}/versions/{v}` opens that version. These helpers go between route params, ids and hrefs.
 */
export interface GalleryPath {
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName?: string;
  versionName?: string;
}

const GALLERY_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)(?:\/images\/([^/]+)(?:\/versions\/([^/]+))?)?\/?$/i;

/** Reads a gallery, image definition or image version id; undefined for any other id. */
export function parseGalleryPath(id: string): GalleryPath | undefined {
  const match = GALLERY_ID.exec(id.replace(/\/{2,}/g, "/"));
  if (!match) return undefined;
  const [, subscriptionId, resourceGroupName, galleryName, imageName, versionName] = match;
  if (!subscriptionId || !resourceGroupName || !galleryName) return undefined;
  return {
    subscriptionId,
    resourceGroupName,
    galleryName,
    ...(imageName ? { imageName } : {}),
    ...(versionName ? { versionName } : {}),
  };
}

export function galleryId(p: Pick<GalleryPath, "subscriptionId" | "resourceGroupName" | "galleryName">): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Compute/galleries/${p.galleryName}`;
}

export function imageId(p: GalleryPath & { imageName: string }): string {
  return `${galleryId(p)}/images/${p.imageName}`;
}

export function versionId(p: GalleryPath & { imageName: string; versionName: string }): string {
  return `${imageId(p)}/versions/${p.versionName}`;
}

/** The id of the path's deepest resource. */
export function resourceIdOf(p: GalleryPath): string {
  if (p.imageName && p.versionName) return versionId({ ...p, imageName: p.imageName, versionName: p.versionName });
  if (p.imageName) return imageId({ ...p, imageName: p.imageName });
  return galleryId(p);
}

/** The dashboard page of an ARM resource id (each segment URL-encoded, structure untouched). */
export function hrefForResourceId(id: string): string {
  return id
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** Route params arrive URL-encoded in some Next.js versions and decoded in others; normalise once. */
export function decodeParam(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
