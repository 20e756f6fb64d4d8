import { checkSourceCompatibility } from "../../../lib/gallery/galleryImage.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmError, ArmErrors } from "../../errors.js";
import { findStorageAccountById, findVhdBlob, parseBlobUri } from "../../storage/storageAccounts.model.js";
import type { GalleryImageRecord } from "../galleryImages/galleryImages.model.js";
import { throwViolation } from "../shared/body.js";

/**
 * A VHD blob as a disk's source (`source.storageAccountId` + `source.uri`), checked against the storage account
 * and its blob registry. The service's words for a blob that is not in the account are not published; the emulator's
 * are recorded in docs/azure-error-fidelity.md ("VHD sources").
 */
export function resolveVhd(
  ctx: EmulatorContext,
  source: { storageAccountId?: string; uri: string },
  location: string,
  definition: GalleryImageRecord,
  /** The disk's path, e.g. `galleryImageVersion.properties.storageProfile.osDiskImage`. */
  diskPath: string,
  isOsDisk: boolean,
): { sizeGB: number } {
  const accountId = source.storageAccountId;
  if (accountId === undefined) throw ArmErrors.requiredParameterMissing(`${diskPath}.source.storageAccountId`);
  const account = findStorageAccountById(ctx, accountId);
  if (!account || normalizeLocation(account.body.location) !== normalizeLocation(location))
    throw ArmErrors.versionSourceNotFound(accountId, `${diskPath}.source.storageAccountId`);
  const parsed = parseBlobUri(source.uri);
  if (!parsed || parsed.account !== account.name.toLowerCase()) {
    throw new ArmError(
      400,
      "InvalidParameter",
      `The blob uri '${source.uri}' does not belong to the storage account '${accountId}'.`,
      `${diskPath}.source.uri`,
    );
  }
  const blob = findVhdBlob(account, source.uri);
  if (!blob) throw ArmErrors.versionSourceNotFound(source.uri, `${diskPath}.source.uri`);
  if (isOsDisk && blob.osType) {
    throwViolation(checkSourceCompatibility(definition.body.properties, { id: source.uri, osType: blob.osType }));
  }
  return { sizeGB: blob.sizeGB };
}
