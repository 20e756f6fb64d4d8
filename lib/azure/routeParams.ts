import {
  galleryApplicationResourceId,
  galleryApplicationVersionResourceId,
  galleryImageResourceId,
  galleryImageVersionResourceId,
  galleryResourceId,
  parseResourceId,
  routePathFromResourceId,
} from "@/lib/azure/resourceId";

/**
 * The dashboard's pages are addressed like ARM ids (see routePathFromResourceId):
 * `/subscriptions/{s}/resourceGroups/{rg}/galleries/{g}/images/{i}/versions/{v}`. A GalleryPath is the names
 * such a URL carries, decoded.
 */
export interface GalleryPath {
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName?: string;
  /** A gallery application's name (VM Applications); its versions use versionName too. */
  applicationName?: string;
  versionName?: string;
}

/** The params of the routes under app/(portal)/subscriptions/…, as Next.js hands them over. */
export interface GalleryRouteParams {
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName?: string;
  /** A gallery application's name (VM Applications); its versions use versionName too. */
  applicationName?: string;
  versionName?: string;
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function galleryPathFromParams(params: GalleryRouteParams): GalleryPath {
  return {
    subscriptionId: decodeParam(params.subscriptionId),
    resourceGroupName: decodeParam(params.resourceGroupName),
    galleryName: decodeParam(params.galleryName),
    ...(params.imageName ? { imageName: decodeParam(params.imageName) } : {}),
    ...(params.applicationName ? { applicationName: decodeParam(params.applicationName) } : {}),
    ...(params.versionName ? { versionName: decodeParam(params.versionName) } : {}),
  };
}

export function galleryIdOf(p: GalleryPath): string {
  return galleryResourceId(p.subscriptionId, p.resourceGroupName, p.galleryName);
}

export function imageIdOf(p: GalleryPath & { imageName: string }): string {
  return galleryImageResourceId(p.subscriptionId, p.resourceGroupName, p.galleryName, p.imageName);
}

export function versionIdOf(p: GalleryPath & { imageName: string; versionName: string }): string {
  return galleryImageVersionResourceId(
    p.subscriptionId,
    p.resourceGroupName,
    p.galleryName,
    p.imageName,
    p.versionName,
  );
}

export function applicationIdOf(p: GalleryPath & { applicationName: string }): string {
  return galleryApplicationResourceId(p.subscriptionId, p.resourceGroupName, p.galleryName, p.applicationName);
}

export function applicationVersionIdOf(p: GalleryPath & { applicationName: string; versionName: string }): string {
  return galleryApplicationVersionResourceId(
    p.subscriptionId,
    p.resourceGroupName,
    p.galleryName,
    p.applicationName,
    p.versionName,
  );
}

/** The names in a gallery, image definition or image version id; undefined for any other id. */
export function galleryPathOf(id: string): GalleryPath | undefined {
  const parsed = parseResourceId(id);
  if (!parsed?.gallery || !parsed.resourceGroup) return undefined;
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroupName: parsed.resourceGroup,
    galleryName: parsed.gallery,
    ...(parsed.galleryImage ? { imageName: parsed.galleryImage } : {}),
    ...(parsed.galleryImageVersion ? { versionName: parsed.galleryImageVersion } : {}),
    ...(parsed.galleryApplication ? { applicationName: parsed.galleryApplication } : {}),
    ...(parsed.galleryApplicationVersion ? { versionName: parsed.galleryApplicationVersion } : {}),
  };
}

/** The dashboard page of a gallery resource id. */
export function pageHref(id: string): string {
  return routePathFromResourceId(id) ?? "/";
}
