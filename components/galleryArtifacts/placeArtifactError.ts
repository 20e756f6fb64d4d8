import type { FieldValues, UseFormReturn } from "react-hook-form";
import { placeServerError } from "@/components/publish/serverErrors";
import type { AzureError } from "@/lib/azure/errors";
import { formFieldOf } from "@/lib/publish/galleryArtifactForms";

/** The fields of every artifact form: its name, region, properties and tags. */
const ARTIFACT_FIELDS = ["name", "location", "properties", "tags"] as const;

/**
 * placeServerError for the artifact forms: the service's target becomes the form's field (an item of a list edited
 * as text lands on that text field). False when the error concerns no field of the form.
 */
export function placeArtifactError<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: AzureError,
  aliases: Record<string, string>,
): boolean {
  return placeServerError(form, error, ARTIFACT_FIELDS, aliases, formFieldOf);
}
