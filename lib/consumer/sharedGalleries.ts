import type { SharedGalleryImage, SharedGalleryImageVersion } from "@azure/arm-compute";
import type { ArmClients } from "@/lib/azure/clients";
import { type AzureError, toAzureError } from "@/lib/azure/errors";
import { compareVersionNames, parseVersionName } from "@/lib/gallery/names";
import { normalizeLocation } from "@/lib/gallery/regions";
import { mapWithConcurrency } from "./concurrency";
import type { InventoryImage, InventoryVersion, SharedTo } from "./inventory";
import type { ConsumerVersion } from "./usability";
import { isPastEndOfLife } from "./usability";

/**
 * "Images I can use" for galleries shared directly with the user's subscriptions or tenant (`POST {gallery}/share`),
 * read through the consumer's read-only proxies `…/locations/{loc}/sharedGalleries[/{unique}/images[/{i}/versions]]`.
 * The user holds no role on such a gallery, so neither Resource Graph nor the gallery's ARM id reaches it.
 */

/** Requests in flight at once, as in the RBAC listing, so many subscriptions × regions do not meet ARM's throttling. */
export const SHARED_GALLERY_CONCURRENCY = 6;

/**
 * At most this many regions are searched by default. sharedGalleries is a per-region API and Azure has 60+
 * public regions: asking each one twice (shared with the subscription, shared with the tenant) for every
 * subscription would be hundreds of calls before the page shows anything. A consumer deploys where they already
 * work, so the default is the regions their own images are in; the Region filter and the regions they add are
 * always searched too, as the Azure portal's image picker asks per region for the VM being created.
 */
export const MAX_DEFAULT_SHARED_GALLERY_REGIONS = 6;

/**
 * The regions to search: the ones the user chose (filter, added) first and always, then the regions most of the
 * user's other images target, up to MAX_DEFAULT_SHARED_GALLERY_REGIONS in all.
 */
export function regionsToSearch(images: readonly InventoryImage[], chosen: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const image of images) for (const region of image.regions) counts.set(region, (counts.get(region) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([region]) => region);
  const picked = [...new Set(chosen.filter(Boolean).map(normalizeLocation))];
  for (const region of ranked) {
    if (picked.length >= MAX_DEFAULT_SHARED_GALLERY_REGIONS) break;
    if (!picked.includes(region)) picked.push(region);
  }
  return picked;
}

/** One image of a shared gallery as read through one consumer subscription, with its versions per region. */
export interface SharedImageRead {
  galleryUniqueName: string;
  sharedTo: SharedTo;
  /** The consumer's subscription the image was read through. */
  subscriptionId: string;
  /** The region the image itself was read in. */
  location: string;
  image: SharedGalleryImage;
  /** Region → the versions listed there (a shared version is listed in the regions it is replicated to). */
  versionsByRegion: Record<string, readonly SharedGalleryImageVersion[]>;
}

export const sharedImageId = (galleryUniqueName: string, image: string) =>
  `/SharedGalleries/${galleryUniqueName}/Images/${image}`;
/** The id a VM takes to mean latest of a shared image in its region. */
export const sharedLatestId = (imageId: string) => `${imageId}/Versions/latest`;

const iso = (date: Date | undefined) =>
  date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;

/** A shared image as a row of "Images I can use", its versions merged over the regions they were listed in. */
export function sharedImageRow(read: SharedImageRead, now: Date): InventoryImage {
  const { image } = read;
  const id = image.uniqueId ?? sharedImageId(read.galleryUniqueName, image.name!);
  const byName = new Map<string, { version: SharedGalleryImageVersion; regions: Set<string> }>();
  for (const [region, versions] of Object.entries(read.versionsByRegion)) {
    for (const version of versions) {
      if (!version.name || !parseVersionName(version.name)) continue;
      const entry = byName.get(version.name) ?? { version, regions: new Set<string>() };
      entry.regions.add(normalizeLocation(region));
      byName.set(version.name, entry);
    }
  }
  const versions: InventoryVersion[] = [...byName.values()]
    .map(({ version, regions }) => {
      const endOfLifeDate = iso(version.endOfLifeDate);
      const publishedDate = iso(version.publishedDate);
      return {
        id: version.uniqueId ?? `${id}/Versions/${version.name}`,
        name: version.name!,
        ...(publishedDate ? { publishedDate } : {}),
        ...(endOfLifeDate ? { endOfLifeDate } : {}),
        pastEndOfLife: isPastEndOfLife(endOfLifeDate, now),
        excludeFromLatest: version.excludeFromLatest === true,
        targetRegions: [...regions].sort(),
      };
    })
    .sort((a, b) => compareVersionNames(b.name, a.name));
  const endOfLifeDate = iso(image.endOfLifeDate);
  return {
    id,
    name: image.name!,
    galleryName: read.galleryUniqueName,
    subscriptionId: read.subscriptionId,
    resourceGroup: "",
    location: normalizeLocation(read.location),
    osType: image.osType ?? "",
    osState: image.osState ?? "",
    architecture: image.architecture ?? "x64",
    hyperVGeneration: image.hyperVGeneration ?? "V1",
    publisher: image.identifier?.publisher ?? "",
    offer: image.identifier?.offer ?? "",
    sku: image.identifier?.sku ?? "",
    description: "",
    ...(endOfLifeDate ? { endOfLifeDate } : {}),
    pastEndOfLife: isPastEndOfLife(endOfLifeDate, now),
    access: "directShare",
    sharedGallery: {
      uniqueName: read.galleryUniqueName,
      sharedTo: read.sharedTo,
      location: normalizeLocation(read.location),
    },
    versions,
    regions: [...new Set(versions.flatMap((v) => v.targetRegions))].sort(),
  };
}

