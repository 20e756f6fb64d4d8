import type { Architecture, HyperVGeneration } from "./imageValues";
import { sameLocation } from "./regions";
import type { RuleViolation } from "./violation";

/**
 * Whether a VM size can boot an image: the size's capabilities as `Microsoft.Compute/skus` lists them
 * (HyperVGenerations, CpuArchitectureType, DiskControllerTypes, TrustedLaunchDisabled, ConfidentialComputingType,
 * AcceleratedNetworkingEnabled, vCPUs, MemoryGB) against the image definition's hyperVGeneration, architecture and
 * features. The emulator refuses a VM or scale set with the first violation, in Compute's words; the deploy panel
 * lists every reason next to the size.
 */

/** The parts of a `Microsoft.Compute/skus` entry the rule reads (the SDK's ResourceSku has them all optional). */
export interface ResourceSkuLike {
  resourceType?: string;
  name?: string;
  family?: string;
  locations?: string[];
  capabilities?: { name?: string; value?: string }[];
  restrictions?: { type?: string; values?: string[]; reasonCode?: string }[];
}

export type DiskControllerType = "SCSI" | "NVMe";
export type VmSecurityType = "Standard" | "TrustedLaunch" | "ConfidentialVM";

export interface VmSizeCapabilities {
  name: string;
  family?: string;
  vCPUs?: number;
  memoryGB?: number;
  hyperVGenerations: HyperVGeneration[];
  architecture: Architecture;
  /** In the order the size lists them; the first is the default when a VM names none. */
  diskControllerTypes: DiskControllerType[];
  trustedLaunch: boolean;
  /** `SNP` (AMD SEV-SNP) or `TDX` (Intel TDX) on confidential sizes. */
  confidentialComputingType?: string;
  acceleratedNetworking: boolean;
}

function capability(sku: ResourceSkuLike, name: string): string | undefined {
  return sku.capabilities?.find((c) => c.name?.toLowerCase() === name.toLowerCase())?.value;
}

