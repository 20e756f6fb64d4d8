"use client";

import { useFieldArray } from "react-hook-form";
import { buttonClass } from "@/components/publish/buttonClass";
import { AddRowButton, CheckboxField, SelectField, TextField } from "@/components/publish/fields";
import { CUSTOM_ACTION_PARAMETER_TYPES } from "@/lib/gallery/galleryApplication";
import type { CustomActionParameterRow, CustomActionRow } from "@/lib/publish/applicationForm";

const PARAMETER_TYPE_HINTS: Record<(typeof CUSTOM_ACTION_PARAMETER_TYPES)[number], string> = {
  String: "text passed to the script",
  ConfigurationDataBlob: "a blob the script reads its configuration from",
  LogOutputBlob: "a blob the script writes its logs to",
};

const emptyParameter: CustomActionParameterRow = {
  name: "",
  type: "",
  required: false,
  defaultValue: "",
  description: "",
};

/**
 * Custom actions (GalleryApplicationCustomAction): a name, the script to run and typed parameters. `name` is where
 * the list sits in the form (the application's properties or a version's publishing profile).
 */
export function CustomActionsEditor({ name }: { name: string }) {
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Custom actions</legend>
      <p className="mb-3 text-xs text-slate-600">
        Actions a VM owner can run on the installed application (for example collecting logs). Names are unique; each
        parameter is {CUSTOM_ACTION_PARAMETER_TYPES.map((type) => `${type} (${PARAMETER_TYPE_HINTS[type]})`).join(", ")}
        .
      </p>
      <ol className="space-y-4">
        {fields.map((field, index) => (
          <li key={field.id} className="rounded-md border border-slate-200 p-3">
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name={`${name}.${index}.name`} label={`Action ${index + 1} name`} required />
              <TextField name={`${name}.${index}.script`} label={`Action ${index + 1} script`} required />
              <TextField name={`${name}.${index}.description`} label={`Action ${index + 1} description`} />
            </div>
            <Parameters name={`${name}.${index}.parameters`} action={index + 1} />
            <button
              type="button"
              className={`${buttonClass.secondary} mt-3`}
              onClick={() => remove(index)}
              aria-label={`Remove action ${index + 1}`}
            >
              Remove action
            </button>
          </li>
        ))}
      </ol>
      <AddRowButton
        onClick={() => append({ name: "", script: "", description: "", parameters: [] } satisfies CustomActionRow)}
        className="mt-3"
      >
        Add custom action
      </AddRowButton>
    </fieldset>
  );
}

function Parameters({ name, action }: { name: string; action: number }) {
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold text-slate-800">Parameters of action {action}</h3>
      <ul className="mt-2 space-y-3">
        {fields.map((field, index) => {
          const label = `Action ${action} parameter ${index + 1}`;
          return (
            <li key={field.id} className="grid gap-3 border-l-2 border-slate-200 pl-3 sm:grid-cols-2">
              <TextField name={`${name}.${index}.name`} label={`${label} name`} required />
              <SelectField
                name={`${name}.${index}.type`}
                label={`${label} type`}
                placeholder="Default (String)"
                choices={CUSTOM_ACTION_PARAMETER_TYPES.map((type) => ({ value: type, label: type }))}
              />
              <TextField name={`${name}.${index}.defaultValue`} label={`${label} default value`} />
              <TextField name={`${name}.${index}.description`} label={`${label} description`} />
              <CheckboxField name={`${name}.${index}.required`} label={`${label} is required`} />
              <div>
                <button
                  type="button"
                  className={buttonClass.secondary}
                  onClick={() => remove(index)}
                  aria-label={`Remove ${label.toLowerCase()}`}
                >
                  Remove parameter
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <AddRowButton onClick={() => append({ ...emptyParameter })} className="mt-2">
        Add parameter to action {action}
      </AddRowButton>
    </div>
  );
}
