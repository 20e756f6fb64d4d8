import type { EmulatorContext } from "../context.js";
import { parseBlobUri } from "../../lib/storage/blobUri.js";
import { putStorageAccount, putVhdBlob } from "../storage/storageAccounts.model.js";
import { DEMO_APPLICATION_PACKAGES } from "./demoApplications.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";
import { seedDemoResourceGroup } from "./demoDirectory.js";

/**
 * The storage account the demo's VM Applications download their packages from (contosoapps, in a resource group of
 * its own), with every package registered in the blob registry: an application version's mediaLink must name a
 * registered blob, as Azure's must name a blob it can read. Seeded before the applications.
 */

export const DEMO_APPLICATION_BLOBS_RESOURCE_GROUP = "rg-app-storage";
const SUBSCRIPTION = "contosoProduction" as const;
const LOCATION = "eastus";

export function seedDemoApplicationBlobs(ctx: EmulatorContext, seededAt: number): void {
  seedDemoResourceGroup(ctx, {
    subscription: SUBSCRIPTION,
    name: DEMO_APPLICATION_BLOBS_RESOURCE_GROUP,
    location: LOCATION,
  });
  const then = asOf(ctx, seededAt - 120 * DAY_MS);
  const blobs = DEMO_APPLICATION_PACKAGES.map((link) => parseBlobUri(link)!);
  const { record: account } = putStorageAccount(
    then,
    {
      subscriptionId: demoSubscriptionId(SUBSCRIPTION),
      resourceGroup: DEMO_APPLICATION_BLOBS_RESOURCE_GROUP,
      name: blobs[0]!.account,
    },
    { location: LOCATION, sku: { name: "Standard_LRS" }, kind: "StorageV2" },
  );
  for (const { container, blob } of blobs) {
    const current = ctx.resources.get(account.id) as typeof account;
    putVhdBlob(then, current, { container, name: blob, sizeGB: 1 });
  }
}
