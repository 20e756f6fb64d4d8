import { parentOf, parseResourceId, type ParsedResourceId } from "../../../lib/azure/resourceId.js";
import { type LatestCandidate, resolveLatest } from "../../../lib/gallery/latest.js";
import { sameLocation } from "../../../lib/gallery/regions.js";
import { findRegionalStatus } from "../../../lib/gallery/replication.js";
import type { Caller } from "../../caller.js";
import type { EmulatorContext } from "../../context.js";
import type { ArmResourceBody } from "../../store/resources.js";
import { ArmErrors } from "../../errors.js";
import { requireLinkedRead, writeOn } from "../../authorization/linkedAccess.js";
import type { DiskCreationData } from "./disks.model.js";
import { SharingErrors } from "../sharing/gallerySharing.errors.js";
import type { ManagedImageRecord } from "./images.model.js";
import { versionsWithReplication } from "../galleryImageVersions/galleryImageVersions.model.js";
import { findGallerySharedWith } from "../sharing/sharedGalleries.model.js";
import { findCommunityGallery } from "../sharing/communityGalleries.model.js";
import { GALLERY_IMAGE_TYPE, MANAGED_IMAGE_TYPE } from "../shared/names.js";
import type { ImageReference } from "./virtualMachines.model.js";

/**
 * What a VM's `storageProfile.imageReference` names — a gallery image version, a gallery image definition
 * (meaning its latest version in the VM's region), a managed image, or a Marketplace image — resolved to what
 * the VM's disks are made from, with the errors Compute answers when it cannot be used.
 */

type OsType = "Windows" | "Linux";

export interface ResolvedImage {
  /** The reference as the VM keeps it, with exactVersion when a gallery version was chosen. */
  reference: ImageReference;
  osType: OsType;
  osState: "Generalized" | "Specialized";
  hyperVGeneration?: "V1" | "V2";
  architecture?: "x64" | "Arm64";
  /** The gallery image definition's features (DiskControllerTypes, SecurityType…), which VM sizes are checked against. */
  features?: { name: string; value: string }[];
  /** The gallery definition's SecurityType feature, which decides the VM security types it allows. */
  securityType?: string;
  osDiskSizeGB: number;
  dataDisks: { lun: number; sizeGB: number }[];
  /** The creationData of the disks made from the image. */
  diskCreationData: DiskCreationData;
}

export interface ImageReferenceRequest {
  reference: Record<string, unknown>;
  /** The VM's region, canonical. */
  location: string;
  vmId: string;
  caller?: Caller;
  plan?: Record<string, string>;
}

/** Azure's default OS disk sizes when an image does not say (Linux 30 GiB, Windows 127 GiB). */
const DEFAULT_OS_DISK_GB: Record<OsType, number> = { Linux: 30, Windows: 127 };

/**
 * ARM's linked-access check of the image, made for the VM or scale set the reference is written to. A gallery
 * image, named by its definition or a version, is checked for reading versions, as Azure reports it.
 */
function requireLinkedAccess(ctx: EmulatorContext, req: ImageReferenceRequest, scope: ParsedResourceId) {
  const action =
    scope.kind === "managedImage"
      ? "Microsoft.Compute/images/read"
      : "Microsoft.Compute/galleries/images/versions/read";
  if (req.caller) requireLinkedRead(ctx, req.caller, writeOn(req.vmId), [scope.id], () => action);
}

export function resolveImageReference(ctx: EmulatorContext, req: ImageReferenceRequest): ResolvedImage {
  const { reference } = req;
  if (typeof reference.sharedGalleryImageId === "string" && reference.sharedGalleryImageId !== "")
    return fromSharedGallery(ctx, req, reference.sharedGalleryImageId);
  if (typeof reference.communityGalleryImageId === "string" && reference.communityGalleryImageId !== "") {
    return fromCommunityGallery(ctx, req, reference.communityGalleryImageId);
  }
  if (typeof reference.id === "string" && reference.id !== "") {
    const parsed = parseResourceId(reference.id);
    if (parsed?.kind === "galleryImage" || parsed?.kind === "galleryImageVersion") return fromGallery(ctx, req, parsed);
    if (parsed?.kind === "managedImage") return fromManagedImage(ctx, req, parsed);
    throw ArmErrors.invalidParameterValue("imageReference.id");
  }
  return fromMarketplace(req);
}

