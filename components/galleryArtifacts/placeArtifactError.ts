import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { SERVER_ERROR_PREFIX } from "@/components/publish/fields";
import type { AzureError } from "@/lib/azure/errors";
import { formFieldOf } from "@/lib/publish/galleryArtifactForms";
import { fieldOfArmError } from "@/lib/publish/fieldErrors";

/**
 * placeServerError for the artifact forms: the service's target becomes the form's field (an item of a list edited
 * as text lands on that text field), the error keeps its code for the cause and fix, and focus moves there. False
 * when the error concerns no field of the form.
 */
export function placeArtifactError<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: AzureError,
  aliases: Record<string, string>,
): boolean {
  const raw = fieldOfArmError(error, aliases);
  if (!raw) return false;
  const field = formFieldOf(raw);
  if (field !== "name" && field !== "location" && !field.startsWith("properties.") && !field.startsWith("tags"))
    return false;
  form.setError(
    field as Path<T>,
    { type: `${SERVER_ERROR_PREFIX}${error.code}`, message: error.message },
    { shouldFocus: true },
  );
  return true;
}
