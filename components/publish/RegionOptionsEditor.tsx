"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { NumberField, SelectField } from "@/components/publish/fields";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import {
  CONFIDENTIAL_SECURITY_TYPES,
  CONFIDENTIAL_VM_ENCRYPTION_TYPES,
  DIRECT_SHARED_ENCRYPTION_MESSAGE,
} from "@/lib/gallery/encryption";
import { MAX_REPLICA_COUNT, MIN_REPLICA_COUNT, STORAGE_ACCOUNT_TYPES } from "@/lib/gallery/galleryImageVersion";
import { hasAvailabilityZones, regionDisplayName } from "@/lib/gallery/regions";
import { dataDiskKey, type AdditionalReplicaSetRow, type TargetRegionRow } from "@/lib/publish/imageVersionForm";
import { encryptionSetsFor, publishingOptionQueries, type EncryptionSetChoice } from "@/lib/queries/publishingOptions";

const REGIONS = "properties.publishingProfile.targetRegions";

/** Whether a definition's SecurityType lets confidential VMs boot its images (so confidential encryption applies). */
export function admitsConfidentialVMs(securityType: string | undefined): boolean {
  return CONFIDENTIAL_SECURITY_TYPES.some((type) => type.toLowerCase() === (securityType ?? "").toLowerCase());
}

/**
 * Per target region: the disk encryption sets (customer-managed keys) for the OS disk and the data disks, a
 * confidential VM's encryption, and additional replica sets of another storage type. Sets are those of the
 * gallery's subscription in that region; a directly shared gallery is warned that it cannot hold encrypted versions.
 */
export function RegionOptionsEditor({
  subscriptionId,
  definitionSecurityType,
  sharingPermissions,
  dataDiskLuns,
}: {
  subscriptionId: string;
  definitionSecurityType: string | undefined;
  sharingPermissions: string | undefined;
  /** The LUNs of the version's data disks the form knows of: each may have its own set in each region. */
  dataDiskLuns: readonly number[];
}) {
  const arm = useArm();
  const { watch } = useFormContext();
  const rows = (watch(REGIONS) ?? []) as TargetRegionRow[];
  const sets = useQuery(publishingOptionQueries.encryptionSets(arm, subscriptionId));
  const id = useId();
  const directShared = sharingPermissions?.toLowerCase() === "groups";
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby={`${id}-description`}>
      <legend className="px-1 text-sm font-semibold text-slate-900">Encryption and replica sets per region</legend>
      <p id={`${id}-description`} className="mb-3 text-xs text-slate-600">
        Without a disk encryption set, replicas are encrypted with platform-managed keys. A set must be in the
        gallery&apos;s subscription and in the region it encrypts; if one region uses a set for a disk, every region
        needs one for that disk.
      </p>
      {directShared && (
        <p role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {DIRECT_SHARED_ENCRYPTION_MESSAGE}
        </p>
      )}
      {sets.isError && <ErrorPanel error={sets.error} title="The disk encryption sets could not be listed" />}
      <div className="grid gap-3">
        {rows.map((row, index) => (
          <RegionOptions
            key={`${row.name}-${index}`}
            index={index}
            region={row.name}
            sets={sets.data ?? []}
            confidential={admitsConfidentialVMs(definitionSecurityType)}
            dataDiskLuns={dataDiskLuns}
            confidentialType={row.encryption?.confidentialVMEncryptionType ?? ""}
          />
        ))}
      </div>
    </fieldset>
  );
}

function setChoices(sets: readonly EncryptionSetChoice[], region: string, use: "disk" | "confidential") {
  return encryptionSetsFor(sets, region, use).map((set) => ({
    value: set.id,
    label: `${set.name} (${set.resourceGroup})`,
  }));
}

function RegionOptions({
  index,
  region,
  sets,
  confidential,
  dataDiskLuns,
  confidentialType,
}: {
  index: number;
  region: string;
  sets: readonly EncryptionSetChoice[];
  confidential: boolean;
  dataDiskLuns: readonly number[];
  confidentialType: string;
}) {
  const base = `${REGIONS}.${index}`;
  const display = regionDisplayName(region);
  const diskSets = setChoices(sets, region, "disk");
  return (
    <fieldset className="rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{display}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name={`${base}.encryption.osDiskEncryptionSetId`}
          label={`OS disk encryption set in ${display}`}
          placeholder="None (platform-managed key)"
          choices={diskSets}
          hint={diskSets.length === 0 ? `No disk encryption set of this subscription is in ${display}.` : undefined}
        />
        {dataDiskLuns.map((lun) => (
          <SelectField
            key={lun}
            name={`${base}.encryption.dataDisks.${dataDiskKey(lun)}`}
            label={`Data disk LUN ${lun} encryption set in ${display}`}
            placeholder="None (platform-managed key)"
            choices={diskSets}
          />
        ))}
        {confidential && (
          <SelectField
            name={`${base}.encryption.confidentialVMEncryptionType`}
            label={`Confidential VM encryption in ${display}`}
            placeholder="None"
            choices={CONFIDENTIAL_VM_ENCRYPTION_TYPES.map((type) => ({ value: type, label: type }))}
            hint="How confidential VMs' OS disks from this image are encrypted; EncryptedWithCmk needs a secure VM set."
          />
        )}
        {confidential && confidentialType === "EncryptedWithCmk" && (
          <SelectField
            name={`${base}.encryption.secureVMDiskEncryptionSetId`}
            label={`Secure VM disk encryption set in ${display}`}
            placeholder="Choose a confidential VM set"
            choices={setChoices(sets, region, "confidential")}
            hint="A set of type ConfidentialVmEncryptedWithCustomerKey in this region."
          />
        )}
      </div>
      <AdditionalReplicaSets base={base} region={region} />
    </fieldset>
  );
}

function AdditionalReplicaSets({ base, region }: { base: string; region: string }) {
  const name = `${base}.additionalReplicaSets`;
  const { fields, append, remove } = useFieldArray({ name });
  const display = regionDisplayName(region);
  const zones = hasAvailabilityZones(region);
  return (
    <div className="mt-3">
      <p className="text-xs font-medium text-slate-700">Additional replica sets in {display}</p>
      <ul className="mt-1 space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid grid-cols-[1fr_8rem_auto] items-end gap-2">
            <SelectField
              name={`${name}.${index}.storageAccountType`}
              label={`Replica set ${index + 1} storage type in ${display}`}
              placeholder="Default"
              choices={STORAGE_ACCOUNT_TYPES.map((type) => ({
                value: type,
                label: type === "Standard_ZRS" && !zones ? `${type} (no availability zones here)` : type,
                disabled: type === "Standard_ZRS" && !zones,
              }))}
            />
            <NumberField
              name={`${name}.${index}.regionalReplicaCount`}
              label={`Replica set ${index + 1} replicas in ${display}`}
              min={MIN_REPLICA_COUNT}
              max={MAX_REPLICA_COUNT}
            />
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => remove(index)}
              aria-label={`Remove replica set ${index + 1} in ${display}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${buttonClass.secondary} mt-2`}
        onClick={() =>
          append({ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 } satisfies AdditionalReplicaSetRow)
        }
      >
        Add replica set in {display}
      </button>
    </div>
  );
}