/** The parts of a stored image version VM creation reads. */
interface VersionFacts extends LatestCandidate {
  id: string;
  osDiskSizeGB?: number;
  dataDisks: { lun: number; sizeGB: number }[];
}

/** The versions of a definition with their replication state now, as the versions module reports them. */
function versionsOf(ctx: EmulatorContext, definitionId: string): VersionFacts[] {
  return versionsWithReplication(ctx, definitionId).map((version) => {
    const { publishingProfile, storageProfile, replicationStatus } = version.properties;
    return {
      id: version.id,
      name: version.name,
      location: version.location,
      publishingProfile,
      replicationStatus,
      osDiskSizeGB: storageProfile.osDiskImage.sizeInGB,
      dataDisks: storageProfile.dataDiskImages.map((d) => ({ lun: d.lun, sizeGB: d.sizeInGB })),
    };
  });
}

function availableIn(version: VersionFacts, region: string): boolean {
  return findRegionalStatus(version.replicationStatus?.summary ?? [], region)?.state === "Completed";
}

/** What a VM needs of the image definition's stored body. */
type DefinitionBody = ArmResourceBody & {
  properties: {
    osType: OsType;
    osState: "Generalized" | "Specialized";
    hyperVGeneration?: "V1" | "V2";
    architecture?: "x64" | "Arm64";
    purchasePlan?: { name: string; publisher: string; product: string };
    features?: { name: string; value: string }[];
  };
};

/** Compute prints plans as compact JSON in this key order, or null. */
function planText(plan: Record<string, string | undefined> | undefined): string {
  if (!plan) return "null";
  const { name, publisher, product, promotionCode } = plan;
  return JSON.stringify({ name, publisher, product, ...(promotionCode !== undefined ? { promotionCode } : {}) });
}

function samePlan(
  vmPlan: Record<string, string> | undefined,
  imagePlan: DefinitionBody["properties"]["purchasePlan"],
): boolean {
  if (!vmPlan || !imagePlan) return !vmPlan && !imagePlan;
  const eq = (a?: string, b?: string) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
  return (
    eq(vmPlan.name, imagePlan.name) &&
    eq(vmPlan.publisher, imagePlan.publisher) &&
    eq(vmPlan.product, imagePlan.product)
  );
}

/**
 * The version a gallery reference resolves to in the VM's region: the named one once it has Completed there, or
 * latest there. `referenceId` is what the caller named, so errors quote it as Compute does.
 */
function resolveVersion(
  ctx: EmulatorContext,
  req: ImageReferenceRequest,
  definitionId: string,
  versionName: string | undefined,
  referenceId: string,
): VersionFacts {
  const versions = versionsOf(ctx, definitionId);
  if (versionName !== undefined) {
    const version = versions.find((v) => v.name.toLowerCase() === versionName.toLowerCase());
    if (!version || !availableIn(version, req.location))
      throw ArmErrors.galleryImageNotAvailableInRegion(referenceId, req.location);
    return version;
  }
  const { latest } = resolveLatest(versions, req.location, new Date(ctx.clock.now()));
  if (!latest) {
    // No version may ever be latest (none, or all excluded): Azure says so; otherwise none has reached this region.
    const anyEligible = versions.some((v) => !v.publishingProfile?.excludeFromLatest);
    if (!anyEligible) throw ArmErrors.noLatestImageVersion(referenceId);
    throw ArmErrors.galleryImageNotAvailableInRegion(referenceId, req.location);
  }
  return versions.find((v) => v.name === latest)!;
}