function numberOf(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A comma-separated list of disk controllers ("SCSI, NVMe"), in its order, unknown entries dropped. */
export function diskControllerList(value: string | undefined): DiskControllerType[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .flatMap((part): DiskControllerType[] => (part === "scsi" ? ["SCSI"] : part === "nvme" ? ["NVMe"] : []));
}

/**
 * A size's capabilities. Absent capabilities mean what Azure means by their absence: HyperVGenerations V1, x64,
 * SCSI only (sizes older than the DiskControllerTypes capability have SCSI controllers), Trusted Launch allowed,
 * not confidential.
 */
export function vmSizeCapabilities(sku: ResourceSkuLike): VmSizeCapabilities {
  const generations = (capability(sku, "HyperVGenerations") ?? "V1")
    .split(",")
    .map((g) => g.trim().toUpperCase())
    .filter((g): g is HyperVGeneration => g === "V1" || g === "V2");
  const controllers = diskControllerList(capability(sku, "DiskControllerTypes"));
  const confidential = capability(sku, "ConfidentialComputingType");
  return {
    name: sku.name ?? "",
    ...(sku.family ? { family: sku.family } : {}),
    ...(numberOf(capability(sku, "vCPUs")) !== undefined ? { vCPUs: numberOf(capability(sku, "vCPUs")) } : {}),
    ...(numberOf(capability(sku, "MemoryGB")) !== undefined ? { memoryGB: numberOf(capability(sku, "MemoryGB")) } : {}),
    hyperVGenerations: generations,
    architecture: capability(sku, "CpuArchitectureType")?.toLowerCase() === "arm64" ? "Arm64" : "x64",
    diskControllerTypes: controllers.length > 0 ? controllers : ["SCSI"],
    trustedLaunch: capability(sku, "TrustedLaunchDisabled")?.toLowerCase() !== "true",
    ...(confidential ? { confidentialComputingType: confidential } : {}),
    acceleratedNetworking: capability(sku, "AcceleratedNetworkingEnabled")?.toLowerCase() === "true",
  };
}

export type SizeAvailability = "Available" | "NotOffered" | "NotAvailableForSubscription" | "QuotaId";

/**
 * Whether a size can be deployed in a region: offered there (listed in its locations) and not restricted there
 * (a `Location` restriction naming the region, with its reason code).
 */
export function sizeAvailabilityIn(sku: ResourceSkuLike, region: string): SizeAvailability {
  if (!(sku.locations ?? []).some((l) => sameLocation(l, region))) return "NotOffered";
  const restriction = (sku.restrictions ?? []).find(
    (r) => r.type === "Location" && (r.values ?? []).some((v) => sameLocation(v, region)),
  );
  if (!restriction) return "Available";
  return restriction.reasonCode === "QuotaId" ? "QuotaId" : "NotAvailableForSubscription";
}

/** What the rule reads of an image definition (GalleryImage or the emulator's stored body). */
export interface ImageFacts {
  hyperVGeneration?: string;
  architecture?: string;
  features?: readonly { name?: string; value?: string }[];
  recommended?: { vCPUs?: { min?: number; max?: number }; memory?: { min?: number; max?: number } };
}

/** What the VM asks for: `securityProfile.securityType` and `storageProfile.diskControllerType`, when given. */
export interface VmRequest {
  securityType?: string;
  diskControllerType?: string;
}

function feature(image: ImageFacts, name: string): string | undefined {
  return image.features?.find((f) => f.name?.toLowerCase() === name.toLowerCase())?.value;
}

/** An image without a hyperVGeneration is Gen1 and without an architecture x64, as Compute reads stored images. */
export function imageGeneration(image: ImageFacts): HyperVGeneration {
  return image.hyperVGeneration?.toUpperCase() === "V2" ? "V2" : "V1";
}

export function imageArchitecture(image: ImageFacts): Architecture {
  return image.architecture?.toLowerCase() === "arm64" ? "Arm64" : "x64";
}

/** The controllers an image's OS supports: its DiskControllerTypes feature, SCSI when it has none. */
export function imageDiskControllers(image: ImageFacts): DiskControllerType[] {
  const listed = diskControllerList(feature(image, "DiskControllerTypes"));
  return listed.length > 0 ? listed : ["SCSI"];
}

const TRUSTED_LAUNCH_IMAGES = ["TrustedLaunch", "TrustedLaunchSupported", "TrustedLaunchAndConfidentialVMSupported"];
const CONFIDENTIAL_IMAGES = ["ConfidentialVM", "ConfidentialVMSupported", "TrustedLaunchAndConfidentialVMSupported"];

export type IncompatibilityKind =
  "CpuArchitecture" | "HyperVGeneration" | "DiskControllerType" | "TrustedLaunch" | "ConfidentialVM";

export interface Incompatibility {
  kind: IncompatibilityKind;
  /** Plain words for the picker. */
  reason: string;
  /** What Compute answers to a VM PUT or deployment with this size. */
  violation: RuleViolation;
}

/** Advice that does not stop a deployment: accelerated networking, the definition's recommended ranges. */
export interface SizeAdvice {
  kind: "AcceleratedNetworking" | "RecommendedVCpus" | "RecommendedMemory";
  message: string;
}

export interface SizeCompatibility {
  compatible: boolean;
  reasons: Incompatibility[];
  advice: SizeAdvice[];
}

function badRequest(message: string, target?: string): RuleViolation {
  return { status: 400, code: "BadRequest", message, ...(target ? { target } : {}) };
}

function invalid(message: string, target?: string): RuleViolation {
  return { status: 400, code: "InvalidParameter", message, ...(target ? { target } : {}) };
}

/** The wording of the VM's security type in Compute's messages: `<NULL>` when the VM named none. */
function securityTypeText(requested: string | undefined): string {
  return requested === undefined || requested === "" ? "<NULL>" : requested;
}

function normalizedSecurityType(requested: string | undefined): VmSecurityType {
  const value = requested?.toLowerCase();
  if (value === "trustedlaunch") return "TrustedLaunch";
  if (value === "confidentialvm") return "ConfidentialVM";
  return "Standard";
}

function securityReasons(size: VmSizeCapabilities, image: ImageFacts, vm: VmRequest): Incompatibility[] {
  const reasons: Incompatibility[] = [];
  const vmType = normalizedSecurityType(vm.securityType);
  const imageType = feature(image, "SecurityType") ?? "Standard";
  const sizeRefuses = (reason: string, kind: IncompatibilityKind) =>
    reasons.push({
      kind,
      reason,
      violation: badRequest(
        `The VM size '${size.name}' is not supported for creation of VMs and Virtual Machine Scale Set with '${securityTypeText(vm.securityType)}' security type.` +
          (vmType === "TrustedLaunch" ? " For more information, see https://aka.ms/TrustedLaunch-FAQ" : ""),
      ),
    });

  if (imageType === "TrustedLaunch" && vmType !== "TrustedLaunch")
    reasons.push({
      kind: "TrustedLaunch",
      reason: "The image boots only as a Trusted Launch VM.",
      violation: badRequest(
        "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.",
      ),
    });
  if (imageType === "ConfidentialVM" && vmType !== "ConfidentialVM")
    reasons.push({
      kind: "ConfidentialVM",
      reason: "The image boots only as a confidential VM.",
      violation: badRequest(
        "The provided gallery image only supports creation of VMs and VM Scale Sets with 'ConfidentialVM' security type.",
      ),
    });
  if (vmType === "TrustedLaunch" && (!TRUSTED_LAUNCH_IMAGES.includes(imageType) || imageGeneration(image) !== "V2"))
    reasons.push({
      kind: "TrustedLaunch",
      reason: "The image does not support Trusted Launch.",
      violation: badRequest(
        "Use of TrustedLaunch setting is not supported for the provided image. Please select Trusted Launch Supported Gen2 OS Image. For more information, see https://aka.ms/TrustedLaunch-FAQ.",
      ),
    });
  if (vmType === "ConfidentialVM" && !CONFIDENTIAL_IMAGES.includes(imageType))
    reasons.push({
      kind: "ConfidentialVM",
      reason: "The image does not support confidential VMs.",
      violation: badRequest(
        "Use of ConfidentialVM setting is not supported for the provided image. Please select a Confidential VM Supported Gen2 OS Image.",
      ),
    });
  if (vmType === "TrustedLaunch" && !size.trustedLaunch)
    sizeRefuses("The size does not support Trusted Launch (TrustedLaunchDisabled).", "TrustedLaunch");
  if (vmType === "ConfidentialVM" && !size.confidentialComputingType)
    sizeRefuses("The size is not a confidential size (no ConfidentialComputingType).", "ConfidentialVM");
  if (vmType !== "ConfidentialVM" && size.confidentialComputingType)
    sizeRefuses(
      `The size is confidential (${size.confidentialComputingType}): it runs only confidential VMs.`,
      "ConfidentialVM",
    );
  return reasons;
}

/**
 * Every reason the size cannot boot the image for this VM, in the order Compute checks them (so the first is what
 * it answers), and advice that does not stop the deployment.
 */
export function checkSizeCompatibility(
  size: VmSizeCapabilities,
  image: ImageFacts,
  vm: VmRequest = {},
): SizeCompatibility {
  const reasons: Incompatibility[] = [];
  const architecture = imageArchitecture(image);
  if (size.architecture !== architecture)
    reasons.push({
      kind: "CpuArchitecture",
      reason: `The size has ${size.architecture} processors; the image is ${architecture}.`,
      violation: invalid(
        `Cannot create a VM of size '${size.name}' from an image with CPU Architecture '${architecture}': the VM size only supports a CPU Architecture of '${size.architecture}'.`,
        "hardwareProfile.vmSize",
      ),
    });

  const generation = imageGeneration(image);
  if (!size.hyperVGenerations.includes(generation))
    reasons.push({
      kind: "HyperVGeneration",
      reason: `The size boots Hyper-V generation ${size.hyperVGenerations.join(", ") || "none"}; the image is ${generation}.`,
      violation: badRequest(
        `The selected VM size '${size.name}' cannot boot Hypervisor Generation '${generation.slice(1)}'. If this was a Create operation please check that the Hypervisor Generation of the Image matches the Hypervisor Generation of the selected VM Size. If this was an Update operation please select a Hypervisor Generation '${generation.slice(1)}' VM Size. For more information, see https://aka.ms/azuregen2vm`,
      ),
    });

  const requested = diskControllerList(vm.diskControllerType)[0];
  const imageControllers = imageDiskControllers(image);
  if (requested && !size.diskControllerTypes.includes(requested)) {
    reasons.push({
      kind: "DiskControllerType",
      reason: `The size has no ${requested} disk controller (it has ${size.diskControllerTypes.join(", ")}).`,
      violation: invalid(
        `The VM size '${size.name}' cannot boot with DiskControllerType '${requested}'. Please check that the disk controller type provided is one of the supported disk controller types for the VM size '${size.name}'. Please query sku api at https://aka.ms/azure-compute-skus  to determine supported disk controller types for the VM size.`,
        "storageProfile.diskControllerType",
      ),
    });
  } else {
    // Without a request the size's default controller is used: SCSI where the size has it, else NVMe.
    const effective = requested ?? (size.diskControllerTypes.includes("SCSI") ? "SCSI" : size.diskControllerTypes[0]);
    if (effective && !imageControllers.includes(effective))
      reasons.push({
        kind: "DiskControllerType",
        reason:
          effective === "NVMe" && !size.diskControllerTypes.includes("SCSI")
            ? `The size attaches disks over NVMe only; the image supports ${imageControllers.join(", ")} (DiskControllerTypes feature).`
            : `The image supports ${imageControllers.join(", ")} disk controllers, not ${effective}.`,
        violation: invalid(
          `The VM size '${size.name}' cannot boot with OS image or disk. Please check that disk controller types supported by the OS image or disk is one of the supported disk controller types for the VM size '${size.name}'.`,
        ),
      });
  }

  reasons.push(...securityReasons(size, image, vm));
  return { compatible: reasons.length === 0, reasons, advice: sizeAdvice(size, image) };
}

function outside(value: number | undefined, range: { min?: number; max?: number } | undefined): boolean {
  if (value === undefined || !range) return false;
  return (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
}

function rangeText(range: { min?: number; max?: number }, unit: string): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max} ${unit}`;
  return range.min !== undefined ? `at least ${range.min} ${unit}` : `at most ${range.max} ${unit}`;
}

/** Advice: the definition's recommended vCPU and memory ranges, and accelerated networking the image supports. */
export function sizeAdvice(size: VmSizeCapabilities, image: ImageFacts): SizeAdvice[] {
  const advice: SizeAdvice[] = [];
  const { vCPUs, memory } = image.recommended ?? {};
  if (outside(size.vCPUs, vCPUs))
    advice.push({
      kind: "RecommendedVCpus",
      message: `${size.vCPUs} vCPUs is outside the recommended ${rangeText(vCPUs!, "vCPUs")}.`,
    });
  if (outside(size.memoryGB, memory))
    advice.push({
      kind: "RecommendedMemory",
      message: `${size.memoryGB} GB of memory is outside the recommended ${rangeText(memory!, "GB")}.`,
    });
  if (feature(image, "IsAcceleratedNetworkSupported")?.toLowerCase() === "true" && !size.acceleratedNetworking)
    advice.push({
      kind: "AcceleratedNetworking",
      message: "The image supports accelerated networking; this size does not offer it.",
    });
  return advice;
}

/** The definition's recommended ranges in words, for the picker's heading; undefined when it recommends nothing. */
export function recommendedRangesText(image: ImageFacts): string | undefined {
  const { vCPUs, memory } = image.recommended ?? {};
  const parts = [
    vCPUs && (vCPUs.min !== undefined || vCPUs.max !== undefined) ? rangeText(vCPUs, "vCPUs") : undefined,
    memory && (memory.min !== undefined || memory.max !== undefined) ? rangeText(memory, "GB memory") : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

export interface SizeOption {
  size: VmSizeCapabilities;
  availability: SizeAvailability;
  compatibility: SizeCompatibility;
}

const AVAILABILITY_TEXT: Record<Exclude<SizeAvailability, "Available">, string> = {
  NotOffered: "Not offered in this region.",
  NotAvailableForSubscription: "Not available to this subscription in this region (restricted).",
  QuotaId: "Not available to this subscription's offer in this region (restricted).",
};

export function availabilityText(availability: SizeAvailability): string | undefined {
  return availability === "Available" ? undefined : AVAILABILITY_TEXT[availability];
}

/**
 * The sizes offered in a region, each judged against the image: deployable and compatible first, then the
 * restricted, then the incompatible, each group by vCPUs, memory and name.
 */
export function sizeOptions(
  skus: readonly ResourceSkuLike[],
  region: string,
  image: ImageFacts,
  vm: VmRequest = {},
): SizeOption[] {
  const rank = (o: SizeOption) => (o.availability !== "Available" ? 1 : 0) + (o.compatibility.compatible ? 0 : 2);
  return skus
    .filter((sku) => sku.resourceType === undefined || sku.resourceType === "virtualMachines")
    .map((sku) => {
      const size = vmSizeCapabilities(sku);
      return {
        size,
        availability: sizeAvailabilityIn(sku, region),
        compatibility: checkSizeCompatibility(size, image, vm),
      };
    })
    .filter((o) => o.availability !== "NotOffered")
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.size.vCPUs ?? 0) - (b.size.vCPUs ?? 0) ||
        (a.size.memoryGB ?? 0) - (b.size.memoryGB ?? 0) ||
        a.size.name.localeCompare(b.size.name),
    );
}
