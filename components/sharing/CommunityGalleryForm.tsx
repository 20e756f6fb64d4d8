"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm } from "react-hook-form";
import { useArm } from "@/components/layout/ArmContext";
import { TextField } from "@/components/publish/fields";
import { placeServerError } from "@/components/publish/serverErrors";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { AzureError } from "@/lib/azure/errors";
import { PUBLIC_NAME_PREFIX_MAX, PUBLIC_NAME_PREFIX_MIN } from "@/lib/gallery/community";
import { useMakeCommunityGallery } from "@/lib/queries/sharing";
import {
  COMMUNITY_FIELD_ALIASES,
  COMMUNITY_FORM_FIELDS,
  communityFormSchema,
  communityInfoOf,
  type CommunityFormValues,
} from "@/lib/sharing/communityForm";

/**
 * "Make it a community gallery": the publisher details Azure shows to every user, set on the gallery, then community
 * sharing enabled. The service refuses EnableCommunity without them, so the form asks for all four.
 */
export function CommunityGalleryForm({
  galleryId,
  onDone,
  onCancel,
}: {
  galleryId: string;
  onDone: (publicNames: string[]) => void;
  onCancel: () => void;
}) {
  const arm = useArm();
  const form = useForm<CommunityFormValues>({
    resolver: zodResolver(communityFormSchema),
    defaultValues: { publisherUri: "", publisherContact: "", eula: "", publicNamePrefix: "" },
    mode: "onTouched",
  });
  const enable = useMakeCommunityGallery(arm, galleryId, {
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof AzureError) placeServerError(form, error, COMMUNITY_FORM_FIELDS, COMMUNITY_FIELD_ALIASES);
    },
  });
  const placed = enable.error instanceof AzureError && Object.keys(form.formState.errors).length > 0;

  return (
    <FormProvider {...form}>
      <form
        aria-labelledby="community-form-title"
        noValidate
        className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4"
        onSubmit={form.handleSubmit((values) => enable.mutate(communityInfoOf(values)))}
      >
        <h3 id="community-form-title" className="font-semibold">
          Make it a community gallery
        </h3>
        <p role="note" className="text-sm text-amber-950">
          <strong>A community gallery is public to every Azure user.</strong> Anyone signed in to Azure, in any tenant,
          can see its images and deploy them; the details below are shown to all of them. Do not share images that carry
          secrets or intellectual property. Only a reset makes the gallery private again.
        </p>
        <div className="grid gap-3 md:grid-cols-2">
          <TextField
            name="publisherUri"
            label="Publisher URI"
            type="url"
            required
            placeholder="https://contoso.com"
            hint="The link to your website."
          />
          <TextField
            name="publisherContact"
            label="Publisher contact email"
            required
            placeholder="images@contoso.com"
            hint="Where users of the gallery reach you."
            autoComplete="email"
          />
          <TextField
            name="eula"
            label="EULA link"
            type="url"
            required
            placeholder="https://contoso.com/eula"
            hint="The end-user license agreement of the images."
          />
          <TextField
            name="publicNamePrefix"
            label="Public name prefix"
            required
            hint={`${PUBLIC_NAME_PREFIX_MIN} to ${PUBLIC_NAME_PREFIX_MAX} letters or digits; Azure adds a GUID to make the gallery's public name.`}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={enable.isPending}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-50"
          >
            Enable community sharing
          </button>
          <button
            type="button"
            onClick={onCancel}
            disabled={enable.isPending}
            className="rounded border border-slate-300 px-3 py-1.5 font-medium"
          >
            Cancel
          </button>
        </div>
        {enable.isPending && <Spinner label="Sharing the gallery with the community…" />}
        {enable.isError && !placed && (
          <ErrorPanel error={enable.error} title="The gallery could not be made a community gallery" />
        )}
      </form>
    </FormProvider>
  );
}
