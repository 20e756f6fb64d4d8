import { queryOptions } from "@tanstack/react-query";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import {
  sourceIncompatibilities,
  type ImageSourceTraits,
  type SourceDefinitionTraits,
} from "@/lib/gallery/galleryImage";
import { normalizeLocation, regionDisplayName } from "@/lib/gallery/regions";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";

export type SourceKind = "managedImage" | "virtualMachine" | "galleryImageVersion" | "disk" | "snapshot";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  managedImage: "Managed images",
  virtualMachine: "Virtual machines",
  galleryImageVersion: "Gallery image versions",
  disk: "Managed disks",
  snapshot: "Snapshots",
};

const KIND_OF_TYPE: Record<string, SourceKind> = {
  "microsoft.compute/images": "managedImage",
  "microsoft.compute/virtualmachines": "virtualMachine",
  "microsoft.compute/galleries/images/versions": "galleryImageVersion",
  "microsoft.compute/disks": "disk",
  "microsoft.compute/snapshots": "snapshot",
};

export const SOURCES_QUERY =
  "resources | where type in~ ('microsoft.compute/images', 'microsoft.compute/virtualmachines', 'microsoft.compute/disks', " +
  "'microsoft.compute/snapshots', 'microsoft.compute/galleries/images', 'microsoft.compute/galleries/images/versions') " +
  "| project id, name, type, location, subscriptionId, resourceGroup, properties";

/** A Resource Graph row of the sources query (`properties` as ARM returns the resource's). */
export interface SourceRow {
  id: string;
  name: string;
  type: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  properties?: Record<string, unknown>;
}

export interface SourceCandidate {
  id: string;
  name: string;
  kind: SourceKind;
  location: string;
  resourceGroup: string;
  subscriptionId: string;
  /** For a gallery image version: `gallery/definition/version`. */
  label: string;
  traits: ImageSourceTraits;
  /** The OS disk's size plus data disks', when known: what one replica costs. */
  sizeGB: number | undefined;
  /** For disks and snapshots: whether it carries an OS (a disk without osType is a data disk). */
  hasOs: boolean;
  /** The LUNs of an image's, VM's or version's data disks: the new version's data disks, encrypted per LUN. */
  dataDiskLuns: number[];
  /** Why it cannot become a version of this definition in this region; empty when it can. */
  reasons: string[];
}

type Json = Record<string, unknown> | undefined;

