import type { EmulatorContext } from "../context.js";
import { putGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryImage } from "../compute/galleryImages/galleryImages.model.js";
import { diskEncryptionSetType } from "../compute/sources/diskEncryptionSets.model.js";
import { managedImageType } from "../compute/sources/images.model.js";
import { putComputeResource } from "../compute/sources/lifecycle.js";
import { RESOURCE_GROUP_TYPE, resourceGroupId } from "../resources/resourceGroups.js";
import { putStorageAccount, putVhdBlob } from "../storage/storageAccounts.model.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { DEMO_SUBSCRIPTIONS } from "./demoIdentities.js";

/**
 * Demo data for the version form's publishing options, in a resource group of its own so the other demo galleries
 * keep their contents: disk encryption sets in two regions (one for confidential VMs), a storage account with VHD
 * blobs, a gallery with a confidential-capable definition, and a directly shared gallery (which cannot hold
 * encrypted versions).
 */

const SUBSCRIPTION = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const LOCATION = "westeurope";

export const DEMO_PUBLISH_OPTIONS = {
  subscriptionId: SUBSCRIPTION,
  resourceGroup: "rg-images-encrypted",
  location: LOCATION,
  gallery: "contoso_encrypted_images",
  definition: "ubuntu-2404-cvm",
  directSharedGallery: "contoso_partner_direct",
  directSharedDefinition: "ubuntu-2404-partner",
  storageAccount: "contosoencvhds",
  blobs: [
    { container: "vhds", name: "ubuntu-24.04-cvm.vhd", sizeGB: 30, osType: "Linux" },
    { container: "vhds", name: "data-128.vhd", sizeGB: 128 },
  ],
  /** A generalized managed image with two data disks, so each LUN can get its own disk encryption set. */
  dataDiskImage: {
    name: "img-ubuntu-2404-data",
    dataDisks: [
      { lun: 0, sizeGB: 64 },
      { lun: 1, sizeGB: 128 },
    ],
  },
  /** Disk encryption sets by name: their region and encryption type. */
  encryptionSets: [
    { name: "des-westeurope", location: "westeurope", encryptionType: "EncryptionAtRestWithCustomerKey" },
    { name: "des-northeurope", location: "northeurope", encryptionType: "EncryptionAtRestWithCustomerKey" },
    { name: "des-westeurope-cvm", location: "westeurope", encryptionType: "ConfidentialVmEncryptedWithCustomerKey" },
  ],
} as const;

export function seedDemoPublishOptions(ctx: EmulatorContext, seededAt: number): void {
  const o = DEMO_PUBLISH_OPTIONS;
  const group = resourceGroupId(SUBSCRIPTION, o.resourceGroup);
  ctx.resources.put({
    id: group,
    type: RESOURCE_GROUP_TYPE,
    name: o.resourceGroup,
    subscriptionId: SUBSCRIPTION,
    resourceGroup: o.resourceGroup,
    parentKey: `/subscriptions/${SUBSCRIPTION}`,
    location: LOCATION,
    body: { id: group, name: o.resourceGroup, type: RESOURCE_GROUP_TYPE, location: LOCATION },
    state: {},
  });
  const then = asOf(ctx, seededAt - 20 * DAY_MS);
  const ref = { subscriptionId: SUBSCRIPTION, resourceGroup: o.resourceGroup };
  for (const set of o.encryptionSets) {
    putComputeResource(
      then,
      diskEncryptionSetType,
      { ...ref, name: set.name },
      {
        location: set.location,
        identity: { type: "SystemAssigned" },
        properties: {
          encryptionType: set.encryptionType,
          activeKey: { keyUrl: `https://contoso-keys.vault.azure.net/keys/${set.name}/1` },
        },
      },
    );
  }
  const { record: account } = putStorageAccount(
    then,
    { ...ref, name: o.storageAccount },
    { location: LOCATION, sku: { name: "Standard_LRS" }, kind: "StorageV2" },
  );
  for (const blob of o.blobs) putVhdBlob(then, ctx.resources.get(account.id) as typeof account, blob);
  const vhds = `https://${o.storageAccount}.blob.core.windows.net/vhds`;
  putComputeResource(
    then,
    managedImageType,
    { ...ref, name: o.dataDiskImage.name },
    {
      location: LOCATION,
      properties: {
        hyperVGeneration: "V2",
        storageProfile: {
          osDisk: { osType: "Linux", osState: "Generalized", blobUri: `${vhds}/${o.blobs[0].name}`, diskSizeGB: 30 },
          dataDisks: o.dataDiskImage.dataDisks.map(({ lun, sizeGB }) => ({
            lun,
            blobUri: `${vhds}/data-${lun}.vhd`,
            diskSizeGB: sizeGB,
            caching: "None",
          })),
        },
      },
    },
  );

  const definition = (gallery: string, image: string, sku: string) =>
    createGalleryImage(then, {
      ...ref,
      gallery,
      image,
      properties: {
        identifier: { publisher: "Contoso", offer: "UbuntuEncrypted", sku },
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
        features: [{ name: "SecurityType", value: "TrustedLaunchAndConfidentialVMSupported" }],
      },
    });
  putGallery(
    then,
    { ...ref, gallery: o.gallery },
    {
      location: LOCATION,
      properties: { description: "Images encrypted with Contoso's keys, for confidential and Trusted Launch VMs." },
    },
  );
  definition(o.gallery, o.definition, "24_04-cvm");
  putGallery(
    then,
    { ...ref, gallery: o.directSharedGallery },
    {
      location: LOCATION,
      properties: { description: "Shared directly with partner tenants.", sharingProfile: { permissions: "Groups" } },
    },
  );
  definition(o.directSharedGallery, o.directSharedDefinition, "24_04-partner");
}
