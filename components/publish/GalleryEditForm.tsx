"use client";

import type { Gallery } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormProvider, useForm } from "react-hook-form";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { GalleryIdentityFields } from "@/components/galleries/GalleryIdentityFields";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { Group, ReadOnlyField, TagsEditor, TextAreaField } from "@/components/publish/fields";
import { SoftDeleteField } from "@/components/recycleBin/SoftDeleteField";
import { placeServerError } from "@/components/publish/serverErrors";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { galleryIdentityChoiceOf, sameIdentityChoice } from "@/lib/gallery/galleryIdentity";
import { regionDisplayName } from "@/lib/gallery/regions";
import { isSoftDeleteEnabled } from "@/lib/gallery/softDelete";
import { tagRowsOf } from "@/lib/publish/formRules";
import { galleryUpdateSchema, type GalleryUpdateOutput, type GalleryUpdateValues } from "@/lib/publish/galleryForm";
import { updateGallery } from "@/lib/queries/galleries";
import { galleryQueries } from "@/lib/queries/galleries";

const FIXED = "Fixed when the gallery is created; to change it, create a new gallery and move its definitions.";

/** Edit a gallery: its description, tags, soft delete policy and managed identity can change. */
export function GalleryEditForm({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const gallery = useQuery(galleryQueries.detail(arm, galleryIdOf(path)));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Edit" }]} />
      <PageHeader kind="Gallery" title={`Edit ${path.galleryName}`} />
      {gallery.isError && <ErrorPanel error={gallery.error} title="The gallery could not be read" />}
      {gallery.data ? (
        <Form path={path} gallery={gallery.data} subscriptionName={subscriptionName} />
      ) : (
        !gallery.isError && <Spinner label="Loading…" />
      )}
    </>
  );
}

function Form({ path, gallery, subscriptionName }: { path: GalleryPath; gallery: Gallery; subscriptionName: string }) {
  const arm = useArm();
  const router = useRouter();
  const currentIdentity = galleryIdentityChoiceOf(gallery.identity);
  const form = useForm<GalleryUpdateValues, unknown, GalleryUpdateOutput>({
    resolver: zodResolver(galleryUpdateSchema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: {
      description: gallery.description ?? "",
      tags: tagRowsOf(gallery.tags),
      softDeleteEnabled: isSoftDeleteEnabled(gallery.softDeletePolicy),
      systemAssigned: currentIdentity.systemAssigned,
      userAssignedIdentities: currentIdentity.userAssignedIds.map((id) => ({ id })),
    },
  });
  const { operation, refusal, submit } = useSubmission((error) =>
    placeServerError(form, error, ["description", "tags"], {
      "identity.userAssignedIdentities": "userAssignedIdentities",
    }),
  );
  async function onSubmit(values: GalleryUpdateOutput) {
    const identity = {
      systemAssigned: values.systemAssigned,
      userAssignedIds: values.userAssignedIdentities.map((row) => row.id),
    };
    const body = { ...values, identity: sameIdentityChoice(identity, currentIdentity) ? undefined : identity };
    await submit(
      `Updating gallery ${path.galleryName}`,
      () => updateGallery(arm, path, body),
      () => router.push(pageHref(galleryIdOf(path))),
    );
  }
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid max-w-4xl gap-4"
        aria-label={`Edit gallery ${path.galleryName}`}
      >
        <Group legend="Fixed at creation">
          <ReadOnlyField label="Name" value={path.galleryName} reason={FIXED} />
          <ReadOnlyField label="Region" value={regionDisplayName(gallery.location)} reason={FIXED} />
          <ReadOnlyField label="Subscription" value={subscriptionName} reason={FIXED} />
          <ReadOnlyField label="Resource group" value={path.resourceGroupName} reason={FIXED} />
        </Group>
        <Group legend="What can change">
          <div className="sm:col-span-2">
            <TextAreaField name="description" label="Description" />
          </div>
          <div className="sm:col-span-2">
            <SoftDeleteField />
          </div>
        </Group>
        <GalleryIdentityFields current={gallery.identity} />
        <TagsEditor />
        <FormFooter
          refusal={refusal}
          refusalTitle="The gallery could not be updated"
          state={operation.state}
          submitLabel="Save changes"
          cancel={pageHref(galleryIdOf(path))}
        />
      </form>
    </FormProvider>
  );
}
