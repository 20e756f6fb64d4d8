import { parentOf, parseResourceId } from "@/lib/azure/resourceId";
import { compareVersionNames, parseVersionName } from "@/lib/gallery/names";
import { normalizeLocation } from "@/lib/gallery/regions";
import { effectiveTargetRegions } from "@/lib/gallery/replication";
import { isPastEndOfLife } from "./usability";

/**
 * "Images I can use": the image definitions and versions a user can read, as rows a consumer filters. Built
 * from resources as ARM and Resource Graph return them (`{id, name, location, properties}`), so both sources feed
 * the same rows; directly shared galleries become the same rows in sharedGalleries.ts.
 */

/** A resource as `GET` or a Resource Graph row returns it. */
export interface ArmResourceJson {
  id: string;
  name: string;
  type?: string;
  location: string;
  tenantId?: string;
  properties?: Record<string, unknown>;
}

/** How the user reaches the image: Azure RBAC on the gallery or definition, or a gallery shared directly. */
export type ImageAccess = "rbac" | "directShare";

/** A gallery shared directly is shared with one subscription, or with the whole tenant the subscription is in. */
export type SharedTo = "subscription" | "tenant";

export interface SharedGalleryOrigin {
  uniqueName: string;
  sharedTo: SharedTo;
  /** The consumer's region the image was read in (shared galleries are read per region). */
  location: string;
}

export interface InventoryVersion {
  id: string;
  name: string;
  publishedDate?: string;
  endOfLifeDate?: string;
  pastEndOfLife: boolean;
  excludeFromLatest: boolean;
  targetRegions: string[];
  /** Policy reports as the row carries them (lib/gallery/trust reads them); the validation needs a read of its own. */
  safetyProfile?: {
    reportedForPolicyViolation?: boolean;
    policyViolations?: { category?: string; details?: string }[];
  };
}

