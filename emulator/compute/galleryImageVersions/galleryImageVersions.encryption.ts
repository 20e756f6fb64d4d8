import {
  checkEncryption,
  checkEncryptionUpdate,
  DATA_DISK_ENCRYPTION_TARGET,
  diskEncryptionSetNotFound,
  encryptionSetIds,
  OS_DISK_ENCRYPTION_TARGET,
  readEncryption,
  type RegionEncryptionInput,
} from "../../../lib/gallery/encryption.js";
import type { EmulatorContext } from "../../context.js";
import { throwViolation } from "../shared/body.js";
import { findDiskEncryptionSetById } from "../sources/diskEncryptionSets.model.js";

/**
 * A version's `targetRegions[].encryption` against lib/gallery's rules and the disk encryption sets that exist:
 * the request's rules first, then that each set is there, then (on update) that no data-disk encryption is added.
 */
export function checkVersionEncryption(
  ctx: EmulatorContext,
  input: {
    subscriptionId: string;
    targetRegions: readonly RegionEncryptionInput[] | undefined;
    dataDiskLuns: readonly number[];
    /** The stored regions of the version an update changes. */
    stored?: readonly RegionEncryptionInput[];
  },
): void {
  const incoming = readEncryption(input.targetRegions ?? []);
  throwViolation(incoming.violation);
  throwViolation(
    checkEncryption(incoming.regions, { dataDiskLuns: input.dataDiskLuns, subscriptionId: input.subscriptionId }),
  );
  for (const id of encryptionSetIds(incoming.regions)) {
    if (!findDiskEncryptionSetById(ctx, id)) {
      const onOsDisk = incoming.regions.some((r) => r.os?.toLowerCase() === id.toLowerCase());
      throwViolation(diskEncryptionSetNotFound(id, onOsDisk ? OS_DISK_ENCRYPTION_TARGET : DATA_DISK_ENCRYPTION_TARGET));
    }
  }
  if (input.stored) throwViolation(checkEncryptionUpdate(readEncryption(input.stored).regions, incoming.regions));
}
