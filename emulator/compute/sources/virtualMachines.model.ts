import {
  checkApplicationProfile,
  VM_APPLICATION_LINK,
  type VmGalleryApplication,
} from "../galleryApplicationVersions/applicationProfile.js";
import { randomUUID } from "node:crypto";
import { parseResourceId } from "../../../lib/azure/resourceId.js";
import { OS_TYPES } from "../../../lib/gallery/imageValues.js";
import { sameLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { DISK_SKUS, type DiskProperties, type DiskRecord, diskType } from "./disks.model.js";
import {
  CRP_API_VERSIONS,
  computeId,
  computeNameRule,
  type ComputeRecord,
  type ComputeResourceType,
  updateComputeRecord,
  type WriteInput,
} from "./lifecycle.js";
import { type ResolvedImage, resolveImageReference } from "./virtualMachines.imageReference.js";
import { type Raw, enumValue, isPlainObject as isObject, throwViolation } from "../shared/body.js";
import { requireBootableSize, type SizeCheckRequest } from "../skus/vmSizeCheck.js";
import { checkVmSecurityType, VM_SECURITY_TYPES, type VmSecurityType } from "../../../lib/gallery/vmSecurityType.js";
import { DISK_TYPE, VIRTUAL_MACHINE_TYPE } from "../shared/names.js";

/** Microsoft.Compute/virtualMachines: what a VM carries, the checks of a PUT, and the disks it creates. */

type OsType = (typeof OS_TYPES)[number];

export interface ImageReference {
  id?: string;
  /** An image of a gallery shared directly with the VM's subscription or tenant (`/SharedGalleries/…`). */
  sharedGalleryImageId?: string;
  /** An image of a community gallery, public to every Azure user (`/CommunityGalleries/…`). */
  communityGalleryImageId?: string;
  publisher?: string;
  offer?: string;
  sku?: string;
  version?: string;
  /** The version a gallery definition id or a `latest` reference resolved to when the VM was created. */
  exactVersion?: string;
}

export interface ManagedDiskParameters {
  id?: string;
  storageAccountType?: (typeof DISK_SKUS)[number];
}

export interface VirtualMachineOsDisk {
  osType?: OsType;
  name?: string;
  createOption: "FromImage" | "Attach" | "Empty";
  caching?: string;
  diskSizeGB?: number;
  managedDisk?: ManagedDiskParameters;
  /** An unmanaged disk: a VHD blob in a storage account. */
  vhd?: { uri: string };
  /** An ephemeral OS disk lives on the host's local storage. */
  diffDiskSettings?: { option?: "Local"; placement?: string };
  deleteOption?: "Delete" | "Detach";
}

export interface VirtualMachineDataDisk {
  lun: number;
  name?: string;
  createOption: "FromImage" | "Attach" | "Empty";
  caching?: string;
  diskSizeGB?: number;
  managedDisk?: ManagedDiskParameters;
  vhd?: { uri: string };
  deleteOption?: "Delete" | "Detach";
}

export interface VirtualMachineProperties {
  vmId: string;
  hardwareProfile: { vmSize: string };
  storageProfile: {
    imageReference?: ImageReference;
    osDisk: VirtualMachineOsDisk;
    dataDisks?: VirtualMachineDataDisk[];
  };
  osProfile?: Record<string, unknown>;
  networkProfile?: unknown;
  additionalCapabilities?: { ultraSSDEnabled?: boolean };
  applicationProfile?: { galleryApplications: VmGalleryApplication[] };
  securityProfile?: VmSecurityProfile;
  timeCreated: string;
}

export interface VmSecurityProfile {
  securityType?: VmSecurityType;
  uefiSettings?: { secureBootEnabled?: boolean; vTpmEnabled?: boolean };
  encryptionAtHost?: boolean;
}

/** Facts kept beside the body: whether the VM was generalized, and the OS disk's generation and architecture. */
export interface VirtualMachineState {
  generalized?: boolean;
  hyperVGeneration?: "V1" | "V2";
  architecture?: "x64" | "Arm64";
  /**
   * What the size check of the create read of the image and the request, kept so that a resize is checked by the
   * same rules: the image may since have been deleted, but the VM's OS disk still boots only on compatible sizes.
   */
  bootFacts?: Pick<SizeCheckRequest, "image" | "vm">;
}

export type VirtualMachineRecord = ComputeRecord<VirtualMachineProperties, VirtualMachineState>;

function sizeGB(value: unknown, parameter: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65_536)
    throw ArmErrors.invalidParameterValue(parameter);
  return value;
}

