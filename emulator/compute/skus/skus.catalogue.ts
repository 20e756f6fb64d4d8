import { AZURE_REGIONS } from "../../../lib/gallery/regions.js";

/**
 * A slice of Azure's VM size catalogue as `Microsoft.Compute/skus` lists it: general-purpose v5 and v6 sizes,
 * Arm64 (Dpsv5, Dpsv6), confidential (DCasv5, AMD SEV-SNP), NVMe-only v6 sizes, a size with both disk
 * controllers (Ebsv5), a Gen1-only size (Av2), and sizes offered in some regions only or restricted for the
 * subscription. Capabilities are named and valued as Azure names them; the figures are the published ones.
 */

export interface VmSizeRow {
  name: string;
  family: string;
  vCPUs: number;
  memoryGB: number;
  /** MaxResourceVolumeMB: the local temp disk, 0 when the size has none. */
  tempDiskMB: number;
  maxDataDisks: number;
  hyperVGenerations: "V1" | "V1,V2" | "V2";
  architecture: "x64" | "Arm64";
  premiumIO: boolean;
  acceleratedNetworking: boolean;
  maxNetworkInterfaces: number;
  /** DiskControllerTypes, absent on sizes that have SCSI only. */
  diskControllerTypes?: "NVMe" | "SCSI, NVMe";
  trustedLaunchDisabled?: boolean;
  confidentialComputingType?: "SNP";
  /** Regions the size is offered in; every recommended region when absent. */
  regions?: readonly string[];
  /** Regions where the size is offered but not to this subscription, with Azure's reason code. */
  restricted?: Readonly<Record<string, "NotAvailableForSubscription" | "QuotaId">>;
}

const V6_REGIONS = [
  "eastus",
  "eastus2",
  "westus2",
  "westus3",
  "centralus",
  "southcentralus",
  "northeurope",
  "westeurope",
  "uksouth",
  "swedencentral",
  "francecentral",
  "germanywestcentral",
  "australiaeast",
  "japaneast",
  "southeastasia",
  "canadacentral",
] as const;

const ARM64_REGIONS = [
  "eastus",
  "eastus2",
  "westus2",
  "westus3",
  "centralus",
  "northeurope",
  "westeurope",
  "uksouth",
  "swedencentral",
  "australiaeast",
  "japaneast",
  "southeastasia",
] as const;

const CONFIDENTIAL_REGIONS = [
  "eastus",
  "westus",
  "northeurope",
  "westeurope",
  "germanywestcentral",
  "italynorth",
  "swedencentral",
  "southeastasia",
  "japaneast",
  "centralindia",
  "uaenorth",
] as const;

const EBSV5_REGIONS = [
  "eastus",
  "eastus2",
  "westus2",
  "northeurope",
  "westeurope",
  "uksouth",
  "southeastasia",
] as const;

export const VM_SIZES: readonly VmSizeRow[] = [
  {
    name: "Standard_A2_v2",
    family: "standardAv2Family",
    vCPUs: 2,
    memoryGB: 4,
    tempDiskMB: 20480,
    maxDataDisks: 4,
    hyperVGenerations: "V1",
    architecture: "x64",
    premiumIO: false,
    acceleratedNetworking: false,
    maxNetworkInterfaces: 2,
    trustedLaunchDisabled: true,
  },
  {
    name: "Standard_B2s",
    family: "standardBSFamily",
    vCPUs: 2,
    memoryGB: 4,
    tempDiskMB: 8192,
    maxDataDisks: 4,
    hyperVGenerations: "V1,V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: false,
    maxNetworkInterfaces: 3,
  },
  ...([2, 4, 8] as const).map((n): VmSizeRow => ({
    name: `Standard_D${n}s_v5`,
    family: "standardDSv5Family",
    vCPUs: n,
    memoryGB: n * 4,
    tempDiskMB: 0,
    maxDataDisks: n * 2,
    hyperVGenerations: "V1,V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: n === 8 ? 4 : 2,
  })),
  {
    name: "Standard_D2ads_v5",
    family: "standardDADSv5Family",
    vCPUs: 2,
    memoryGB: 8,
    tempDiskMB: 76800,
    maxDataDisks: 4,
    hyperVGenerations: "V1,V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
  },
  {
    name: "Standard_E4s_v5",
    family: "standardESv5Family",
    vCPUs: 4,
    memoryGB: 32,
    tempDiskMB: 0,
    maxDataDisks: 8,
    hyperVGenerations: "V1,V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
  },
  {
    name: "Standard_E2bs_v5",
    family: "standardEBSv5Family",
    vCPUs: 2,
    memoryGB: 16,
    tempDiskMB: 0,
    maxDataDisks: 4,
    hyperVGenerations: "V1,V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
    diskControllerTypes: "SCSI, NVMe",
    regions: EBSV5_REGIONS,
  },
  ...([2, 4, 8] as const).map((n): VmSizeRow => ({
    name: `Standard_D${n}s_v6`,
    family: "standardDSv6Family",
    vCPUs: n,
    memoryGB: n * 4,
    tempDiskMB: 0,
    maxDataDisks: n * 2 + 4,
    hyperVGenerations: "V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: n === 8 ? 4 : 2,
    diskControllerTypes: "NVMe",
    regions: V6_REGIONS,
    ...(n === 8 ? { restricted: { westeurope: "NotAvailableForSubscription" } } : {}),
  })),
  {
    name: "Standard_D2ads_v6",
    family: "standardDADSv6Family",
    vCPUs: 2,
    memoryGB: 8,
    tempDiskMB: 0,
    maxDataDisks: 8,
    hyperVGenerations: "V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
    diskControllerTypes: "NVMe",
    regions: V6_REGIONS,
  },
  ...([2, 4] as const).map((n): VmSizeRow => ({
    name: `Standard_D${n}ps_v5`,
    family: "standardDPSv5Family",
    vCPUs: n,
    memoryGB: n * 4,
    tempDiskMB: 0,
    maxDataDisks: n * 2,
    hyperVGenerations: "V2",
    architecture: "Arm64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
    trustedLaunchDisabled: true,
    regions: ARM64_REGIONS,
  })),
  ...([2, 4] as const).map((n): VmSizeRow => ({
    name: `Standard_D${n}ps_v6`,
    family: "standardDPSv6Family",
    vCPUs: n,
    memoryGB: n * 4,
    tempDiskMB: 0,
    maxDataDisks: n * 2 + 4,
    hyperVGenerations: "V2",
    architecture: "Arm64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
    diskControllerTypes: "NVMe",
    regions: ARM64_REGIONS,
    restricted: { eastus: "NotAvailableForSubscription" },
  })),
  ...([2, 4] as const).map((n): VmSizeRow => ({
    name: `Standard_DC${n}as_v5`,
    family: "standardDCASv5Family",
    vCPUs: n,
    memoryGB: n * 4,
    tempDiskMB: 0,
    maxDataDisks: n * 2,
    hyperVGenerations: "V2",
    architecture: "x64",
    premiumIO: true,
    acceleratedNetworking: true,
    maxNetworkInterfaces: 2,
    confidentialComputingType: "SNP",
    regions: CONFIDENTIAL_REGIONS,
    restricted: { northeurope: "QuotaId" },
  })),
];

/** Every recommended region: where a size without a regions list is offered. */
export const RECOMMENDED_REGIONS: readonly string[] = AZURE_REGIONS.filter(
  (r) => r.regionCategory === "Recommended",
).map((r) => r.name);
