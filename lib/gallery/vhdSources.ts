import { parseResourceId } from "../azure/resourceId";
import { parseBlobUri } from "../storage/blobUri";
import { invalidParameter, type RuleViolation } from "./violation";

const PROPERTIES = "galleryImageVersion.properties";

/**
 * A data disk's LUN as a VM numbers it: GalleryRP's lun is a bare int32, but a VM's data disks take LUNs 0 to 63
 * (Compute's DataDisk.lun), so an image with any other LUN could not be deployed. The bound is our choice, recorded
 * in docs/azure-error-fidelity.md ("VHD sources").
 */
export const DATA_DISK_LUN_RANGE = { min: 0, max: 63 } as const;

export interface VhdSourceInput {
  /** A managed disk or snapshot instead of a blob: not a VHD source. */
  id?: string;
  storageAccountId?: string;
  uri?: string;
}

/** The storage account a resource id names, by name; undefined for any other id. */
function storageAccountName(id: string): string | undefined {
  const parsed = parseResourceId(id);
  const isAccount =
    parsed?.provider?.toLowerCase() === "microsoft.storage" &&
    parsed.types.length === 1 &&
    parsed.types[0]!.toLowerCase() === "storageaccounts";
  return isAccount ? parsed.name.toLowerCase() : undefined;
}

/**
 * A VHD blob as a disk's source names its storage account, and the blob's URI must be that account's. Whether the
 * blob exists is the registry's (the emulator's, or the account's Blob service) to say; this rule needs no lookup,
 * so forms and the emulator apply it alike.
 */
export function checkVhdSource(source: VhdSourceInput | undefined, diskTarget: string): RuleViolation | undefined {
  if (source?.uri === undefined || source.id !== undefined) return undefined;
  const accountId = source.storageAccountId;
  if (accountId === undefined || accountId.trim() === "")
    return invalidParameter(
      `Required parameter '${diskTarget}.source.storageAccountId' is missing (null).`,
      `${diskTarget}.source.storageAccountId`,
    );
  const blob = parseBlobUri(source.uri);
  const account = storageAccountName(accountId);
  if (!blob || (account !== undefined && blob.account !== account))
    return invalidParameter(
      `The blob uri '${source.uri}' does not belong to the storage account '${accountId}'.`,
      `${diskTarget}.source.uri`,
    );
  return undefined;
}

/** The VHD rule on the OS disk and on every data disk whose source is a blob. */
export function checkVhdSources(storage: {
  osDiskImage?: { source?: VhdSourceInput };
  dataDiskImages?: readonly { source?: VhdSourceInput }[];
}): RuleViolation[] {
  return [
    checkVhdSource(storage.osDiskImage?.source, `${PROPERTIES}.storageProfile.osDiskImage`),
    ...(storage.dataDiskImages ?? []).map((disk, index) =>
      checkVhdSource(disk.source, `${PROPERTIES}.storageProfile.dataDiskImages[${index}]`),
    ),
  ].filter((violation): violation is RuleViolation => violation !== undefined);
}