/**
 * A shared version as latest resolution and the snippets read it. A consumer of a shared gallery cannot read
 * replication status: the service lists a shared version in the regions it can be used in, so those regions are
 * taken as Completed (the deployment check asks Compute itself).
 */
export function sharedVersionCandidate(version: InventoryVersion): ConsumerVersion & { id: string } {
  return {
    id: version.id,
    name: version.name,
    location: version.targetRegions[0] ?? "",
    publishingProfile: {
      excludeFromLatest: version.excludeFromLatest,
      ...(version.endOfLifeDate ? { endOfLifeDate: version.endOfLifeDate } : {}),
      targetRegions: version.targetRegions.map((name) => ({ name })),
    },
    replicationStatus: {
      summary: version.targetRegions.map((region) => ({ region, state: "Completed", progress: 100 })),
    },
  };
}

/** Where the dashboard shows one shared image: its ARM path as the consumer reads it, plus how to read it again. */
export function sharedImageHref(image: InventoryImage, regions: readonly string[]): string {
  const origin = image.sharedGallery!;
  const query = new URLSearchParams({ regions: [...new Set([origin.location, ...regions])].join(",") });
  if (origin.sharedTo === "tenant") query.set("sharedTo", "tenant");
  return (
    `/subscriptions/${encodeURIComponent(image.subscriptionId)}/providers/Microsoft.Compute/locations/${encodeURIComponent(origin.location)}` +
    `/sharedGalleries/${encodeURIComponent(origin.uniqueName)}/images/${encodeURIComponent(image.name)}?${query}`
  );
}

export interface SharedGallerySearch {
  /** The user's subscriptions; the tenant-wide share is asked once per tenant. */
  subscriptions: readonly { subscriptionId: string; tenantId?: string }[];
  regions: readonly string[];
}

