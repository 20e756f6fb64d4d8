import { createGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryImage } from "../compute/galleryImages/galleryImages.model.js";
import { createGalleryImageVersion } from "../compute/galleryImageVersions/galleryImageVersions.model.js";
import { managedImageType } from "../compute/sources/images.model.js";
import { putComputeResource } from "../compute/sources/lifecycle.js";
import { virtualMachineType } from "../compute/sources/virtualMachines.model.js";
import { virtualMachineScaleSetType } from "../compute/sources/virtualMachineScaleSets.model.js";
import type { EmulatorContext } from "../context.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";
import { seedDemoResourceGroup } from "./demoDirectory.js";

/**
 * What the lifecycle views (in use by, retention) have to show: a gallery of its own (contoso_lifecycle_images in
 * rg-lifecycle, Contoso Production), so the catalogue the other e2e specs read stays as it is, with one definition
 * whose versions span a year, and the VMs and scale sets that use them in two subscriptions: some pinned to old
 * versions, some following latest, one pinned to a version past its end of life.
 */

const SUBSCRIPTION = "contosoProduction" as const;
export const DEMO_LIFECYCLE_RESOURCE_GROUP = "rg-lifecycle";
export const DEMO_LIFECYCLE_GALLERY = "contoso_lifecycle_images";
export const DEMO_LIFECYCLE_DEFINITION = "web-frontend";
/** Where the consumers run, one group per subscription. */
export const DEMO_LIFECYCLE_APPS_RESOURCE_GROUP = "rg-lifecycle-apps";
const LOCATION = "eastus";
const OS_DISK_GB = 30;

interface DemoLifecycleVersion {
  name: string;
  publishedDaysAgo: number;
  /** Negative: in the future. */
  endOfLifeDaysAgo?: number;
  blockDeletionBeforeEndOfLife?: boolean;
  excludeFromLatest?: boolean;
}

/**
 * Read by a retention policy of "keep the newest 2, delete older than 90 days or 30 days past end of life":
 * 0.9.0 and 1.1.0 go; 1.0.0 (in use, past end of life), 1.2.0 (in use), 1.3.0 (protected) and the newest stay.
 */
export const DEMO_LIFECYCLE_VERSIONS: DemoLifecycleVersion[] = [
  { name: "0.9.0", publishedDaysAgo: 360 },
  { name: "1.0.0", publishedDaysAgo: 300, endOfLifeDaysAgo: 120 },
  { name: "1.1.0", publishedDaysAgo: 240, endOfLifeDaysAgo: 60 },
  { name: "1.2.0", publishedDaysAgo: 180 },
  { name: "1.3.0", publishedDaysAgo: 120, endOfLifeDaysAgo: -60, blockDeletionBeforeEndOfLife: true },
  { name: "1.4.0", publishedDaysAgo: 60 },
  { name: "1.5.0", publishedDaysAgo: 30, excludeFromLatest: true },
  { name: "1.6.0", publishedDaysAgo: 5 },
];

type Consumer = {
  subscription: "contosoProduction" | "contosoDevelopment";
  type: "vm" | "scaleSet";
  name: string;
  /** A version name, or undefined to follow latest (the definition's id). */
  version?: string;
};

export const DEMO_LIFECYCLE_CONSUMERS: Consumer[] = [
  { subscription: "contosoProduction", type: "vm", name: "web-legacy-01", version: "1.0.0" },
  { subscription: "contosoProduction", type: "vm", name: "web-01", version: "1.4.0" },
  { subscription: "contosoProduction", type: "vm", name: "web-02", version: "1.4.0" },
  { subscription: "contosoProduction", type: "scaleSet", name: "web-frontend-vmss" },
  { subscription: "contosoDevelopment", type: "vm", name: "web-dev-01" },
  { subscription: "contosoDevelopment", type: "scaleSet", name: "web-batch-vmss", version: "1.2.0" },
];

const TARGET_REGIONS = [
  { name: "eastus", regionalReplicaCount: 2 },
  { name: "westeurope", regionalReplicaCount: 1 },
];

function imageReference(subscriptionId: string, version: string | undefined): { id: string } {
  const definition = `/subscriptions/${subscriptionId}/resourceGroups/${DEMO_LIFECYCLE_RESOURCE_GROUP}/providers/Microsoft.Compute/galleries/${DEMO_LIFECYCLE_GALLERY}/images/${DEMO_LIFECYCLE_DEFINITION}`;
  return { id: version ? `${definition}/versions/${version}` : definition };
}

