"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { FormProvider, type FieldValues, type UseFormReturn } from "react-hook-form";
import { placeArtifactError } from "@/components/galleryArtifacts/placeArtifactError";
import { FormFooter } from "@/components/publish/FormFooter";
import { ReadOnlyField, TextField } from "@/components/publish/fields";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs, type Crumb } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactHref, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { ENTITY_NAME_HINT } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import type { Operation } from "@/lib/queries/lro";

/**
 * The frame the create and edit forms of scripts, profiles and their versions share: the PUT run as an operation,
 * the service's refusal placed on its field (or shown above the buttons when it names none), the page opened once
 * it is done, and the page around the form.
 */

/** Runs a form's PUT; `aliases` maps the service's parameter names (galleryScriptName) to the form's fields. */
export function useArtifactSubmit<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  aliases: Record<string, string>,
) {
  const router = useRouter();
  const submission = useSubmission((error) => placeArtifactError(form, error, aliases));
  async function submit<R>(
    label: string,
    path: GalleryArtifactPath,
    start: () => Operation<R>,
    options?: { untilAccepted?: boolean },
  ) {
    await submission.submit(label, start, () => router.push(galleryArtifactHref(path)), options);
  }
  return { submit, operation: submission.operation, refusal: submission.refusal, busy: submission.operation.busy };
}

export function ArtifactFormFrame<T extends FieldValues, O>({
  crumbs,
  kind,
  title,
  subtitle,
  form,
  onSubmit,
  submission,
  noun,
  editing,
  busy,
  cancelHref,
  before,
  children,
}: {
  crumbs: Crumb[];
  /** The page header's kind ("Gallery script"). */
  kind: string;
  /** The h1, also the form's accessible name. */
  title: string;
  subtitle: string;
  form: UseFormReturn<T, unknown, O>;
  onSubmit: (values: O) => Promise<void>;
  submission: Pick<ReturnType<typeof useArtifactSubmit>, "operation" | "refusal">;
  /** "gallery script": the refusal's title and the submit button's label. */
  noun: string;
  editing: boolean;
  /** Submitting, or not ready to (the location still loading). */
  busy: boolean;
  cancelHref: string;
  /** Between the header and the form (an error reading what the form needs). */
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader kind={kind} title={title} subtitle={subtitle} />
      {before}
      <FormProvider {...form}>
        <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="mt-4 grid gap-4" aria-label={title}>
          {children}
          <FormFooter
            refusal={submission.refusal}
            refusalTitle={`The ${noun} could not be ${editing ? "updated" : "created"}`}
            state={submission.operation.state}
            submitLabel={editing ? `Save ${noun}` : `Create ${noun}`}
            notReady={busy}
            cancel={cancelHref}
          />
        </form>
      </FormProvider>
    </>
  );
}

/**
 * A gallery artifact's name (typed on create, fixed once it is part of the id) and its region (the gallery's): the
 * first fields of every artifact form.
 */
export function ArtifactNameAndRegion({
  noun,
  storedName,
  location,
}: {
  /** "Script", "Profile": the field's label and the reasons name it. */
  noun: string;
  /** The artifact's name when editing; undefined on create. */
  storedName: string | undefined;
  location: string | undefined;
}) {
  const lower = noun.toLowerCase();
  return (
    <>
      {storedName !== undefined ? (
        <ReadOnlyField label={`${noun} name`} value={storedName} reason={`The name is part of the ${lower}'s id.`} />
      ) : (
        <TextField name="name" label={`${noun} name`} required hint={ENTITY_NAME_HINT} />
      )}
      <ReadOnlyField
        label="Region"
        value={location ? regionDisplayName(location) : <Spinner />}
        reason={`A ${lower} is created in its gallery's region.`}
      />
    </>
  );
}