function managedDiskOf(value: unknown, parameter: string): ManagedDiskParameters | undefined {
  if (!isObject(value)) return undefined;
  const storageAccountType = enumValue(value.storageAccountType, DISK_SKUS, `${parameter}.storageAccountType`);
  return {
    ...(typeof value.id === "string" ? { id: value.id } : {}),
    ...(storageAccountType ? { storageAccountType } : {}),
  };
}

function vhdOf(value: unknown, parameter: string): { uri: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || typeof value.uri !== "string") throw ArmErrors.invalidParameterValue(`${parameter}.uri`);
  return { uri: value.uri };
}

/** An existing managed disk a VM attaches: it must exist, in the VM's region, and not belong to another VM. */
function attachable(
  ctx: EmulatorContext,
  id: string | undefined,
  parameter: string,
  location: string,
  vmId: string,
): DiskRecord {
  const parsed = id ? parseResourceId(id) : undefined;
  if (!parsed || parsed.kind !== "disk") throw ArmErrors.requiredParameterMissing(`${parameter}.managedDisk.id`);
  const disk = ctx.resources.get(parsed.id) as DiskRecord | undefined;
  if (!disk)
    throw ArmErrors.computeResourceNotFound(
      DISK_TYPE,
      parsed.name,
      parsed.resourceGroup!,
      `${parameter}.managedDisk.id`,
    );
  if (!sameLocation(disk.body.location, location)) throw ArmErrors.invalidParameterValue(`${parameter}.managedDisk.id`);
  const owner = disk.body.managedBy;
  if (typeof owner === "string" && owner.toLowerCase() !== vmId.toLowerCase())
    throw ArmErrors.diskAttached(disk.name, owner);
  return disk;
}

/** Azure names the disks it creates for a VM `{vm}_OsDisk_1_{32 hex}` and `{vm}_disk{n}_{32 hex}`. */
function generatedDiskName(vmName: string, role: string): string {
  return `${vmName}_${role}_${randomUUID().replace(/-/g, "")}`;
}

interface PlannedDisk {
  name: string;
  properties: Pick<
    DiskProperties,
    "osType" | "hyperVGeneration" | "supportedCapabilities" | "creationData" | "diskSizeGB"
  >;
  sku: string;
}

interface BuiltVm {
  properties: VirtualMachineProperties;
  state: VirtualMachineState;
  /** Managed disks the VM creates (OS disk from an image, empty data disks). */
  newDisks: PlannedDisk[];
  /** Existing disks the VM attaches. */
  attachedDiskIds: string[];
}

type VmWriteInput = WriteInput<VirtualMachineProperties, VirtualMachineState>;

