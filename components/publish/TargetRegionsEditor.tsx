"use client";

import { useId, useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { buttonClass } from "@/components/publish/buttonClass";
import { asNumber, FieldMessage, inputClass, useFieldError } from "@/components/publish/fields";
import { MAX_REPLICA_COUNT, MIN_REPLICA_COUNT, STORAGE_ACCOUNT_TYPES } from "@/lib/gallery/galleryImageVersion";
import { regionStorage, SDK_GALLERY_API_VERSION, type StorageChoice } from "@/lib/gallery/apiVersions";
import { AZURE_REGIONS, hasAvailabilityZones, regionDisplayName, sameLocation } from "@/lib/gallery/regions";
import type { TargetRegionRow } from "@/lib/publish/imageVersionForm";

const DEFAULT_NAME = "properties.publishingProfile.targetRegions";

/**
 * Target regions with their replica count, storage type and exclusion from latest. The source region (the
 * version's location) is always the first row and cannot be removed. Zone-redundant storage is offered only in
 * regions with availability zones. `replicatedRegions` marks rows that already hold replicas (update form).
 */
export function TargetRegionsEditor({
  sourceRegion,
  replicatedRegions = [],
  showEffectiveStorage = false,
  name: NAME = DEFAULT_NAME,
}: {
  sourceRegion: string;
  /** The rows' field: an image or script version's target regions, or a profile version's `properties.targetLocations`. */
  name?: string;
  replicatedRegions?: readonly string[];
  /** Under each storage type, what the region gets and why (the create form, where defaults still apply). */
  showEffectiveStorage?: boolean;
}) {
  const { register, watch } = useFormContext();
  const profileType = (watch("properties.publishingProfile.storageAccountType") as string | undefined) || undefined;
  const strategy = (watch("properties.publishingProfile.storageAccountStrategy") as string | undefined) || undefined;
  const { fields, append, remove } = useFieldArray({ name: NAME });
  const rows = (watch(NAME) ?? []) as TargetRegionRow[];
  const [toAdd, setToAdd] = useState("");
  const addId = useId();
  const groupId = useId();
  const groupError = useFieldError(NAME);
  const available = AZURE_REGIONS.filter((region) => !rows.some((row) => sameLocation(row.name, region.name)));

  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={`${groupId}-description${groupError ? ` ${groupId}-error` : ""}`}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">Target regions</legend>
      <p id={`${groupId}-description`} className="mb-3 text-xs text-slate-600">
        Where the version is replicated. The source region ({regionDisplayName(sourceRegion)}) is always included. Each
        replica is a full copy; empty counts take the default replica count below. Zone-redundant storage (Standard_ZRS)
        only in regions with availability zones.
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Target regions</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="pb-1 font-medium">
              Region
            </th>
            <th scope="col" className="pb-1 font-medium">
              Replicas
            </th>
            <th scope="col" className="pb-1 font-medium">
              Storage type
            </th>
            <th scope="col" className="pb-1 font-medium">
              Exclude from latest
            </th>
            <th scope="col" className="pb-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => {
            const name = rows[index]?.name ?? "";
            const display = regionDisplayName(name);
            const isSource = sameLocation(name, sourceRegion);
            const zones = hasAvailabilityZones(name);
            const holdsReplicas = replicatedRegions.some((region) => sameLocation(region, name));
            return (
              <tr key={field.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-2 text-left font-medium">
                  {display}
                  {isSource && (
                    <span className="block text-xs font-normal text-slate-600">Source region: always included</span>
                  )}
                  {holdsReplicas && !isSource && (
                    <span className="block text-xs font-normal text-slate-600">Holds replicas</span>
                  )}
                  <RowError name={`${NAME}.${index}.name`} />
                </th>
                <td className="py-2 pr-2">
                  <RowInput label={`Replicas in ${display}`} name={`${NAME}.${index}.regionalReplicaCount`}>
                    {(props) => (
                      <input
                        {...props}
                        type="number"
                        min={MIN_REPLICA_COUNT}
                        max={MAX_REPLICA_COUNT}
                        inputMode="numeric"
                        className={`${inputClass} w-24`}
                        {...register(`${NAME}.${index}.regionalReplicaCount`, { setValueAs: asNumber })}
                      />
                    )}
                  </RowInput>
                </td>
                <td className="py-2 pr-2">
                  <RowInput label={`Storage type in ${display}`} name={`${NAME}.${index}.storageAccountType`}>
                    {(props) => (
                      <select {...props} className={inputClass} {...register(`${NAME}.${index}.storageAccountType`)}>
                        <option value="">Default</option>
                        {STORAGE_ACCOUNT_TYPES.map((type) => (
                          <option key={type} value={type} disabled={type === "Standard_ZRS" && !zones}>
                            {type === "Standard_ZRS" && !zones ? `${type} (no availability zones here)` : type}
                          </option>
                        ))}
                      </select>
                    )}
                  </RowInput>
                  {showEffectiveStorage && (
                    <EffectiveStorage
                      region={name}
                      choice={{ regionType: rows[index]?.storageAccountType || undefined, profileType, strategy }}
                    />
                  )}
                </td>
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={`Exclude from latest in ${display}`}
                    className="mt-2 h-4 w-4"
                    {...register(`${NAME}.${index}.excludeFromLatest`)}
                  />
                </td>
                <td className="py-2">
                  {!isSource && (
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      onClick={() => remove(index)}
                      aria-label={`Remove ${display}`}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={addId} className="text-xs font-medium text-slate-700">
            Region to add
          </label>
          <select id={addId} value={toAdd} onChange={(event) => setToAdd(event.target.value)} className={inputClass}>
            <option value="">Choose a region</option>
            {available.map((region) => (
              <option key={region.name} value={region.name}>
                {region.displayName}
                {region.availabilityZones ? " (zones)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={!toAdd}
          onClick={() => {
            append({
              name: toAdd,
              regionalReplicaCount: Number.NaN,
              storageAccountType: "",
              excludeFromLatest: false,
            } satisfies TargetRegionRow);
            setToAdd("");
          }}
        >
          Add region
        </button>
      </div>
      <FieldMessage id={`${groupId}-error`} error={groupError} />
    </fieldset>
  );
}

function RowInput({
  label,
  name,
  children,
}: {
  label: string;
  name: string;
  children: (props: { "aria-label": string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      {children({
        "aria-label": label,
        "aria-invalid": Boolean(error),
        ...(error ? { "aria-describedby": `${id}-error` } : {}),
      })}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

function RowError({ name }: { name: string }) {
  const id = useId();
  return <FieldMessage id={id} error={useFieldError(name)} />;
}

function EffectiveStorage({ region, choice }: { region: string; choice: StorageChoice }) {
  const effective = regionStorage(region, choice, SDK_GALLERY_API_VERSION);
  return (
    <span className="mt-1 block text-xs text-slate-600" data-testid={`effective-storage-${region}`}>
      {effective.storageAccountType}: {effective.reason}
    </span>
  );
}
