"use client";

import type { GalleryApplication } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { CustomActionsEditor } from "@/components/applications/CustomActionsEditor";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { Group, ReadOnlyField, SelectField, TagsEditor, TextField } from "@/components/publish/fields";
import { placeServerError } from "@/components/publish/serverErrors";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { dateOnly } from "@/lib/gallery/isoDate";
import { applicationIdOf, galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { SUPPORTED_OS_TYPES } from "@/lib/gallery/galleryApplication";
import { ENTITY_NAME_HINT } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import {
  customActionRowsOf,
  makeApplicationSchema,
  type ApplicationOutput,
  type ApplicationValues,
} from "@/lib/publish/applicationForm";
import { tagRowsOf } from "@/lib/publish/formRules";
import { galleryQueries } from "@/lib/queries/galleries";
import { applicationQueries, putApplication, type ApplicationPath } from "@/lib/queries/galleryApplications";

const FIELDS = ["name", "properties", "tags"] as const;
const ALIASES = { galleryApplicationName: "name" };

function valuesOf(application: GalleryApplication | undefined): ApplicationValues {
  return {
    name: application?.name ?? "",
    properties: {
      supportedOSType: application?.supportedOSType ?? "",
      description: application?.description ?? "",
      eula: application?.eula ?? "",
      privacyStatementUri: application?.privacyStatementUri ?? "",
      releaseNoteUri: application?.releaseNoteUri ?? "",
      endOfLifeDate: dateOnly(application?.endOfLifeDate),
      customActions: customActionRowsOf(application?.customActions),
    },
    tags: tagRowsOf(application?.tags),
  };
}

/** Create a VM application in a gallery: loads the gallery (its region) and the names already taken. */
export function ApplicationCreateForm({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const galleryId = galleryIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const gallery = useQuery(galleryQueries.detail(arm, galleryId));
  const applications = useQuery(applicationQueries.list(arm, galleryId));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Create VM application" }]} />
      <PageHeader kind="VM application" title="Create VM application" subtitle={`In ${path.galleryName}`} />
      {gallery.isError && <ErrorPanel error={gallery.error} title="The gallery could not be read" />}
      {applications.isError && <ErrorPanel error={applications.error} title="The applications could not be listed" />}
      {gallery.data && applications.data ? (
        <ApplicationFormBody
          path={path}
          location={gallery.data.location}
          existingNames={applications.data.map((application) => application.name ?? "")}
        />
      ) : (
        !gallery.isError && !applications.isError && <Spinner label="Loading the gallery…" />
      )}
    </>
  );
}

/** Edit a VM application: every property but its name and supported OS, which are fixed at creation. */
export function ApplicationEditForm({ path }: { path: ApplicationPath }) {
  const arm = useArm();
  const id = applicationIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const application = useQuery(applicationQueries.detail(arm, id));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Edit" }]} />
      <PageHeader kind="VM application" title={`Edit ${path.applicationName}`} subtitle={`In ${path.galleryName}`} />
      {application.isError && <ErrorPanel error={application.error} title="The application could not be read" />}
      {application.data ? (
        <ApplicationFormBody path={path} location={application.data.location} stored={application.data} />
      ) : (
        !application.isError && <Spinner label="Loading the application…" />
      )}
    </>
  );
}

function ApplicationFormBody({
  path,
  location,
  existingNames,
  stored,
}: {
  path: GalleryPath & { applicationName?: string };
  location: string;
  /** Create only. */
  existingNames?: string[];
  /** Update only. */
  stored?: GalleryApplication;
}) {
  const arm = useArm();
  const router = useRouter();
  const creating = stored === undefined;
  const initial = useMemo(() => valuesOf(stored), [stored]);
  const schema = useMemo(
    () =>
      makeApplicationSchema({
        now: () => new Date(),
        galleryName: path.galleryName,
        ...(existingNames ? { existingNames } : {}),
        ...(stored ? { storedEndOfLife: initial.properties.endOfLifeDate } : {}),
      }),
    [path.galleryName, existingNames, stored, initial],
  );
  const form = useForm<ApplicationValues, unknown, ApplicationOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: initial,
  });

  const { operation, refusal, submit } = useSubmission((error) => placeServerError(form, error, FIELDS, ALIASES));
  async function onSubmit(values: ApplicationOutput) {
    const target: ApplicationPath = { ...path, applicationName: creating ? values.name : path.applicationName! };
    await submit(
      creating
        ? `Creating VM application ${target.applicationName}`
        : `Updating VM application ${target.applicationName}`,
      // A PUT either way: the form holds every property, so a field emptied here is emptied in Azure too.
      () => putApplication(arm, target, { location, properties: values.properties, tags: values.tags }),
      () => router.push(pageHref(applicationIdOf(target))),
      { resourceId: applicationIdOf(target) },
    );
  }

  const verb = creating ? "Create VM application" : "Save changes";
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid max-w-4xl gap-4"
        aria-label={creating ? "Create VM application" : "Edit VM application"}
      >
        <Group legend="Application">
          {creating ? (
            <TextField name="name" label="Name" required hint={`${ENTITY_NAME_HINT} Unique in the gallery.`} />
          ) : (
            <ReadOnlyField label="Name" value={path.applicationName} reason="The name is part of the resource id." />
          )}
          {creating ? (
            <SelectField
              name="properties.supportedOSType"
              label="Supported OS"
              required
              placeholder="Choose Windows or Linux"
              choices={SUPPORTED_OS_TYPES.map((os) => ({ value: os, label: os }))}
              hint="Fixed once created: a Windows application installs only on Windows VMs."
            />
          ) : (
            <ReadOnlyField
              label="Supported OS"
              value={stored?.supportedOSType}
              reason="The service fixes the supported OS at creation."
            />
          )}
          <ReadOnlyField
            label="Region"
            value={regionDisplayName(location)}
            reason="An application lives in its gallery's region; its versions replicate to other regions."
          />
          <TextField name="properties.description" label="Description" />
        </Group>
        <Group legend="Terms and lifecycle" description="Shown to those who deploy the application.">
          <TextField name="properties.eula" label="EULA" hint="The license text, or a link to it." />
          <TextField name="properties.privacyStatementUri" label="Privacy statement URI" type="url" />
          <TextField name="properties.releaseNoteUri" label="Release notes URI" type="url" />
          <TextField
            name="properties.endOfLifeDate"
            label="End-of-life date"
            type="date"
            hint="Must be in the future when set or changed."
          />
        </Group>
        <CustomActionsEditor name="properties.customActions" />
        <TagsEditor />
        <FormFooter
          refusal={refusal}
          refusalTitle="The service refused the application"
          state={operation.state}
          submitLabel={verb}
          cancel={pageHref(
            creating ? galleryIdOf(path) : applicationIdOf({ ...path, applicationName: path.applicationName! }),
          )}
        />
      </form>
    </FormProvider>
  );
}