export interface InventoryImage {
  id: string;
  name: string;
  galleryName: string;
  subscriptionId: string;
  resourceGroup: string;
  tenantId?: string;
  location: string;
  osType: string;
  osState: string;
  architecture: string;
  hyperVGeneration: string;
  publisher: string;
  offer: string;
  sku: string;
  description: string;
  /** The definition's features: which security type (so which validation) applies to a version. */
  features?: { name?: string; value?: string; startsAtVersion?: string }[];
  endOfLifeDate?: string;
  pastEndOfLife: boolean;
  access: ImageAccess;
  /** For `directShare`: the publisher's gallery by its unique name, how it is shared, and the region it was read in. */
  sharedGallery?: SharedGalleryOrigin;
  /** Newest first. */
  versions: InventoryVersion[];
  /** Every region at least one version targets. */
  regions: string[];
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A version row (image or application version): their publishingProfile shares these properties. */
export function toVersion(resource: ArmResourceJson, now: Date): InventoryVersion {
  const profile = obj(resource.properties?.publishingProfile);
  const targetRegions = Array.isArray(profile.targetRegions)
    ? profile.targetRegions.flatMap((target) => {
        const name = str(obj(target).name);
        return name ? [{ name }] : [];
      })
    : [];
  const endOfLifeDate = str(profile.endOfLifeDate);
  const publishedDate = str(profile.publishedDate);
  const safety = obj(resource.properties?.safetyProfile);
  return {
    id: resource.id,
    name: resource.name,
    ...(publishedDate ? { publishedDate } : {}),
    ...(endOfLifeDate ? { endOfLifeDate } : {}),
    pastEndOfLife: isPastEndOfLife(endOfLifeDate, now),
    excludeFromLatest: profile.excludeFromLatest === true,
    targetRegions: effectiveTargetRegions({ location: resource.location, publishingProfile: { targetRegions } }).map(
      (region) => normalizeLocation(region.name),
    ),
    ...(safety.reportedForPolicyViolation === true
      ? {
          safetyProfile: {
            reportedForPolicyViolation: true,
            policyViolations: Array.isArray(safety.policyViolations)
              ? safety.policyViolations.map((violation) => ({
                  category: str(obj(violation).category),
                  details: str(obj(violation).details),
                }))
              : [],
          },
        }
      : {}),
  };
}

/** Joins definitions with their versions; versions whose definition the user cannot read are left out. */
export function buildInventory(
  definitions: readonly ArmResourceJson[],
  versions: readonly ArmResourceJson[],
  now: Date,
  access: ImageAccess = "rbac",
): InventoryImage[] {
  const byDefinition = new Map<string, InventoryVersion[]>();
  for (const version of versions) {
    if (!parseVersionName(version.name)) continue;
    const parent = parentOf(version.id)?.toLowerCase();
    if (!parent) continue;
    const list = byDefinition.get(parent) ?? [];
    list.push(toVersion(version, now));
    byDefinition.set(parent, list);
  }
  const images: InventoryImage[] = [];
  const seen = new Set<string>();
  for (const definition of definitions) {
    const parsed = parseResourceId(definition.id);
    if (!parsed?.gallery || seen.has(definition.id.toLowerCase())) continue;
    seen.add(definition.id.toLowerCase());
    const p = obj(definition.properties);
    const identifier = obj(p.identifier);
    const endOfLifeDate = str(p.endOfLifeDate);
    const own = (byDefinition.get(definition.id.toLowerCase()) ?? []).sort((a, b) =>
      compareVersionNames(b.name, a.name),
    );
    images.push({
      id: definition.id,
      name: definition.name,
      galleryName: parsed.gallery,
      subscriptionId: parsed.subscriptionId,
      resourceGroup: parsed.resourceGroup ?? "",
      ...(definition.tenantId ? { tenantId: definition.tenantId } : {}),
      location: normalizeLocation(definition.location),
      osType: str(p.osType) ?? "",
      osState: str(p.osState) ?? "",
      architecture: str(p.architecture) ?? "x64",
      hyperVGeneration: str(p.hyperVGeneration) ?? "V1",
      publisher: str(identifier.publisher) ?? "",
      offer: str(identifier.offer) ?? "",
      sku: str(identifier.sku) ?? "",
      description: str(p.description) ?? "",
      ...(Array.isArray(p.features)
        ? {
            features: p.features.map((feature) => ({
              name: str(obj(feature).name),
              value: str(obj(feature).value),
              startsAtVersion: str(obj(feature).startsAtVersion),
            })),
          }
        : {}),
      ...(endOfLifeDate ? { endOfLifeDate } : {}),
      pastEndOfLife: isPastEndOfLife(endOfLifeDate, now),
      access,
      versions: own,
      regions: [...new Set(own.flatMap((v) => v.targetRegions))].sort(),
    });
  }
  return images.sort((a, b) => a.name.localeCompare(b.name) || a.galleryName.localeCompare(b.galleryName));
}

export interface InventoryFilters {
  osType?: string;
  architecture?: string;
  /** Canonical region name: images with a version targeting it. */
  region?: string;
  publisher?: string;
  offer?: string;
  sku?: string;
  /** Matched case-insensitively against name, gallery, identifier and description. */
  text?: string;
  /** Leave out definitions past end of life (and images whose every version is). */
  hideEndOfLife?: boolean;
}

const same = (a: string, b: string | undefined) => !b || a.toLowerCase() === b.toLowerCase();

export function filterInventory<T extends InventoryImage>(images: readonly T[], filters: InventoryFilters): T[] {
  const needle = filters.text?.trim().toLowerCase() ?? "";
  const region = filters.region ? normalizeLocation(filters.region) : undefined;
  return images.filter(
    (image) =>
      same(image.osType, filters.osType) &&
      same(image.architecture, filters.architecture) &&
      same(image.publisher, filters.publisher) &&
      same(image.offer, filters.offer) &&
      same(image.sku, filters.sku) &&
      (!region || image.regions.includes(region)) &&
      (!filters.hideEndOfLife || !endOfLifeEverywhere(image)) &&
      (!needle ||
        [image.name, image.galleryName, image.publisher, image.offer, image.sku, image.description].some((v) =>
          v.toLowerCase().includes(needle),
        )),
  );
}

/** A definition past end of life, or one whose every version is. */
export function endOfLifeEverywhere(image: InventoryImage): boolean {
  return image.pastEndOfLife || (image.versions.length > 0 && image.versions.every((v) => v.pastEndOfLife));
}

export interface FilterOptions {
  osType: string[];
  architecture: string[];
  region: string[];
  publisher: string[];
  offer: string[];
  sku: string[];
}

/** The distinct values each filter can take, from the images themselves. */
export function filterOptions(images: readonly InventoryImage[]): FilterOptions {
  const distinct = (pick: (image: InventoryImage) => string[]) =>
    [...new Set(images.flatMap(pick).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  return {
    osType: distinct((i) => [i.osType]),
    architecture: distinct((i) => [i.architecture]),
    region: distinct((i) => i.regions),
    publisher: distinct((i) => [i.publisher]),
    offer: distinct((i) => [i.offer]),
    sku: distinct((i) => [i.sku]),
  };
}
