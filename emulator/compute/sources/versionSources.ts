import { parseResourceId } from "../../../lib/azure/resourceId.js";
import type { EmulatorContext } from "../../context.js";
import type { ResourceRecord } from "../../store/resources.js";
import type { DiskProperties } from "./disks.model.js";
import type { ComputeBody } from "./lifecycle.js";
import type { ManagedImageProperties } from "./images.model.js";
import type { VersionSource, VersionSourceResolver } from "../galleryImageVersions/versionSource.js";
import type { VirtualMachineProperties, VirtualMachineState } from "./virtualMachines.model.js";

type OsType = VersionSource["osType"];
type HyperVGeneration = VersionSource["hyperVGeneration"];
type Architecture = VersionSource["architecture"];

/**
 * The compute sources an image version can be made from, as the version model needs them: a managed image,
 * a virtual machine, a managed disk or a snapshot. Ids match case-insensitively, as ARM ids do. Gallery image
 * versions as sources are the versions module's business; this returns undefined for them and for anything
 * that does not exist.
 */
export const resolveComputeSource: VersionSourceResolver = (ctx, id) => {
  const parsed = parseResourceId(id);
  if (!parsed) return undefined;
  switch (parsed.kind) {
    case "managedImage":
      return fromManagedImage(ctx.resources.get<ComputeBody<ManagedImageProperties>>(parsed.id));
    case "disk":
      return fromDiskOrSnapshot(ctx.resources.get<ComputeBody<DiskProperties>>(parsed.id), "disk");
    case "snapshot":
      return fromDiskOrSnapshot(ctx.resources.get<ComputeBody<DiskProperties>>(parsed.id), "snapshot");
    case "virtualMachine":
      return fromVirtualMachine(
        ctx,
        ctx.resources.get<ComputeBody<VirtualMachineProperties>, VirtualMachineState>(parsed.id),
      );
    default:
      return undefined;
  }
};

function fromManagedImage(
  record: ResourceRecord<ComputeBody<ManagedImageProperties>> | undefined,
): VersionSource | undefined {
  if (!record) return undefined;
  const properties = record.body.properties;
  const osDisk = properties.storageProfile.osDisk;
  return {
    id: record.id,
    kind: "image",
    location: record.location ?? "",
    osType: osDisk.osType,
    // Managed images can only be made from generalized VMs and disks; Azure records the state on the OS disk.
    osState: osDisk.osState,
    hyperVGeneration: properties.hyperVGeneration,
    osDiskSizeGB: osDisk.diskSizeGB,
    dataDisks: (properties.storageProfile.dataDisks ?? []).map((d) => ({
      lun: d.lun,
      sizeGB: d.diskSizeGB ?? 0,
      sourceId: d.managedDisk?.id ?? d.snapshot?.id,
    })),
  };
}

/**
 * Disks and snapshots carry no OS state: the service takes the image definition's, so osState stays unset.
 * A disk with no osType is a data disk; as an OS disk source it has none to compare.
 */
function fromDiskOrSnapshot(
  record: ResourceRecord<ComputeBody<DiskProperties>> | undefined,
  kind: "disk" | "snapshot",
): VersionSource | undefined {
  if (!record) return undefined;
  const properties = record.body.properties;
  return {
    id: record.id,
    kind,
    location: record.location ?? "",
    osType: properties.osType as OsType,
    hyperVGeneration: properties.hyperVGeneration as HyperVGeneration,
    architecture: properties.supportedCapabilities?.architecture as Architecture,
    ...(typeof properties.supportedCapabilities?.diskControllerTypes === "string"
      ? { diskControllerTypes: properties.supportedCapabilities.diskControllerTypes }
      : {}),
    osDiskSizeGB: properties.diskSizeGB,
    dataDisks: [],
  };
}

function fromVirtualMachine(
  ctx: EmulatorContext,
  record: ResourceRecord<ComputeBody<VirtualMachineProperties>, VirtualMachineState> | undefined,
): VersionSource | undefined {
  if (!record) return undefined;
  const properties = record.body.properties;
  const state = record.state;
  const { osDisk, dataDisks = [] } = properties.storageProfile;
  const osDiskRecord = osDisk.managedDisk?.id
    ? ctx.resources.get<ComputeBody<DiskProperties>>(osDisk.managedDisk.id)
    : undefined;
  const osDiskProperties = osDiskRecord?.body.properties;
  return {
    id: record.id,
    kind: "virtualMachine",
    location: record.location ?? "",
    osType: osDisk.osType,
    osState: state.generalized ? "Generalized" : "Specialized",
    hyperVGeneration: (osDiskProperties?.hyperVGeneration as HyperVGeneration) ?? state.hyperVGeneration,
    architecture: (osDiskProperties?.supportedCapabilities?.architecture as Architecture) ?? state.architecture,
    osDiskSizeGB: osDisk.diskSizeGB ?? osDiskProperties?.diskSizeGB,
    dataDisks: dataDisks.map((d) => ({ lun: d.lun, sizeGB: d.diskSizeGB ?? 0, sourceId: d.managedDisk?.id })),
    unusableBecause: unusableVirtualMachine(record.id, properties),
  };
}

/** Why the service refuses to capture a VM into an image version, in its words (troubleshoot-shared-images). */
function unusableVirtualMachine(id: string, properties: VirtualMachineProperties): VersionSource["unusableBecause"] {
  const { osDisk, dataDisks = [] } = properties.storageProfile;
  if (osDisk.diffDiskSettings?.option) {
    return { code: "InvalidParameter", message: `Source virtual machine ${id} cannot contain an ephemeral OS disk.` };
  }
  if (osDisk.vhd || dataDisks.some((d) => d.vhd)) {
    return { code: "InvalidParameter", message: `Source virtual machine ${id} must be created from Managed Disks.` };
  }
  const ultra = dataDisks.filter((d) => d.managedDisk?.storageAccountType === "UltraSSD_LRS");
  if (ultra.length > 0) {
    const disks = ultra.map((d) => `'${d.managedDisk?.id ?? d.name}'`).join(", ");
    return {
      code: "InvalidParameter",
      message: `Source virtual machine ${id} cannot contain disk [${disks}] stored in an UltraSSD account type.`,
    };
  }
  return undefined;
}
