import { galleryArtifactPathOf } from "@/lib/azure/artifactRoutes";
import { parentOf } from "@/lib/azure/resourceId";
import { compareVersionNames, parseVersionName } from "@/lib/gallery/names";
import { normalizeLocation } from "@/lib/gallery/regions";
import { type ArmResourceJson, type InventoryVersion, toVersion } from "./inventory";
import { isPastEndOfLife } from "./usability";

/**
 * The VM Applications of "What I can use": applications (Microsoft.Compute/galleries/applications) the user can
 * read, each with its versions, from resources as ARM and Resource Graph return them.
 */

export interface InventoryApplication {
  id: string;
  name: string;
  galleryName: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  supportedOSType: string;
  description: string;
  endOfLifeDate?: string;
  pastEndOfLife: boolean;
  /** Newest first. */
  versions: InventoryVersion[];
  /** Every region at least one version targets. */
  regions: string[];
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Joins applications with their versions; versions whose application the user cannot read are left out. */
export function buildApplicationInventory(
  applications: readonly ArmResourceJson[],
  versions: readonly ArmResourceJson[],
  now: Date,
): InventoryApplication[] {
  const byApplication = new Map<string, InventoryVersion[]>();
  for (const version of versions) {
    const parent = parentOf(version.id)?.toLowerCase();
    if (!parent || !parseVersionName(version.name)) continue;
    byApplication.set(parent, [...(byApplication.get(parent) ?? []), toVersion(version, now)]);
  }
  const seen = new Set<string>();
  const result: InventoryApplication[] = [];
  for (const application of applications) {
    const parsed = galleryArtifactPathOf(application.id);
    const key = application.id.toLowerCase();
    if (parsed?.collection !== "applications" || parsed.versionName !== undefined || seen.has(key)) continue;
    seen.add(key);
    const p = application.properties ?? {};
    const endOfLifeDate = str(p.endOfLifeDate);
    const own = (byApplication.get(key) ?? []).sort((a, b) => compareVersionNames(b.name, a.name));
    result.push({
      id: application.id,
      name: application.name,
      galleryName: parsed.galleryName,
      subscriptionId: parsed.subscriptionId,
      resourceGroup: parsed.resourceGroupName,
      location: normalizeLocation(application.location),
      supportedOSType: str(p.supportedOSType) ?? "",
      description: str(p.description) ?? "",
      ...(endOfLifeDate ? { endOfLifeDate } : {}),
      pastEndOfLife: isPastEndOfLife(endOfLifeDate, now),
      versions: own,
      regions: [...new Set(own.flatMap((v) => v.targetRegions))].sort(),
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name) || a.galleryName.localeCompare(b.galleryName));
}

export interface ApplicationFilters {
  osType?: string;
  /** Canonical region name: applications with a version targeting it. */
  region?: string;
  /** Matched case-insensitively against name, gallery and description. */
  text?: string;
  hideEndOfLife?: boolean;
}

export function filterApplications<T extends InventoryApplication>(
  applications: readonly T[],
  filters: ApplicationFilters,
): T[] {
  const needle = filters.text?.trim().toLowerCase() ?? "";
  const region = filters.region ? normalizeLocation(filters.region) : undefined;
  return applications.filter(
    (app) =>
      (!filters.osType || app.supportedOSType.toLowerCase() === filters.osType.toLowerCase()) &&
      (!region || app.regions.includes(region)) &&
      (!filters.hideEndOfLife ||
        !(app.pastEndOfLife || (app.versions.length > 0 && app.versions.every((v) => v.pastEndOfLife)))) &&
      (!needle || [app.name, app.galleryName, app.description].some((v) => v.toLowerCase().includes(needle))),
  );
}