function buildOsDisk(
  ctx: EmulatorContext,
  raw: Raw,
  input: VmWriteInput,
  image: ResolvedImage | undefined,
  plan: BuiltVm,
) {
  const osDiskRaw = isObject(raw.osDisk) ? raw.osDisk : {};
  const createOption =
    enumValue(
      osDiskRaw.createOption,
      ["FromImage", "Attach", "Empty"] as const,
      "storageProfile.osDisk.createOption",
    ) ?? (image ? "FromImage" : undefined);
  if (!createOption) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk.createOption");
  if (createOption === "Empty") throw ArmErrors.invalidParameterValue("storageProfile.osDisk.createOption");
  if (createOption === "FromImage" && !image) throw ArmErrors.requiredParameterMissing("storageProfile.imageReference");
  const vhd = vhdOf(osDiskRaw.vhd, "storageProfile.osDisk.vhd");
  const managedDisk = managedDiskOf(osDiskRaw.managedDisk, "storageProfile.osDisk.managedDisk");
  const diffDiskSettings = isObject(osDiskRaw.diffDiskSettings) ? osDiskRaw.diffDiskSettings : undefined;
  const ephemeral =
    diffDiskSettings !== undefined &&
    enumValue(diffDiskSettings.option, ["Local"] as const, "storageProfile.osDisk.diffDiskSettings.option") === "Local";
  if (ephemeral && createOption !== "FromImage")
    throw ArmErrors.invalidParameterValue("storageProfile.osDisk.diffDiskSettings");
  const requestedSize = sizeGB(osDiskRaw.diskSizeGB, "storageProfile.osDisk.diskSizeGB");
  const deleteOption = enumValue(
    osDiskRaw.deleteOption,
    ["Delete", "Detach"] as const,
    "storageProfile.osDisk.deleteOption",
  );
  const caching = typeof osDiskRaw.caching === "string" ? osDiskRaw.caching : ephemeral ? "ReadOnly" : "ReadWrite";
  const common = { caching, ...(deleteOption ? { deleteOption } : {}) };

  if (createOption === "Attach") {
    if (vhd) {
      const osType = enumValue(osDiskRaw.osType, OS_TYPES, "storageProfile.osDisk.osType");
      if (!osType) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk.osType");
      return {
        osDisk: {
          osType,
          name: String(osDiskRaw.name ?? input.ref.name),
          createOption,
          vhd,
          ...common,
          ...(requestedSize ? { diskSizeGB: requestedSize } : {}),
        } as VirtualMachineOsDisk,
        generalized: false,
      };
    }
    const disk = attachable(ctx, managedDisk?.id, "storageProfile.osDisk", input.location, input.id);
    const osType = disk.body.properties.osType ?? enumValue(osDiskRaw.osType, OS_TYPES, "storageProfile.osDisk.osType");
    if (!osType) throw ArmErrors.requiredParameterMissing("storageProfile.osDisk.osType");
    plan.attachedDiskIds.push(disk.id);
    plan.state.hyperVGeneration = disk.body.properties.hyperVGeneration;
    plan.state.architecture = disk.body.properties.supportedCapabilities?.architecture;
    const sku = (disk.body.sku as { name?: ManagedDiskParameters["storageAccountType"] } | undefined)?.name;
    return {
      osDisk: {
        osType,
        name: disk.name,
        createOption,
        ...common,
        diskSizeGB: disk.body.properties.diskSizeGB,
        managedDisk: { id: disk.id, ...(sku ? { storageAccountType: sku } : {}) },
      } as VirtualMachineOsDisk,
      generalized: false,
    };
  }

  const resolved = image!;
  const diskSizeGB = Math.max(requestedSize ?? 0, resolved.osDiskSizeGB);
  if (requestedSize !== undefined && requestedSize < resolved.osDiskSizeGB)
    throw ArmErrors.invalidParameterValue("storageProfile.osDisk.diskSizeGB");
  plan.state.hyperVGeneration = resolved.hyperVGeneration;
  plan.state.architecture = resolved.architecture;
  const name = typeof osDiskRaw.name === "string" ? osDiskRaw.name : generatedDiskName(input.ref.name, "OsDisk_1");
  const osDisk: VirtualMachineOsDisk = { osType: resolved.osType, name, createOption, ...common, diskSizeGB };
  if (ephemeral) {
    // An ephemeral OS disk is no managed disk resource: it lives and dies with the VM on the host.
    osDisk.diffDiskSettings = {
      option: "Local",
      ...(typeof diffDiskSettings!.placement === "string" ? { placement: diffDiskSettings!.placement } : {}),
    };
  } else if (vhd) {
    osDisk.vhd = vhd;
  } else {
    const storageAccountType = managedDisk?.storageAccountType ?? "Standard_LRS";
    const id = computeId(diskType, { ...input.ref, name });
    osDisk.managedDisk = { id, storageAccountType };
    plan.newDisks.push({
      name,
      sku: storageAccountType,
      properties: {
        osType: resolved.osType,
        ...(resolved.hyperVGeneration ? { hyperVGeneration: resolved.hyperVGeneration } : {}),
        ...(resolved.architecture ? { supportedCapabilities: { architecture: resolved.architecture } } : {}),
        creationData: resolved.diskCreationData,
        diskSizeGB,
      },
    });
  }
  return { osDisk, generalized: false };
}

