"use client";

import type { GalleryApplication, GalleryApplicationVersion } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormErrorSummary, formErrorMessages } from "@/components/ui/FormErrorSummary";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import { LazyBlobPicker } from "@/components/applications/LazyApplicationParts";
import { CustomActionsEditor } from "@/components/applications/CustomActionsEditor";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { FormFooter } from "@/components/publish/FormFooter";
import {
  CheckboxField,
  Group,
  PairInput,
  ReadOnlyField,
  SelectField,
  TagsEditor,
  TextAreaField,
  TextField,
} from "@/components/publish/fields";
import { placeServerError } from "@/components/publish/serverErrors";
import { EdgeZonesEditor } from "@/components/publish/EdgeZonesEditor";
import { LatestAndEndOfLifeFields, ReplicationDefaultsGroup } from "@/components/publish/PublishingProfileFields";
import { TargetRegionsEditor } from "@/components/publish/TargetRegionsEditor";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { regionalStatuses } from "@/components/versions/domainAdapters";
import { applicationIdOf, applicationVersionIdOf, pageHref } from "@/lib/azure/routeParams";
import {
  MAX_MANAGE_ACTION_LENGTH,
  MAX_SETTINGS_FILE_NAME_LENGTH,
  manageActionHints,
  SCRIPT_BEHAVIORS_AFTER_REBOOT,
  type ManageAction,
} from "@/lib/gallery/galleryApplicationVersion";
import { highestVersionName, suggestNextVersionName } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import {
  applicationVersionValuesOf,
  makeApplicationVersionSchema,
  type ApplicationVersionOutput,
  type ApplicationVersionValues,
} from "@/lib/publish/applicationVersionForm";
import {
  applicationQueries,
  applicationVersionQueries,
  putApplicationVersion,
  type ApplicationPath,
  type ApplicationVersionPath,
} from "@/lib/queries/galleryApplications";
import { isListComplete } from "@/lib/queries/versionLists";

const FIELDS = ["name", "properties", "tags"] as const;
const ALIASES = { galleryApplicationVersionName: "name" };
const PROFILE = "properties.publishingProfile";

/** Create a version of a VM application: loads the application (OS, region) and its versions, then the form. */
export function ApplicationVersionCreateForm({ path }: { path: ApplicationPath }) {
  const arm = useArm();
  const id = applicationIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const application = useQuery(applicationQueries.detail(arm, id));
  const versions = useQuery(applicationVersionQueries.list(arm, id));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Create application version" }]} />
      <PageHeader
        kind="Application version"
        title="Create application version"
        subtitle={`Of ${path.applicationName} in ${path.galleryName}`}
      />
      {application.isError && <ErrorPanel error={application.error} title="The application could not be read" />}
      {versions.isError && <ErrorPanel error={versions.error} title="The versions could not be listed" />}
      {application.data && versions.data && isListComplete(versions) ? (
        <VersionFormBody
          path={path}
          application={application.data}
          existing={versions.data.map((version) => version.name ?? "")}
        />
      ) : (
        !application.isError && !versions.isError && <Spinner label="Loading the application…" />
      )}
    </>
  );
}

/** Edit a version: every property again (a PUT), the name and region fixed. */
export function ApplicationVersionEditForm({ path }: { path: ApplicationVersionPath }) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const application = useQuery(applicationQueries.detail(arm, applicationIdOf(path)));
  const version = useQuery(applicationVersionQueries.detail(arm, applicationVersionIdOf(path)));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Edit" }]} />
      <PageHeader
        kind="Application version"
        title={`Edit ${path.versionName}`}
        subtitle={`Of ${path.applicationName} in ${path.galleryName}`}
      />
      {application.isError && <ErrorPanel error={application.error} title="The application could not be read" />}
      {version.isError && <ErrorPanel error={version.error} title="The version could not be read" />}
      {application.data && version.data ? (
        <VersionFormBody path={path} application={application.data} stored={version.data} />
      ) : (
        !application.isError && !version.isError && <Spinner label="Loading the version…" />
      )}
    </>
  );
}

/** Regions whose replication started and did not fail: removing one deletes replicas. */
function replicatedRegionsOf(version: GalleryApplicationVersion): string[] {
  return regionalStatuses(version)
    .filter((status) => status.state === "Completed" || status.state === "Replicating")
    .map((status) => status.region);
}