const OS_PROFILE = { adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" };

export function seedDemoLifecycle(ctx: EmulatorContext, seededAt: number): void {
  const subscriptionId = demoSubscriptionId(SUBSCRIPTION);
  const ref = { subscriptionId, resourceGroup: DEMO_LIFECYCLE_RESOURCE_GROUP, gallery: DEMO_LIFECYCLE_GALLERY };
  seedDemoResourceGroup(ctx, { subscription: SUBSCRIPTION, name: DEMO_LIFECYCLE_RESOURCE_GROUP, location: LOCATION });
  const createdAt = seededAt - 400 * DAY_MS;
  const at = asOf(ctx, createdAt);
  createGallery(at, { ...ref, location: LOCATION, description: "Images with a history: what uses them, what may go." });
  createGalleryImage(at, {
    ...ref,
    image: DEMO_LIFECYCLE_DEFINITION,
    properties: {
      identifier: { publisher: "Contoso", offer: "WebFrontend", sku: "ubuntu-2204" },
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      description: "The web tier's image, rebuilt monthly.",
    },
    apiVersion: "2024-03-03",
  });
  const source = putComputeResource(
    at,
    managedImageType,
    { subscriptionId, resourceGroup: DEMO_LIFECYCLE_RESOURCE_GROUP, name: "img-web-frontend" },
    {
      location: LOCATION,
      properties: {
        hyperVGeneration: "V2",
        storageProfile: {
          osDisk: {
            osType: "Linux",
            osState: "Generalized",
            blobUri: "https://contosoproductionbuild.blob.core.windows.net/vhds/web-frontend-os.vhd",
            diskSizeGB: OS_DISK_GB,
            caching: "ReadWrite",
          },
          dataDisks: [],
        },
      },
    },
  ).record.id;
  for (const v of DEMO_LIFECYCLE_VERSIONS) {
    const startedAt = seededAt - v.publishedDaysAgo * DAY_MS;
    createGalleryImageVersion(asOf(ctx, startedAt), {
      ...ref,
      image: DEMO_LIFECYCLE_DEFINITION,
      version: v.name,
      startedAt,
      apiVersion: "2024-03-03",
      properties: {
        publishingProfile: {
          targetRegions: TARGET_REGIONS,
          excludeFromLatest: v.excludeFromLatest ?? false,
          ...(v.endOfLifeDaysAgo !== undefined
            ? { endOfLifeDate: new Date(seededAt - v.endOfLifeDaysAgo * DAY_MS).toISOString() }
            : {}),
        },
        storageProfile: { source: { id: source } },
        ...(v.blockDeletionBeforeEndOfLife ? { safetyProfile: { blockDeletionBeforeEndOfLife: true } } : {}),
      },
    });
  }
  for (const subscription of new Set(DEMO_LIFECYCLE_CONSUMERS.map((c) => c.subscription)))
    seedDemoResourceGroup(ctx, { subscription, name: DEMO_LIFECYCLE_APPS_RESOURCE_GROUP, location: LOCATION });
  const now = asOf(ctx, seededAt);
  for (const consumer of DEMO_LIFECYCLE_CONSUMERS) {
    const at = {
      subscriptionId: demoSubscriptionId(consumer.subscription),
      resourceGroup: DEMO_LIFECYCLE_APPS_RESOURCE_GROUP,
    };
    const reference = imageReference(subscriptionId, consumer.version);
    if (consumer.type === "vm") {
      putComputeResource(
        now,
        virtualMachineType,
        { ...at, name: consumer.name },
        {
          location: LOCATION,
          properties: {
            hardwareProfile: { vmSize: "Standard_D2s_v5" },
            storageProfile: {
              imageReference: reference,
              osDisk: { createOption: "FromImage", deleteOption: "Delete" },
            },
            osProfile: { computerName: consumer.name, ...OS_PROFILE },
          },
        },
      );
    } else {
      putComputeResource(
        now,
        virtualMachineScaleSetType,
        { ...at, name: consumer.name },
        {
          location: LOCATION,
          sku: { name: "Standard_D2s_v5", capacity: 3 },
          properties: {
            orchestrationMode: "Uniform",
            upgradePolicy: { mode: "Manual" },
            virtualMachineProfile: {
              storageProfile: { imageReference: reference, osDisk: { createOption: "FromImage" } },
              osProfile: { computerNamePrefix: consumer.name.slice(0, 9), ...OS_PROFILE },
            },
          },
        },
      );
    }
  }
}
