"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { UnavailableSubscriptions } from "@/components/access/GalleryCreationUnavailable";
import type { CreatableSubscription, UnavailableSubscription } from "@/components/access/useGalleryCreationAccess";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { Group, SelectField, TagsEditor, TextAreaField, TextField } from "@/components/publish/fields";
import { SoftDeleteField } from "@/components/recycleBin/SoftDeleteField";
import { LimitUsagePanel } from "@/components/publish/LimitUsage";
import { placeServerError } from "@/components/publish/serverErrors";
import { useSubmission } from "@/components/publish/useSubmission";
import { toAzureError } from "@/lib/azure/errors";
import { galleryIdOf, pageHref } from "@/lib/azure/routeParams";
import { GALLERY_NAME_HINT } from "@/lib/gallery/names";
import { makeGalleryCreateSchema, type GalleryCreateOutput, type GalleryCreateValues } from "@/lib/publish/galleryForm";
import { createGallery } from "@/lib/queries/galleries";
import { usageQueries, type UsageIndex } from "@/lib/queries/galleryUsage";
import { locationQueries } from "@/lib/queries/locations";
import { createResourceGroup, RESOURCE_GROUP_NAME_HINT } from "@/lib/queries/resourceGroups";
import { visibleText } from "@/lib/security/safeLink";

const FIELDS = ["subscriptionId", "resourceGroupName", "name", "location", "description", "tags"] as const;

/**
 * Create a gallery: subscription, resource group (existing or new), name, region, description, tags. Offers only
 * the subscriptions and resource groups where the user may create one (`creatable`, at least one); the others are
 * listed apart with the reason.
 */
