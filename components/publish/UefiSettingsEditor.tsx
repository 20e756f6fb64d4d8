"use client";

import { useId } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import {
  AddRowButton,
  FieldMessage,
  RemoveRowButton,
  SelectField,
  TextAreaField,
  useFieldError,
} from "@/components/publish/fields";
import { UEFI_KEY_TYPES, UEFI_SIGNATURE_TEMPLATE_NAMES } from "@/lib/gallery/galleryImageVersion";
import type { UefiKeyRow } from "@/lib/publish/imageVersionForm";

const NAME = "properties.securityProfile.uefiSettings";
const KEY_TYPES = UEFI_KEY_TYPES.map((type) => ({ value: type, label: type }));

const LISTS = [
  { key: "kek", label: "Key exchange keys (KEK)" },
  { key: "db", label: "Allowed signatures (db)" },
  { key: "dbx", label: "Forbidden signatures (dbx)" },
] as const;

/**
 * UEFI settings of a version whose definition Trusted Launch or confidential VMs boot: the signature templates
 * Secure Boot starts from, and extra keys (platform key, KEK, db, dbx), each a SHA-256 hash or an X.509
 * certificate, one value a line.
 */
export function UefiSettingsEditor() {
  const { register } = useFormContext();
  const id = useId();
  const error = useFieldError(NAME);
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={`${id}-description${error ? ` ${id}-error` : ""}`}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">UEFI settings</legend>
      <p id={`${id}-description`} className="mb-3 text-xs text-slate-600">
        Secure Boot keys for Trusted Launch and confidential VMs made from this version. Leave empty for the
        platform&apos;s defaults.
      </p>
      <fieldset className="mb-3">
        <legend className="text-sm font-medium text-slate-800">Signature templates</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {UEFI_SIGNATURE_TEMPLATE_NAMES.map((template) => (
            <label key={template} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={template} {...register(`${NAME}.signatureTemplateNames`)} />
              {template}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name={`${NAME}.pk.type`} label="Platform key (PK) type" placeholder="None" choices={KEY_TYPES} />
        <TextAreaField name={`${NAME}.pk.values`} label="Platform key (PK) values" hint="One value a line." />
      </div>
      {LISTS.map((list) => (
        <KeyList key={list.key} list={list.key} label={list.label} />
      ))}
      <FieldMessage id={`${id}-error`} error={error} />
    </fieldset>
  );
}

function KeyList({ list, label }: { list: "kek" | "db" | "dbx"; label: string }) {
  const name = `${NAME}.${list}`;
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <div className="mt-3">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <ul className="mt-1 space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_auto]">
            <SelectField name={`${name}.${index}.type`} label={`${list} key ${index + 1} type`} choices={KEY_TYPES} />
            <TextAreaField name={`${name}.${index}.values`} label={`${list} key ${index + 1} values`} />
            <RemoveRowButton label={`Remove ${list} key ${index + 1}`} onClick={() => remove(index)} />
          </li>
        ))}
      </ul>
      <AddRowButton onClick={() => append({ type: "sha256", values: "" } satisfies UefiKeyRow)} className="mt-2">
        Add {list} key
      </AddRowButton>
    </div>
  );
}
