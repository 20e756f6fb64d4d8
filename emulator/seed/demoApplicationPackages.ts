import type { EmulatorContext } from "../context.js";
import { putStorageAccount, putVhdBlob } from "../storage/storageAccounts.model.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";
import { DEMO_APPLICATIONS_RESOURCE_GROUP } from "./demoApplications.js";

/**
 * A storage account of application packages beside the demo's VM Applications (rg-vm-apps), so the version form's
 * blob picker has packages and configurations to offer. Application packages are page blobs as VHDs are
 * (GalleryRP.json: "must be a readable storage page blob"), so the emulator's blob registry holds them.
 */

export const DEMO_PACKAGE_ACCOUNT = "contosoapppackages";
const LOCATION = "eastus";

const PACKAGE_BLOBS = [
  { container: "packages", name: "inventory-agent/1.0.0/inventory-agent.msi", sizeGB: 1, osType: "Windows" as const },
  { container: "packages", name: "inventory-agent/1.0.0/inventory-agent.config.json", sizeGB: 1 },
  { container: "packages", name: "log-shipper/2.3.0/log-shipper.tar.gz", sizeGB: 1, osType: "Linux" as const },
];

export function seedDemoApplicationPackages(ctx: EmulatorContext, seededAt: number): void {
  const then = asOf(ctx, seededAt - 30 * DAY_MS);
  const { record: account } = putStorageAccount(
    then,
    {
      subscriptionId: demoSubscriptionId("contosoProduction"),
      resourceGroup: DEMO_APPLICATIONS_RESOURCE_GROUP,
      name: DEMO_PACKAGE_ACCOUNT,
    },
    { location: LOCATION, sku: { name: "Standard_LRS" }, kind: "StorageV2" },
  );
  for (const blob of PACKAGE_BLOBS) putVhdBlob(then, ctx.resources.get(account.id) as typeof account, blob);
}