export function GalleryCreateForm({
  initialSubscriptionId = "",
  creatable,
  unavailable,
}: {
  initialSubscriptionId?: string;
  creatable: readonly CreatableSubscription[];
  unavailable: readonly UnavailableSubscription[];
}) {
  const arm = useArm();
  const router = useRouter();
  const usageRef = useRef<UsageIndex | undefined>(undefined);
  const schema = useMemo(
    () => makeGalleryCreateSchema({ galleriesIn: (s, l) => usageRef.current?.at(s, l).usages.galleries.used }),
    [],
  );
  const form = useForm<GalleryCreateValues, unknown, GalleryCreateOutput>({
    resolver: zodResolver(schema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: {
      subscriptionId: creatable.some((c) => c.subscription.subscriptionId === initialSubscriptionId)
        ? initialSubscriptionId
        : "",
      resourceGroupMode: "existing",
      resourceGroupName: "",
      name: "",
      location: "",
      description: "",
      tags: [],
      softDeleteEnabled: false,
    },
  });
  const subscriptionId = form.watch("subscriptionId");
  const mode = form.watch("resourceGroupMode");
  const location = form.watch("location");
  const access = creatable.find((c) => c.subscription.subscriptionId === subscriptionId)?.access;
  const newGroup = access?.newResourceGroup;
  // A subscription chosen later may not allow what the mode says: a new group where none may be created, or an
  // existing one where no existing group allows galleries/write.
  useEffect(() => {
    if (!access) return;
    if (mode === "new" && !access.newResourceGroup.allowed) form.setValue("resourceGroupMode", "existing");
    if (mode === "existing" && access.resourceGroups.length === 0 && access.newResourceGroup.allowed)
      form.setValue("resourceGroupMode", "new");
  }, [access, mode, form]);
  const locations = useQuery(locationQueries.list(arm, subscriptionId));
  const usage = useQuery(usageQueries.bySubscriptions(arm, subscriptionId ? [subscriptionId] : []));
  usageRef.current = usage.data;

  const { operation, refusal, setRefusal, submit } = useSubmission((error) =>
    placeServerError(form, error, FIELDS, { galleryName: "name", location: "location" }),
  );
  async function onSubmit(values: GalleryCreateOutput) {
    setRefusal(undefined);
    const path = {
      subscriptionId: values.subscriptionId,
      resourceGroupName: values.resourceGroupName,
      galleryName: values.name,
    };
    if (values.resourceGroupMode === "new") {
      try {
        await createResourceGroup(arm, values.subscriptionId, values.resourceGroupName, values.location);
      } catch (caught) {
        const error = toAzureError(caught);
        if (!placeServerError(form, error, FIELDS, { resourceGroupName: "resourceGroupName", location: "location" }))
          setRefusal(error);
        return;
      }
    }
    await submit(
      `Creating gallery ${values.name}`,
      () =>
        createGallery(arm, path, {
          location: values.location,
          description: values.description,
          tags: values.tags,
          softDeleteEnabled: values.softDeleteEnabled,
        }),
      () => router.push(pageHref(galleryIdOf(path))),
    );
  }

  return (
    <>
      <FormProvider {...form}>
        <form
          noValidate
          onSubmit={form.handleSubmit(onSubmit)}
          className="mt-4 grid gap-4 lg:grid-cols-[1fr_20rem]"
          aria-label="Create gallery"
        >
          <div className="grid gap-4">
            <Group legend="Project details" description="Where the gallery lives and who pays for it.">
              <SelectField
                name="subscriptionId"
                label="Subscription"
                required
                placeholder="Choose a subscription"
                hint={
                  unavailable.length > 0
                    ? "Only the subscriptions where you may create a gallery; the others are listed below with the reason."
                    : undefined
                }
                choices={creatable.map(({ subscription: s }) => ({
                  value: s.subscriptionId,
                  label: visibleText(s.displayName),
                }))}
              />
              <div className="flex flex-col gap-2">
                <SelectField
                  name="resourceGroupMode"
                  label="Resource group"
                  hint={
                    newGroup && !newGroup.allowed
                      ? `A new resource group is not available: ${newGroup.reason}`
                      : undefined
                  }
                  choices={[
                    { value: "existing", label: "Use an existing resource group" },
                    {
                      value: "new",
                      label:
                        newGroup && !newGroup.allowed
                          ? "Create a new resource group (not available)"
                          : "Create a new resource group",
                      disabled: newGroup ? !newGroup.allowed : false,
                    },
                  ]}
                />
                {mode === "existing" ? (
                  <SelectField
                    name="resourceGroupName"
                    label="Existing resource group"
                    required
                    hint="Only the resource groups where your role assignments allow creating a gallery."
                    placeholder={
                      !subscriptionId
                        ? "Choose a subscription first"
                        : access?.resourceGroups.length === 0
                          ? "None where you may create a gallery"
                          : "Choose a resource group"
                    }
                    choices={(access?.resourceGroups ?? []).map((g) => ({
                      value: g.name,
                      label: `${g.name} (${g.location})`,
                    }))}
                  />
                ) : (
                  <TextField
                    name="resourceGroupName"
                    label="New resource group name"
                    required
                    hint={`Created in the gallery's region. ${RESOURCE_GROUP_NAME_HINT}`}
                  />
                )}
              </div>
            </Group>
            <UnavailableSubscriptions items={unavailable} title="Subscriptions not available for a new gallery" />
            <Group legend="Gallery details">
              <TextField name="name" label="Name" required hint={`Unique in the subscription. ${GALLERY_NAME_HINT}`} />
              <SelectField
                name="location"
                label="Region"
                required
                hint="Image definitions and versions of this gallery are created in this region (their source region)."
                placeholder={
                  !subscriptionId ? "Choose a subscription first" : locations.isPending ? "Loading…" : "Choose a region"
                }
                choices={(locations.data ?? []).map((l) => ({ value: l.name, label: l.displayName }))}
              />
              <div className="sm:col-span-2">
                <TextAreaField name="description" label="Description" />
              </div>
              <div className="sm:col-span-2">
                <SoftDeleteField />
              </div>
            </Group>
            <TagsEditor />
            <FormFooter
              refusal={refusal}
              refusalTitle="The gallery could not be created"
              state={operation.state}
              submitLabel="Create gallery"
              cancel="/"
            />
          </div>
          <aside>
            <LimitUsagePanel subscriptionId={subscriptionId} location={location} kinds={["galleries"]} />
          </aside>
        </form>
      </FormProvider>
    </>
  );
}
