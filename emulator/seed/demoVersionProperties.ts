import type { EmulatorContext } from "../context.js";
import { createGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryImage } from "../compute/galleryImages/galleryImages.model.js";
import {
  createGalleryImageVersion,
  reportOnVersion,
} from "../compute/galleryImageVersions/galleryImageVersions.model.js";
import { RESOURCE_GROUP_TYPE, resourceGroupId } from "../resources/resourceGroups.js";
import { putStorageAccount, putVhdBlob, storageAccountId } from "../storage/storageAccounts.model.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { DEMO_SUBSCRIPTIONS } from "./demoIdentities.js";

/**
 * Demo data for image versions' newer properties, in a resource group and gallery of their own so that the other
 * demo galleries (and what e2e reads from them) stay as they are: a storage account with VHD blobs, a Trusted
 * Launch Supported definition whose version made from a VHD has its validation result, one whose version failed the
 * Trusted Launch validation, and a version reported for a policy violation.
 */

const SUBSCRIPTION = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const LOCATION = "westeurope";
export const REVIEW_RESOURCE_GROUP = "rg-images-review";
export const REVIEW_GALLERY = "contoso_review_images";
export const VHD_ACCOUNT = "contosovhdimages";
export const VHD_BLOBS = [
  { container: "vhds", name: "ubuntu-24.04-gen2.vhd", sizeGB: 30, osType: "Linux" },
  { container: "vhds", name: "windows-2022-gen2.vhd", sizeGB: 127, osType: "Windows" },
  { container: "vhds", name: "data-64.vhd", sizeGB: 64 },
] as const;
export const TRUSTED_LAUNCH_SUPPORTED_IMAGE = "ubuntu-2404-tl-supported";
export const FLAGGED_IMAGE = "ubuntu-2404-flagged";
export const FAILED_VALIDATION_IMAGE = "ubuntu-2404-tl-failed";

const vhdUri = (blob: string) => `https://${VHD_ACCOUNT}.blob.core.windows.net/vhds/${blob}`;

export function seedDemoVersionProperties(ctx: EmulatorContext, seededAt: number): void {
  const createdAt = seededAt - 30 * DAY_MS;
  const group = resourceGroupId(SUBSCRIPTION, REVIEW_RESOURCE_GROUP);
  ctx.resources.put({
    id: group,
    type: RESOURCE_GROUP_TYPE,
    name: REVIEW_RESOURCE_GROUP,
    subscriptionId: SUBSCRIPTION,
    resourceGroup: REVIEW_RESOURCE_GROUP,
    parentKey: `/subscriptions/${SUBSCRIPTION}`,
    location: LOCATION,
    body: { id: group, name: REVIEW_RESOURCE_GROUP, type: RESOURCE_GROUP_TYPE, location: LOCATION },
    state: {},
  });
  const then = asOf(ctx, createdAt);
  const ref = { subscriptionId: SUBSCRIPTION, resourceGroup: REVIEW_RESOURCE_GROUP };
  const { record: account } = putStorageAccount(
    then,
    { ...ref, name: VHD_ACCOUNT },
    {
      location: LOCATION,
      sku: { name: "Standard_LRS" },
      kind: "StorageV2",
    },
  );
  for (const blob of VHD_BLOBS) putVhdBlob(then, ctx.resources.get(account.id) as typeof account, blob);

  createGallery(then, {
    ...ref,
    gallery: REVIEW_GALLERY,
    location: LOCATION,
    description: "Images under review: Trusted Launch validation and policy reports.",
  });
  const definition = (image: string, sku: string, securityType?: string) =>
    createGalleryImage(then, {
      ...ref,
      gallery: REVIEW_GALLERY,
      image,
      properties: {
        identifier: { publisher: "Contoso", offer: "UbuntuReview", sku },
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
        ...(securityType ? { features: [{ name: "SecurityType", value: securityType }] } : {}),
      },
    });
  definition(TRUSTED_LAUNCH_SUPPORTED_IMAGE, "24_04-tl-supported", "TrustedLaunchSupported");
  definition(FLAGGED_IMAGE, "24_04-flagged");
  definition(FAILED_VALIDATION_IMAGE, "24_04-tl-failed", "TrustedLaunchSupported");

  const publishedAt = seededAt - 2 * DAY_MS;
  const fromVhd = (image: string) =>
    createGalleryImageVersion(asOf(ctx, publishedAt), {
      ...ref,
      gallery: REVIEW_GALLERY,
      image,
      version: "1.0.0",
      startedAt: publishedAt,
      properties: {
        publishingProfile: { targetRegions: [{ name: LOCATION }, { name: "northeurope" }] },
        storageProfile: {
          osDiskImage: {
            source: {
              storageAccountId: storageAccountId({ ...ref, name: VHD_ACCOUNT }),
              uri: vhdUri(VHD_BLOBS[0].name),
            },
          },
        },
      },
    });
  fromVhd(TRUSTED_LAUNCH_SUPPORTED_IMAGE);
  reportOnVersion(ctx, fromVhd(FAILED_VALIDATION_IMAGE).id, { validationFailed: true });
  const flagged = fromVhd(FLAGGED_IMAGE);
  reportOnVersion(ctx, flagged.id, {
    policyViolations: [
      { category: "ImageFlaggedUnsafe", details: "A malware scan of the OS disk found a known rootkit signature." },
    ],
  });
}
