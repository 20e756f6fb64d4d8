"use client";

import { useEffect, useId, type ReactNode } from "react";
import { get, useFieldArray, useFormContext, type FieldError, type RegisterOptions } from "react-hook-form";
import { buttonClass } from "@/components/publish/buttonClass";
import { explainPublishError } from "@/lib/publish/fieldErrors";

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600 disabled:bg-slate-100 disabled:text-slate-700";

/** Server errors are set with type `server:<code>`, so the field can show the catalogue's cause and fix. */
export const SERVER_ERROR_PREFIX = "server:";

/** Empty number inputs give NaN, which the form rules read as "not given". */
export const asNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? Number.NaN : Number(value);

export function useFieldError(name: string): FieldError | undefined {
  const {
    formState: { errors },
  } = useFormContext();
  const error = get(errors, name) as FieldError | undefined;
  return error?.message ? error : undefined;
}

/** The error of a field (or group): the rule's message, and for the service's errors its cause and fix. */
export function FieldMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error?.message) return null;
  const type = String(error.type ?? "");
  const explanation = type.startsWith(SERVER_ERROR_PREFIX)
    ? explainPublishError({ code: type.slice(SERVER_ERROR_PREFIX.length), message: error.message })
    : undefined;
  return (
    <div id={id} className="mt-1 text-sm text-red-800">
      <p>
        <span className="font-semibold">{explanation ? "The service refused: " : "Error: "}</span>
        {error.message}
      </p>
      {explanation && (
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2 text-xs text-red-900">
          <dt className="font-semibold">Cause</dt>
          <dd>{explanation.cause}</dd>
          <dt className="font-semibold">Fix</dt>
          <dd>{explanation.fix}</dd>
        </dl>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Another name whose error also belongs here (e.g. the source picker's group error). */
  className?: string;
}

/** Label, control, hint and error, wired together with ids so a screen reader reads all of them. */
function FieldShell({
  name,
  label,
  hint,
  required,
  className = "",
  children,
}: FieldProps & {
  children: (control: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid": boolean;
    "aria-required"?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-800"> (required)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": Boolean(error),
        ...(required ? { "aria-required": true } : {}),
      })}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextField({
  type = "text",
  options,
  placeholder,
  autoComplete = "off",
  ...props
}: FieldProps & {
  type?: "text" | "date" | "url";
  options?: RegisterOptions;
  placeholder?: string;
  autoComplete?: string;
}) {
  const { register } = useFormContext();
  return (
    <FieldShell {...props}>
      {(control) => (
        <input
          {...control}
          type={type}
          placeholder={placeholder}
          autoComplete={autoComplete}
          className={inputClass}
          {...register(props.name, options)}
        />
      )}
    </FieldShell>
  );
}

export function NumberField({ min, max, ...props }: FieldProps & { min?: number; max?: number }) {
  const { register } = useFormContext();
  return (
    <FieldShell {...props}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          className={inputClass}
          {...register(props.name, { setValueAs: asNumber })}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField(props: FieldProps) {
  const { register } = useFormContext();
  return (
    <FieldShell {...props}>
      {(control) => <textarea {...control} rows={3} className={inputClass} {...register(props.name)} />}
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  choices,
  placeholder,
  ...props
}: FieldProps & { choices: readonly Choice[]; placeholder?: string }) {
  const { register, getValues, setValue } = useFormContext();
  // Choices that arrive after the field registered (a query's answer) leave the DOM on the placeholder though the
  // form holds a value: put the form's value back on the select once its option exists.
  const offered = choices.map((choice) => choice.value).join("\n");
  useEffect(() => {
    const value: unknown = getValues(props.name);
    if (typeof value === "string" && value !== "") setValue(props.name, value);
  }, [offered, props.name, getValues, setValue]);
  return (
    <FieldShell {...props}>
      {(control) => (
        <select {...control} className={inputClass} {...register(props.name)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} disabled={choice.disabled}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  disabled,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const { register } = useFormContext();
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          disabled={disabled}
          aria-describedby={
            [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
          }
          aria-invalid={Boolean(error)}
          className="mt-0.5 h-4 w-4 rounded border-slate-400"
          {...register(name)}
        />
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** A property the service fixes at creation: its value, and why it cannot change here. */
export function ReadOnlyField({ label, value, reason }: { label: string; value: ReactNode; reason: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <span id={`${id}-label`} className="text-sm font-medium text-slate-800">
        {label}
      </span>
      <output
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-reason`}
        className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-800"
      >
        {value === undefined || value === "" ? "—" : value}
      </output>
      <p id={`${id}-reason`} className="text-xs text-slate-600">
        {reason}
      </p>
    </div>
  );
}

/** A fieldset with a legend, and the error of the group itself (e.g. "the identifier is taken"). */
export function Group({
  legend,
  name,
  description,
  children,
}: {
  legend: string;
  name?: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const error = useFieldError(name ?? "__none__");
  return (
    <fieldset
      aria-describedby={
        [description ? `${id}-description` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
      }
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {description && (
        <p id={`${id}-description`} className="mb-3 text-xs text-slate-600">
          {description}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
      {name && <FieldMessage id={`${id}-error`} error={error} />}
    </fieldset>
  );
}

/**
 * The button that removes one row of a list editor, named after the row ("Remove tag 2") since every row's says
 * "Remove"; `className` lines it up with the row's labelled inputs.
 */
export function RemoveRowButton({
  label,
  onClick,
  className,
}: {
  label: string;
  onClick: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={className ? `${buttonClass.secondary} ${className}` : buttonClass.secondary}
      onClick={onClick}
      aria-label={label}
    >
      Remove
    </button>
  );
}

/** The button under a list editor that adds a row ("Add tag"). */
export function AddRowButton({
  onClick,
  className,
  children,
}: {
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `${buttonClass.secondary} ${className}` : buttonClass.secondary}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Resource tags as name/value rows. */
export function TagsEditor({ name = "tags" }: { name?: string }) {
  const { register } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name });
  const groupError = useFieldError(name);
  const id = useId();
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={groupError ? `${id}-error` : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">Tags</legend>
      <p className="mb-3 text-xs text-slate-600">
        Name/value pairs on the resource, for cost reports and policy. At most 50.
      </p>
      <ul className="space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <PairInput name={`${name}.${index}.key`} label={`Tag ${index + 1} name`} register={register} />
            <PairInput name={`${name}.${index}.value`} label={`Tag ${index + 1} value`} register={register} />
            <RemoveRowButton label={`Remove tag ${index + 1}`} onClick={() => remove(index)} className="mt-6" />
          </li>
        ))}
      </ul>
      <AddRowButton onClick={() => append({ key: "", value: "" })} className="mt-3">
        Add tag
      </AddRowButton>
      <FieldMessage id={`${id}-error`} error={groupError} />
    </fieldset>
  );
}

/** One half of a name/value row (a tag, a feature): a small labelled input with its own error. */
export function PairInput({
  name,
  label,
  register,
}: {
  name: string;
  label: string;
  register: ReturnType<typeof useFormContext>["register"];
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(name)}
      />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}
