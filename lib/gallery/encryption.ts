import { normalizeLocation } from "./regions";
import { invalidParameter, type RuleViolation } from "./violation";

/**
 * Encryption of an image version with customer-managed keys: each target region may name a disk encryption set
 * for the OS disk and for data disks by LUN. These are the rules Compute checks on the request alone, worded as
 * its troubleshooting guide quotes them; whether the sets exist is the emulator's to check.
 */

const ENCRYPTION = "galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption";
export const OS_DISK_ENCRYPTION_TARGET = `${ENCRYPTION}.osDiskImage.diskEncryptionSetId`;
export const DATA_DISK_ENCRYPTION_TARGET = `${ENCRYPTION}.dataDiskImages.diskEncryptionSetId`;
const CVM = `${ENCRYPTION}.osDiskImage.securityProfile`;
export const CONFIDENTIAL_ENCRYPTION_TYPE_TARGET = `${CVM}.confidentialVMEncryptionType`;
export const SECURE_VM_DISK_ENCRYPTION_SET_TARGET = `${CVM}.secureVMDiskEncryptionSetId`;

/** How a confidential VM's OS disk image is encrypted (spec: OSDiskImageSecurityProfile). */
export const CONFIDENTIAL_VM_ENCRYPTION_TYPES = [
  "EncryptedVMGuestStateOnlyWithPmk",
  "EncryptedWithPmk",
  "EncryptedWithCmk",
  "NonPersistedTPM",
] as const;
export type ConfidentialVMEncryptionType = (typeof CONFIDENTIAL_VM_ENCRYPTION_TYPES)[number];

/** The definition SecurityType values whose images confidential VMs can boot: only these take confidential encryption. */
export const CONFIDENTIAL_SECURITY_TYPES = [
  "ConfidentialVM",
  "ConfidentialVMSupported",
  "TrustedLaunchAndConfidentialVMSupported",
] as const;

const DISK_ENCRYPTION_SET_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/diskEncryptionSets\/([^/]+)$/i;

