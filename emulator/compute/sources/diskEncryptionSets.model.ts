import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import {
  computeNameRule,
  DISK_RP_API_VERSIONS,
  type ComputeRecord,
  type ComputeResourceType,
  type WriteInput,
} from "./lifecycle.js";
import { isPlainObject as isObject } from "../shared/body.js";
import { DISK_ENCRYPTION_SET_TYPE } from "../shared/names.js";

/**
 * Microsoft.Compute/diskEncryptionSets: just enough of a disk encryption set (its key and identity) for image
 * versions to name one; the emulator holds no keys and encrypts nothing.
 */

const ENCRYPTION_TYPES = [
  "EncryptionAtRestWithCustomerKey",
  "EncryptionAtRestWithPlatformAndCustomerKeys",
  "ConfidentialVmEncryptedWithCustomerKey",
] as const;

export interface DiskEncryptionSetProperties {
  encryptionType: (typeof ENCRYPTION_TYPES)[number];
  activeKey: { keyUrl: string; sourceVault?: { id: string } };
  rotationToLatestKeyVersionEnabled: boolean;
}

export type DiskEncryptionSetRecord = ComputeRecord<DiskEncryptionSetProperties>;

function build(input: WriteInput<DiskEncryptionSetProperties, object>) {
  const raw = isObject(input.body.properties) ? input.body.properties : undefined;
  if (!raw) throw ArmErrors.requiredParameterMissing("properties");
  const activeKey = isObject(raw.activeKey) ? raw.activeKey : undefined;
  if (typeof activeKey?.keyUrl !== "string" || activeKey.keyUrl === "")
    throw ArmErrors.requiredParameterMissing("activeKey.keyUrl");
  const sourceVault =
    isObject(activeKey.sourceVault) && typeof activeKey.sourceVault.id === "string"
      ? { id: activeKey.sourceVault.id }
      : undefined;
  const given = raw.encryptionType;
  const encryptionType =
    given === undefined
      ? "EncryptionAtRestWithCustomerKey"
      : ENCRYPTION_TYPES.find((t) => typeof given === "string" && t.toLowerCase() === given.toLowerCase());
  if (!encryptionType) throw ArmErrors.invalidParameterValue("encryptionType");
  const identity = isObject(input.body.identity) ? input.body.identity : { type: "SystemAssigned" };
  const principalId =
    (input.existing?.body.identity as { principalId?: string } | undefined)?.principalId ?? randomUUID();
  return {
    properties: {
      encryptionType,
      activeKey: { keyUrl: activeKey.keyUrl, ...(sourceVault ? { sourceVault } : {}) },
      rotationToLatestKeyVersionEnabled: raw.rotationToLatestKeyVersionEnabled === true,
    },
    extra: { identity: { type: typeof identity.type === "string" ? identity.type : "SystemAssigned", principalId } },
  };
}

export const diskEncryptionSetType: ComputeResourceType<DiskEncryptionSetProperties> = {
  type: DISK_ENCRYPTION_SET_TYPE,
  collection: "diskEncryptionSets",
  nameParameter: "diskEncryptionSetName",
  apiVersions: DISK_RP_API_VERSIONS,
  createdStatus: 202,
  nameRule: computeNameRule(80),
  build: (_ctx: EmulatorContext, input) => build(input),
};

/** A set by its ARM id (any casing), for the version's existence check. */
export function findDiskEncryptionSetById(ctx: EmulatorContext, id: string): DiskEncryptionSetRecord | undefined {
  const record = ctx.resources.get<DiskEncryptionSetRecord["body"], DiskEncryptionSetRecord["state"]>(id);
  return record?.type === DISK_ENCRYPTION_SET_TYPE ? record : undefined;
}
