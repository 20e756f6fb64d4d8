import {
  checkApplicationProfile,
  SCALE_SET_APPLICATION_LINK,
  type VmGalleryApplication,
} from "../galleryApplicationVersions/applicationProfile.js";
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import {
  CRP_API_VERSIONS,
  computeNameRule,
  type Built,
  type ComputeRecord,
  type ComputeResourceType,
  type WriteInput,
} from "./lifecycle.js";
import { type ResolvedImage, resolveImageReference } from "./virtualMachines.imageReference.js";
import type { ImageReference } from "./virtualMachines.model.js";
import { type Raw, isPlainObject as isObject } from "../shared/body.js";
import { requireBootableSize } from "../skus/vmSizeCheck.js";
import { VIRTUAL_MACHINE_SCALE_SET_TYPE } from "../shared/names.js";

/**
 * Microsoft.Compute/virtualMachineScaleSets: the part of a scale set that depends on its image — the osProfile
 * rules a VM has, the instance limit of its kind of image, and an image swap that keeps the OS state. Instances,
 * networking and upgrades are not modelled.
 */

/** A scale set reaches 1,000 instances from a gallery or Marketplace image, 600 from a managed image. */
export const MAX_INSTANCES = { galleryOrPlatformImage: 1000, managedImage: 600 } as const;

type OsState = ResolvedImage["osState"];

export interface ScaleSetProperties {
  uniqueId: string;
  orchestrationMode: string;
  upgradePolicy: { mode: string };
  virtualMachineProfile: {
    storageProfile: {
      imageReference: ImageReference;
      osDisk: { osType: string; createOption: "FromImage"; caching: string; diskSizeGB: number };
    };
    osProfile?: Record<string, unknown>;
    applicationProfile?: { galleryApplications: VmGalleryApplication[] };
  };
  timeCreated: string;
}

export interface ScaleSetState {
  osState: OsState;
}

export type ScaleSetRecord = ComputeRecord<ScaleSetProperties, ScaleSetState>;

function capacityOf(sku: Raw | undefined, existing: ScaleSetRecord | undefined): number {
  const given = sku?.capacity;
  if (given === undefined || given === null)
    return (existing?.body.sku as { capacity?: number } | undefined)?.capacity ?? 0;
  if (typeof given !== "number" || !Number.isInteger(given) || given < 0)
    throw ArmErrors.invalidParameterValue("sku.capacity");
  return given;
}

function instanceLimit(image: ResolvedImage): number {
  return image.reference.id && /\/providers\/Microsoft\.Compute\/images\//i.test(image.reference.id)
    ? MAX_INSTANCES.managedImage
    : MAX_INSTANCES.galleryOrPlatformImage;
}

/** As for a VM: a Specialized image brings its accounts (no osProfile), a Generalized one needs them. */
function osProfileOf(given: Raw | undefined, image: ResolvedImage): Record<string, unknown> | undefined {
  if (given && image.osState === "Specialized") throw ArmErrors.parameterNotAllowed("osProfile");
  if (!given && image.osState === "Generalized") throw ArmErrors.requiredParameterMissing("osProfile");
  if (!given) return undefined;
  if (typeof given.adminUsername !== "string" || given.adminUsername === "")
    throw ArmErrors.requiredParameterMissing("osProfile.adminUsername");
  // Azure never returns the admin password; it is not kept.
  const { adminPassword: _password, customData: _customData, ...kept } = given;
  return kept;
}

