import { randomUUID } from "node:crypto";
import { parseResourceId } from "../../../lib/azure/resourceId.js";
import { ARCHITECTURES, HYPERV_GENERATIONS, OS_TYPES } from "../../../lib/gallery/imageValues.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import {
  computeNameRule,
  DISK_RP_API_VERSIONS,
  type Built,
  type ComputeRecord,
  type ComputeResourceType,
  type WriteInput,
} from "./lifecycle.js";
import { enumValue, isPlainObject as isObject } from "../shared/body.js";
import { DISK_TYPE, SNAPSHOT_TYPE } from "../shared/names.js";

/** Microsoft.Compute/disks and snapshots: what a managed disk or snapshot carries, and the checks of a PUT. */

export const DISK_SKUS = [
  "Standard_LRS",
  "Premium_LRS",
  "StandardSSD_LRS",
  "UltraSSD_LRS",
  "Premium_ZRS",
  "StandardSSD_ZRS",
  "PremiumV2_LRS",
] as const;
export const SNAPSHOT_SKUS = ["Standard_LRS", "Premium_LRS", "Standard_ZRS"] as const;
const CREATE_OPTIONS = [
  "Empty",
  "Attach",
  "FromImage",
  "Import",
  "Copy",
  "Restore",
  "Upload",
  "CopyStart",
  "ImportSecure",
  "UploadPreparedSecure",
  "CopyFromSanSnapshot",
] as const;
/** The largest managed disk (Ultra and Premium SSD v2 go to 64 TiB; the others to 32 TiB). */
const MAX_DISK_SIZE_GB = 65_536;

export interface DiskCreationData {
  createOption: (typeof CREATE_OPTIONS)[number];
  sourceResourceId?: string;
  sourceUri?: string;
  storageAccountId?: string;
  imageReference?: { id: string; lun?: number };
  galleryImageReference?: { id: string; lun?: number };
}

/** The properties of a disk or snapshot (the two share them in DiskRP's API). */
export interface DiskProperties {
  osType?: (typeof OS_TYPES)[number];
  hyperVGeneration?: (typeof HYPERV_GENERATIONS)[number];
  supportedCapabilities?: { architecture?: (typeof ARCHITECTURES)[number]; [k: string]: unknown };
  creationData: DiskCreationData;
  diskSizeGB: number;
  diskSizeBytes: number;
  uniqueId: string;
  timeCreated: string;
  incremental?: boolean;
}

export type DiskRecord = ComputeRecord<DiskProperties>;

function diskSize(value: unknown, parameter: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_DISK_SIZE_GB) {
    throw ArmErrors.invalidParameterValue(parameter);
  }
  return value;
}

/** The disk or snapshot a Copy or Restore reads from; Azure answers NotFound for a missing one. */
function sourceOf(ctx: EmulatorContext, id: string): DiskRecord {
  const parsed = parseResourceId(id);
  if (!parsed || (parsed.kind !== "disk" && parsed.kind !== "snapshot"))
    throw ArmErrors.invalidParameterValue("creationData.sourceResourceId");
  const record = ctx.resources.get(parsed.id);
  if (!record) {
    throw ArmErrors.computeResourceNotFound(
      parsed.kind === "disk" ? DISK_TYPE : SNAPSHOT_TYPE,
      parsed.name,
      parsed.resourceGroup!,
      "creationData.sourceResourceId",
    );
  }
  return record as DiskRecord;
}

