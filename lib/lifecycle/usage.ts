import type { Gallery } from "@azure/arm-compute";
import type { ArmClients } from "@/lib/azure/clients";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";
import {
  galleryImageResourceId,
  galleryImageVersionResourceId,
  galleryResourceId,
  parseResourceId,
} from "@/lib/azure/resourceId";

/**
 * What uses a gallery's image versions: the virtual machines and scale sets whose
 * `storageProfile.imageReference` names one of its versions or definitions, found by one Resource Graph query.
 * Resource Graph answers only what the caller may read, so consumers in subscriptions or tenants the caller cannot
 * read (a shared or community gallery's consumers mostly are) are not counted.
 */

export type ConsumerType = "virtualMachine" | "virtualMachineScaleSet";

/** How the consumer names the image: by the gallery's resource id, or a shared or community gallery's image id. */
export type ReferenceForm = "id" | "sharedGalleryImageId" | "communityGalleryImageId";

export interface ImageConsumer {
  id: string;
  name: string;
  type: ConsumerType;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  form: ReferenceForm;
  /** The definition the reference resolves to, as this gallery's resource id. */
  definitionId: string;
  /**
   * The version it is pinned to, as this gallery's resource id; undefined when it names the definition (or
   * `latest`) and so follows latest: what latest was when it was deployed is not something Azure keeps.
   */
  versionId?: string;
}

/** A gallery's names as consumers may spell them. */
export interface GalleryReach {
  /** The gallery's resource id. */
  id: string;
  /** `identifier.uniqueName`: how a direct share names it (`/SharedGalleries/{uniqueName}/…`). */
  uniqueName?: string;
  /** `sharingProfile.communityGalleryInfo.publicNames`: how a community gallery is named. */
  publicNames?: readonly string[];
}

/** How consumers name the gallery: its id, the unique name a direct share uses, a community gallery's public names. */
export function galleryReachOf(gallery: Gallery): GalleryReach {
  return {
    id: gallery.id!,
    ...(gallery.identifier?.uniqueName ? { uniqueName: gallery.identifier.uniqueName } : {}),
    publicNames: gallery.sharingProfile?.communityGalleryInfo?.publicNames ?? [],
  };
}

/** A row of the usage query. */
export interface ImageReferenceRow {
  id: string;
  name: string;
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  imageId: string;
  sharedGalleryImageId: string;
  communityGalleryImageId: string;
}

const VIRTUAL_MACHINE = "microsoft.compute/virtualmachines";
const SCALE_SET = "microsoft.compute/virtualmachinescalesets";

