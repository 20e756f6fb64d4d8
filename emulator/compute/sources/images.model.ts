import { parseResourceId } from "../../../lib/azure/resourceId.js";
import { HYPERV_GENERATIONS, OS_STATES, OS_TYPES } from "../../../lib/gallery/imageValues.js";
import { sameLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { DiskRecord } from "./disks.model.js";
import {
  CRP_API_VERSIONS,
  computeNameRule,
  type ComputeRecord,
  type ComputeResourceType,
  type WriteInput,
} from "./lifecycle.js";
import type { VirtualMachineRecord } from "./virtualMachines.model.js";
import { type Raw, enumValue, isPlainObject as isObject } from "../shared/body.js";
import { DISK_TYPE, SNAPSHOT_TYPE, VIRTUAL_MACHINE_TYPE, MANAGED_IMAGE_TYPE } from "../shared/names.js";

/** Microsoft.Compute/images (managed images): what one carries, and the checks of a PUT. */

interface SubResource {
  id: string;
}

interface ImageDisk {
  snapshot?: SubResource;
  managedDisk?: SubResource;
  blobUri?: string;
  caching?: string;
  diskSizeGB?: number;
  storageAccountType?: string;
}

export interface ImageOsDisk extends ImageDisk {
  osType: (typeof OS_TYPES)[number];
  osState: (typeof OS_STATES)[number];
}

export interface ImageDataDisk extends ImageDisk {
  lun: number;
}

export interface ManagedImageProperties {
  sourceVirtualMachine?: SubResource;
  storageProfile: { osDisk: ImageOsDisk; dataDisks: ImageDataDisk[]; zoneResilient?: boolean };
  hyperVGeneration: (typeof HYPERV_GENERATIONS)[number];
}

export type ManagedImageRecord = ComputeRecord<ManagedImageProperties>;

/** A disk or snapshot an image disk is made from: it must exist, in the image's region. */
function diskSource(
  ctx: EmulatorContext,
  value: unknown,
  kind: "managedDisk" | "snapshot",
  parameter: string,
  location: string,
): DiskRecord | undefined {
  if (!isObject(value)) return undefined;
  const parsed = typeof value.id === "string" ? parseResourceId(value.id) : undefined;
  const expected = kind === "managedDisk" ? "disk" : "snapshot";
  if (!parsed || parsed.kind !== expected) throw ArmErrors.invalidParameterValue(`${parameter}.${kind}.id`);
  const record = ctx.resources.get(parsed.id) as DiskRecord | undefined;
  if (!record) {
    throw ArmErrors.computeResourceNotFound(
      kind === "managedDisk" ? DISK_TYPE : SNAPSHOT_TYPE,
      parsed.name,
      parsed.resourceGroup!,
      `${parameter}.${kind}.id`,
    );
  }
  if (!sameLocation(record.body.location, location)) throw ArmErrors.invalidParameterValue(`${parameter}.${kind}.id`);
  return record;
}

/** One image disk: exactly one of managedDisk, snapshot or blobUri; its size defaults to the source's. */
function imageDisk(
  ctx: EmulatorContext,
  raw: Raw,
  parameter: string,
  location: string,
): ImageDisk & { source?: DiskRecord } {
  const given = ["managedDisk", "snapshot", "blobUri"].filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (given.length !== 1) throw ArmErrors.invalidParameterValue(parameter);
  const source =
    diskSource(ctx, raw.managedDisk, "managedDisk", parameter, location) ??
    diskSource(ctx, raw.snapshot, "snapshot", parameter, location);
  if (raw.blobUri !== undefined && typeof raw.blobUri !== "string")
    throw ArmErrors.invalidParameterValue(`${parameter}.blobUri`);
  const size = raw.diskSizeGB;
  if (size !== undefined && (typeof size !== "number" || !Number.isInteger(size) || size < 1))
    throw ArmErrors.invalidParameterValue(`${parameter}.diskSizeGB`);
  const diskSizeGB = (size as number | undefined) ?? source?.body.properties.diskSizeGB;
  return {
    ...(raw.managedDisk ? { managedDisk: { id: source!.id } } : {}),
    ...(raw.snapshot ? { snapshot: { id: source!.id } } : {}),
    ...(typeof raw.blobUri === "string" ? { blobUri: raw.blobUri } : {}),
    ...(typeof raw.caching === "string" ? { caching: raw.caching } : {}),
    ...(diskSizeGB !== undefined ? { diskSizeGB } : {}),
    ...(typeof raw.storageAccountType === "string" ? { storageAccountType: raw.storageAccountType } : {}),
    source,
  };
}

function fromStorageProfile(
  ctx: EmulatorContext,
  raw: Raw,
  location: string,
  requestedGeneration?: ManagedImageProperties["hyperVGeneration"],
): ManagedImageProperties {
  const profile = raw.storageProfile;
  if (!isObject(profile)) throw ArmErrors.requiredParameterMissing("storageProfile");
  const rawOs = profile.osDisk;
  if (!isObject(rawOs)) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk");
  const osType = enumValue(rawOs.osType, OS_TYPES, "storageProfile.osDisk.osType");
  if (!osType) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk.osType");
  const osState = enumValue(rawOs.osState, OS_STATES, "storageProfile.osDisk.osState");
  if (!osState) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk.osState");
  const { source, ...osDisk } = imageDisk(ctx, rawOs, "storageProfile.osDisk", location);

  const rawData = profile.dataDisks ?? [];
  if (!Array.isArray(rawData)) throw ArmErrors.invalidParameterValue("storageProfile.dataDisks");
  const luns = new Set<number>();
  const dataDisks = rawData.map((d, i): ImageDataDisk => {
    const parameter = `storageProfile.dataDisks[${i}]`;
    if (!isObject(d)) throw ArmErrors.invalidParameterValue(parameter);
    if (typeof d.lun !== "number" || !Number.isInteger(d.lun) || d.lun < 0 || d.lun > 63)
      throw ArmErrors.invalidParameterValue(`${parameter}.lun`);
    if (luns.has(d.lun)) throw ArmErrors.invalidParameterValue(`${parameter}.lun`);
    luns.add(d.lun);
    const { source: _source, ...disk } = imageDisk(ctx, d, parameter, location);
    return { lun: d.lun, ...disk };
  });
  return {
    storageProfile: {
      osDisk: { osType, osState, ...osDisk },
      dataDisks,
      ...(typeof profile.zoneResilient === "boolean" ? { zoneResilient: profile.zoneResilient } : {}),
    },
    hyperVGeneration: requestedGeneration ?? source?.body.properties.hyperVGeneration ?? "V1",
  };
}

/** Capture of a generalized VM: its OS disk and data disks become the image's. */
function fromVirtualMachine(ctx: EmulatorContext, value: Raw, location: string): ManagedImageProperties {
  const parsed = typeof value.id === "string" ? parseResourceId(value.id) : undefined;
  if (!parsed || parsed.kind !== "virtualMachine") throw ArmErrors.invalidParameterValue("sourceVirtualMachine.id");
  const vm = ctx.resources.get(parsed.id) as VirtualMachineRecord | undefined;
  if (!vm)
    throw ArmErrors.computeResourceNotFound(
      VIRTUAL_MACHINE_TYPE,
      parsed.name,
      parsed.resourceGroup!,
      "sourceVirtualMachine.id",
    );
  if (!sameLocation(vm.body.location, location)) throw ArmErrors.invalidParameterValue("sourceVirtualMachine.id");
  if (!vm.state.generalized) throw ArmErrors.virtualMachineNotGeneralized("Create Image", vm.name);
  const { osDisk, dataDisks = [] } = vm.body.properties.storageProfile;
  if (!osDisk.osType) throw ArmErrors.invalidParameterValue("sourceVirtualMachine.id");
  return {
    sourceVirtualMachine: { id: vm.id },
    storageProfile: {
      osDisk: {
        osType: osDisk.osType,
        osState: "Generalized",
        ...(osDisk.managedDisk?.id ? { managedDisk: { id: osDisk.managedDisk.id } } : {}),
        ...(osDisk.vhd ? { blobUri: osDisk.vhd.uri } : {}),
        ...(osDisk.caching ? { caching: osDisk.caching } : {}),
        ...(osDisk.diskSizeGB !== undefined ? { diskSizeGB: osDisk.diskSizeGB } : {}),
        ...(osDisk.managedDisk?.storageAccountType
          ? { storageAccountType: osDisk.managedDisk.storageAccountType }
          : {}),
      },
      dataDisks: dataDisks.map((d) => ({
        lun: d.lun,
        ...(d.managedDisk?.id ? { managedDisk: { id: d.managedDisk.id } } : {}),
        ...(d.vhd ? { blobUri: d.vhd.uri } : {}),
        ...(d.caching ? { caching: d.caching } : {}),
        ...(d.diskSizeGB !== undefined ? { diskSizeGB: d.diskSizeGB } : {}),
        ...(d.managedDisk?.storageAccountType ? { storageAccountType: d.managedDisk.storageAccountType } : {}),
      })),
    },
    hyperVGeneration: vm.state.hyperVGeneration ?? "V1",
  };
}

function buildManagedImage(ctx: EmulatorContext, input: WriteInput<ManagedImageProperties, object>) {
  const raw = isObject(input.body.properties) ? input.body.properties : undefined;
  if (!raw) throw ArmErrors.requiredParameterMissing("properties");
  const generation = enumValue(raw.hyperVGeneration, HYPERV_GENERATIONS, "hyperVGeneration");
  const properties = isObject(raw.sourceVirtualMachine)
    ? fromVirtualMachine(ctx, raw.sourceVirtualMachine, input.location)
    : fromStorageProfile(ctx, raw, input.location, generation);
  return { properties };
}

export const managedImageType: ComputeResourceType<ManagedImageProperties> = {
  links: [
    "properties.sourceVirtualMachine.id",
    "properties.storageProfile.osDisk.managedDisk.id",
    "properties.storageProfile.osDisk.snapshot.id",
    "properties.storageProfile.dataDisks[].managedDisk.id",
    "properties.storageProfile.dataDisks[].snapshot.id",
  ],
  type: MANAGED_IMAGE_TYPE,
  collection: "images",
  nameParameter: "imageName",
  apiVersions: CRP_API_VERSIONS,
  nameRule: computeNameRule(80),
  build: buildManagedImage,
};
