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

/** The sets a region names, by disk: `os` for the OS disk, the LUN for a data disk. */
export interface RegionEncryption {
  region: string;
  os?: string;
  dataDisks: { lun: number; diskEncryptionSetId: string }[];
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
    read.push({ region: region.name, ...(os ? { os } : {}), dataDisks });
  }
  return { regions: read };
}

function encrypted(region: RegionEncryption, disk: "os" | number): string | undefined {
  return disk === "os" ? region.os : region.dataDisks.find((d) => d.lun === disk)?.diskEncryptionSetId;
}

/**
 * The request's encryption rules: LUNs unique per region and among the version's data disks, the same disks
 * encrypted in every region, and every set in the gallery's subscription.
 */
export function checkEncryption(
  regions: readonly RegionEncryption[],
  context: { dataDiskLuns: readonly number[]; subscriptionId: string },
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
  for (const disk of disks) {
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
    for (const id of [region.os, ...region.dataDisks.map((d) => d.diskEncryptionSetId)]) {
      if (id && parseDiskEncryptionSetId(id)!.subscriptionId.toLowerCase() !== context.subscriptionId.toLowerCase()) {
        return invalidParameter(
          `The disk encryption set '${id}' must be in the same subscription '${context.subscriptionId}' as the gallery resource.`,
          region.os === id ? OS_DISK_ENCRYPTION_TARGET : DATA_DISK_ENCRYPTION_TARGET,
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

/** Every set the regions name, once each, for the existence check. */
export function encryptionSetIds(regions: readonly RegionEncryption[]): string[] {
  const ids = new Map<string, string>();
  for (const region of regions) {
    for (const id of [region.os, ...region.dataDisks.map((d) => d.diskEncryptionSetId)])
      if (id && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  }
  return [...ids.values()];
}

export function diskEncryptionSetNotFound(id: string, target: string): RuleViolation {
  return invalidParameter(`The disk encryption set ${id} was not found.`, target);
}
