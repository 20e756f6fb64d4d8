import { decodeParam, type GalleryPath } from "@/lib/azure/galleryPaths";

/** The params of the ARM-shaped routes under app/(portal)/subscriptions/…; each optional below the gallery. */
export interface GalleryRouteParams {
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName?: string;
  versionName?: string;
}

export function galleryPathFromParams(params: GalleryRouteParams): GalleryPath {
  return {
    subscriptionId: decodeParam(params.subscriptionId),
    resourceGroupName: decodeParam(params.resourceGroupName),
    galleryName: decodeParam(params.galleryName),
    ...(params.imageName ? { imageName: decodeParam(params.imageName) } : {}),
    ...(params.versionName ? { versionName: decodeParam(params.versionName) } : {}),
  };
}
