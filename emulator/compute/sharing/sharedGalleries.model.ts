import type { EmulatorContext } from "../../context.js";
import type { Subscription } from "../../store/directory.js";
import { galleryUniqueName, type GalleryBody, type GalleryRecord } from "../galleries/galleries.model.js";
import { SharingErrors } from "./gallerySharing.errors.js";
import { isSharedWith, type StoredSharingProfile } from "./gallerySharing.profile.js";
import type { GalleryImageBody, GalleryImageRecord } from "../galleryImages/galleryImages.model.js";
import {
  galleryImageVersionView,
  type GalleryImageVersionBody,
  type GalleryImageVersionRecord,
  type GalleryImageVersionState,
} from "../galleryImageVersions/galleryImageVersions.model.js";
import { regionStatusAt } from "../shared/replication.js";
import { canonicalLocation, GALLERY_IMAGE_TYPE, GALLERY_IMAGE_VERSION_TYPE, GALLERY_TYPE } from "../shared/names.js";
import type { TrackedState } from "../shared/provisioning.js";

/**
 * Microsoft.Compute/locations/sharedGalleries: the consumer's read-only view of galleries shared directly with
 * its subscription or tenant. The share grants it; no role on the gallery is needed.
 */

export type SharedTo = "subscription" | "tenant";

export interface SharedGalleryScope {
  subscription: Subscription;
  location: string;
  sharedTo: SharedTo;
}

function targetOf(scope: SharedGalleryScope) {
  return scope.sharedTo === "tenant"
    ? { tenantId: scope.subscription.tenantId }
    : { subscriptionId: scope.subscription.subscriptionId };
}

function sharingOf(gallery: GalleryRecord): StoredSharingProfile | undefined {
  return gallery.body.properties.sharingProfile as StoredSharingProfile | undefined;
}

function uniqueNameOf(gallery: GalleryRecord): string {
  return galleryUniqueName(gallery.subscriptionId, gallery.name);
}

function sameRegion(a: string | undefined, b: string): boolean {
  return a !== undefined && (canonicalLocation(a) ?? a).toLowerCase() === b;
}

/** A shared gallery shows in its own region and in every region one of its versions is replicated to. */
export function isInRegion(ctx: EmulatorContext, gallery: GalleryRecord, location: string): boolean {
  if (sameRegion(gallery.body.location, location)) return true;
  return listSharedImages(ctx, gallery).some((image) =>
    versionsOf(ctx, image).some((v) => versionRegions(v).some((r) => sameRegion(r, location))),
  );
}

export function versionsOf(ctx: EmulatorContext, image: GalleryImageRecord): GalleryImageVersionRecord[] {
  return ctx.resources.listChildren<GalleryImageVersionBody, GalleryImageVersionState>(
    image.id,
    GALLERY_IMAGE_VERSION_TYPE,
  ).items;
}

/** The regions a version is published to: its target regions, or its own region when it names none. */
export function versionRegions(version: GalleryImageVersionRecord): string[] {
  const regions = version.body.properties.publishingProfile.targetRegions?.map((t) => t.name) ?? [];
  return regions.length > 0 ? regions : [version.body.location];
}

export function regionOf(location: string): string {
  return (canonicalLocation(location) ?? location).toLowerCase();
}

/** The galleries shared with the scope's subscription (or its tenant) that show in the scope's region. */
export function listSharedGalleries(ctx: EmulatorContext, scope: SharedGalleryScope): GalleryRecord[] {
  const location = regionOf(scope.location);
  return ctx.resources
    .allOfType<GalleryBody, TrackedState>(GALLERY_TYPE)
    .filter((g) => isSharedWith(sharingOf(g), targetOf(scope)))
    .filter((g) => isInRegion(ctx, g, location));
}

/** One shared gallery by its unique name; not found when it is not shared with the scope. */
export function getSharedGallery(ctx: EmulatorContext, scope: SharedGalleryScope, uniqueName: string): GalleryRecord {
  const gallery = listSharedGalleries(ctx, scope).find(
    (g) => uniqueNameOf(g).toLowerCase() === uniqueName.toLowerCase(),
  );
  if (!gallery) {
    // The default scope is the subscription; a gallery shared only with the tenant is found through the tenant too.
    const viaTenant =
      scope.sharedTo === "subscription" ? listSharedGalleries(ctx, { ...scope, sharedTo: "tenant" }) : [];
    const found = viaTenant.find((g) => uniqueNameOf(g).toLowerCase() === uniqueName.toLowerCase());
    if (found) return found;
    throw SharingErrors.sharedGalleryNotFound(uniqueName);
  }
  return gallery;
}

/**
 * The gallery with this unique name when it is shared directly with the subscription or its tenant, in any region:
 * what a VM's `imageReference.sharedGalleryImageId` names. The VM's region is judged by its versions, not here.
 */
export function findGallerySharedWith(
  ctx: EmulatorContext,
  subscription: Subscription,
  uniqueName: string,
): GalleryRecord | undefined {
  const target = { subscriptionId: subscription.subscriptionId, tenantId: subscription.tenantId };
  return ctx.resources
    .allOfType<GalleryBody, TrackedState>(GALLERY_TYPE)
    .find((g) => uniqueNameOf(g).toLowerCase() === uniqueName.toLowerCase() && isSharedWith(sharingOf(g), target));
}

