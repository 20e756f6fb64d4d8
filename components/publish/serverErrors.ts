import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { AzureError } from "@/lib/azure/errors";
import { fieldOfArmError } from "@/lib/publish/fieldErrors";
import { encryptionFieldOfError, type TargetRegionRow } from "@/lib/publish/imageVersionForm";
import { SERVER_ERROR_PREFIX } from "@/components/publish/fields";

/**
 * Puts ARM's refusal on the field it concerns (with the code, so the field shows the cause and the fix) and
 * moves focus there; the values the user typed stay as they are. Returns false when no field of this form
 * matches, for the form to show the error as a whole. `toField` turns the service's target into the form's path
 * where the form edits it differently (a list edited as text).
 */
export function placeServerError<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: AzureError,
  fields: readonly string[],
  aliases: Record<string, string> = {},
  toField: (target: string) => string = (target) => target,
): boolean {
  const target = fieldOfArmError(error, aliases);
  const field = target && toField(target);
  if (
    !field ||
    !fields.some((known) => field === known || field.startsWith(`${known}.`) || known.startsWith(`${field}.`))
  )
    return false;
  return placeOnField(form, field, error);
}

/** Puts ARM's refusal on one field, as placeServerError does once it knows the field; true. */
export function placeOnField<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  field: string,
  error: AzureError,
): true {
  form.setError(
    field as Parameters<typeof form.setError>[0],
    { type: `${SERVER_ERROR_PREFIX}${error.code}`, message: error.message },
    { shouldFocus: true },
  );
  return true;
}

/**
 * The service's encryption errors name the disk, not the region: the form's target region rows say which region's
 * encryption field it is. False when the error is no encryption error or no row holds the set it names.
 */
export function placeEncryptionError<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: AzureError,
  rows: readonly TargetRegionRow[],
): boolean {
  const field = encryptionFieldOfError(error, rows);
  return field !== undefined && placeOnField(form, field, error);
}
