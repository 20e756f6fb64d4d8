import { findRegion, sameLocation } from "../../../lib/gallery/regions.js";
import type { ResourceSkuLike } from "../../../lib/gallery/vmSizes.js";
import { ArmErrors } from "../../errors.js";
import { RECOMMENDED_REGIONS, VM_SIZES, type VmSizeRow } from "./skus.catalogue.js";

/** `Microsoft.Compute/skus` entries built from the catalogue: one per size and region, as Azure lists them. */

export interface ResourceSku extends ResourceSkuLike {
  resourceType: "virtualMachines";
  name: string;
  tier: "Standard";
  size: string;
  family: string;
  locations: string[];
  locationInfo: { location: string; zones: string[]; zoneDetails: unknown[] }[];
  capabilities: { name: string; value: string }[];
  restrictions: {
    type: "Location";
    values: string[];
    restrictionInfo: { locations: string[] };
    reasonCode: "NotAvailableForSubscription" | "QuotaId";
  }[];
}

const flag = (value: boolean) => (value ? "True" : "False");

/** The capabilities in the order and spelling Azure lists them. */
function capabilitiesOf(row: VmSizeRow): { name: string; value: string }[] {
  const list: [string, string | undefined][] = [
    ["MaxResourceVolumeMB", String(row.tempDiskMB)],
    ["OSVhdSizeMB", "1047552"],
    ["vCPUs", String(row.vCPUs)],
    ["MemoryPreservingMaintenanceSupported", "True"],
    ["HyperVGenerations", row.hyperVGenerations],
    ["MemoryGB", String(row.memoryGB)],
    ["MaxDataDiskCount", String(row.maxDataDisks)],
    ["CpuArchitectureType", row.architecture],
    ["LowPriorityCapable", flag(!row.confidentialComputingType)],
    ["PremiumIO", flag(row.premiumIO)],
    ["VMDeploymentTypes", "IaaS"],
    ["vCPUsAvailable", String(row.vCPUs)],
    ["vCPUsPerCore", row.architecture === "Arm64" ? "1" : "2"],
    ["EphemeralOSDiskSupported", flag(row.tempDiskMB > 0)],
    ["EncryptionAtHostSupported", "True"],
    ["CapacityReservationSupported", flag(!row.confidentialComputingType)],
    ["AcceleratedNetworkingEnabled", flag(row.acceleratedNetworking)],
    ["RdmaEnabled", "False"],
    ["MaxNetworkInterfaces", String(row.maxNetworkInterfaces)],
    ["DiskControllerTypes", row.diskControllerTypes],
    ["TrustedLaunchDisabled", row.trustedLaunchDisabled ? "True" : undefined],
    ["ConfidentialComputingType", row.confidentialComputingType],
  ];
  return list.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}

function skuIn(row: VmSizeRow, region: string): ResourceSku {
  const reasonCode = row.restricted?.[region];
  return {
    resourceType: "virtualMachines",
    name: row.name,
    tier: "Standard",
    size: row.name.replace(/^Standard_/, ""),
    family: row.family,
    locations: [region],
    locationInfo: [
      { location: region, zones: findRegion(region)?.availabilityZones ? ["1", "2", "3"] : [], zoneDetails: [] },
    ],
    capabilities: capabilitiesOf(row),
    restrictions: reasonCode
      ? [{ type: "Location", values: [region], restrictionInfo: { locations: [region] }, reasonCode }]
      : [],
  };
}

/** The whole catalogue, sorted by size then region so pages are stable. */
export function allSkus(): ResourceSku[] {
  return VM_SIZES.flatMap((row) => (row.regions ?? RECOMMENDED_REGIONS).map((region) => skuIn(row, region)));
}

/** The only `$filter` the skus list takes: `location eq '{region}'`. */
const LOCATION_FILTER = /^\s*location\s+eq\s+'([^']*)'\s*$/i;

export function listSkus(filter: string | undefined): ResourceSku[] {
  const skus = allSkus();
  if (filter === undefined || filter.trim() === "") return skus;
  const match = LOCATION_FILTER.exec(filter);
  if (!match)
    throw ArmErrors.invalidParameter(
      "$filter",
      `The filter '${filter}' is not supported. Only 'location eq' is supported.`,
    );
  return skus.filter((sku) => sameLocation(sku.locations[0]!, match[1]!));
}

/** A size's entry for one region, or undefined when the catalogue does not hold the size at all. */
export function findVmSize(name: string, region: string): { sku: ResourceSku; offered: boolean } | undefined {
  const row = VM_SIZES.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!row) return undefined;
  const canonical = findRegion(region)?.name ?? region;
  const offered = (row.regions ?? RECOMMENDED_REGIONS).includes(canonical);
  return { sku: skuIn(row, canonical), offered };
}