function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current && typeof current === "object" ? (current as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function sum(values: (number | undefined)[]): number | undefined {
  return values.some((value) => value === undefined)
    ? undefined
    : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function diskSizes(disks: unknown, key: string): (number | undefined)[] {
  return Array.isArray(disks) ? disks.map((disk) => num(at(disk, key))) : [];
}

function lunsOf(disks: unknown): number[] {
  return Array.isArray(disks) ? disks.flatMap((disk) => num(at(disk, "lun")) ?? []) : [];
}

export type DefinitionTraits = SourceDefinitionTraits;

function featureOf(properties: Json, name: string): string | undefined {
  const features = at(properties, "features");
  if (!Array.isArray(features)) return undefined;
  const found = features.find((feature) => str(at(feature, "name"))?.toLowerCase() === name.toLowerCase());
  return str(at(found, "value"));
}

/**
 * Every source the caller can read, judged against the definition a version is for and the region it is
 * created in (the gallery's). Compatibility is the shared rule (`sourceIncompatibilities`); the region rule is
 * the service's "source must be in the version's region" (for another gallery version: replicated there).
 * A VM's OS state lives in its instance view, which Resource Graph does not carry: it is not held against it.
 */
export function sourceCandidates(
  rows: readonly SourceRow[],
  definition: DefinitionTraits,
  location: string,
): SourceCandidate[] {
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const definitionOf = (versionId: string) => byId.get(versionId.replace(/\/versions\/[^/]+$/i, "").toLowerCase());
  const candidates: SourceCandidate[] = [];
  for (const row of rows) {
    const kind = KIND_OF_TYPE[row.type.toLowerCase()];
    if (!kind) continue;
    const p: Json = row.properties;
    let traits: ImageSourceTraits = { id: row.id };
    let sizeGB: number | undefined;
    let available = normalizeLocation(row.location) === normalizeLocation(location);
    let label = row.name;
    let hasOs = true;
    let dataDiskLuns: number[] = [];
    switch (kind) {
      case "managedImage": {
        const osDisk = at(p, "storageProfile", "osDisk");
        traits = {
          id: row.id,
          osType: str(at(osDisk, "osType")),
          osState: str(at(osDisk, "osState")),
          hyperVGeneration: str(at(p, "hyperVGeneration")),
        };
        sizeGB = sum([num(at(osDisk, "diskSizeGB")), ...diskSizes(at(p, "storageProfile", "dataDisks"), "diskSizeGB")]);
        dataDiskLuns = lunsOf(at(p, "storageProfile", "dataDisks"));
        break;
      }
      case "virtualMachine": {
        const osDisk = at(p, "storageProfile", "osDisk");
        const disk = byId.get(String(at(osDisk, "managedDisk", "id") ?? "").toLowerCase());
        traits = {
          id: row.id,
          osType: str(at(osDisk, "osType")),
          hyperVGeneration: str(at(disk?.properties, "hyperVGeneration")),
          architecture: str(at(disk?.properties, "supportedCapabilities", "architecture")),
          securityType: str(at(p, "securityProfile", "securityType")),
          diskControllerTypes: str(at(disk?.properties, "supportedCapabilities", "diskControllerTypes")),
        };
        sizeGB = sum([
          num(at(osDisk, "diskSizeGB")) ?? num(at(disk?.properties, "diskSizeGB")),
          ...diskSizes(at(p, "storageProfile", "dataDisks"), "diskSizeGB"),
        ]);
        dataDiskLuns = lunsOf(at(p, "storageProfile", "dataDisks"));
        break;
      }
      case "disk":
      case "snapshot":
        traits = {
          id: row.id,
          osType: str(at(p, "osType")),
          hyperVGeneration: str(at(p, "hyperVGeneration")),
          architecture: str(at(p, "supportedCapabilities", "architecture")),
          securityType: str(at(p, "securityProfile", "securityType")),
          diskControllerTypes: str(at(p, "supportedCapabilities", "diskControllerTypes")),
        };
        sizeGB = num(at(p, "diskSizeGB"));
        hasOs = traits.osType !== undefined;
        break;
      case "galleryImageVersion": {
        const parent = definitionOf(row.id);
        traits = {
          id: row.id,
          osType: str(at(parent?.properties, "osType")),
          osState: str(at(parent?.properties, "osState")),
          hyperVGeneration: str(at(parent?.properties, "hyperVGeneration")) ?? (parent ? "V1" : undefined),
          architecture: str(at(parent?.properties, "architecture")) ?? (parent ? "x64" : undefined),
          securityType: featureOf(parent?.properties, "SecurityType"),
        };
        sizeGB = sum([
          num(at(p, "storageProfile", "osDiskImage", "sizeInGB")),
          ...diskSizes(at(p, "storageProfile", "dataDiskImages"), "sizeInGB"),
        ]);
        dataDiskLuns = lunsOf(at(p, "storageProfile", "dataDiskImages"));
        const regions = at(p, "publishingProfile", "targetRegions");
        const names = Array.isArray(regions) ? regions.map((region) => String(at(region, "name") ?? "")) : [];
        available = [row.location, ...names].some((name) => normalizeLocation(name) === normalizeLocation(location));
        const segments = row.id.split("/");
        label = `${segments[8]}/${segments[10]}/${row.name}`;
        break;
      }
    }
    const reasons = sourceIncompatibilities(definition, traits).map((reason) => reason.explanation);
    if (!available) {
      reasons.push(
        kind === "galleryImageVersion"
          ? `It is not replicated to ${regionDisplayName(location)}, where this version is created (the gallery's region).`
          : `It is in ${regionDisplayName(row.location)}; a version is created in its gallery's region, ${regionDisplayName(location)}, and takes sources from there only.`,
      );
    }
    candidates.push({
      id: row.id,
      name: row.name,
      kind,
      location: row.location,
      resourceGroup: row.resourceGroup,
      subscriptionId: row.subscriptionId,
      label,
      traits,
      sizeGB,
      hasOs,
      dataDiskLuns,
      reasons,
    });
  }
  // Usable first; then the kinds a publisher picks most (images, VMs, versions), then by name.
  const order = (kind: SourceKind) => Object.keys(SOURCE_KIND_LABELS).indexOf(kind);
  return candidates.sort(
    (a, b) =>
      Number(a.reasons.length > 0) - Number(b.reasons.length > 0) ||
      order(a.kind) - order(b.kind) ||
      a.label.localeCompare(b.label),
  );
}

export const sourceQueries = {
  all: () => publishQueryRoots.versionSources,
  /** The raw rows; `sourceCandidates` judges them for one definition. */
  rows: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...sourceQueries.all(), [...subscriptionIds].map((s) => s.toLowerCase()).sort()] as const,
      queryFn: async () => {
        try {
          return await queryResourceGraph<SourceRow>(arm, subscriptionIds, SOURCES_QUERY);
        } catch (error) {
          throw toAzureError(error, "/providers/Microsoft.ResourceGraph/resources");
        }
      },
      enabled: subscriptionIds.length > 0,
    }),
};
