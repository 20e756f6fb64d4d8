import { DEMO_SUBSCRIPTIONS, type DemoSubscriptionKey } from "./demoIdentities.js";

/**
 * The catalogue of the `demo` seed as plain tables: resource groups, galleries, image definitions, and per
 * definition a small release plan from which its versions are derived (see demoVersions.ts). Every edge case a
 * later feature must show is written down here by name, so a reader can find it:
 * - replication in progress: `twists` with `startedMinutesAgo`;
 * - a failed region: a version whose data disk is over 1 TB (`dataDiskGB`);
 * - excluded from latest, globally or per region: `excludeFromLatest`, `excludeFromLatestIn`;
 * - end of life in the past: definitions' `endOfLifeDays` < 0, versions' `endOfLifeAfterDays`;
 * - every version excluded from latest: `preview-ws2025-core`; no versions at all: `experimental-ubuntu-2410`;
 * - the usual pattern, "latest in many regions, older versions in the source region only": `wide`.
 */

export interface DemoResourceGroup {
  subscription: DemoSubscriptionKey;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export const DEMO_RESOURCE_GROUPS: DemoResourceGroup[] = [
  { subscription: "contosoProduction", name: "rg-images-prod", location: "eastus", tags: { costCenter: "platform", env: "prod" } },
  { subscription: "contosoProduction", name: "rg-images-eu", location: "westeurope", tags: { costCenter: "platform", env: "prod" } },
  { subscription: "contosoProduction", name: "rg-image-build", location: "eastus", tags: { costCenter: "platform", purpose: "image-build" } },
  { subscription: "contosoProduction", name: "rg-app-web", location: "eastus", tags: { costCenter: "web", env: "prod" } },
  { subscription: "contosoDevelopment", name: "rg-images-dev", location: "westus2", tags: { costCenter: "engineering", env: "dev" } },
  { subscription: "contosoDevelopment", name: "rg-sandbox", location: "centralus", tags: { costCenter: "engineering", env: "sandbox" } },
  { subscription: "contosoDevelopment", name: "rg-image-build", location: "westus2", tags: { costCenter: "engineering", purpose: "image-build" } },
  { subscription: "contosoShared", name: "rg-shared-images", location: "northeurope", tags: { costCenter: "platform", env: "shared" } },
  { subscription: "contosoShared", name: "rg-image-build", location: "northeurope", tags: { costCenter: "platform", purpose: "image-build" } },
  { subscription: "fabrikamProduction", name: "rg-fabrikam-images", location: "westeurope", tags: { owner: "cloud-ops" } },
  { subscription: "fabrikamProduction", name: "rg-image-build", location: "westeurope", tags: { owner: "cloud-ops" } },
];

export interface DemoGallery {
  subscription: DemoSubscriptionKey;
  resourceGroup: string;
  name: string;
  location: string;
  description: string;
  tags?: Record<string, string>;
}

export const DEMO_GALLERIES: DemoGallery[] = [
  { subscription: "contosoProduction", resourceGroup: "rg-images-prod", name: "contoso_prod_images", location: "eastus", description: "Production Windows Server and SQL Server images, hardened by the platform team." },
  { subscription: "contosoProduction", resourceGroup: "rg-images-prod", name: "contoso_linux_images", location: "eastus2", description: "Production Linux images: Ubuntu, RHEL and Debian." },
  { subscription: "contosoProduction", resourceGroup: "rg-images-eu", name: "contoso_eu_images", location: "westeurope", description: "Images kept in the EU for data residency, including Azure Virtual Desktop hosts." },
  { subscription: "contosoDevelopment", resourceGroup: "rg-images-dev", name: "contoso_dev_images", location: "westus2", description: "Dev boxes and build agents for engineering." },
  { subscription: "contosoDevelopment", resourceGroup: "rg-sandbox", name: "contoso_sandbox", location: "centralus", description: "Previews and experiments. Not for production." },
  { subscription: "contosoShared", resourceGroup: "rg-shared-images", name: "contoso_shared_images", location: "northeurope", description: "Base images shared with every Contoso team and with partners.", tags: { sharing: "rbac" } },
  { subscription: "contosoShared", resourceGroup: "rg-shared-images", name: "contoso_golden_images", location: "eastus2", description: "Golden application images (IIS, SQL, nginx, Docker) built on the base images." },
  { subscription: "fabrikamProduction", resourceGroup: "rg-fabrikam-images", name: "fabrikam_images", location: "westeurope", description: "Fabrikam's production images." },
];

/** How a version differs from its definition's pattern. */
export interface VersionTwist {
  excludeFromLatest?: boolean;
  /** Target regions where this version is excluded from latest (the region-level flag). */
  excludeFromLatestIn?: string[];
  /** Published this many minutes ago: its replication is still running. */
  startedMinutesAgo?: number;
  /**
   * Adds a data disk of this size (GB) from a source of its own. Large disks replicate for hours (see
   * compute/galleryImageVersions/replication.ts); over 1 TB the service fails the replication.
   */
  dataDiskGB?: number;
  /** Replaces the regions this version targets besides its source region. */
  replicateTo?: string[];
  regionalReplicaCount?: number;
}

export interface DemoReleasePlan {
  /** The first version's name; later ones count up by `step`. */
  first: string;
  count: number;
  /** minor: 1.0.0, 1.1.0, …; patch: 1.0.0, 1.0.1, …; month: 2024.1.0 … 2024.12.0, 2025.1.0, … */
  step: "minor" | "patch" | "month";
  everyDays: number;
  newestDaysAgo: number;
  /** Regions besides the gallery's (the source region) that the newest `wide` versions replicate to. */
  replicateTo: string[];
  wide: number;
  replicaCount?: number;
  /** Each version's end of life, this many days after its publication; older versions are past it. */
  endOfLifeAfterDays?: number;
  twists?: Record<string, VersionTwist>;
}

export interface DemoDefinition {
  gallery: string;
  name: string;
  publisher: string;
  offer: string;
  sku: string;
  osType: "Windows" | "Linux";
  osState: "Generalized" | "Specialized";
  hyperVGeneration: "V1" | "V2";
  architecture: "x64" | "Arm64";
  trustedLaunch?: boolean;
  description: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  vCPUs: [min: number, max: number];
  memoryGB: [min: number, max: number];
  /** Days from seeding to the definition's end of life; negative means it has passed. */
  endOfLifeDays?: number;
  disallowedDiskTypes?: string[];
  osDiskGB: number;
  versions?: DemoReleasePlan;
}

const EU = ["northeurope", "uksouth", "francecentral", "germanywestcentral", "swedencentral"];

const EULA = "https://contoso.example/legal/image-eula";
const PRIVACY = "https://contoso.example/legal/privacy";
const notes = (path: string) => `https://contoso.example/images/${path}/release-notes`;

/** 40 definitions over the 8 galleries; the version counts add up to 300. */
export const DEMO_DEFINITIONS: DemoDefinition[] = [
  // contoso_prod_images (eastus)
  {
    gallery: "contoso_prod_images", name: "ws2022-datacenter-g2", publisher: "Contoso", offer: "WindowsServer", sku: "2022-datacenter-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows Server 2022 Datacenter, Gen2, Trusted Launch, with Contoso's CIS hardening and monitoring agents.",
    eula: EULA, privacyStatementUri: PRIVACY, releaseNoteUri: notes("ws2022"), vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 127,
    versions: {
      first: "2024.1.0", count: 12, step: "month", everyDays: 30, newestDaysAgo: 0, wide: 3, replicaCount: 2,
      replicateTo: ["eastus2", "westus2", "centralus", "northeurope", "westeurope", "uksouth", "southeastasia"],
      endOfLifeAfterDays: 270,
      twists: { "2024.12.0": { startedMinutesAgo: 6, regionalReplicaCount: 3 }, "2024.11.0": { excludeFromLatestIn: ["uksouth"] } },
    },
  },
  {
    gallery: "contoso_prod_images", name: "ws2022-datacenter", publisher: "Contoso", offer: "WindowsServer", sku: "2022-datacenter",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V1", architecture: "x64",
    description: "Windows Server 2022 Datacenter, Gen1, for workloads that cannot move to Gen2 yet.",
    eula: EULA, vCPUs: [2, 32], memoryGB: [4, 128], osDiskGB: 127,
    versions: { first: "1.0.0", count: 8, step: "minor", everyDays: 45, newestDaysAgo: 12, wide: 2, replicateTo: ["eastus2", "westus2", "westeurope"] },
  },
  {
    gallery: "contoso_prod_images", name: "ws2019-datacenter-g2", publisher: "Contoso", offer: "WindowsServer", sku: "2019-datacenter-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Windows Server 2019 Datacenter, Gen2. Being retired: move to ws2022-datacenter-g2.",
    eula: EULA, releaseNoteUri: notes("ws2019"), vCPUs: [2, 32], memoryGB: [4, 128], osDiskGB: 127, endOfLifeDays: -60,
    versions: { first: "1.0.0", count: 10, step: "minor", everyDays: 60, newestDaysAgo: 90, wide: 1, replicateTo: ["eastus2", "westeurope"], endOfLifeAfterDays: 365 },
  },
  {
    gallery: "contoso_prod_images", name: "ws2016-datacenter", publisher: "Contoso", offer: "WindowsServer", sku: "2016-datacenter",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V1", architecture: "x64",
    description: "Windows Server 2016 Datacenter. End of life: kept only for existing scale sets.",
    eula: EULA, vCPUs: [1, 16], memoryGB: [2, 64], osDiskGB: 127, endOfLifeDays: -400, disallowedDiskTypes: ["Standard_LRS"],
    versions: { first: "1.0.0", count: 6, step: "minor", everyDays: 90, newestDaysAgo: 500, wide: 1, replicateTo: ["westeurope"], endOfLifeAfterDays: 180 },
  },
  {
    gallery: "contoso_prod_images", name: "ws2025-datacenter-azure-edition", publisher: "Contoso", offer: "WindowsServer", sku: "2025-datacenter-azure-edition",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows Server 2025 Datacenter: Azure Edition, hotpatch enabled.",
    eula: EULA, privacyStatementUri: PRIVACY, releaseNoteUri: notes("ws2025"), vCPUs: [2, 96], memoryGB: [8, 384], osDiskGB: 127,
    versions: {
      first: "1.0.0", count: 4, step: "minor", everyDays: 21, newestDaysAgo: 0, wide: 4, replicaCount: 3,
      replicateTo: ["eastus2", "westus2", "westeurope", "japaneast"],
      twists: { "1.3.0": { startedMinutesAgo: 120, regionalReplicaCount: 5, dataDiskGB: 1000 } },
    },
  },
  {
    gallery: "contoso_prod_images", name: "sql2022-ws2022-enterprise", publisher: "Contoso", offer: "SQLServer2022-WS2022", sku: "enterprise-gen2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "SQL Server 2022 Enterprise on Windows Server 2022, with data and log disks laid out for SQL.",
    eula: EULA, vCPUs: [4, 64], memoryGB: [32, 512], osDiskGB: 127, disallowedDiskTypes: ["Standard_LRS"],
    versions: {
      first: "16.0.0", count: 6, step: "minor", everyDays: 30, newestDaysAgo: 1, wide: 2, replicateTo: ["eastus2", "westeurope"],
      // A 2 TB data disk cannot be replicated: the version's one region fails, as the troubleshooting guide describes.
      twists: { "16.5.0": { dataDiskGB: 2048, replicateTo: [] } },
    },
  },

  // contoso_linux_images (eastus2)
  {
    gallery: "contoso_linux_images", name: "ubuntu-2204-gen2", publisher: "Contoso", offer: "Ubuntu", sku: "22_04-lts-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Ubuntu 22.04 LTS, Gen2, Trusted Launch, with Contoso's baseline (auditd, Defender, Azure Monitor agent).",
    eula: EULA, releaseNoteUri: notes("ubuntu-2204"), vCPUs: [1, 64], memoryGB: [1, 256], osDiskGB: 30,
    versions: {
      first: "1.0.0", count: 12, step: "patch", everyDays: 14, newestDaysAgo: 2, wide: 4,
      replicateTo: ["eastus", "westus2", "centralus", "northeurope", "westeurope", "southeastasia", "australiaeast"],
      endOfLifeAfterDays: 120,
      twists: { "1.0.11": { excludeFromLatest: true }, "1.0.10": { excludeFromLatestIn: ["southeastasia", "australiaeast"] } },
    },
  },
  {
    gallery: "contoso_linux_images", name: "ubuntu-2204-arm64", publisher: "Contoso", offer: "Ubuntu", sku: "22_04-lts-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "Ubuntu 22.04 LTS for Arm64 (Ampere Altra, Cobalt 100) VM sizes.",
    eula: EULA, vCPUs: [2, 64], memoryGB: [4, 208], osDiskGB: 30,
    versions: { first: "1.0.0", count: 10, step: "patch", everyDays: 14, newestDaysAgo: 4, wide: 2, replicateTo: ["eastus", "westus2", "westeurope"] },
  },
  {
    gallery: "contoso_linux_images", name: "ubuntu-2404-gen2", publisher: "Contoso", offer: "Ubuntu", sku: "24_04-lts-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Ubuntu 24.04 LTS, Gen2, Trusted Launch.",
    eula: EULA, releaseNoteUri: notes("ubuntu-2404"), vCPUs: [1, 64], memoryGB: [1, 256], osDiskGB: 30,
    versions: {
      first: "1.0.0", count: 6, step: "minor", everyDays: 14, newestDaysAgo: 0, wide: 6,
      replicateTo: ["eastus", "westus2", "northeurope", "westeurope", "japaneast"],
      twists: { "1.5.0": { startedMinutesAgo: 3 } },
    },
  },
  {
    gallery: "contoso_linux_images", name: "rhel-9-gen2", publisher: "Contoso", offer: "RHEL", sku: "9-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Red Hat Enterprise Linux 9, Gen2, registered with Contoso's Satellite.",
    eula: "https://www.redhat.com/en/about/agreements", vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 64,
    versions: { first: "9.2.0", count: 10, step: "patch", everyDays: 30, newestDaysAgo: 9, wide: 3, replicateTo: ["eastus", "centralus", "westeurope"], endOfLifeAfterDays: 365 },
  },
  {
    gallery: "contoso_linux_images", name: "rhel-8-lvm-gen2", publisher: "Contoso", offer: "RHEL", sku: "8-lvm-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Red Hat Enterprise Linux 8 with LVM, Gen2. Older versions are past their end of life.",
    eula: "https://www.redhat.com/en/about/agreements", vCPUs: [2, 32], memoryGB: [4, 128], osDiskGB: 64,
    versions: { first: "8.6.0", count: 8, step: "patch", everyDays: 60, newestDaysAgo: 40, wide: 2, replicateTo: ["eastus", "westeurope"], endOfLifeAfterDays: 240 },
  },
  {
    gallery: "contoso_linux_images", name: "debian-12-gen2", publisher: "Contoso", offer: "Debian", sku: "12-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Debian 12 (bookworm), Gen2.",
    vCPUs: [1, 32], memoryGB: [1, 128], osDiskGB: 30,
    versions: { first: "12.1.0", count: 7, step: "minor", everyDays: 45, newestDaysAgo: 20, wide: 2, replicateTo: ["eastus", "northeurope"] },
  },

  // contoso_eu_images (westeurope)
  {
    gallery: "contoso_eu_images", name: "ws2022-datacenter-g2-eu", publisher: "Contoso", offer: "WindowsServer-EU", sku: "2022-datacenter-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows Server 2022 Datacenter, Gen2, built and kept in EU regions only.",
    eula: EULA, privacyStatementUri: PRIVACY, vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 127,
    versions: { first: "2024.3.0", count: 8, step: "month", everyDays: 30, newestDaysAgo: 3, wide: 3, replicateTo: EU, replicaCount: 2 },
  },
  {
    gallery: "contoso_eu_images", name: "ubuntu-2204-gen2-eu", publisher: "Contoso", offer: "Ubuntu-EU", sku: "22_04-lts-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Ubuntu 22.04 LTS, Gen2, built and kept in EU regions only.",
    eula: EULA, vCPUs: [1, 64], memoryGB: [1, 256], osDiskGB: 30,
    versions: {
      first: "1.0.0", count: 8, step: "patch", everyDays: 21, newestDaysAgo: 0, wide: 3, replicateTo: EU,
      twists: { "1.0.7": { startedMinutesAgo: 45, regionalReplicaCount: 4, dataDiskGB: 512 } },
    },
  },
  {
    gallery: "contoso_eu_images", name: "avd-win11-m365", publisher: "Contoso", offer: "Windows11", sku: "win11-23h2-avd-m365",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows 11 Enterprise multi-session 23H2 with Microsoft 365 Apps, for Azure Virtual Desktop host pools.",
    eula: EULA, privacyStatementUri: PRIVACY, releaseNoteUri: notes("avd-win11"), vCPUs: [4, 32], memoryGB: [16, 128], osDiskGB: 127,
    disallowedDiskTypes: ["Standard_LRS"],
    versions: { first: "2024.2.0", count: 8, step: "month", everyDays: 30, newestDaysAgo: 6, wide: 2, replicateTo: ["northeurope", "uksouth"], replicaCount: 5 },
  },
  {
    gallery: "contoso_eu_images", name: "avd-win10-m365", publisher: "Contoso", offer: "Windows10", sku: "win10-22h2-avd-m365",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Windows 10 Enterprise multi-session 22H2. Windows 10 is out of support: use avd-win11-m365.",
    eula: EULA, vCPUs: [4, 32], memoryGB: [16, 128], osDiskGB: 127, endOfLifeDays: -30,
    versions: { first: "2023.6.0", count: 6, step: "month", everyDays: 60, newestDaysAgo: 120, wide: 1, replicateTo: ["northeurope"], endOfLifeAfterDays: 300 },
  },
  {
    gallery: "contoso_eu_images", name: "sap-app-server", publisher: "Contoso", offer: "SLES-SAP", sku: "15-sp5-app-server",
    osType: "Linux", osState: "Specialized", hyperVGeneration: "V2", architecture: "x64",
    description: "A specialized SUSE Linux Enterprise Server 15 SP5 for SAP application server, captured from a configured VM.",
    vCPUs: [8, 64], memoryGB: [64, 512], osDiskGB: 64,
    versions: { first: "1.0.0", count: 5, step: "minor", everyDays: 60, newestDaysAgo: 15, wide: 2, replicateTo: ["germanywestcentral"] },
  },

  // contoso_dev_images (westus2)
  {
    gallery: "contoso_dev_images", name: "devbox-win11-vs2022", publisher: "Contoso", offer: "DevBox", sku: "win11-ent-vs2022",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows 11 Enterprise dev box with Visual Studio 2022, Git, Docker Desktop and the Contoso SDKs.",
    eula: EULA, releaseNoteUri: notes("devbox"), vCPUs: [8, 32], memoryGB: [32, 128], osDiskGB: 256,
    versions: { first: "1.0.0", count: 10, step: "minor", everyDays: 14, newestDaysAgo: 1, wide: 3, replicateTo: ["eastus", "westeurope"] },
  },
  {
    gallery: "contoso_dev_images", name: "build-agent-ubuntu-2204", publisher: "Contoso", offer: "BuildAgents", sku: "ubuntu-2204-azp",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Azure Pipelines scale set agent on Ubuntu 22.04 with the hosted-agent toolset.",
    vCPUs: [2, 16], memoryGB: [8, 64], osDiskGB: 86,
    versions: { first: "1.0.100", count: 12, step: "patch", everyDays: 7, newestDaysAgo: 1, wide: 2, replicateTo: ["eastus"], endOfLifeAfterDays: 60 },
  },
  {
    gallery: "contoso_dev_images", name: "build-agent-ubuntu-2204-arm64", publisher: "Contoso", offer: "BuildAgents", sku: "ubuntu-2204-azp-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "Azure Pipelines scale set agent on Ubuntu 22.04 for Arm64.",
    vCPUs: [2, 16], memoryGB: [8, 64], osDiskGB: 86,
    versions: { first: "1.0.100", count: 8, step: "patch", everyDays: 7, newestDaysAgo: 1, wide: 2, replicateTo: ["eastus"] },
  },
  {
    gallery: "contoso_dev_images", name: "build-agent-ws2022", publisher: "Contoso", offer: "BuildAgents", sku: "ws2022-azp",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Azure Pipelines scale set agent on Windows Server 2022 with Visual Studio Build Tools.",
    vCPUs: [4, 16], memoryGB: [16, 64], osDiskGB: 256,
    versions: { first: "1.0.100", count: 10, step: "patch", everyDays: 7, newestDaysAgo: 2, wide: 2, replicateTo: ["eastus"], endOfLifeAfterDays: 60 },
  },
  {
    gallery: "contoso_dev_images", name: "azurelinux-3-arm64", publisher: "Contoso", offer: "AzureLinux", sku: "3-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "Azure Linux 3.0 for Arm64 container hosts.",
    vCPUs: [2, 32], memoryGB: [4, 128], osDiskGB: 30,
    versions: { first: "3.0.0", count: 6, step: "patch", everyDays: 30, newestDaysAgo: 11, wide: 2, replicateTo: ["eastus", "westeurope"] },
  },
  {
    gallery: "contoso_dev_images", name: "jumpbox-ws2022", publisher: "Contoso", offer: "Jumpbox", sku: "ws2022-specialized",
    osType: "Windows", osState: "Specialized", hyperVGeneration: "V2", architecture: "x64",
    description: "A specialized Windows Server 2022 jump box captured from the engineering bastion VM.",
    vCPUs: [2, 4], memoryGB: [4, 16], osDiskGB: 127,
    versions: { first: "1.0.0", count: 4, step: "minor", everyDays: 90, newestDaysAgo: 30, wide: 1, replicateTo: ["eastus"] },
  },

  // contoso_sandbox (centralus)
  {
    gallery: "contoso_sandbox", name: "preview-ws2025-core", publisher: "Contoso", offer: "WindowsServer-Preview", sku: "2025-datacenter-core-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Preview builds of Windows Server 2025 Core. Every version is excluded from latest: pin a version to try one.",
    vCPUs: [2, 16], memoryGB: [4, 64], osDiskGB: 127,
    versions: {
      first: "0.1.0", count: 4, step: "minor", everyDays: 10, newestDaysAgo: 5, wide: 2, replicateTo: ["eastus"],
      twists: { "0.1.0": { excludeFromLatest: true }, "0.2.0": { excludeFromLatest: true }, "0.3.0": { excludeFromLatest: true }, "0.4.0": { excludeFromLatest: true } },
    },
  },
  {
    gallery: "contoso_sandbox", name: "experimental-ubuntu-2410", publisher: "Contoso", offer: "Ubuntu-Experimental", sku: "24_10-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Ubuntu 24.10, defined but not built yet: no versions.",
    vCPUs: [1, 8], memoryGB: [1, 32], osDiskGB: 30,
  },
  {
    gallery: "contoso_sandbox", name: "legacy-centos-7", publisher: "Contoso", offer: "CentOS", sku: "7_9",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V1", architecture: "x64",
    description: "CentOS 7.9, Gen1. End of life: every version is past its end-of-life date.",
    vCPUs: [1, 8], memoryGB: [1, 32], osDiskGB: 30, endOfLifeDays: -540,
    versions: { first: "7.9.0", count: 5, step: "patch", everyDays: 45, newestDaysAgo: 700, wide: 1, replicateTo: ["eastus"], endOfLifeAfterDays: 200 },
  },
  {
    gallery: "contoso_sandbox", name: "test-win11-specialized", publisher: "Contoso", offer: "Windows11-Test", sku: "win11-24h2-specialized",
    osType: "Windows", osState: "Specialized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "A specialized Windows 11 24H2 test machine, captured with its test data.",
    vCPUs: [2, 8], memoryGB: [8, 32], osDiskGB: 127,
    versions: { first: "1.0.0", count: 3, step: "patch", everyDays: 7, newestDaysAgo: 3, wide: 1, replicateTo: ["westus2"] },
  },
  {
    gallery: "contoso_sandbox", name: "fedora-40-arm64", publisher: "Contoso", offer: "Fedora", sku: "40-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "Fedora 40 for Arm64, community-maintained.",
    vCPUs: [2, 16], memoryGB: [4, 64], osDiskGB: 30,
    versions: { first: "40.0.0", count: 4, step: "patch", everyDays: 30, newestDaysAgo: 25, wide: 1, replicateTo: ["westus2"] },
  },

  // contoso_shared_images (northeurope): shared with the Image Consumers group and the Fabrikam guest
  {
    gallery: "contoso_shared_images", name: "base-ws2022-g2", publisher: "Contoso", offer: "Base", sku: "ws2022-datacenter-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "The Windows Server 2022 base every Contoso team builds on.",
    eula: EULA, privacyStatementUri: PRIVACY, releaseNoteUri: notes("base-ws2022"), vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 127,
    versions: {
      first: "1.0.0", count: 10, step: "minor", everyDays: 30, newestDaysAgo: 0, wide: 3, replicateTo: ["westeurope", "southeastasia", "japaneast", "australiaeast", "eastus"],
      replicaCount: 2, endOfLifeAfterDays: 240,
      twists: { "1.9.0": { startedMinutesAgo: 4 } },
    },
  },
  {
    gallery: "contoso_shared_images", name: "base-ubuntu-2204-gen2", publisher: "Contoso", offer: "Base", sku: "ubuntu-2204-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "The Ubuntu 22.04 base every Contoso team builds on.",
    eula: EULA, vCPUs: [1, 64], memoryGB: [1, 256], osDiskGB: 30,
    versions: {
      first: "1.0.0", count: 10, step: "patch", everyDays: 14, newestDaysAgo: 4, wide: 4, replicateTo: ["westeurope", "eastus", "westus2", "southeastasia"],
      twists: { "1.0.9": { excludeFromLatestIn: ["westus2"] } },
    },
  },
  {
    gallery: "contoso_shared_images", name: "base-rhel-9-gen2", publisher: "Contoso", offer: "Base", sku: "rhel-9-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "The RHEL 9 base for regulated workloads.",
    eula: "https://www.redhat.com/en/about/agreements", vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 64,
    versions: { first: "9.3.0", count: 8, step: "patch", everyDays: 30, newestDaysAgo: 13, wide: 2, replicateTo: ["westeurope", "eastus"] },
  },
  {
    gallery: "contoso_shared_images", name: "base-win11-23h2", publisher: "Contoso", offer: "Base", sku: "win11-23h2-ent",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows 11 Enterprise 23H2 base for personal desktops.",
    eula: EULA, vCPUs: [2, 16], memoryGB: [8, 64], osDiskGB: 127,
    versions: {
      first: "2024.4.0", count: 8, step: "month", everyDays: 30, newestDaysAgo: 8, wide: 2, replicateTo: ["westeurope", "uksouth", "eastus"],
      twists: { "2024.11.0": { excludeFromLatestIn: ["uksouth", "eastus"] } },
    },
  },
  {
    gallery: "contoso_shared_images", name: "base-ubuntu-2204-arm64", publisher: "Contoso", offer: "Base", sku: "ubuntu-2204-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "The Ubuntu 22.04 base for Arm64 VM sizes.",
    vCPUs: [2, 64], memoryGB: [4, 208], osDiskGB: 30,
    versions: { first: "1.0.0", count: 6, step: "patch", everyDays: 21, newestDaysAgo: 10, wide: 2, replicateTo: ["westeurope"] },
  },

  // contoso_golden_images (eastus2): one definition is shared with the consumer on its own
  {
    gallery: "contoso_golden_images", name: "golden-ws2022-iis", publisher: "Contoso", offer: "Golden", sku: "ws2022-iis-g2",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Windows Server 2022 with IIS 10 and the .NET 8 hosting bundle, for web front ends.",
    eula: EULA, releaseNoteUri: notes("golden-iis"), vCPUs: [2, 16], memoryGB: [4, 64], osDiskGB: 127,
    versions: { first: "1.0.0", count: 10, step: "minor", everyDays: 21, newestDaysAgo: 5, wide: 3, replicateTo: ["eastus", "centralus", "westeurope"] },
  },
  {
    gallery: "contoso_golden_images", name: "golden-ubuntu-nginx", publisher: "Contoso", offer: "Golden", sku: "ubuntu-2204-nginx",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Ubuntu 22.04 with nginx and certbot, for reverse proxies.",
    vCPUs: [1, 8], memoryGB: [1, 32], osDiskGB: 30,
    versions: { first: "1.0.0", count: 8, step: "patch", everyDays: 14, newestDaysAgo: 3, wide: 2, replicateTo: ["eastus", "westus2"] },
  },
  {
    gallery: "contoso_golden_images", name: "golden-ws2019-sql2019", publisher: "Contoso", offer: "Golden", sku: "ws2019-sql2019-std",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V1", architecture: "x64",
    description: "SQL Server 2019 Standard on Windows Server 2019, Gen1. Past its end of life.",
    eula: EULA, vCPUs: [4, 32], memoryGB: [16, 256], osDiskGB: 127, endOfLifeDays: -200,
    versions: { first: "15.0.0", count: 6, step: "minor", everyDays: 60, newestDaysAgo: 250, wide: 1, replicateTo: ["eastus"], endOfLifeAfterDays: 300 },
  },
  {
    gallery: "contoso_golden_images", name: "golden-ubuntu-docker", publisher: "Contoso", offer: "Golden", sku: "ubuntu-2204-docker",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Ubuntu 22.04 with Docker Engine and the Contoso registry configured.",
    vCPUs: [2, 16], memoryGB: [4, 64], osDiskGB: 64,
    versions: { first: "1.0.0", count: 6, step: "patch", everyDays: 14, newestDaysAgo: 2, wide: 2, replicateTo: ["eastus", "canadacentral"] },
  },

  // fabrikam_images (westeurope)
  {
    gallery: "fabrikam_images", name: "fabrikam-ws2022-azure-edition", publisher: "Fabrikam", offer: "WindowsServer", sku: "2022-datacenter-azure-edition",
    osType: "Windows", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64", trustedLaunch: true,
    description: "Fabrikam's Windows Server 2022 Datacenter: Azure Edition.",
    eula: "https://fabrikam.example/legal/eula", privacyStatementUri: "https://fabrikam.example/legal/privacy", vCPUs: [2, 64], memoryGB: [4, 256], osDiskGB: 127,
    versions: {
      first: "1.0.0", count: 10, step: "minor", everyDays: 30, newestDaysAgo: 0, wide: 3, replicateTo: ["northeurope", "uksouth", "swedencentral"],
      twists: { "1.9.0": { startedMinutesAgo: 200, regionalReplicaCount: 10, dataDiskGB: 1024 } },
    },
  },
  {
    gallery: "fabrikam_images", name: "fabrikam-ubuntu-2204", publisher: "Fabrikam", offer: "Ubuntu", sku: "22_04-lts-gen2",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "x64",
    description: "Fabrikam's Ubuntu 22.04 LTS.",
    vCPUs: [1, 32], memoryGB: [1, 128], osDiskGB: 30,
    versions: { first: "1.0.0", count: 10, step: "patch", everyDays: 14, newestDaysAgo: 6, wide: 2, replicateTo: ["northeurope", "eastus"], endOfLifeAfterDays: 100 },
  },
  {
    gallery: "fabrikam_images", name: "fabrikam-rhel-9-arm64", publisher: "Fabrikam", offer: "RHEL", sku: "9-arm64",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", architecture: "Arm64",
    description: "Fabrikam's RHEL 9 for Arm64.",
    vCPUs: [2, 32], memoryGB: [4, 128], osDiskGB: 64,
    versions: { first: "9.4.0", count: 8, step: "patch", everyDays: 30, newestDaysAgo: 16, wide: 2, replicateTo: ["northeurope"] },
  },
];

export function demoSubscriptionId(key: DemoSubscriptionKey): string {
  return DEMO_SUBSCRIPTIONS[key].subscriptionId;
}

export function demoGallery(name: string): DemoGallery {
  const gallery = DEMO_GALLERIES.find((g) => g.name === name);
  if (!gallery) throw new Error(`No demo gallery '${name}'.`);
  return gallery;
}

export function demoGalleryId(name: string): string {
  const g = demoGallery(name);
  return `/subscriptions/${demoSubscriptionId(g.subscription)}/resourceGroups/${g.resourceGroup}/providers/Microsoft.Compute/galleries/${g.name}`;
}

export function demoDefinitionId(galleryName: string, definitionName: string): string {
  return `${demoGalleryId(galleryName)}/images/${definitionName}`;
}