function VersionFormBody({
  path,
  application,
  existing,
  stored,
}: {
  path: ApplicationPath & { versionName?: string };
  application: GalleryApplication;
  /** Create only: the version names already taken. */
  existing?: string[];
  /** Update only. */
  stored?: GalleryApplicationVersion;
}) {
  const arm = useArm();
  const router = useRouter();
  const [invalid, setInvalid] = useState<string[]>([]);
  const location = application.location;
  const creating = stored === undefined;
  const suggested = existing ? (suggestNextVersionName(existing) ?? "") : "";
  const initial = useMemo(() => applicationVersionValuesOf(stored, location, suggested), [stored, location, suggested]);
  const replicated = useMemo(() => (stored ? replicatedRegionsOf(stored) : undefined), [stored]);
  const schema = useMemo(
    () =>
      makeApplicationVersionSchema({
        location,
        now: () => new Date(),
        ...(existing ? { existingVersionNames: existing } : {}),
        ...(replicated ? { replicatedRegions: replicated } : {}),
        ...(stored ? { storedEndOfLife: initial.properties.publishingProfile.endOfLifeDate } : {}),
      }),
    [location, existing, replicated, stored, initial],
  );
  const form = useForm<ApplicationVersionValues, unknown, ApplicationVersionOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: initial,
  });

  const { operation, refusal, submit } = useSubmission((error) => placeServerError(form, error, FIELDS, ALIASES));
  async function onSubmit(values: ApplicationVersionOutput) {
    const target: ApplicationVersionPath = { ...path, versionName: creating ? values.name : path.versionName! };
    await submit(
      `${creating ? "Creating" : "Updating"} application version ${target.versionName}`,
      () => putApplicationVersion(arm, target, { location, properties: values.properties, tags: values.tags }),
      () => router.push(pageHref(applicationVersionIdOf(target))),
      // Replication can take long: the version page follows it region by region.
      { untilAccepted: true, resourceId: applicationVersionIdOf(target) },
    );
  }

  const highest = existing ? highestVersionName(existing) : undefined;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(
          (values) => {
            setInvalid([]);
            return onSubmit(values);
          },
          (errors) => setInvalid(formErrorMessages(errors)),
        )}
        className="mt-4 grid max-w-5xl gap-4"
        aria-label={creating ? "Create application version" : "Edit application version"}
      >
        <Group legend="Version">
          {creating ? (
            <TextField
              name="name"
              label="Version number"
              required
              hint={`Major.Minor.Patch, three whole numbers. ${highest ? `The highest so far is ${highest}; suggested: ${suggested}.` : "The first version: suggested 1.0.0."}`}
            />
          ) : (
            <ReadOnlyField
              label="Version number"
              value={path.versionName}
              reason="The name is part of the resource id."
            />
          )}
          <ReadOnlyField
            label="Source region"
            value={regionDisplayName(location)}
            reason="A version is created in its gallery's region; that region is always one of its target regions."
          />
        </Group>
        <PackageGroup subscriptionId={path.subscriptionId} />
        <CommandsGroup osType={application.supportedOSType} applicationName={path.applicationName} />
        <Group legend="Behaviour on the VM">
          <SelectField
            name={`${PROFILE}.settings.scriptBehaviorAfterReboot`}
            label="After a reboot"
            placeholder="Default (None)"
            choices={SCRIPT_BEHAVIORS_AFTER_REBOOT.map((value) => ({ value, label: value }))}
            hint="Rerun: an install, update or remove that a reboot interrupted runs again."
          />
          <CheckboxField
            name={`${PROFILE}.enableHealthCheck`}
            label="The application reports its health"
            hint="The VM's application health then reflects what the application reports."
          />
          <AdvancedSettingsEditor />
        </Group>
        <CustomActionsEditor name={`${PROFILE}.customActions`} />
        <TargetRegionsEditor sourceRegion={location} {...(replicated ? { replicatedRegions: replicated } : {})} />
        <EdgeZonesEditor />
        <ReplicationDefaultsGroup location={location} />
        <Group legend="Lifecycle and safety">
          <LatestAndEndOfLifeFields deployedAs="installed" endOfLifeHint="Must be in the future when set or changed." />
          <CheckboxField
            name="properties.safetyProfile.allowDeletionOfReplicatedLocations"
            label="Allow removing regions that hold replicas"
            hint="Without it, the service refuses an update that drops a replicated region."
          />
        </Group>
        <TagsEditor />
        <FormErrorSummary messages={invalid} />
        <FormFooter
          refusal={refusal}
          refusalTitle="The service refused the application version"
          state={operation.state}
          submitLabel={creating ? "Create application version" : "Save changes"}
          cancel={pageHref(applicationIdOf(path))}
        />
      </form>
    </FormProvider>
  );
}