/** Validates a disk or snapshot PUT: creationData, size (required for empty disks, else taken from the source), OS facts. */
function buildDiskProperties(
  ctx: EmulatorContext,
  input: WriteInput<DiskProperties, object>,
  skus: readonly string[],
): Built<DiskProperties, object> {
  const raw = isObject(input.body.properties) ? input.body.properties : undefined;
  if (!raw) throw ArmErrors.requiredParameterMissing("properties");
  const creation = raw.creationData;
  if (!isObject(creation)) throw ArmErrors.requiredParameterMissing("creationData");
  const createOption = enumValue(creation.createOption, CREATE_OPTIONS, "creationData.createOption");
  if (!createOption) throw ArmErrors.requiredParameterMissing("creationData.createOption");

  const creationData: DiskCreationData = { createOption };
  let inherited: Partial<DiskProperties> = {};
  if (createOption === "Copy" || createOption === "Restore" || createOption === "CopyStart") {
    if (typeof creation.sourceResourceId !== "string")
      throw ArmErrors.requiredParameterMissing("creationData.sourceResourceId");
    const source = sourceOf(ctx, creation.sourceResourceId);
    creationData.sourceResourceId = source.id;
    const { osType, hyperVGeneration, supportedCapabilities, diskSizeGB } = source.body.properties;
    inherited = { osType, hyperVGeneration, supportedCapabilities, diskSizeGB };
  } else if (createOption === "Import" || createOption === "ImportSecure") {
    if (typeof creation.sourceUri !== "string") throw ArmErrors.requiredParameterMissing("creationData.sourceUri");
    creationData.sourceUri = creation.sourceUri;
    if (typeof creation.storageAccountId === "string") creationData.storageAccountId = creation.storageAccountId;
  } else if (createOption === "FromImage") {
    const reference = isObject(creation.galleryImageReference)
      ? creation.galleryImageReference
      : isObject(creation.imageReference)
        ? creation.imageReference
        : undefined;
    if (!reference || typeof reference.id !== "string")
      throw ArmErrors.requiredParameterMissing("creationData.imageReference");
    const key = isObject(creation.galleryImageReference) ? "galleryImageReference" : "imageReference";
    creationData[key] = { id: reference.id, ...(typeof reference.lun === "number" ? { lun: reference.lun } : {}) };
  }

  const requestedSize = diskSize(raw.diskSizeGB, "diskSizeGB");
  if (inherited.diskSizeGB !== undefined && requestedSize !== undefined && requestedSize < inherited.diskSizeGB) {
    throw ArmErrors.invalidParameterValue("diskSizeGB");
  }
  const diskSizeGB = requestedSize ?? inherited.diskSizeGB ?? input.existing?.body.properties.diskSizeGB;
  if (diskSizeGB === undefined) throw ArmErrors.requiredParameterMissing("diskSizeGB");

  const osType = enumValue(raw.osType, OS_TYPES, "osType") ?? inherited.osType;
  const hyperVGeneration =
    enumValue(raw.hyperVGeneration, HYPERV_GENERATIONS, "hyperVGeneration") ?? inherited.hyperVGeneration;
  const capabilities = isObject(raw.supportedCapabilities) ? raw.supportedCapabilities : undefined;
  const architecture =
    enumValue(capabilities?.architecture, ARCHITECTURES, "supportedCapabilities.architecture") ??
    inherited.supportedCapabilities?.architecture;

  const rawSku = isObject(input.body.sku) ? input.body.sku : undefined;
  const skuName =
    enumValue(rawSku?.name, skus, "sku.name") ??
    (input.existing?.body.sku as { name?: string } | undefined)?.name ??
    "Standard_LRS";
  const managedBy = input.existing?.body.managedBy;

  return {
    properties: {
      ...(osType ? { osType } : {}),
      ...(hyperVGeneration ? { hyperVGeneration } : {}),
      ...(capabilities || architecture
        ? { supportedCapabilities: { ...(capabilities ?? {}), ...(architecture ? { architecture } : {}) } }
        : {}),
      creationData,
      diskSizeGB,
      diskSizeBytes: diskSizeGB * 1024 ** 3,
      uniqueId: input.existing?.body.properties.uniqueId ?? randomUUID(),
      timeCreated: input.existing?.body.properties.timeCreated ?? new Date(ctx.clock.now()).toISOString(),
      ...(typeof raw.incremental === "boolean" ? { incremental: raw.incremental } : {}),
    },
    extra: {
      sku: { name: skuName, tier: skuName.startsWith("Premium") ? "Premium" : "Standard" },
      ...(managedBy ? { managedBy } : {}),
    },
  };
}

/**
 * What a disk or snapshot links to: the disk, snapshot or gallery image it is made from and its encryption set.
 * A platform image (`creationData.imageReference`) is public and not checked.
 */
const DISK_LINKS = [
  "properties.creationData.sourceResourceId",
  "properties.creationData.galleryImageReference.id",
  "properties.encryption.diskEncryptionSetId",
];

export const diskType: ComputeResourceType<DiskProperties> = {
  links: DISK_LINKS,
  type: DISK_TYPE,
  collection: "disks",
  nameParameter: "diskName",
  apiVersions: DISK_RP_API_VERSIONS,
  createdStatus: 202,
  nameRule: computeNameRule(80),
  build: (ctx, input) => buildDiskProperties(ctx, input, DISK_SKUS),
  derived: (_ctx, record) => ({ diskState: record.body.managedBy ? "Attached" : "Unattached" }),
  beforeDelete: (_ctx, record) => {
    if (typeof record.body.managedBy === "string") throw ArmErrors.diskAttached(record.name, record.body.managedBy);
  },
};

export const snapshotType: ComputeResourceType<DiskProperties> = {
  links: DISK_LINKS,
  type: SNAPSHOT_TYPE,
  collection: "snapshots",
  nameParameter: "snapshotName",
  apiVersions: DISK_RP_API_VERSIONS,
  createdStatus: 202,
  nameRule: computeNameRule(80),
  build: (ctx, input) => buildDiskProperties(ctx, input, SNAPSHOT_SKUS),
};