function buildDataDisks(
  ctx: EmulatorContext,
  raw: Raw,
  input: VmWriteInput,
  image: ResolvedImage | undefined,
  plan: BuiltVm,
): VirtualMachineDataDisk[] {
  const listed = raw.dataDisks ?? [];
  if (!Array.isArray(listed)) throw ArmErrors.invalidParameterValue("storageProfile.dataDisks");
  // The image's data disks the request does not list are made all the same, as Compute makes them.
  const implicit = (image?.dataDisks ?? [])
    .filter((disk) => !listed.some((d) => isObject(d) && d.lun === disk.lun))
    .map((disk) => ({ lun: disk.lun, createOption: "FromImage" }));
  const luns = new Set<number>();
  return [...listed, ...implicit].map((d, i): VirtualMachineDataDisk => {
    const parameter = `storageProfile.dataDisks[${i}]`;
    if (!isObject(d)) throw ArmErrors.invalidParameterValue(parameter);
    if (typeof d.lun !== "number" || !Number.isInteger(d.lun) || d.lun < 0 || d.lun > 63)
      throw ArmErrors.requiredParameterMissing(`${parameter}.lun`);
    if (luns.has(d.lun)) throw ArmErrors.invalidParameterValue(`${parameter}.lun`);
    luns.add(d.lun);
    const createOption = enumValue(
      d.createOption,
      ["FromImage", "Attach", "Empty"] as const,
      `${parameter}.createOption`,
    );
    if (!createOption) throw ArmErrors.requiredParameterMissing(`${parameter}.createOption`);
    const managedDisk = managedDiskOf(d.managedDisk, `${parameter}.managedDisk`);
    const vhd = vhdOf(d.vhd, `${parameter}.vhd`);
    const deleteOption = enumValue(d.deleteOption, ["Delete", "Detach"] as const, `${parameter}.deleteOption`);
    const common = {
      lun: d.lun,
      caching: typeof d.caching === "string" ? d.caching : "None",
      ...(deleteOption ? { deleteOption } : {}),
    };
    if (createOption === "Attach") {
      if (vhd)
        return {
          ...common,
          name: String(d.name ?? `${input.ref.name}-${d.lun}`),
          createOption,
          vhd,
          ...(d.diskSizeGB ? { diskSizeGB: sizeGB(d.diskSizeGB, `${parameter}.diskSizeGB`) } : {}),
        };
      const disk = attachable(ctx, managedDisk?.id, parameter, input.location, input.id);
      plan.attachedDiskIds.push(disk.id);
      const sku = (disk.body.sku as { name?: ManagedDiskParameters["storageAccountType"] } | undefined)?.name;
      return {
        ...common,
        name: disk.name,
        createOption,
        diskSizeGB: disk.body.properties.diskSizeGB,
        managedDisk: { id: disk.id, ...(sku ? { storageAccountType: sku } : {}) },
      };
    }
    const fromImage = createOption === "FromImage" ? image?.dataDisks.find((x) => x.lun === d.lun) : undefined;
    if (createOption === "FromImage" && !fromImage) throw ArmErrors.invalidParameterValue(`${parameter}.lun`);
    const requested = sizeGB(d.diskSizeGB, `${parameter}.diskSizeGB`);
    const diskSizeGB = requested ?? fromImage?.sizeGB;
    if (diskSizeGB === undefined) throw ArmErrors.requiredParameterMissing(`${parameter}.diskSizeGB`);
    const name = typeof d.name === "string" ? d.name : generatedDiskName(input.ref.name, `disk${d.lun + 2}`);
    if (vhd) return { ...common, name, createOption, vhd, diskSizeGB };
    const storageAccountType = managedDisk?.storageAccountType ?? "Standard_LRS";
    const id = computeId(diskType, { ...input.ref, name });
    plan.newDisks.push({
      name,
      sku: storageAccountType,
      properties: {
        creationData: fromImage
          ? {
              ...image!.diskCreationData,
              ...(image!.diskCreationData.galleryImageReference
                ? { galleryImageReference: { id: image!.diskCreationData.galleryImageReference.id, lun: d.lun } }
                : {}),
            }
          : { createOption: "Empty" },
        diskSizeGB,
      },
    });
    return { ...common, name, createOption, diskSizeGB, managedDisk: { id, storageAccountType } };
  });
}