/** Names embedded in the query are checked, since Kusto string literals would end at a quote. */
function literal(value: string): string {
  if (/['"\\\n]/.test(value)) throw new Error(`'${value}' cannot be part of a gallery's name.`);
  return `'${value}'`;
}

/** Past this many galleries, the query selects every gallery reference and the join keeps the galleries' own. */
const GALLERIES_NAMED_IN_QUERY = 25;

function galleryConditions(gallery: GalleryReach): string[] {
  const conditions = [`imageId startswith ${literal(`${gallery.id}/images/`)}`];
  if (gallery.uniqueName)
    conditions.push(`sharedGalleryImageId startswith ${literal(`/SharedGalleries/${gallery.uniqueName}/Images/`)}`);
  for (const name of gallery.publicNames ?? [])
    conditions.push(`communityGalleryImageId startswith ${literal(`/CommunityGalleries/${name}/Images/`)}`);
  return conditions;
}

/**
 * The Resource Graph query for every VM and scale set whose image reference names something of the galleries, in
 * any of the three forms. The reference's case is the consumer's, so prefixes compare case-insensitively. Many
 * galleries (a retention over everything the user can write, needs attention) make one query for every gallery
 * reference rather than a query too long for Resource Graph.
 */
export function imageUsageQuery(galleries: GalleryReach | readonly GalleryReach[]): string {
  const list = Array.isArray(galleries) ? galleries : [galleries as GalleryReach];
  const conditions =
    list.length > GALLERIES_NAMED_IN_QUERY
      ? [
          "imageId contains '/providers/Microsoft.Compute/galleries/'",
          "isnotempty(sharedGalleryImageId)",
          "isnotempty(communityGalleryImageId)",
        ]
      : list.flatMap(galleryConditions);
  return [
    `resources`,
    `| where type in~ ('${VIRTUAL_MACHINE}', '${SCALE_SET}')`,
    `| extend imageReference = iff(type =~ '${VIRTUAL_MACHINE}', properties.storageProfile.imageReference, properties.virtualMachineProfile.storageProfile.imageReference)`,
    `| extend imageId = tostring(imageReference.id), sharedGalleryImageId = tostring(imageReference.sharedGalleryImageId), communityGalleryImageId = tostring(imageReference.communityGalleryImageId)`,
    `| where ${conditions.join(" or ")}`,
    `| project id, name, type, subscriptionId, resourceGroup, location, imageId, sharedGalleryImageId, communityGalleryImageId`,
  ].join("\n");
}

/** `/SharedGalleries/{name}/Images/{image}[/Versions/{version|latest}]` and its community twin. */
const GALLERY_IMAGE_REFERENCE =
  /^\/(?:SharedGalleries|CommunityGalleries)\/([^/]+)\/Images\/([^/]+)(?:\/Versions\/([^/]+))?\/?$/i;

/** The galleries by each name a consumer may use for them, lower-cased. */
class GalleryNames {
  readonly byId = new Map<string, GalleryReach>();
  readonly byUniqueName = new Map<string, GalleryReach>();
  readonly byPublicName = new Map<string, GalleryReach>();

  constructor(galleries: readonly GalleryReach[]) {
    for (const gallery of galleries) {
      this.byId.set(gallery.id.toLowerCase(), gallery);
      if (gallery.uniqueName) this.byUniqueName.set(gallery.uniqueName.toLowerCase(), gallery);
      for (const name of gallery.publicNames ?? []) this.byPublicName.set(name.toLowerCase(), gallery);
    }
  }
}

/** The definition and (when pinned) version a row's reference names in one of the galleries; undefined when none. */
function resolveReference(
  row: ImageReferenceRow,
  names: GalleryNames,
): Pick<ImageConsumer, "form" | "definitionId" | "versionId"> | undefined {
  const inGallery = (gallery: GalleryReach, form: ReferenceForm, image: string, version: string | undefined) => {
    const galleryPath = parseResourceId(gallery.id);
    if (!galleryPath?.resourceGroup || !galleryPath.gallery) return undefined;
    const args = [galleryPath.subscriptionId, galleryPath.resourceGroup, galleryPath.gallery, image] as const;
    const pinned = version !== undefined && version.toLowerCase() !== "latest";
    return {
      form,
      definitionId: galleryImageResourceId(...args),
      ...(pinned ? { versionId: galleryImageVersionResourceId(...args, version) } : {}),
    };
  };
  if (row.imageId) {
    const parsed = parseResourceId(row.imageId);
    if (!parsed?.galleryImage || !parsed.resourceGroup || !parsed.gallery) return undefined;
    const galleryId = galleryResourceId(parsed.subscriptionId, parsed.resourceGroup, parsed.gallery);
    const gallery = names.byId.get(galleryId.toLowerCase());
    return gallery && inGallery(gallery, "id", parsed.galleryImage, parsed.galleryImageVersion);
  }
  const shared = row.sharedGalleryImageId ? GALLERY_IMAGE_REFERENCE.exec(row.sharedGalleryImageId) : null;
  const sharedGallery = shared && names.byUniqueName.get(shared[1]!.toLowerCase());
  if (sharedGallery) return inGallery(sharedGallery, "sharedGalleryImageId", shared[2]!, shared[3]);
  const community = row.communityGalleryImageId ? GALLERY_IMAGE_REFERENCE.exec(row.communityGalleryImageId) : null;
  const communityGallery = community && names.byPublicName.get(community[1]!.toLowerCase());
  if (communityGallery) return inGallery(communityGallery, "communityGalleryImageId", community[2]!, community[3]);
  return undefined;
}

/** The query's rows as consumers of the galleries' definitions and versions. */
export function joinImageUsage(
  rows: readonly ImageReferenceRow[],
  galleries: GalleryReach | readonly GalleryReach[],
): ImageConsumer[] {
  const names = new GalleryNames(Array.isArray(galleries) ? galleries : [galleries as GalleryReach]);
  const consumers: ImageConsumer[] = [];
  for (const row of rows) {
    const type = row.type.toLowerCase();
    if (type !== VIRTUAL_MACHINE && type !== SCALE_SET) continue;
    const reference = resolveReference(row, names);
    if (!reference) continue;
    consumers.push({
      id: row.id,
      name: row.name,
      type: type === VIRTUAL_MACHINE ? "virtualMachine" : "virtualMachineScaleSet",
      subscriptionId: row.subscriptionId,
      resourceGroup: row.resourceGroup,
      location: row.location,
      ...reference,
    });
  }
  return consumers.sort((a, b) => a.id.localeCompare(b.id));
}

export interface UsageCount {
  virtualMachines: number;
  scaleSets: number;
}

function countOf(consumers: readonly ImageConsumer[]): UsageCount {
  let virtualMachines = 0;
  for (const c of consumers) if (c.type === "virtualMachine") virtualMachines += 1;
  return { virtualMachines, scaleSets: consumers.length - virtualMachines };
}

/** A gallery's consumers, looked up by version and definition (ids compare case-insensitively, as ARM's do). */
export class ImageUsage {
  private readonly byVersion = new Map<string, ImageConsumer[]>();
  private readonly byDefinition = new Map<string, ImageConsumer[]>();

  constructor(
    readonly consumers: readonly ImageConsumer[],
    /** The subscriptions the query covered: the reach of these counts. */
    readonly subscriptionCount: number,
  ) {
    for (const consumer of consumers) {
      const add = (map: Map<string, ImageConsumer[]>, key: string) => {
        const list = map.get(key.toLowerCase()) ?? [];
        list.push(consumer);
        map.set(key.toLowerCase(), list);
      };
      add(this.byDefinition, consumer.definitionId);
      if (consumer.versionId) add(this.byVersion, consumer.versionId);
    }
  }

  /** The consumers pinned to the version. */
  ofVersion(versionId: string): readonly ImageConsumer[] {
    return this.byVersion.get(versionId.toLowerCase()) ?? [];
  }

  /** Every consumer of the definition: pinned to one of its versions or following latest. */
  ofDefinition(definitionId: string): readonly ImageConsumer[] {
    return this.byDefinition.get(definitionId.toLowerCase()) ?? [];
  }

  /** The consumers of the definition that follow latest. */
  followingLatest(definitionId: string): readonly ImageConsumer[] {
    return this.ofDefinition(definitionId).filter((c) => !c.versionId);
  }

  static count(consumers: readonly ImageConsumer[]): UsageCount {
    return countOf(consumers);
  }
}

/**
 * The galleries' consumers in the subscriptions given (those the caller can list): one Resource Graph query,
 * paged, over all of them.
 */
export async function readImageUsage(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  galleries: GalleryReach | readonly GalleryReach[],
): Promise<ImageUsage> {
  const none = Array.isArray(galleries) && galleries.length === 0;
  const rows =
    subscriptionIds.length > 0 && !none
      ? await queryResourceGraph<ImageReferenceRow>(arm, subscriptionIds, imageUsageQuery(galleries))
      : [];
  return new ImageUsage(joinImageUsage(rows, galleries), subscriptionIds.length);
}