function PackageGroup({ subscriptionId }: { subscriptionId: string }) {
  return (
    <Group
      legend="Package and configuration"
      description="Blobs Azure downloads when it replicates the version: https URLs, with a SAS token for a private blob."
    >
      <TextField name={`${PROFILE}.source.mediaLink`} label="Package blob URL" type="url" required />
      <TextField
        name={`${PROFILE}.source.defaultConfigurationLink`}
        label="Default configuration blob URL"
        type="url"
      />
      <LazyBlobPicker name={`${PROFILE}.source.mediaLink`} label="package" subscriptionId={subscriptionId} />
      <LazyBlobPicker
        name={`${PROFILE}.source.defaultConfigurationLink`}
        label="configuration"
        subscriptionId={subscriptionId}
      />
      <LimitedText
        name={`${PROFILE}.settings.packageFileName`}
        label="Package file name on the VM"
        limit={MAX_SETTINGS_FILE_NAME_LENGTH}
        hint="When empty, the package is saved under the application's name, without an extension."
      />
      <LimitedText
        name={`${PROFILE}.settings.configFileName`}
        label="Configuration file name on the VM"
        limit={MAX_SETTINGS_FILE_NAME_LENGTH}
        hint="When empty, the application's name followed by _config."
      />
    </Group>
  );
}

/** A text field with the service's length limit counted as the user types. */
function LimitedText({ name, label, limit, hint }: { name: string; label: string; limit: number; hint: string }) {
  const length = String(useFormContext().watch(name) ?? "").length;
  return (
    <TextField
      name={name}
      label={label}
      hint={
        <>
          {hint} <span className={length > limit ? "font-semibold text-red-800" : ""}>{`${length} / ${limit}`}</span>
        </>
      }
    />
  );
}

const COMMAND_LABELS: Record<ManageAction, string> = {
  install: "Install command",
  remove: "Remove command",
  update: "Update command",
};

function CommandsGroup({ osType, applicationName }: { osType: string | undefined; applicationName: string }) {
  const { watch } = useFormContext();
  const packageFileName = watch(`${PROFILE}.settings.packageFileName`) as string | undefined;
  const hints = manageActionHints(osType, { application: applicationName, packageFileName });
  return (
    <Group legend={`Commands (${osType ?? "any OS"})`} description={hints.where}>
      {(Object.keys(COMMAND_LABELS) as ManageAction[]).map((action) => (
        <CommandField key={action} action={action} hint={hints[action]} />
      ))}
    </Group>
  );
}

function CommandField({ action, hint }: { action: ManageAction; hint: string }) {
  const name = `${PROFILE}.manageActions.${action}`;
  const length = String(useFormContext().watch(name) ?? "").length;
  return (
    <TextAreaField
      name={name}
      label={COMMAND_LABELS[action]}
      required={action !== "update"}
      hint={
        <>
          <code className="font-mono">{hint}</code>{" "}
          <span className={length > MAX_MANAGE_ACTION_LENGTH ? "font-semibold text-red-800" : ""}>
            {`${length} / ${MAX_MANAGE_ACTION_LENGTH} characters`}
          </span>
        </>
      }
    />
  );
}

function AdvancedSettingsEditor() {
  const name = `${PROFILE}.advancedSettings`;
  const { register } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <div className="sm:col-span-2">
      <p className="text-sm font-medium text-slate-800">Advanced settings</p>
      <p className="text-xs text-slate-600">
        Name/value pairs for the VM application extension; for advanced use only.
      </p>
      <ul className="mt-2 space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <PairInput name={`${name}.${index}.key`} label={`Setting ${index + 1} name`} register={register} />
            <PairInput name={`${name}.${index}.value`} label={`Setting ${index + 1} value`} register={register} />
            <button
              type="button"
              className={`${buttonClass.secondary} mt-6`}
              onClick={() => remove(index)}
              aria-label={`Remove setting ${index + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={() => append({ key: "", value: "" })}>
        Add advanced setting
      </button>
    </div>
  );
}