/**
 * `securityProfile`: securityType and uefiSettings as the VM API types them, and the security type checked against
 * the image's (lib/gallery/vmSecurityType.ts). A VM without one is a Standard VM.
 */
function checkSecurityProfile(raw: Raw, image: ResolvedImage | undefined): VmSecurityProfile | undefined {
  const given = raw.securityProfile;
  if (given !== undefined && given !== null && !isObject(given))
    throw ArmErrors.invalidParameterValue("securityProfile");
  const profile = isObject(given) ? given : {};
  const securityType = enumValue(profile.securityType, VM_SECURITY_TYPES, "securityProfile.securityType");
  const uefi = profile.uefiSettings;
  if (uefi !== undefined && uefi !== null && !isObject(uefi))
    throw ArmErrors.invalidParameterValue("securityProfile.uefiSettings");
  const flag = (value: unknown, name: string) => {
    if (value === undefined || value === null) return {};
    if (typeof value !== "boolean") throw ArmErrors.invalidParameterValue(`securityProfile.${name}`);
    return { [name.split(".").pop()!]: value };
  };
  const uefiSettings = isObject(uefi)
    ? {
        ...flag(uefi.secureBootEnabled, "uefiSettings.secureBootEnabled"),
        ...flag(uefi.vTpmEnabled, "uefiSettings.vTpmEnabled"),
      }
    : undefined;
  if (image?.diskCreationData.galleryImageReference)
    throwViolation(checkVmSecurityType(securityType ?? "Standard", image.securityType, image.hyperVGeneration));
  if (!isObject(given)) return undefined;
  return {
    ...(securityType ? { securityType } : {}),
    ...(uefiSettings ? { uefiSettings } : {}),
    ...flag(profile.encryptionAtHost, "encryptionAtHost"),
  };
}

/** Gallery and managed images decide whether the request must, or must not, carry an osProfile. */
function checkOsProfile(
  raw: Raw,
  image: ResolvedImage | undefined,
  attached: boolean,
): Record<string, unknown> | undefined {
  const given = isObject(raw.osProfile) ? raw.osProfile : undefined;
  const specialized = attached || image?.osState === "Specialized";
  if (given && specialized) throw ArmErrors.parameterNotAllowed("osProfile");
  if (!given && !specialized) throw ArmErrors.requiredParameterMissing("osProfile");
  if (!given) return undefined;
  if (typeof given.adminUsername !== "string" || given.adminUsername === "")
    throw ArmErrors.requiredParameterMissing("osProfile.adminUsername");
  // Azure never returns the admin password; it is not kept.
  const { adminPassword: _password, customData: _customData, ...kept } = given;
  return kept;
}