export interface SharedImagesResult {
  images: InventoryImage[];
  /** Lookups that failed (a region, a gallery); the rest is still shown. */
  failures: { scope: string; error: AzureError }[];
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const listOptions = (sharedTo: SharedTo) => (sharedTo === "tenant" ? { sharedTo: "tenant" as const } : {});
const basePath = (subscriptionId: string, region: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/locations/${region}/sharedGalleries`;

/** The versions of one shared image in each region, for the listing and for the image's own page. */
async function versionsByRegion(
  arm: ArmClients,
  at: { subscriptionId: string; sharedTo: SharedTo; galleryUniqueName: string; imageName: string },
  regions: readonly string[],
  failures: SharedImagesResult["failures"],
): Promise<Record<string, SharedGalleryImageVersion[]>> {
  const lists = await mapWithConcurrency(regions, SHARED_GALLERY_CONCURRENCY, async (region) => {
    try {
      return await collect(
        arm
          .compute(at.subscriptionId)
          .sharedGalleryImageVersions.list(region, at.galleryUniqueName, at.imageName, listOptions(at.sharedTo)),
      );
    } catch (error) {
      const path = `${basePath(at.subscriptionId, region)}/${at.galleryUniqueName}/images/${at.imageName}/versions`;
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
  });
  return Object.fromEntries(regions.map((region, i) => [region, lists[i]!]));
}

/**
 * Every image of every gallery shared directly with the subscriptions (sharedTo default) or their tenants
 * (sharedTo=tenant) that shows in one of the regions, with its versions in those regions. A gallery reached both
 * ways is read through the subscription share.
 */
export async function listSharedGalleryImages(
  arm: ArmClients,
  search: SharedGallerySearch,
  now: Date,
): Promise<SharedImagesResult> {
  const failures: SharedImagesResult["failures"] = [];
  const regions = [...new Set(search.regions.map(normalizeLocation))];
  const tenants = new Map<string, string>();
  for (const s of search.subscriptions)
    if (!tenants.has((s.tenantId ?? s.subscriptionId).toLowerCase()))
      tenants.set((s.tenantId ?? s.subscriptionId).toLowerCase(), s.subscriptionId);
  const lookups = [
    ...search.subscriptions.flatMap((s) =>
      regions.map((region) => ({ subscriptionId: s.subscriptionId, region, sharedTo: "subscription" as SharedTo })),
    ),
    ...[...tenants.values()].flatMap((subscriptionId) =>
      regions.map((region) => ({ subscriptionId, region, sharedTo: "tenant" as SharedTo })),
    ),
  ];
  const found = await mapWithConcurrency(lookups, SHARED_GALLERY_CONCURRENCY, async (lookup) => {
    try {
      return await collect(
        arm.compute(lookup.subscriptionId).sharedGalleries.list(lookup.region, listOptions(lookup.sharedTo)),
      );
    } catch (error) {
      const path = `${basePath(lookup.subscriptionId, lookup.region)}${lookup.sharedTo === "tenant" ? "?sharedTo=tenant" : ""}`;
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
  });

  const galleries = new Map<
    string,
    { uniqueName: string; subscriptionId: string; sharedTo: SharedTo; regions: string[] }
  >();
  lookups.forEach((lookup, i) => {
    for (const gallery of found[i]!) {
      if (!gallery.name) continue;
      const key = gallery.name.toLowerCase();
      const entry = galleries.get(key) ?? {
        uniqueName: gallery.name,
        subscriptionId: lookup.subscriptionId,
        sharedTo: lookup.sharedTo,
        regions: [],
      };
      if (!entry.regions.includes(lookup.region)) entry.regions.push(lookup.region);
      galleries.set(key, entry);
    }
  });

  const perGallery = await mapWithConcurrency([...galleries.values()], SHARED_GALLERY_CONCURRENCY, async (gallery) => {
    const location = gallery.regions[0]!;
    let images: SharedGalleryImage[];
    try {
      images = await collect(
        arm
          .compute(gallery.subscriptionId)
          .sharedGalleryImages.list(location, gallery.uniqueName, listOptions(gallery.sharedTo)),
      );
    } catch (error) {
      const path = `${basePath(gallery.subscriptionId, location)}/${gallery.uniqueName}/images`;
      failures.push({ scope: path, error: toAzureError(error, path) });
      return [];
    }
    return mapWithConcurrency(images, SHARED_GALLERY_CONCURRENCY, async (image) => {
      const at = {
        subscriptionId: gallery.subscriptionId,
        sharedTo: gallery.sharedTo,
        galleryUniqueName: gallery.uniqueName,
        imageName: image.name!,
      };
      const read: SharedImageRead = {
        ...at,
        location,
        image,
        versionsByRegion: await versionsByRegion(arm, at, gallery.regions, failures),
      };
      return sharedImageRow(read, now);
    });
  });
  return { images: perGallery.flat(), failures };
}

export interface SharedImageRef {
  subscriptionId: string;
  location: string;
  galleryUniqueName: string;
  imageName: string;
  sharedTo: SharedTo;
  /** Regions whose versions are read besides `location`. */
  regions: readonly string[];
}

/** One shared image and its versions in the regions, for its own page. */
export async function getSharedImage(
  arm: ArmClients,
  ref: SharedImageRef,
  now: Date,
): Promise<SharedImagesResult & { image: InventoryImage; definition: SharedGalleryImage }> {
  const failures: SharedImagesResult["failures"] = [];
  const path = `${basePath(ref.subscriptionId, ref.location)}/${ref.galleryUniqueName}/images/${ref.imageName}`;
  let definition: SharedGalleryImage;
  try {
    definition = await arm
      .compute(ref.subscriptionId)
      .sharedGalleryImages.get(ref.location, ref.galleryUniqueName, ref.imageName);
  } catch (error) {
    throw toAzureError(error, path);
  }
  const regions = [...new Set([ref.location, ...ref.regions].map(normalizeLocation))];
  const versions = await versionsByRegion(arm, ref, regions, failures);
  const image = sharedImageRow({ ...ref, image: definition, versionsByRegion: versions }, now);
  return { image, images: [image], definition, failures };
}

/**
 * Directly shared galleries as an ImageSource of "Images I can use" (see lib/queries/consumer.ts), searching the
 * regions given; `tenantOf` names each subscription's tenant so the tenant-wide share is asked once per tenant.
 */
export function sharedGalleriesSource(
  regions: readonly string[],
  tenantOf: (subscriptionId: string) => string | undefined,
) {
  return {
    list: (arm: ArmClients, subscriptionIds: readonly string[], now: Date) =>
      listSharedGalleryImages(
        arm,
        {
          subscriptions: subscriptionIds.map((subscriptionId) => ({
            subscriptionId,
            tenantId: tenantOf(subscriptionId),
          })),
          regions,
        },
        now,
      ),
  };
}