function fromGallery(ctx: EmulatorContext, req: ImageReferenceRequest, parsed: ParsedResourceId): ResolvedImage {
  requireLinkedAccess(ctx, req, parsed);
  const definitionId = parsed.kind === "galleryImageVersion" ? parentOf(parsed.id)! : parsed.id;
  const definition = ctx.resources.get<DefinitionBody>(definitionId);
  if (!definition) throw ArmErrors.galleryImageNotAvailableInRegion(parsed.id, req.location);
  const version = resolveVersion(
    ctx,
    req,
    definitionId,
    parsed.kind === "galleryImageVersion" ? parsed.galleryImageVersion! : undefined,
    parsed.kind === "galleryImageVersion" ? parsed.id : definition.id,
  );
  return fromVersion(req, definition.body, version, { id: parsed.id, exactVersion: version.name });
}

/** `/SharedGalleries/{galleryUniqueName}/Images/{image}[/Versions/{version|latest}]`, as Compute spells a shared image's id. */
const SHARED_GALLERY_IMAGE_ID = /^\/SharedGalleries\/([^/]+)\/Images\/([^/]+)(?:\/Versions\/([^/]+))?\/?$/i;

/**
 * An image of a gallery shared directly with the VM's subscription or its tenant. The share, not a role on the
 * gallery, grants the read, so there is no linked-access check; the region and latest rules are a gallery image's.
 */
function fromSharedGallery(
  ctx: EmulatorContext,
  req: ImageReferenceRequest,
  sharedGalleryImageId: string,
): ResolvedImage {
  const match = SHARED_GALLERY_IMAGE_ID.exec(sharedGalleryImageId);
  if (!match) throw ArmErrors.invalidParameterValue("imageReference.sharedGalleryImageId");
  const uniqueName = match[1]!;
  const imageName = match[2]!;
  const versionName = match[3];
  const subscriptionId = parseResourceId(req.vmId)!.subscriptionId;
  const subscription = ctx.directory.subscription(subscriptionId);
  const gallery = subscription ? findGallerySharedWith(ctx, subscription, uniqueName) : undefined;
  const definition = gallery
    ? ctx.resources
        .listChildren<DefinitionBody>(gallery.id, GALLERY_IMAGE_TYPE)
        .items.find((i) => i.name.toLowerCase() === imageName.toLowerCase())
    : undefined;
  if (!definition) throw SharingErrors.sharedGalleryImageNotFound(sharedGalleryImageId, subscriptionId);
  const latest = versionName === undefined || versionName.toLowerCase() === "latest";
  const version = resolveVersion(ctx, req, definition.id, latest ? undefined : versionName, sharedGalleryImageId);
  return fromVersion(req, definition.body, version, { sharedGalleryImageId, exactVersion: version.name });
}

/** `/CommunityGalleries/{publicGalleryName}/Images/{image}[/Versions/{version|latest}]`, as Compute spells a community image's id. */
const COMMUNITY_GALLERY_IMAGE_ID = /^\/CommunityGalleries\/([^/]+)\/Images\/([^/]+)(?:\/Versions\/([^/]+))?\/?$/i;

/**
 * An image of a community gallery: public, so neither a share nor a role is checked; the region and latest rules
 * are a gallery image's, as for a direct share.
 */
function fromCommunityGallery(
  ctx: EmulatorContext,
  req: ImageReferenceRequest,
  communityGalleryImageId: string,
): ResolvedImage {
  const match = COMMUNITY_GALLERY_IMAGE_ID.exec(communityGalleryImageId);
  if (!match) throw ArmErrors.invalidParameterValue("imageReference.communityGalleryImageId");
  const publicName = match[1]!;
  const imageName = match[2]!;
  const versionName = match[3];
  const gallery = findCommunityGallery(ctx, publicName);
  const definition = gallery
    ? ctx.resources
        .listChildren<DefinitionBody>(gallery.id, GALLERY_IMAGE_TYPE)
        .items.find((i) => i.name.toLowerCase() === imageName.toLowerCase())
    : undefined;
  if (!definition) throw SharingErrors.communityGalleryImageNotFound(communityGalleryImageId);
  const latest = versionName === undefined || versionName.toLowerCase() === "latest";
  const version = resolveVersion(ctx, req, definition.id, latest ? undefined : versionName, communityGalleryImageId);
  return fromVersion(req, definition.body, version, { communityGalleryImageId, exactVersion: version.name });
}