function buildVirtualMachine(
  ctx: EmulatorContext,
  input: VmWriteInput,
): { properties: VirtualMachineProperties; extra?: Record<string, unknown>; state: VirtualMachineState } & BuiltVm {
  const raw = isObject(input.body.properties) ? input.body.properties : undefined;
  if (!raw) throw ArmErrors.requiredParameterMissing("properties");
  const hardware = isObject(raw.hardwareProfile) ? raw.hardwareProfile : undefined;
  const vmSize = typeof hardware?.vmSize === "string" && hardware.vmSize !== "" ? hardware.vmSize : undefined;
  if (!vmSize) throw ArmErrors.requiredParameterMissing("hardwareProfile.vmSize");

  if (input.existing) {
    // An update may resize the VM, change its tags or its VM applications; the disks and the OS it was provisioned with stay.
    const stored = input.existing.body.properties;
    const applicationProfile =
      checkApplicationProfile(
        ctx,
        raw.applicationProfile,
        { location: input.location, osType: stored.storageProfile.osDisk.osType },
        "applicationProfile",
      ) ?? stored.applicationProfile;
    const properties = {
      ...stored,
      hardwareProfile: { vmSize },
      ...(applicationProfile ? { applicationProfile } : {}),
    };
    const { operation: _op, ...state } = input.existing.state;
    const resized = vmSize.toLowerCase() !== stored.hardwareProfile.vmSize.toLowerCase();
    if (resized && state.bootFacts)
      requireBootableSize({ resourceId: input.id, vmSize, location: input.location, ...state.bootFacts });
    return { properties, state, newDisks: [], attachedDiskIds: [], extra: planOf(input.existing.body.plan) };
  }

  const storage = isObject(raw.storageProfile) ? raw.storageProfile : undefined;
  if (!storage) throw ArmErrors.requiredParameterMissing("storageProfile");
  const osDiskRaw = isObject(storage.osDisk) ? storage.osDisk : {};
  const attaching = typeof osDiskRaw.createOption === "string" && osDiskRaw.createOption.toLowerCase() === "attach";
  const vmPlan = planOf(input.body.plan)?.plan;
  const image =
    !attaching && isObject(storage.imageReference)
      ? resolveImageReference(ctx, {
          reference: storage.imageReference,
          location: input.location,
          vmId: input.id,
          caller: input.caller,
          plan: vmPlan,
        })
      : undefined;
  let bootFacts: VirtualMachineState["bootFacts"];
  if (image) {
    const security = isObject(raw.securityProfile) ? raw.securityProfile : {};
    const { hyperVGeneration, architecture, features } = image;
    bootFacts = {
      image: {
        ...(hyperVGeneration ? { hyperVGeneration } : {}),
        ...(architecture ? { architecture } : {}),
        ...(features ? { features } : {}),
      },
      vm: {
        ...(typeof security.securityType === "string" ? { securityType: security.securityType } : {}),
        ...(typeof storage.diskControllerType === "string" ? { diskControllerType: storage.diskControllerType } : {}),
      },
    };
    requireBootableSize({ resourceId: input.id, vmSize, location: input.location, ...bootFacts });
  }

  const plan: BuiltVm = {
    properties: undefined as never,
    state: bootFacts ? { bootFacts } : {},
    newDisks: [],
    attachedDiskIds: [],
  };
  const { osDisk } = buildOsDisk(ctx, storage, input, image, plan);
  const dataDisks = buildDataDisks(ctx, storage, input, image, plan);
  const osProfile = checkOsProfile(raw, image, attaching);
  const securityProfile = checkSecurityProfile(raw, image);
  const additional = isObject(raw.additionalCapabilities) ? raw.additionalCapabilities : undefined;
  const applicationProfile = checkApplicationProfile(
    ctx,
    raw.applicationProfile,
    { location: input.location, osType: osDisk.osType },
    "applicationProfile",
  );

  const properties: VirtualMachineProperties = {
    vmId: randomUUID(),
    hardwareProfile: { vmSize },
    storageProfile: { ...(image ? { imageReference: image.reference } : {}), osDisk, dataDisks },
    ...(osProfile ? { osProfile: { computerName: input.ref.name, ...osProfile } } : {}),
    ...(raw.networkProfile !== undefined ? { networkProfile: raw.networkProfile } : {}),
    ...(additional ? { additionalCapabilities: { ultraSSDEnabled: additional.ultraSSDEnabled === true } } : {}),
    ...(applicationProfile ? { applicationProfile } : {}),
    ...(securityProfile ? { securityProfile } : {}),
    timeCreated: new Date(ctx.clock.now()).toISOString(),
  };
  return { ...plan, properties, extra: planOf(input.body.plan) };
}

