import { isArtifactLink } from "../../../lib/gallery/galleryApplicationVersion.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { GalleryApplicationBody } from "../galleryApplications/galleryApplications.model.js";
import { isPlainObject } from "../shared/body.js";
import type { TrackedState } from "../shared/provisioning.js";
import {
  galleryApplicationVersionView,
  type GalleryApplicationVersionBody,
  type GalleryApplicationVersionState,
} from "./galleryApplicationVersions.model.js";

/**
 * `applicationProfile.galleryApplications` of a VM or a scale set's VM profile (VMGalleryApplication): each
 * package must be an application version that exists, whose application supports the VM's OS and that has
 * replicated to the VM's region. Readability is ARM's linked-access check, declared as a link path by the VM types.
 */

export interface VmGalleryApplication {
  packageReferenceId: string;
  order?: number;
  configurationReference?: string;
  tags?: string;
  treatFailureAsDeploymentFailure?: boolean;
  enableAutomaticUpgrade?: boolean;
}

/** Where a VM's and a scale set's bodies carry the packages, for their linked-access declarations. */
export const VM_APPLICATION_LINK = "properties.applicationProfile.galleryApplications[].packageReferenceId";
export const SCALE_SET_APPLICATION_LINK =
  "properties.virtualMachineProfile.applicationProfile.galleryApplications[].packageReferenceId";

const VERSION_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/applications\/[^/]+\/versions\/[^/]+$/i;

function optional<T>(value: unknown, check: (v: unknown) => v is T, target: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw ArmErrors.invalidParameterValue(target);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isInteger = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function parseEntry(raw: unknown, target: string): VmGalleryApplication {
  if (!isPlainObject(raw)) throw ArmErrors.invalidParameterValue(target);
  const packageReferenceId = raw.packageReferenceId;
  if (typeof packageReferenceId !== "string" || packageReferenceId === "")
    throw ArmErrors.requiredParameterMissing(`${target}.packageReferenceId`);
  if (!VERSION_ID.test(packageReferenceId)) throw ArmErrors.invalidParameterValue(`${target}.packageReferenceId`);
  const configurationReference = optional(raw.configurationReference, isString, `${target}.configurationReference`);
  if (configurationReference !== undefined && !isArtifactLink(configurationReference))
    throw ArmErrors.invalidParameterValue(`${target}.configurationReference`);
  const entry: VmGalleryApplication = {
    packageReferenceId,
    order: optional(raw.order, isInteger, `${target}.order`),
    configurationReference,
    tags: optional(raw.tags, isString, `${target}.tags`),
    treatFailureAsDeploymentFailure: optional(
      raw.treatFailureAsDeploymentFailure,
      isBoolean,
      `${target}.treatFailureAsDeploymentFailure`,
    ),
    enableAutomaticUpgrade: optional(raw.enableAutomaticUpgrade, isBoolean, `${target}.enableAutomaticUpgrade`),
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as VmGalleryApplication;
}

function checkPackage(
  ctx: EmulatorContext,
  entry: VmGalleryApplication,
  vm: { location: string; osType: string | undefined },
  target: string,
): void {
  const version = ctx.resources.get<GalleryApplicationVersionBody, GalleryApplicationVersionState>(
    entry.packageReferenceId,
  );
  const application = version?.parentKey
    ? ctx.resources.get<GalleryApplicationBody, TrackedState>(version.parentKey)
    : undefined;
  if (!version || !application) throw ArmErrors.galleryApplicationVersionNotFound(entry.packageReferenceId, target);
  const supported = application.body.properties.supportedOSType;
  if (vm.osType !== undefined && supported.toLowerCase() !== vm.osType.toLowerCase()) {
    throw ArmErrors.invalidParameter(
      target,
      `The VM application ${entry.packageReferenceId} supports ${supported}, but the virtual machine's OS type is ${vm.osType}.`,
    );
  }
  const summary = galleryApplicationVersionView(version, ctx.clock.now(), { expandReplication: true }).properties
    .replicationStatus?.summary;
  const replicated = (summary ?? []).some(
    (region) => region.state === "Completed" && normalizeLocation(region.region) === normalizeLocation(vm.location),
  );
  if (!replicated)
    throw ArmErrors.galleryApplicationVersionNotAvailableInRegion(entry.packageReferenceId, vm.location, target);
}

/**
 * The applicationProfile to store, or undefined when the body has none. `prefix` is the body path Compute names in
 * its errors (`applicationProfile` for a VM, `virtualMachineProfile.applicationProfile` for a scale set).
 */
export function checkApplicationProfile(
  ctx: EmulatorContext,
  raw: unknown,
  vm: { location: string; osType: string | undefined },
  prefix: string,
): { galleryApplications: VmGalleryApplication[] } | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw ArmErrors.invalidParameterValue(prefix);
  const list = raw.galleryApplications;
  if (list === undefined || list === null) return { galleryApplications: [] };
  if (!Array.isArray(list)) throw ArmErrors.invalidParameterValue(`${prefix}.galleryApplications`);
  const entries = list.map((item, index) => parseEntry(item, `${prefix}.galleryApplications[${index}]`));
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const target = `${prefix}.galleryApplications[${index}]`;
    const application = entry.packageReferenceId.toLowerCase().replace(/\/versions\/[^/]+$/, "");
    if (seen.has(application))
      throw ArmErrors.invalidParameter(
        `${target}.packageReferenceId`,
        "A VM application can be referenced only once in applicationProfile.galleryApplications.",
      );
    seen.add(application);
    checkPackage(ctx, entry, vm, target);
  });
  return { galleryApplications: entries };
}
