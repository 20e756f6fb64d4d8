"use client";

import { useQuery } from "@tanstack/react-query";
import { useFieldArray, useFormContext } from "react-hook-form";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { NumberField, SelectField, TextField } from "@/components/publish/fields";
import {
  EDGE_ZONE_STORAGE_ACCOUNT_TYPES,
  MAX_REPLICA_COUNT,
  MIN_REPLICA_COUNT,
} from "@/lib/gallery/galleryImageVersion";
import { AZURE_REGIONS, regionDisplayName } from "@/lib/gallery/regions";
import { dataDiskKey, type EdgeZoneRow } from "@/lib/publish/imageVersionForm";
import { encryptionSetsFor, publishingOptionQueries } from "@/lib/queries/publishingOptions";

const NAME = "properties.publishingProfile.targetExtendedLocations";

/**
 * Edge zones (`targetExtendedLocations`): Azure Extended Zones the version is replicated to, each named with its
 * home region, with its own replica count and storage type (Standard_LRS when empty). Image versions also choose
 * disk encryption sets per zone (`encryption`); application and script versions have no disks to encrypt.
 */
export function EdgeZonesEditor({
  encryption,
}: {
  /** Image versions: the gallery's subscription (its sets in each home region) and the data disks' LUNs. */
  encryption?: { subscriptionId: string; dataDiskLuns: readonly number[] };
}) {
  const { fields, append, remove } = useFieldArray({ name: NAME });
  const { watch } = useFormContext();
  const zones = (watch(NAME) ?? []) as EdgeZoneRow[];
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Edge zones</legend>
      <p className="mb-3 text-xs text-slate-600">
        Replicate to Azure Extended Zones (type EdgeZone), e.g. losangeles in West US. Each zone is named with its home
        region; one replica and Standard_LRS when left empty.
      </p>
      <ul className="space-y-3">
        {fields.map((field, index) => (
          <li key={field.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_7rem_1fr_auto]">
            <SelectField
              name={`${NAME}.${index}.name`}
              label={`Edge zone ${index + 1} home region`}
              choices={AZURE_REGIONS.map((region) => ({ value: region.name, label: region.displayName }))}
            />
            <TextField name={`${NAME}.${index}.edgeZone`} label={`Edge zone ${index + 1} name`} />
            <NumberField
              name={`${NAME}.${index}.extendedLocationReplicaCount`}
              label={`Edge zone ${index + 1} replicas`}
              min={MIN_REPLICA_COUNT}
              max={MAX_REPLICA_COUNT}
            />
            <SelectField
              name={`${NAME}.${index}.storageAccountType`}
              label={`Edge zone ${index + 1} storage type`}
              placeholder="Default (Standard_LRS)"
              choices={EDGE_ZONE_STORAGE_ACCOUNT_TYPES.map((type) => ({ value: type, label: type }))}
            />
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => remove(index)}
              aria-label={`Remove edge zone ${index + 1}`}
            >
              Remove
            </button>
            {encryption && (
              <ZoneEncryption
                index={index}
                homeRegion={zones[index]?.name ?? ""}
                subscriptionId={encryption.subscriptionId}
                dataDiskLuns={encryption.dataDiskLuns}
              />
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${buttonClass.secondary} mt-2`}
        onClick={() =>
          append({
            name: "westus",
            edgeZone: "",
            extendedLocationReplicaCount: Number.NaN,
            storageAccountType: "",
          } satisfies EdgeZoneRow)
        }
      >
        Add edge zone
      </button>
    </fieldset>
  );
}

function ZoneEncryption({
  index,
  homeRegion,
  subscriptionId,
  dataDiskLuns,
}: {
  index: number;
  homeRegion: string;
  subscriptionId: string;
  dataDiskLuns: readonly number[];
}) {
  const arm = useArm();
  const sets = useQuery(publishingOptionQueries.encryptionSets(arm, subscriptionId));
  const choices = encryptionSetsFor(sets.data ?? [], homeRegion, "disk").map((set) => ({
    value: set.id,
    label: `${set.name} (${set.resourceGroup})`,
  }));
  const base = `${NAME}.${index}.encryption`;
  const hint =
    choices.length === 0
      ? `No disk encryption set of this subscription is in ${regionDisplayName(homeRegion)}.`
      : undefined;
  return (
    <div className="grid gap-2 sm:col-span-5 sm:grid-cols-2">
      <SelectField
        name={`${base}.osDiskEncryptionSetId`}
        label={`Edge zone ${index + 1} OS disk encryption set`}
        placeholder="None (platform-managed key)"
        choices={choices}
        hint={hint}
      />
      {dataDiskLuns.map((lun) => (
        <SelectField
          key={lun}
          name={`${base}.dataDisks.${dataDiskKey(lun)}`}
          label={`Edge zone ${index + 1} data disk LUN ${lun} encryption set`}
          placeholder="None (platform-managed key)"
          choices={choices}
        />
      ))}
    </div>
  );
}