export interface DiskEncryptionSetRef {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export function parseDiskEncryptionSetId(id: string): DiskEncryptionSetRef | undefined {
  const match = DISK_ENCRYPTION_SET_ID.exec(id);
  if (!match) return undefined;
  const [, subscriptionId, resourceGroup, name] = match as unknown as [string, string, string, string];
  return { id, subscriptionId, resourceGroup, name };
}

/** One region's encryption as the request gives it (untyped: the version schema passes it through). */
export interface RegionEncryptionInput {
  name: string;
  encryption?: unknown;
}

export interface EdgeZoneEncryptionInput {
  name?: unknown;
  extendedLocation?: { name?: unknown };
  encryption?: unknown;
}

/** Edge zones (`targetExtendedLocations`) as the encryption rules read regions: named `{home region}/{edge zone}`. */
export function edgeZoneEncryption(zones: readonly EdgeZoneEncryptionInput[]): RegionEncryptionInput[] {
  return zones.map((zone) => ({
    name: `${String(zone.name ?? "")}/${String(zone.extendedLocation?.name ?? "")}`,
    encryption: zone.encryption,
  }));
}

/** The sets a region names, by disk: `os` for the OS disk, the LUN for a data disk. */
export interface RegionEncryption {
  region: string;
  os?: string;
  dataDisks: { lun: number; diskEncryptionSetId: string }[];
  confidential?: { type: ConfidentialVMEncryptionType; secureVMDiskEncryptionSetId?: string };
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

function setIdOf(value: unknown, target: string): string | RuleViolation | undefined {
  if (!isObject(value) || value.diskEncryptionSetId === undefined || value.diskEncryptionSetId === null)
    return undefined;
  const id = value.diskEncryptionSetId;
  if (typeof id !== "string" || !parseDiskEncryptionSetId(id))
    return invalidParameter(`The value of parameter ${target} is invalid.`, target);
  return id;
}

function readConfidential(
  osDiskImage: Raw,
): RegionEncryption["confidential"] | { violation: RuleViolation } | undefined {
  const profile = isObject(osDiskImage.securityProfile) ? osDiskImage.securityProfile : undefined;
  if (!profile) return undefined;
  const given = profile.confidentialVMEncryptionType;
  const type = CONFIDENTIAL_VM_ENCRYPTION_TYPES.find(
    (known) => typeof given === "string" && known.toLowerCase() === given.toLowerCase(),
  );
  const secure = setIdOf(
    { diskEncryptionSetId: profile.secureVMDiskEncryptionSetId },
    SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
  );
  if (typeof secure === "object") return { violation: secure };
  if (given === undefined || given === null) {
    if (secure === undefined) return undefined;
    return {
      violation: invalidParameter(
        `Required parameter '${CONFIDENTIAL_ENCRYPTION_TYPE_TARGET}' is missing (null).`,
        CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
      ),
    };
  }
  if (!type) {
    return {
      violation: invalidParameter(
        `The value '${String(given)}' of parameter ${CONFIDENTIAL_ENCRYPTION_TYPE_TARGET} is invalid. Allowed values are ${CONFIDENTIAL_VM_ENCRYPTION_TYPES.join(", ")}.`,
        CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
      ),
    };
  }
  return { type, ...(secure ? { secureVMDiskEncryptionSetId: secure } : {}) };
}

/** Reads each region's encryption; a malformed set id is the first violation. */
export function readEncryption(regions: readonly RegionEncryptionInput[]): {
  regions: RegionEncryption[];
  violation?: RuleViolation;
} {
  const read: RegionEncryption[] = [];
  for (const region of regions) {
    const encryption = isObject(region.encryption) ? region.encryption : {};
    const os = setIdOf(encryption.osDiskImage, OS_DISK_ENCRYPTION_TARGET);
    if (typeof os === "object") return { regions: read, violation: os };
    const confidential = readConfidential(isObject(encryption.osDiskImage) ? encryption.osDiskImage : {});
    if (confidential && "violation" in confidential) return { regions: read, violation: confidential.violation };
    const dataDisks: RegionEncryption["dataDisks"] = [];
    for (const disk of Array.isArray(encryption.dataDiskImages) ? encryption.dataDiskImages : []) {
      const id = setIdOf(disk, DATA_DISK_ENCRYPTION_TARGET);
      if (typeof id === "object") return { regions: read, violation: id };
      const lun = isObject(disk) ? disk.lun : undefined;
      if (typeof lun !== "number" || !Number.isInteger(lun)) {
        return {
          regions: read,
          violation: invalidParameter(
            `Required parameter '${ENCRYPTION}.dataDiskImages.lun' is missing (null).`,
            `${ENCRYPTION}.dataDiskImages.lun`,
          ),
        };
      }
      if (id) dataDisks.push({ lun, diskEncryptionSetId: id });
    }
    read.push({ region: region.name, ...(os ? { os } : {}), dataDisks, ...(confidential ? { confidential } : {}) });
  }
  return { regions: read };
}

function encrypted(region: RegionEncryption, disk: "os" | number): string | undefined {
  return disk === "os" ? region.os : region.dataDisks.find((d) => d.lun === disk)?.diskEncryptionSetId;
}

/**
 * The request's encryption rules: LUNs unique per region and among the version's data disks, the same disks
 * encrypted in every region (not asked of edge zones: `sameDisksEverywhere` false), and every set in the gallery's
 * subscription.
 */
export function checkEncryption(
  regions: readonly RegionEncryption[],
  context: { dataDiskLuns: readonly number[]; subscriptionId: string; sameDisksEverywhere?: boolean },
): RuleViolation | undefined {
  for (const region of regions) {
    const seen = new Set<number>();
    for (const { lun } of region.dataDisks) {
      if (seen.has(lun))
        return invalidParameter(
          `Duplicate luns '${lun}' were specified in target region '${region.region}' encryption.dataDiskImages.`,
          `${ENCRYPTION}.dataDiskImages.lun`,
        );
      seen.add(lun);
      if (!context.dataDiskLuns.includes(lun)) {
        return invalidParameter(
          `An invalid lun [${lun}] was specified in encryption.dataDiskImages. The lun must be one of the following values ['${context.dataDiskLuns.join(",")}'].`,
          `${ENCRYPTION}.dataDiskImages.lun`,
        );
      }
    }
  }
  const disks: ("os" | number)[] = ["os", ...new Set(regions.flatMap((r) => r.dataDisks.map((d) => d.lun)))];
  for (const disk of context.sameDisksEverywhere === false ? [] : disks) {
    const using = regions.find((r) => encrypted(r, disk) !== undefined);
    const missing = using && regions.find((r) => encrypted(r, disk) === undefined);
    if (using && missing) {
      const name = disk === "os" ? OS_DISK_ENCRYPTION_TARGET : `LUN ${disk}`;
      return invalidParameter(
        `A disk encryption set is required for disk '${name}' in target region '${missing.region}' since disk encryption set '${encrypted(using, disk)}' is used for the corresponding disk in region '${using.region}'`,
        disk === "os" ? OS_DISK_ENCRYPTION_TARGET : DATA_DISK_ENCRYPTION_TARGET,
      );
    }
  }
  for (const region of regions) {
    for (const id of encryptionSetIds([region])) {
      if (parseDiskEncryptionSetId(id)!.subscriptionId.toLowerCase() !== context.subscriptionId.toLowerCase()) {
        return invalidParameter(
          `The disk encryption set '${id}' must be in the same subscription '${context.subscriptionId}' as the gallery resource.`,
          encryptionTargetOf(region, id),
        );
      }
    }
  }
  return undefined;
}

/** An update may keep or drop data-disk encryption in a region that already has replicas, but not add it. */
export function checkEncryptionUpdate(
  stored: readonly RegionEncryption[],
  incoming: readonly RegionEncryption[],
): RuleViolation | undefined {
  for (const region of incoming) {
    const before = stored.find((r) => normalizeLocation(r.region) === normalizeLocation(region.region));
    if (!before) continue;
    const added = region.dataDisks.find((d) => !before.dataDisks.some((b) => b.lun === d.lun));
    if (added) {
      return invalidParameter(
        `Cannot specify new data disk image encryption lun [${added.lun}] with a disk encryption set in region [${region.region}] for update gallery image version request. ` +
          "To update this version, remove the new lun. If you need to change the data disk image encryption settings, you must create a new gallery image version with the correct settings.",
        DATA_DISK_ENCRYPTION_TARGET,
      );
    }
  }
  return undefined;
}

/**
 * Confidential VM encryption: only in a definition confidential VMs can boot; a customer key (EncryptedWithCmk)
 * needs its secure VM disk encryption set, and only that type takes one. The service's words are not published;
 * ours are recorded in docs/azure-error-fidelity.md ("Publishing options").
 */
export function checkConfidentialEncryption(
  regions: readonly RegionEncryption[],
  definitionSecurityType: string | undefined,
): RuleViolation | undefined {
  for (const region of regions) {
    if (!region.confidential) continue;
    const security = definitionSecurityType ?? "Standard";
    if (!CONFIDENTIAL_SECURITY_TYPES.some((type) => type.toLowerCase() === security.toLowerCase())) {
      return invalidParameter(
        `Confidential VM encryption in target region '${region.region}' needs an image definition with security type ${CONFIDENTIAL_SECURITY_TYPES.join(", ")}; this one is ${security}.`,
        CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
      );
    }
    const { type, secureVMDiskEncryptionSetId } = region.confidential;
    if (type === "EncryptedWithCmk" && !secureVMDiskEncryptionSetId) {
      return invalidParameter(
        `Required parameter '${SECURE_VM_DISK_ENCRYPTION_SET_TARGET}' is missing (null): confidential VM encryption type EncryptedWithCmk in target region '${region.region}' needs a disk encryption set.`,
        SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
      );
    }
    if (type !== "EncryptedWithCmk" && secureVMDiskEncryptionSetId) {
      return invalidParameter(
        `A secure VM disk encryption set is only used with confidential VM encryption type EncryptedWithCmk; target region '${region.region}' uses ${type}.`,
        SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
      );
    }
  }
  return undefined;
}

/** Whether any region encrypts the version with a customer's key (a disk encryption set on any disk). */
export function usesCustomerKeys(regions: readonly RegionEncryption[]): boolean {
  return encryptionSetIds(regions).length > 0;
}

export const DIRECT_SHARED_ENCRYPTION_MESSAGE =
  "A gallery shared directly (sharingProfile.permissions Groups) cannot hold image versions encrypted with customer-managed keys. Remove the disk encryption sets, or publish to a gallery that is not directly shared.";

/** Direct shared galleries cannot hold encrypted versions (Azure's documented limitation of direct sharing). */
export function checkDirectSharedEncryption(
  regions: readonly RegionEncryption[],
  sharingPermissions: string | undefined,
): RuleViolation | undefined {
  if (sharingPermissions?.toLowerCase() !== "groups" || !usesCustomerKeys(regions)) return undefined;
  const region = regions.find((r) => encryptionSetIds([r]).length > 0)!;
  return invalidParameter(DIRECT_SHARED_ENCRYPTION_MESSAGE, encryptionTargetOf(region, encryptionSetIds([region])[0]!));
}

/** The request path of the disk a region uses a set for. */
export function encryptionTargetOf(region: RegionEncryption, id: string): string {
  if (region.os?.toLowerCase() === id.toLowerCase()) return OS_DISK_ENCRYPTION_TARGET;
  if (region.confidential?.secureVMDiskEncryptionSetId?.toLowerCase() === id.toLowerCase())
    return SECURE_VM_DISK_ENCRYPTION_SET_TARGET;
  return DATA_DISK_ENCRYPTION_TARGET;
}

/** Every set the regions name, once each, for the existence check. */
export function encryptionSetIds(regions: readonly RegionEncryption[]): string[] {
  const ids = new Map<string, string>();
  for (const region of regions) {
    for (const id of [
      region.os,
      region.confidential?.secureVMDiskEncryptionSetId,
      ...region.dataDisks.map((d) => d.diskEncryptionSetId),
    ])
      if (id && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  }
  return [...ids.values()];
}

export function diskEncryptionSetNotFound(id: string, target: string): RuleViolation {
  return invalidParameter(`The disk encryption set ${id} was not found.`, target);
}

/** The encryption types a disk encryption set can have (DiskRP's DiskEncryptionSetType). */
export const DISK_ENCRYPTION_SET_TYPES = [
  "EncryptionAtRestWithCustomerKey",
  "EncryptionAtRestWithPlatformAndCustomerKeys",
  "ConfidentialVmEncryptedWithCustomerKey",
] as const;

/**
 * Which sets a disk of a version can name: a confidential VM's secure set must be of type
 * ConfidentialVmEncryptedWithCustomerKey, and the OS and data disks' sets must be one of the at-rest types.
 */
export function encryptionSetFits(encryptionType: string | undefined, use: "disk" | "confidential"): boolean {
  const confidential =
    (encryptionType ?? "EncryptionAtRestWithCustomerKey").toLowerCase() === "confidentialvmencryptedwithcustomerkey";
  return use === "confidential" ? confidential : !confidential;
}

export function encryptionSetTypeMismatch(id: string, encryptionType: string, target: string): RuleViolation {
  return invalidParameter(
    target === SECURE_VM_DISK_ENCRYPTION_SET_TARGET
      ? `The disk encryption set ${id} has encryption type ${encryptionType}; a confidential VM's secure disk encryption set must be ConfidentialVmEncryptedWithCustomerKey.`
      : `The disk encryption set ${id} has encryption type ${encryptionType}, which is for confidential VMs; use a set of type EncryptionAtRestWithCustomerKey or EncryptionAtRestWithPlatformAndCustomerKeys.`,
    target,
  );
}
