"use client";

import { useId, useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import {
  AddRowButton,
  asNumber,
  FieldMessage,
  inputClass,
  RemoveRowButton,
  TextField,
  useFieldError,
} from "@/components/publish/fields";
import { LazyCommunitySourcePicker, LazyVhdSourcePicker } from "@/components/publish/LazyPublishParts";
import type { SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { HOST_CACHING_TYPES } from "@/lib/gallery/galleryImageVersion";
import { regionDisplayName } from "@/lib/gallery/regions";
import type { SourceMode } from "@/lib/publish/imageVersionForm";
import { SOURCE_KIND_LABELS, type SourceCandidate, type SourceKind } from "@/lib/queries/versionSources";

const SOURCE_ID = "properties.storageProfile.source.id";
const OS_DISK_ID = "properties.storageProfile.osDiskImage.source.id";
const DATA_DISKS = "properties.storageProfile.dataDiskImages";
const WHOLE_SOURCE_KINDS: SourceKind[] = ["managedImage", "virtualMachine", "galleryImageVersion"];
/** Enough to scroll through; the filter narrows the rest. */
const SHOWN = 40;

function describe(candidate: SourceCandidate): string {
  const traits = [candidate.traits.osType, candidate.traits.osState, candidate.traits.hyperVGeneration]
    .filter(Boolean)
    .join(", ");
  return `${SOURCE_KIND_LABELS[candidate.kind].replace(/s$/, "")} in ${regionDisplayName(candidate.location)}${traits ? ` · ${traits}` : ""}${candidate.sizeGB !== undefined ? ` · ${candidate.sizeGB} GB` : ""}`;
}

/**
 * Where the version comes from: a managed image, VM or other gallery version as a whole, an OS disk (and data
 * disks) from managed disks and snapshots, a VHD blob, or a community gallery's image version. Sources the
 * definition cannot take are listed, not selectable, each with the reason; a resource id can also be typed (a
 * source the list does not show).
 */
export function SourcePicker({
  candidates,
  loading,
  subscriptionId,
  location,
  definition,
}: {
  candidates: readonly SourceCandidate[];
  loading: boolean;
  /** The gallery's subscription, region and definition: where VHDs and community images are looked for. */
  subscriptionId: string;
  location: string;
  definition: SourceDefinitionTraits;
}) {
  const { register, watch, setValue } = useFormContext();
  const mode = watch("properties.sourceMode") as SourceMode;
  const [filter, setFilter] = useState("");
  const [kind, setKind] = useState<"" | SourceKind>("");
  const id = useId();
  const groupError = useFieldError("properties.storageProfile.source");
  const needle = filter.trim().toLowerCase();
  const matches = (candidate: SourceCandidate) =>
    (!kind || candidate.kind === kind) &&
    (!needle || `${candidate.label} ${candidate.resourceGroup}`.toLowerCase().includes(needle));
  const whole = candidates.filter((candidate) => WHOLE_SOURCE_KINDS.includes(candidate.kind) && matches(candidate));
  const compatible = whole.filter((candidate) => candidate.reasons.length === 0);
  const incompatible = whole.filter((candidate) => candidate.reasons.length > 0);
  const chosen = watch(SOURCE_ID) as string;

  const choose = (candidateId: string) =>
    setValue(SOURCE_ID, candidateId, { shouldDirty: true, shouldTouch: true, shouldValidate: true });

  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={groupError ? `${id}-error` : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">Source</legend>
      <div role="radiogroup" aria-label="Kind of source" className="mb-3 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" value="source" {...register("properties.sourceMode")} />
          Managed image, VM or gallery image version
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="disks" {...register("properties.sourceMode")} />
          Managed disks or snapshots
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="vhd" {...register("properties.sourceMode")} />
          VHD in a storage account
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="community" {...register("properties.sourceMode")} />
          Community gallery image
        </label>
      </div>
      {mode === "source" ? (
        <>
          <div className="mb-2 flex flex-wrap gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-filter`} className="text-xs font-medium text-slate-700">
                Filter sources
              </label>
              <input
                id={`${id}-filter`}
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                className={`${inputClass} w-64`}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-kind`} className="text-xs font-medium text-slate-700">
                Kind
              </label>
              <select
                id={`${id}-kind`}
                value={kind}
                onChange={(event) => setKind(event.target.value as "" | SourceKind)}
                className={inputClass}
              >
                <option value="">All kinds</option>
                {WHOLE_SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {SOURCE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {loading ? (
            <p className="text-sm text-slate-600">Listing the sources you can read…</p>
          ) : (
            <div
              role="radiogroup"
              aria-label="Compatible sources"
              className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
            >
              {compatible.length === 0 && <p className="text-sm text-slate-600">No compatible source matches.</p>}
              {compatible.slice(0, SHOWN).map((candidate) => (
                <label key={candidate.id} className="flex items-start gap-2 rounded p-1 text-sm hover:bg-slate-50">
                  <input
                    type="radio"
                    name={`${id}-source`}
                    className="mt-1"
                    checked={chosen === candidate.id}
                    onChange={() => choose(candidate.id)}
                  />
                  <span>
                    <span className="font-medium">{candidate.label}</span>
                    <span className="block text-xs text-slate-600">{describe(candidate)}</span>
                  </span>
                </label>
              ))}
              {compatible.length > SHOWN && (
                <p className="text-xs text-slate-600">{compatible.length - SHOWN} more: narrow the filter.</p>
              )}
            </div>
          )}
          {incompatible.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-slate-700">
                {incompatible.length} sources cannot be used for this definition (why)
              </summary>
              {/* Focusable so keyboard users can scroll it: its disabled radios take no focus. */}
              <ul
                tabIndex={0}
                className="mt-2 max-h-60 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
                aria-label="Sources that cannot be used"
              >
                {incompatible.slice(0, SHOWN).map((candidate) => (
                  <li key={candidate.id} className="flex items-start gap-2 text-sm text-slate-700">
                    <input
                      type="radio"
                      disabled
                      aria-label={candidate.label}
                      aria-describedby={`${id}-${candidate.id}`}
                      className="mt-1"
                    />
                    <span>
                      <span className="font-medium">{candidate.label}</span>
                      <span className="block text-xs text-slate-600">{describe(candidate)}</span>
                      <span id={`${id}-${candidate.id}`} className="block text-xs text-red-800">
                        Not selectable: {candidate.reasons.join(" ")}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="mt-3">
            <TextField
              name={SOURCE_ID}
              label="Source resource id"
              hint="Filled in by the choice above, or typed: a managed image, VM or gallery image version id."
            />
          </div>
        </>
      ) : mode === "disks" ? (
        <DiskSources candidates={candidates} />
      ) : mode === "vhd" ? (
        <LazyVhdSourcePicker subscriptionId={subscriptionId} location={location} definition={definition} />
      ) : (
        <LazyCommunitySourcePicker subscriptionId={subscriptionId} location={location} definition={definition} />
      )}
      <div className="mt-3 max-w-xs">
        <label htmlFor={`${id}-caching`} className="text-sm font-medium text-slate-800">
          OS disk host caching
        </label>
        <select
          id={`${id}-caching`}
          className={inputClass}
          {...register("properties.storageProfile.osDiskImage.hostCaching")}
        >
          <option value="">Default</option>
          {HOST_CACHING_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <FieldMessage id={`${id}-error`} error={groupError} />
    </fieldset>
  );
}

function DiskOptions({ candidates, forOs }: { candidates: readonly SourceCandidate[]; forOs: boolean }) {
  const disks = candidates.filter((candidate) => candidate.kind === "disk" || candidate.kind === "snapshot");
  return (
    <>
      <option value="">Choose a disk or snapshot</option>
      {disks.map((candidate) => {
        const reasons = forOs ? candidate.reasons : candidate.reasons.filter((reason) => reason.startsWith("It is"));
        return (
          <option key={candidate.id} value={candidate.id} disabled={reasons.length > 0}>
            {candidate.label} ({describe(candidate)})
            {reasons.length > 0 ? ` — not selectable: ${reasons.join(" ")}` : ""}
          </option>
        );
      })}
    </>
  );
}

function DiskSources({ candidates }: { candidates: readonly SourceCandidate[] }) {
  const { register } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name: DATA_DISKS });
  const id = useId();
  const osError = useFieldError(OS_DISK_ID);
  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-os`} className="text-sm font-medium text-slate-800">
          OS disk source <span className="text-red-800">(required)</span>
        </label>
        <select
          id={`${id}-os`}
          className={inputClass}
          aria-invalid={Boolean(osError)}
          aria-describedby={osError ? `${id}-os-error` : undefined}
          {...register(OS_DISK_ID)}
        >
          <DiskOptions candidates={candidates} forOs />
        </select>
        <FieldMessage id={`${id}-os-error`} error={osError} />
      </div>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Data disks</legend>
        <ul className="space-y-2">
          {fields.map((field, index) => (
            <li key={field.id} className="grid grid-cols-[6rem_1fr_8rem_auto] items-start gap-2">
              <DataDiskControl name={`${DATA_DISKS}.${index}.lun`} label={`Data disk ${index + 1} LUN`}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    className={inputClass}
                    {...register(`${DATA_DISKS}.${index}.lun`, { setValueAs: asNumber })}
                  />
                )}
              </DataDiskControl>
              <DataDiskControl name={`${DATA_DISKS}.${index}.source.id`} label={`Data disk ${index + 1} source`}>
                {(props) => (
                  <select {...props} className={inputClass} {...register(`${DATA_DISKS}.${index}.source.id`)}>
                    <DiskOptions candidates={candidates} forOs={false} />
                  </select>
                )}
              </DataDiskControl>
              <DataDiskControl
                name={`${DATA_DISKS}.${index}.hostCaching`}
                label={`Data disk ${index + 1} host caching`}
              >
                {(props) => (
                  <select {...props} className={inputClass} {...register(`${DATA_DISKS}.${index}.hostCaching`)}>
                    <option value="">Default</option>
                    {HOST_CACHING_TYPES.map((type) => (
                      <option key={type}>{type}</option>
                    ))}
                  </select>
                )}
              </DataDiskControl>
              <RemoveRowButton label={`Remove data disk ${index + 1}`} onClick={() => remove(index)} className="mt-5" />
            </li>
          ))}
        </ul>
        <AddRowButton
          onClick={() => append({ lun: fields.length, hostCaching: "", source: { id: "" } })}
          className="mt-2"
        >
          Add data disk
        </AddRowButton>
      </fieldset>
    </div>
  );
}

function DataDiskControl({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), ...(error ? { "aria-describedby": `${id}-error` } : {}) })}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}
