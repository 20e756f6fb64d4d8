"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import {
  AddRowButton,
  FieldMessage,
  NumberField,
  RemoveRowButton,
  SelectField,
  useFieldError,
} from "@/components/publish/fields";
import { VhdBlobFields } from "@/components/publish/VhdBlobFields";
import { HOST_CACHING_TYPES } from "@/lib/gallery/galleryImageVersion";
import { DATA_DISK_LUN_RANGE } from "@/lib/gallery/vhdSources";
import type { DataDiskRow } from "@/lib/publish/imageVersionForm";

const DATA_DISKS = "properties.storageProfile.dataDiskImages";
const OS_ACCOUNT = "properties.storageProfile.osDiskImage.source.storageAccountId";

/**
 * Data disks from VHD blobs: per LUN a storage account, a blob of it and the host caching. A new row starts with the
 * OS disk's account and the lowest LUN not taken; each region's encryption offers a set per LUN given here.
 */
export function VhdDataDisks({ subscriptionId, location }: { subscriptionId: string; location: string }) {
  const { getValues } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name: DATA_DISKS });
  const addDisk = () => {
    const taken = new Set(((getValues(DATA_DISKS) as DataDiskRow[] | undefined) ?? []).map((disk) => disk.lun));
    let lun = DATA_DISK_LUN_RANGE.min;
    while (taken.has(lun)) lun++;
    const row: DataDiskRow = {
      lun,
      hostCaching: "",
      source: { id: "", storageAccountId: (getValues(OS_ACCOUNT) as string | undefined) ?? "", uri: "" },
    };
    append(row);
  };
  return (
    <fieldset className="rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">Data disks</legend>
      <ul className="space-y-3">
        {fields.map((field, index) => (
          <VhdDataDisk
            key={field.id}
            index={index}
            subscriptionId={subscriptionId}
            location={location}
            onRemove={() => remove(index)}
          />
        ))}
      </ul>
      <AddRowButton onClick={addDisk} className="mt-2">
        Add data disk from a VHD
      </AddRowButton>
    </fieldset>
  );
}

function VhdDataDisk({
  index,
  subscriptionId,
  location,
  onRemove,
}: {
  index: number;
  subscriptionId: string;
  location: string;
  onRemove: () => void;
}) {
  const row = `${DATA_DISKS}.${index}`;
  const label = `Data disk ${index + 1} `;
  const sourceError = useFieldError(`${row}.source`);
  return (
    <li className="grid gap-2 rounded border border-slate-100 p-2">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-[8rem_12rem_auto]">
        <NumberField
          name={`${row}.lun`}
          label={`${label}LUN`}
          required
          min={DATA_DISK_LUN_RANGE.min}
          max={DATA_DISK_LUN_RANGE.max}
        />
        <SelectField
          name={`${row}.hostCaching`}
          label={`${label}host caching`}
          placeholder="Default (None)"
          choices={HOST_CACHING_TYPES.map((type) => ({ value: type, label: type }))}
        />
        {/* Its own width at the row's end, not the rest of the row. */}
        <RemoveRowButton
          label={`Remove data disk ${index + 1}`}
          onClick={onRemove}
          className="self-end justify-self-start"
        />
      </div>
      <VhdBlobFields
        accountField={`${row}.source.storageAccountId`}
        uriField={`${row}.source.uri`}
        label={label}
        subscriptionId={subscriptionId}
        location={location}
      />
      <FieldMessage id={`${row}-source-error`} error={sourceError} />
    </li>
  );
}
