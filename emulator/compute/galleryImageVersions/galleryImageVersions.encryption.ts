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
  edgeZoneEncryption,
  type EdgeZoneEncryptionInput,
  type RegionEncryptionInput,
} from "../../../lib/gallery/encryption.js";
import type { EmulatorContext } from "../../context.js";
import { throwViolation } from "../shared/body.js";
import { findDiskEncryptionSetById } from "../sources/diskEncryptionSets.model.js";

/**
 * A version's `targetRegions[].encryption` against lib/gallery's rules and the disk encryption sets that exist:
 * the request's rules first (confidential encryption and direct sharing included), then that each set is there,
 * then (on update) that no data-disk encryption is added. Edge zones' `targetExtendedLocations[].encryption` is
 * judged by the same rules, except that a zone need not encrypt the disks the others do (docs/azure-error-fidelity.md,
 * "Publishing options").
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
    /** `targetExtendedLocations`, each named `{home region}/{edge zone}` in messages. */
    edgeZones?: readonly EdgeZoneEncryptionInput[];
  },
): void {
  checkRegionsEncryption(ctx, { ...input, targetRegions: input.targetRegions });
  if (input.edgeZones?.length) {
    checkRegionsEncryption(
      ctx,
      { ...input, targetRegions: edgeZoneEncryption(input.edgeZones), stored: undefined },
      { sameDisksEverywhere: false },
    );
  }
}

function checkRegionsEncryption(
  ctx: EmulatorContext,
  input: Omit<Parameters<typeof checkVersionEncryption>[1], "edgeZones">,
  { sameDisksEverywhere = true }: { sameDisksEverywhere?: boolean } = {},
): void {
  const incoming = readEncryption(input.targetRegions ?? []);
  throwViolation(incoming.violation);
  throwViolation(
    checkEncryption(incoming.regions, {
      dataDiskLuns: input.dataDiskLuns,
      subscriptionId: input.subscriptionId,
      sameDisksEverywhere,
    }),
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