function fromVersion(
  req: ImageReferenceRequest,
  definition: DefinitionBody,
  version: VersionFacts,
  reference: ImageReference,
): ResolvedImage {
  const image = definition.properties;
  if (!samePlan(req.plan, image.purchasePlan))
    throw ArmErrors.purchasePlanMismatch(req.vmId, planText(req.plan), planText(image.purchasePlan));
  return {
    reference,
    osType: image.osType,
    osState: image.osState,
    hyperVGeneration: image.hyperVGeneration ?? "V1",
    architecture: image.architecture ?? "x64",
    ...(image.features ? { features: image.features } : {}),
    ...securityTypeOf(image.features),
    osDiskSizeGB: version.osDiskSizeGB ?? DEFAULT_OS_DISK_GB[image.osType],
    dataDisks: version.dataDisks,
    diskCreationData: { createOption: "FromImage", galleryImageReference: { id: version.id } },
  };
}

function securityTypeOf(features: { name: string; value: string }[] | undefined): { securityType?: string } {
  const value = features?.find((f) => f.name.toLowerCase() === "securitytype")?.value;
  return value ? { securityType: value } : {};
}

function fromManagedImage(ctx: EmulatorContext, req: ImageReferenceRequest, parsed: ParsedResourceId): ResolvedImage {
  requireLinkedAccess(ctx, req, parsed);
  const image = ctx.resources.get(parsed.id) as ManagedImageRecord | undefined;
  if (!image)
    throw ArmErrors.computeResourceNotFound(
      MANAGED_IMAGE_TYPE,
      parsed.name,
      parsed.resourceGroup!,
      "imageReference.id",
    );
  // A managed image is regional: VMs are created from it only in its own region.
  if (!sameLocation(image.body.location, req.location)) throw ArmErrors.invalidParameterValue("imageReference.id");
  const { osDisk, dataDisks } = image.body.properties.storageProfile;
  return {
    reference: { id: image.id },
    osType: osDisk.osType,
    osState: osDisk.osState,
    hyperVGeneration: image.body.properties.hyperVGeneration,
    osDiskSizeGB: osDisk.diskSizeGB ?? DEFAULT_OS_DISK_GB[osDisk.osType],
    dataDisks: dataDisks.map((d) => ({ lun: d.lun, sizeGB: d.diskSizeGB ?? 0 })),
    diskCreationData: { createOption: "FromImage", imageReference: { id: image.id } },
  };
}

/**
 * A Marketplace image (publisher/offer/sku/version). The emulator has no Marketplace catalogue: every such
 * image is a generalized platform image, Windows when its publisher or offer says so, Gen2 when its SKU does.
 */
function fromMarketplace(req: ImageReferenceRequest): ResolvedImage {
  const { publisher, offer, sku, version = "latest" } = req.reference as Record<string, string | undefined>;
  for (const [key, value] of Object.entries({ publisher, offer, sku })) {
    if (typeof value !== "string" || value === "") throw ArmErrors.requiredParameterMissing(`imageReference.${key}`);
  }
  const osType: OsType = /windows/i.test(`${publisher} ${offer}`) ? "Windows" : "Linux";
  const subscriptionId = parseResourceId(req.vmId)!.subscriptionId;
  return {
    reference: { publisher, offer, sku, version },
    osType,
    osState: "Generalized",
    hyperVGeneration: /gen2|-g2$/i.test(sku!) ? "V2" : "V1",
    architecture: /arm64/i.test(sku!) ? "Arm64" : "x64",
    osDiskSizeGB: DEFAULT_OS_DISK_GB[osType],
    dataDisks: [],
    diskCreationData: {
      createOption: "FromImage",
      imageReference: {
        id: `/Subscriptions/${subscriptionId}/Providers/Microsoft.Compute/Locations/${req.location}/Publishers/${publisher}/ArtifactTypes/VMImage/Offers/${offer}/Skus/${sku}/Versions/${version}`,
      },
    },
  };
}