function planOf(value: unknown): { plan: Record<string, string> } | undefined {
  if (!isObject(value)) return undefined;
  const plan = Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  return { plan };
}

/** The VM's disks as Azure creates them: new managed disks owned by the VM, attached ones marked managedBy. */
function createVmDisks(ctx: EmulatorContext, vm: VirtualMachineRecord, built: BuiltVm) {
  const ref = { subscriptionId: vm.subscriptionId, resourceGroup: vm.resourceGroup!, name: "" };
  const now = new Date(ctx.clock.now()).toISOString();
  for (const disk of built.newDisks) {
    const id = computeId(diskType, { ...ref, name: disk.name });
    ctx.resources.put({
      id,
      type: DISK_TYPE,
      name: disk.name,
      subscriptionId: vm.subscriptionId,
      resourceGroup: vm.resourceGroup,
      parentKey: `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}`,
      location: vm.body.location,
      body: {
        id,
        name: disk.name,
        type: DISK_TYPE,
        location: vm.body.location,
        managedBy: vm.id,
        sku: { name: disk.sku, tier: disk.sku.startsWith("Premium") ? "Premium" : "Standard" },
        properties: {
          ...disk.properties,
          diskSizeBytes: disk.properties.diskSizeGB * 1024 ** 3,
          uniqueId: randomUUID(),
          timeCreated: now,
        },
      },
      state: {},
    });
  }
  for (const id of built.attachedDiskIds) {
    const disk = ctx.resources.get(id) as DiskRecord;
    updateComputeRecord(ctx, diskType, disk, { body: { ...disk.body, managedBy: vm.id } });
  }
}

/** On delete, disks marked deleteOption Delete go with the VM; the others are released (Detach is the API's default). */
function releaseVmDisks(ctx: EmulatorContext, vm: VirtualMachineRecord, goneAt: number) {
  const { osDisk, dataDisks = [] } = vm.body.properties.storageProfile;
  for (const disk of [osDisk, ...dataDisks]) {
    if (!disk.managedDisk?.id) continue;
    const record = ctx.resources.get(disk.managedDisk.id) as DiskRecord | undefined;
    if (!record) continue;
    const { managedBy: _owner, ...rest } = record.body;
    const body = rest as DiskRecord["body"];
    if (disk.deleteOption === "Delete") {
      ctx.resources.put({ ...record, body, state: record.state as Record<string, unknown>, goneAt });
    } else {
      updateComputeRecord(ctx, diskType, record, { body });
    }
  }
}

export const virtualMachineType: ComputeResourceType<VirtualMachineProperties, VirtualMachineState> = {
  links: [
    "properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id",
    "properties.storageProfile.dataDisks[].managedDisk.diskEncryptionSet.id",
    VM_APPLICATION_LINK,
  ],
  type: VIRTUAL_MACHINE_TYPE,
  collection: "virtualMachines",
  nameParameter: "vmName",
  apiVersions: CRP_API_VERSIONS,
  nameRule: computeNameRule(64),
  build: (ctx, input) => {
    const built = buildVirtualMachine(ctx, input);
    return {
      properties: built.properties,
      state: built.state,
      extra: built.extra,
      then: (record) => createVmDisks(ctx, record, built),
    };
  },
  afterDelete: releaseVmDisks,
};

/** `POST .../generalize`: marks the VM Generalized, so images and image versions captured from it are too. */
export function generalizeVirtualMachine(ctx: EmulatorContext, vm: VirtualMachineRecord): void {
  updateComputeRecord(ctx, virtualMachineType, vm, { state: { ...vm.state, generalized: true } });
}