function build(
  ctx: EmulatorContext,
  input: WriteInput<ScaleSetProperties, ScaleSetState>,
): Built<ScaleSetProperties, ScaleSetState> {
  const raw = isObject(input.body.properties) ? input.body.properties : undefined;
  if (!raw) throw ArmErrors.requiredParameterMissing("properties");
  const sku = isObject(input.body.sku) ? input.body.sku : undefined;
  const skuName =
    typeof sku?.name === "string" && sku.name !== ""
      ? sku.name
      : (input.existing?.body.sku as { name?: string } | undefined)?.name;
  if (!skuName) throw ArmErrors.requiredParameterMissing("sku.name");
  const capacity = capacityOf(sku, input.existing);

  const profile = isObject(raw.virtualMachineProfile) ? raw.virtualMachineProfile : undefined;
  const storage = profile && isObject(profile.storageProfile) ? profile.storageProfile : undefined;
  const reference = storage && isObject(storage.imageReference) ? storage.imageReference : undefined;
  if (!reference) throw ArmErrors.requiredParameterMissing("virtualMachineProfile.storageProfile.imageReference");
  const plan = isObject(input.body.plan) ? (input.body.plan as Record<string, string>) : undefined;
  const image = resolveImageReference(ctx, {
    reference,
    location: input.location,
    vmId: input.id,
    caller: input.caller,
    ...(plan ? { plan } : {}),
  });

  const security = isObject(profile!.securityProfile) ? profile!.securityProfile : {};
  requireBootableSize({
    resourceId: input.id,
    vmSize: skuName,
    location: input.location,
    image,
    vm: {
      ...(typeof security.securityType === "string" ? { securityType: security.securityType } : {}),
      ...(typeof storage!.diskControllerType === "string" ? { diskControllerType: storage!.diskControllerType } : {}),
    },
  });

  const existing = input.existing;
  if (existing && existing.state.osState !== image.osState)
    throw ArmErrors.scaleSetOsStateChange(input.ref.name, existing.state.osState, image.osState);
  const limit = instanceLimit(image);
  if (capacity > limit) throw ArmErrors.scaleSetCapacityExceeded(input.ref.name, limit);

  const givenOsProfile = isObject(profile!.osProfile) ? profile!.osProfile : undefined;
  // An update that leaves osProfile out keeps the one the scale set was created with.
  const osProfile =
    existing && !givenOsProfile
      ? existing.body.properties.virtualMachineProfile.osProfile
      : osProfileOf(givenOsProfile, image);
  const osDiskRaw = isObject(storage!.osDisk) ? storage!.osDisk : {};
  const applicationProfile =
    checkApplicationProfile(
      ctx,
      profile!.applicationProfile,
      { location: input.location, osType: image.osType },
      "virtualMachineProfile.applicationProfile",
    ) ?? existing?.body.properties.virtualMachineProfile.applicationProfile;
  const upgradePolicy =
    isObject(raw.upgradePolicy) && typeof raw.upgradePolicy.mode === "string" ? raw.upgradePolicy.mode : "Manual";

  return {
    properties: {
      uniqueId: existing?.body.properties.uniqueId ?? randomUUID(),
      orchestrationMode: typeof raw.orchestrationMode === "string" ? raw.orchestrationMode : "Uniform",
      upgradePolicy: { mode: upgradePolicy },
      virtualMachineProfile: {
        storageProfile: {
          imageReference: image.reference,
          osDisk: {
            osType: image.osType,
            createOption: "FromImage",
            caching: typeof osDiskRaw.caching === "string" ? osDiskRaw.caching : "ReadWrite",
            diskSizeGB: image.osDiskSizeGB,
          },
        },
        ...(osProfile ? { osProfile } : {}),
        ...(applicationProfile ? { applicationProfile } : {}),
      },
      timeCreated: existing?.body.properties.timeCreated ?? new Date(ctx.clock.now()).toISOString(),
    },
    extra: { sku: { name: skuName, tier: "Standard", capacity }, ...(plan ? { plan } : {}) },
    state: { osState: image.osState },
  };
}

export const virtualMachineScaleSetType: ComputeResourceType<ScaleSetProperties, ScaleSetState> = {
  links: [
    "properties.virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id",
    "properties.virtualMachineProfile.storageProfile.dataDisks[].managedDisk.diskEncryptionSet.id",
    SCALE_SET_APPLICATION_LINK,
  ],
  type: VIRTUAL_MACHINE_SCALE_SET_TYPE,
  collection: "virtualMachineScaleSets",
  nameParameter: "vmScaleSetName",
  apiVersions: CRP_API_VERSIONS,
  nameRule: computeNameRule(64),
  build,
};
