import { checkSourceCompatibility } from "../../../lib/gallery/galleryImage.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { findStorageAccountById, findVhdBlob } from "../../storage/storageAccounts.model.js";
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
  // The account named and the URI's account agree (lib/gallery/vhdSources.ts checked both before this).
  const accountId = source.storageAccountId!;
  const account = findStorageAccountById(ctx, accountId);
  if (!account || normalizeLocation(account.body.location) !== normalizeLocation(location))
    throw ArmErrors.versionSourceNotFound(accountId, `${diskPath}.source.storageAccountId`);
  const blob = findVhdBlob(account, source.uri);
  if (!blob) throw ArmErrors.versionSourceNotFound(source.uri, `${diskPath}.source.uri`);
  if (isOsDisk && blob.osType) {
    throwViolation(checkSourceCompatibility(definition.body.properties, { id: source.uri, osType: blob.osType }));
  }
  return { sizeGB: blob.sizeGB };
}
