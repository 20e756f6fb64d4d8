import type { ArtifactCollection, GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

/** The names an artifact page's URL carries, decoded, as a GalleryArtifactPath. */
export function artifactPathFromParams(
  params: GalleryRouteParams,
  collection: ArtifactCollection,
  artifactName: string,
  versionName?: string,
): GalleryArtifactPath {
  const gallery = galleryPathFromParams(params);
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return {
    subscriptionId: gallery.subscriptionId,
    resourceGroupName: gallery.resourceGroupName,
    galleryName: gallery.galleryName,
    collection,
    artifactName: decode(artifactName),
    ...(versionName !== undefined ? { versionName: decode(versionName) } : {}),
  };
}
