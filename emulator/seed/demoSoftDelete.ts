import { putGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryImage } from "../compute/galleryImages/galleryImages.model.js";
import {
  createGalleryImageVersion,
  deleteGalleryImageVersion,
} from "../compute/galleryImageVersions/galleryImageVersions.model.js";
import { managedImageType } from "../compute/sources/images.model.js";
import { putComputeResource } from "../compute/sources/lifecycle.js";
import type { EmulatorContext } from "../context.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";

/**
 * A gallery with soft delete on and a system-assigned identity, holding one soft-deleted version, so the dashboard
 * has a recoverable version to show. A gallery of its own, so the catalogue's galleries keep their contents.
 */

export const DEMO_RECOVERABLE_GALLERY = {
  subscription: "contosoDevelopment",
  resourceGroup: "rg-sandbox",
  gallery: "contoso_recoverable_images",
  location: "centralus",
  definition: "recoverable-ubuntu-2404",
  liveVersion: "1.1.0",
  softDeletedVersion: "1.0.0",
} as const;

export function seedDemoSoftDelete(ctx: EmulatorContext, seededAt: number): void {
  const g = DEMO_RECOVERABLE_GALLERY;
  const ref = {
    subscriptionId: demoSubscriptionId(g.subscription),
    resourceGroup: g.resourceGroup,
    gallery: g.gallery,
  };
  putGallery(asOf(ctx, seededAt - 30 * DAY_MS), ref, {
    location: g.location,
    identity: { type: "SystemAssigned" },
    properties: {
      description: "Sandbox images kept recoverable for 7 days after deletion",
      softDeletePolicy: { isSoftDeleteEnabled: true },
    },
  });
  createGalleryImage(asOf(ctx, seededAt - 29 * DAY_MS), {
    ...ref,
    image: g.definition,
    properties: {
      identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "24_04-recoverable" },
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
    },
  });
  const source = putComputeResource(
    asOf(ctx, seededAt - 28 * DAY_MS),
    managedImageType,
    { subscriptionId: ref.subscriptionId, resourceGroup: g.resourceGroup, name: "img-recoverable-ubuntu-2404" },
    {
      location: g.location,
      properties: {
        hyperVGeneration: "V2",
        storageProfile: {
          osDisk: {
            osType: "Linux",
            osState: "Generalized",
            blobUri: "https://contosodevbuild.blob.core.windows.net/vhds/recoverable-ubuntu-2404-os.vhd",
            diskSizeGB: 30,
            caching: "ReadWrite",
          },
          dataDisks: [],
        },
      },
    },
  ).record.id;
  const published = [
    { version: g.softDeletedVersion, agoMs: 20 * DAY_MS },
    { version: g.liveVersion, agoMs: 10 * DAY_MS },
  ];
  for (const { version, agoMs } of published) {
    createGalleryImageVersion(asOf(ctx, seededAt - agoMs), {
      ...ref,
      image: g.definition,
      version,
      startedAt: seededAt - agoMs,
      properties: { storageProfile: { source: { id: source } } },
    });
  }
  // Deleted two days before seeding: soft-deleted, and purged five days after it.
  deleteGalleryImageVersion(asOf(ctx, seededAt - 2 * DAY_MS), {
    ...ref,
    image: g.definition,
    version: g.softDeletedVersion,
  });
}
