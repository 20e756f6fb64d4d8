import {
  checkConfidentialEncryption,
  checkDirectSharedEncryption,
  checkEncryption,
  checkEncryptionUpdate,
  diskEncryptionSetNotFound,
  encryptionSetIds,
  encryptionSetFits,
  encryptionSetTypeMismatch,
  encryptionTargetOf,
  SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
  readEncryption,
  type RegionEncryptionInput,
} from "../../../lib/gallery/encryption.js";
import type { EmulatorContext } from "../../context.js";
import { throwViolation } from "../shared/body.js";
import { findDiskEncryptionSetById } from "../sources/diskEncryptionSets.model.js";

/**
 * A version's `targetRegions[].encryption` against lib/gallery's rules and the disk encryption sets that exist:
 * the request's rules first (confidential encryption and direct sharing included), then that each set is there,
 * then (on update) that no data-disk encryption is added.
 */
export function checkVersionEncryption(
  ctx: EmulatorContext,
  input: {
    subscriptionId: string;
    targetRegions: readonly RegionEncryptionInput[] | undefined;
    dataDiskLuns: readonly number[];
    /** The stored regions of the version an update changes. */
    stored?: readonly RegionEncryptionInput[];
    /** The definition's SecurityType feature: confidential encryption needs a confidential one. */
    definitionSecurityType?: string;
    /** The gallery's sharingProfile.permissions: a directly shared gallery holds no encrypted versions. */
    sharingPermissions?: string;
  },
): void {
  const incoming = readEncryption(input.targetRegions ?? []);
  throwViolation(incoming.violation);
  throwViolation(
    checkEncryption(incoming.regions, { dataDiskLuns: input.dataDiskLuns, subscriptionId: input.subscriptionId }),
  );
  throwViolation(checkConfidentialEncryption(incoming.regions, input.definitionSecurityType));
  throwViolation(checkDirectSharedEncryption(incoming.regions, input.sharingPermissions));
  for (const region of incoming.regions) {
    for (const id of encryptionSetIds([region])) {
      const set = findDiskEncryptionSetById(ctx, id);
      const target = encryptionTargetOf(region, id);
      if (!set) throwViolation(diskEncryptionSetNotFound(id, target));
      const type = set!.body.properties.encryptionType;
      const use = target === SECURE_VM_DISK_ENCRYPTION_SET_TARGET ? "confidential" : "disk";
      if (!encryptionSetFits(type, use)) throwViolation(encryptionSetTypeMismatch(id, type, target));
    }
  }
  if (input.stored) throwViolation(checkEncryptionUpdate(readEncryption(input.stored).regions, incoming.regions));
}
