import type { EmulatorContext } from "../context.js";
import type { GalleryBody } from "../compute/galleries/galleries.model.js";
import {
  communityGalleryView,
  communityImageView,
  communityVersionView,
  listCommunityImages,
  listCommunityVersions,
} from "../compute/sharing/communityGalleries.model.js";
import type { StoredSharingProfile } from "../compute/sharing/gallerySharing.profile.js";
import { isInRegion, regionOf, versionRegions, versionsOf } from "../compute/sharing/sharedGalleries.model.js";
import { GALLERY_TYPE } from "../compute/shared/names.js";
import type { TrackedState } from "../compute/shared/provisioning.js";
import type { Row } from "./kql/evaluate.js";

/**
 * Resource Graph's `communitygalleryresources` table, which `az sig list-community` queries: every community
 * gallery, image and version, once per region it shows in, public to any signed-in caller as the community
 * views are. A row carries what the regional GET of the same resource answers (properties with `identifier`,
 * whose `uniqueId` az prints), under its ARM id in the `Microsoft.Compute/locations/communityGalleries` provider
 * and with the lower-cased type and location Resource Graph keeps (az lower-cases the location it filters by).
 * Rows belong to no subscription, resource group or tenant: the columns are empty strings, as for global rows.
 */

export const COMMUNITY_GALLERY_TABLE = "communitygalleryresources";

/** The api-version whose views the rows carry: the newest, so they show disclaimer and communityMetadata. */
const VIEW_API_VERSION = "2025-03-03";

function row(
  id: string,
  type: string,
  location: string,
  view: { name: string; identifier: unknown; properties: Record<string, unknown> },
): Row {
  return {
    id,
    name: view.name,
    type,
    tenantId: "",
    kind: "",
    location,
    resourceGroup: "",
    subscriptionId: "",
    managedBy: "",
    sku: null,
    plan: null,
    properties: { ...view.properties, identifier: view.identifier },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

/** The regions a gallery can show in: its own and every target region of its versions. */
function candidateRegions(ctx: EmulatorContext, gallery: Parameters<typeof isInRegion>[1]): string[] {
  const regions = new Set<string>([regionOf(gallery.body.location)]);
  for (const image of listCommunityImages(ctx, gallery)) {
    for (const version of versionsOf(ctx, image)) for (const r of versionRegions(version)) regions.add(regionOf(r));
  }
  return [...regions].filter((r) => isInRegion(ctx, gallery, r)).sort();
}

export function communityGalleryRows(ctx: EmulatorContext, now: number): Row[] {
  const rows: Row[] = [];
  for (const gallery of ctx.resources.allOfType<GalleryBody, TrackedState>(GALLERY_TYPE)) {
    const info = (gallery.body.properties.sharingProfile as StoredSharingProfile | undefined)?.communityGalleryInfo;
    if (!info?.communityGalleryEnabled) continue;
    for (const publicName of info.publicNames) {
      const community = { publicName, gallery };
      for (const location of candidateRegions(ctx, gallery)) {
        const galleryId = `/providers/Microsoft.Compute/locations/${location}/communityGalleries/${publicName}`;
        rows.push(
          row(
            galleryId,
            "microsoft.compute/locations/communitygalleries",
            location,
            communityGalleryView(community, location, VIEW_API_VERSION),
          ),
        );
        for (const image of listCommunityImages(ctx, gallery)) {
          const imageId = `${galleryId}/images/${image.name}`;
          rows.push(
            row(
              imageId,
              "microsoft.compute/locations/communitygalleries/images",
              location,
              communityImageView(community, image, location, VIEW_API_VERSION),
            ),
          );
          for (const version of listCommunityVersions(ctx, image, location)) {
            rows.push(
              row(
                `${imageId}/versions/${version.name}`,
                "microsoft.compute/locations/communitygalleries/images/versions",
                location,
                communityVersionView(community, image, version, location, now, VIEW_API_VERSION),
              ),
            );
          }
        }
      }
    }
  }
  return rows;
}