export function listSharedImages(ctx: EmulatorContext, gallery: GalleryRecord): GalleryImageRecord[] {
  return ctx.resources.listChildren<GalleryImageBody, TrackedState>(gallery.id, GALLERY_IMAGE_TYPE).items;
}

export function getSharedImage(ctx: EmulatorContext, gallery: GalleryRecord, image: string): GalleryImageRecord {
  const found = listSharedImages(ctx, gallery).find((i) => i.name.toLowerCase() === image.toLowerCase());
  if (!found) throw SharingErrors.sharedImageNotFound(uniqueNameOf(gallery), image);
  return found;
}

/**
 * The versions of a shared image replicated to the scope's region. A shared gallery is a regional proxy: a version
 * shows there once its copy in that region has Completed, so a consumer's `latest` is what Compute deploys.
 */
export function listSharedVersions(
  ctx: EmulatorContext,
  image: GalleryImageRecord,
  location: string,
): GalleryImageVersionRecord[] {
  const region = regionOf(location);
  const now = ctx.clock.now();
  return versionsOf(ctx, image).filter((v) => {
    const plan = v.state.replication?.find((p) => sameRegion(p.region, region));
    return plan
      ? regionStatusAt(plan, now).state === "Completed"
      : versionRegions(v).some((r) => sameRegion(r, region));
  });
}

export function getSharedVersion(
  ctx: EmulatorContext,
  gallery: GalleryRecord,
  image: GalleryImageRecord,
  version: string,
  location: string,
) {
  const found = listSharedVersions(ctx, image, location).find((v) => v.name.toLowerCase() === version.toLowerCase());
  if (!found) throw SharingErrors.sharedVersionNotFound(uniqueNameOf(gallery), image.name, version);
  return found;
}

/**
 * `artifactTags`: the spec says only "the artifact tags of a shared gallery resource"; the emulator shows the
 * publisher's ARM tags of the gallery, definition or version (docs/azure-error-fidelity.md).
 */
export function artifactTagsOf(record: { body: { tags?: Record<string, string> } }): Record<string, string> {
  return { ...(record.body.tags ?? {}) };
}

/** Views in the service's shape: name is the unique name, identifier.uniqueId the shared path. */
export function sharedGalleryView(gallery: GalleryRecord, location: string) {
  const uniqueName = uniqueNameOf(gallery);
  return {
    name: uniqueName,
    location: regionOf(location),
    identifier: { uniqueId: `/SharedGalleries/${uniqueName}` },
    properties: { artifactTags: artifactTagsOf(gallery) },
  };
}

export function sharedImageView(gallery: GalleryRecord, image: GalleryImageRecord, location: string) {
  const p = image.body.properties;
  return {
    name: image.name,
    location: regionOf(location),
    identifier: { uniqueId: `/SharedGalleries/${uniqueNameOf(gallery)}/Images/${image.name}` },
    properties: {
      osType: p.osType,
      osState: p.osState,
      identifier: p.identifier,
      hyperVGeneration: p.hyperVGeneration ?? "V1",
      architecture: p.architecture ?? "x64",
      ...(p.endOfLifeDate !== undefined ? { endOfLifeDate: p.endOfLifeDate } : {}),
      ...(p.recommended !== undefined ? { recommended: p.recommended } : {}),
      ...(p.disallowed !== undefined ? { disallowed: p.disallowed } : {}),
      ...(p.features !== undefined ? { features: p.features } : {}),
      ...(p.purchasePlan !== undefined ? { purchasePlan: p.purchasePlan } : {}),
      ...(p.privacyStatementUri !== undefined ? { privacyStatementUri: p.privacyStatementUri } : {}),
      ...(p.eula !== undefined ? { eula: p.eula } : {}),
      artifactTags: artifactTagsOf(image),
    },
  };
}

export function sharedVersionView(
  gallery: GalleryRecord,
  image: GalleryImageRecord,
  version: GalleryImageVersionRecord,
  location: string,
  now: number,
) {
  const full = galleryImageVersionView(version, now);
  const { storageProfile, publishingProfile } = full.properties;
  return {
    name: version.name,
    location: regionOf(location),
    identifier: { uniqueId: `/SharedGalleries/${uniqueNameOf(gallery)}/Images/${image.name}/Versions/${version.name}` },
    properties: {
      publishedDate: publishingProfile.publishedDate,
      ...(publishingProfile.endOfLifeDate !== undefined ? { endOfLifeDate: publishingProfile.endOfLifeDate } : {}),
      excludeFromLatest: publishingProfile.excludeFromLatest,
      storageProfile: {
        osDiskImage: {
          diskSizeGB: storageProfile.osDiskImage.sizeInGB,
          hostCaching: storageProfile.osDiskImage.hostCaching,
        },
        dataDiskImages: storageProfile.dataDiskImages.map((d) => ({
          lun: d.lun,
          diskSizeGB: d.sizeInGB,
          hostCaching: d.hostCaching,
        })),
      },
      artifactTags: artifactTagsOf(version),
    },
  };
}
