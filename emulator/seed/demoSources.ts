import { diskType, snapshotType } from "../compute/sources/disks.model.js";
import { managedImageType } from "../compute/sources/images.model.js";
import { putComputeResource, type ComputeRef } from "../compute/sources/lifecycle.js";
import { virtualMachineType } from "../compute/sources/virtualMachines.model.js";
import type { EmulatorContext } from "../context.js";
import { type DemoDefinition, demoGallery, demoSubscriptionId } from "./demoData.js";
import type { DemoVersion } from "./demoVersions.js";

/** Where the image factory of each subscription keeps the images, snapshots and VMs versions are made from. */
export const DEMO_BUILD_RESOURCE_GROUP = "rg-image-build";

/** The definition whose versions are captured from a running (specialized) VM rather than a snapshot. */
const CAPTURED_FROM_VM = "jumpbox-ws2022";

/** The `storageProfile` of a version PUT body. */
export type DemoStorageProfile = Record<string, unknown>;

function refFor(definition: DemoDefinition, name: string): ComputeRef {
  return {
    subscriptionId: demoSubscriptionId(demoGallery(definition.gallery).subscription),
    resourceGroup: DEMO_BUILD_RESOURCE_GROUP,
    name,
  };
}

function vhd(definition: DemoDefinition, disk: string): string {
  const account = `${demoGallery(definition.gallery).subscription.toLowerCase()}build`.slice(0, 24);
  return `https://${account}.blob.core.windows.net/vhds/${definition.name}-${disk}.vhd`;
}

/** A generalized managed image, optionally with one data disk, as Azure Image Builder leaves behind. */
function managedImage(ctx: EmulatorContext, definition: DemoDefinition, location: string, dataDiskGB?: number): string {
  const name = dataDiskGB === undefined ? `img-${definition.name}` : `img-${definition.name}-data${dataDiskGB}`;
  const { record } = putComputeResource(ctx, managedImageType, refFor(definition, name), {
    location,
    tags: { definition: definition.name },
    properties: {
      hyperVGeneration: definition.hyperVGeneration,
      storageProfile: {
        osDisk: {
          osType: definition.osType,
          osState: "Generalized",
          blobUri: vhd(definition, "os"),
          diskSizeGB: definition.osDiskGB,
          caching: "ReadWrite",
        },
        dataDisks:
          dataDiskGB === undefined
            ? []
            : [{ lun: 0, blobUri: vhd(definition, "data"), diskSizeGB: dataDiskGB, caching: "None" }],
      },
    },
  });
  return record.id;
}

function importedDisk(definition: DemoDefinition, location: string) {
  return {
    location,
    tags: { definition: definition.name },
    properties: {
      creationData: { createOption: "Import", sourceUri: vhd(definition, "os") },
      diskSizeGB: definition.osDiskGB,
      osType: definition.osType,
      hyperVGeneration: definition.hyperVGeneration,
      supportedCapabilities: { architecture: definition.architecture },
    },
  };
}

/** An OS disk snapshot of a specialized machine. */
function osSnapshot(ctx: EmulatorContext, definition: DemoDefinition, location: string): string {
  return putComputeResource(
    ctx,
    snapshotType,
    refFor(definition, `snap-${definition.name}-os`),
    importedDisk(definition, location),
  ).record.id;
}

/** A specialized VM (never generalized) running on a managed OS disk, captured as it is. */
function specializedVm(ctx: EmulatorContext, definition: DemoDefinition, location: string): string {
  const disk = putComputeResource(
    ctx,
    diskType,
    refFor(definition, `vm-${definition.name}_OsDisk`),
    importedDisk(definition, location),
  ).record;
  const vm = putComputeResource(ctx, virtualMachineType, refFor(definition, `vm-${definition.name}`), {
    location,
    tags: { definition: definition.name },
    properties: {
      hardwareProfile: { vmSize: "Standard_D2s_v5" },
      storageProfile: { osDisk: { createOption: "Attach", osType: definition.osType, managedDisk: { id: disk.id } } },
    },
  }).record;
  return vm.id;
}

/**
 * Creates the sources a definition's versions are made from and returns, per version, its storageProfile:
 * generalized definitions come from managed images (one more per data-disk size a version adds), specialized
 * ones from an OS disk snapshot, and the jump box from its VM.
 */
export function seedDemoSources(
  ctx: EmulatorContext,
  definition: DemoDefinition,
  versions: DemoVersion[],
): Map<string, DemoStorageProfile> {
  const profiles = new Map<string, DemoStorageProfile>();
  const first = versions[0];
  if (!first) return profiles;
  const { location } = first;
  if (definition.osState === "Specialized") {
    const profile =
      definition.name === CAPTURED_FROM_VM
        ? { source: { id: specializedVm(ctx, definition, location) } }
        : { osDiskImage: { hostCaching: "ReadWrite", source: { id: osSnapshot(ctx, definition, location) } } };
    for (const v of versions) profiles.set(v.name, profile);
    return profiles;
  }
  const images = new Map<number | undefined, string>();
  for (const v of versions) {
    if (!images.has(v.dataDiskGB)) images.set(v.dataDiskGB, managedImage(ctx, definition, location, v.dataDiskGB));
    profiles.set(v.name, { source: { id: images.get(v.dataDiskGB) } });
  }
  return profiles;
}
