"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useFieldArray, useForm, useFormContext } from "react-hook-form";
import {
  ArtifactFormFrame,
  ArtifactNameAndRegion,
  useArtifactSubmit,
} from "@/components/galleryArtifacts/ArtifactFormFrame";
import { artifactCrumbs } from "@/components/galleryArtifacts/artifactCrumbs";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import {
  AddRowButton,
  CheckboxField,
  FieldMessage,
  Group,
  PairInput,
  ReadOnlyField,
  RemoveRowButton,
  SelectField,
  TagsEditor,
  TextAreaField,
  TextField,
  useFieldError,
} from "@/components/publish/fields";
import { TargetRegionsEditor } from "@/components/publish/TargetRegionsEditor";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactHref, galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { OS_TYPES } from "@/lib/gallery/imageValues";
import {
  ACCESS_CONTROL_MODES,
  ENDPOINT_ACCESS,
  HOST_ENDPOINTS,
  type InVMAccessControlProfileProperties,
  type InVMAccessControlProfileVersionProperties,
} from "@/lib/gallery/inVMAccessControl";
import { suggestNextVersionName } from "@/lib/gallery/names";
import { tagRowsOf } from "@/lib/publish/formRules";
import {
  EMPTY_PROFILE,
  emptyProfileVersion,
  makeAccessControlProfileSchema,
  makeAccessControlProfileVersionSchema,
  profileVersionValuesOf,
  type AccessControlProfileOutput,
  type AccessControlProfileValues,
  type AccessControlProfileVersionOutput,
  type AccessControlProfileVersionValues,
} from "@/lib/publish/galleryArtifactForms";
import { galleryQueries } from "@/lib/queries/galleries";
import {
  accessControlProfileQueries,
  putAccessControlProfile,
  putAccessControlProfileVersion,
} from "@/lib/queries/galleryInVMAccessControlProfiles";

const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

const MODE_HINTS: Record<string, string> = {
  Audit: "Requests the rules would deny are logged, not blocked.",
  Enforce: "Requests the rules deny are blocked.",
  Disabled: "The rules are not applied.",
};

type StoredProfile = {
  name: string;
  location: string;
  properties: InVMAccessControlProfileProperties;
  tags?: Record<string, string>;
};

/** Create an in-VM access control profile, or edit one (`stored`): OS type, host endpoint, description. */
export function ProfileForm({ gallery, stored }: { gallery: GalleryPath; stored?: StoredProfile }) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(gallery.subscriptionId);
  const galleryData = useQuery({ ...galleryQueries.detail(arm, galleryIdOf(gallery)), enabled: !stored });
  const location = stored?.location ?? galleryData.data?.location ?? "";
  const schema = useMemo(() => makeAccessControlProfileSchema(stored ? { stored: stored.properties } : {}), [stored]);
  const form = useForm<AccessControlProfileValues, unknown, AccessControlProfileOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: stored
      ? {
          name: stored.name,
          properties: {
            osType: stored.properties.osType,
            applicableHostEndpoint: stored.properties.applicableHostEndpoint,
            description: stored.properties.description ?? "",
          },
          tags: tagRowsOf(stored.tags),
        }
      : EMPTY_PROFILE,
  });
  const submission = useArtifactSubmit(form, { inVMAccessControlProfileName: "name" });
  const editing = stored !== undefined;
  const title = editing ? `Edit access control profile ${stored.name}` : "Create access control profile";
  const profilePath: GalleryArtifactPath | undefined = stored && {
    ...gallery,
    collection: "inVMAccessControlProfiles",
    artifactName: stored.name,
  };

  async function onSubmit(values: AccessControlProfileOutput) {
    const path: GalleryArtifactPath = {
      ...gallery,
      collection: "inVMAccessControlProfiles",
      artifactName: values.name,
    };
    await submission.submit(`${editing ? "Updating" : "Creating"} access control profile ${values.name}`, path, () =>
      putAccessControlProfile(arm, path, { location, properties: values.properties, tags: values.tags }),
    );
  }

  const busy = submission.busy || !location;
  return (
    <ArtifactFormFrame
      crumbs={[
        ...(profilePath ? artifactCrumbs(profilePath, subscriptionName) : armCrumbs(gallery, subscriptionName)),
        { label: editing ? "Edit" : "Create access control profile" },
      ]}
      kind="In-VM access control profile"
      title={title}
      subtitle={`In gallery ${gallery.galleryName}`}
      form={form}
      onSubmit={onSubmit}
      submission={submission}
      noun="access control profile"
      editing={editing}
      busy={busy}
      cancelHref={profilePath ? galleryArtifactHref(profilePath) : pageHref(galleryIdOf(gallery))}
      before={galleryData.isError && <ErrorPanel error={galleryData.error} title="The gallery could not be read" />}
    >
      <Group
        legend="Basics"
        description="The OS type and host endpoint say what the profile guards; both are fixed after creation."
      >
        <ArtifactNameAndRegion noun="Profile" storedName={editing ? stored.name : undefined} location={location} />
        <SelectField
          name="properties.osType"
          label="OS type"
          required
          placeholder="Choose an OS type"
          choices={choices(OS_TYPES)}
        />
        <SelectField
          name="properties.applicableHostEndpoint"
          label="Host endpoint"
          required
          placeholder="Choose an endpoint"
          hint="WireServer (168.63.129.16, the guest agent's channel) or IMDS (the instance metadata service)."
          choices={choices(HOST_ENDPOINTS)}
        />
        <TextAreaField name="properties.description" label="Description" />
      </Group>
      <TagsEditor />
    </ArtifactFormFrame>
  );
}

const RULES = "properties.rules";

function RowList({
  legend,
  description,
  name,
  addLabel,
  empty,
  children,
}: {
  legend: string;
  description: string;
  name: string;
  addLabel: string;
  empty: () => object;
  children: (index: number) => React.ReactNode;
}) {
  const { fields, append, remove } = useFieldArray({ name });
  const error = useFieldError(name);
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <p className="mb-2 text-xs text-slate-600">{description}</p>
      <ol className="space-y-3">
        {fields.map((field, index) => (
          <li key={field.id} className="rounded border border-slate-200 p-3">
            <div className="grid gap-3 sm:grid-cols-3">{children(index)}</div>
            <RemoveRowButton
              label={`Remove ${legend.toLowerCase().replace(/s$/, "")} ${index + 1}`}
              onClick={() => remove(index)}
              className="mt-2"
            />
          </li>
        ))}
      </ol>
      <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={() => append(empty())}>
        {addLabel}
      </button>
      <FieldMessage id={`${name}-error`} error={error} />
    </fieldset>
  );
}

function QueryParameters({ privilege }: { privilege: number }) {
  const { register } = useFormContext();
  const name = `${RULES}.privileges.${privilege}.queryParameters`;
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <div className="sm:col-span-3">
      <p className="text-xs font-medium text-slate-700">Query parameters of privilege {privilege + 1}</p>
      <ul className="mt-1 space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <PairInput
              name={`${name}.${index}.key`}
              label={`Privilege ${privilege + 1} query parameter ${index + 1} name`}
              register={register}
            />
            <PairInput
              name={`${name}.${index}.value`}
              label={`Privilege ${privilege + 1} query parameter ${index + 1} value`}
              register={register}
            />
            <RemoveRowButton
              label={`Remove query parameter ${index + 1} of privilege ${privilege + 1}`}
              onClick={() => remove(index)}
              className="mt-6"
            />
          </li>
        ))}
      </ul>
      <AddRowButton onClick={() => append({ key: "", value: "" })} className="mt-2">
        Add query parameter
      </AddRowButton>
    </div>
  );
}

/** Privileges (endpoint paths), roles (sets of privileges), identities (who), role assignments (who gets which role). */
function RulesEditor() {
  return (
    <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Rules</legend>
      <p className="text-xs text-slate-600">
        Roles refer to privileges, and role assignments to roles and identities, by name; every name must be defined
        here. Requests no rule allows get the default access.
      </p>
      <RowList
        legend="Privileges"
        description="An endpoint path (starting with /) and the query parameters a request must carry."
        name={`${RULES}.privileges`}
        addLabel="Add privilege"
        empty={() => ({ name: "", path: "", queryParameters: [] })}
      >
        {(i) => (
          <>
            <TextField name={`${RULES}.privileges.${i}.name`} label={`Privilege ${i + 1} name`} required />
            <TextField
              name={`${RULES}.privileges.${i}.path`}
              label={`Privilege ${i + 1} path`}
              required
              placeholder="/metadata/identity/oauth2/token"
            />
            <QueryParameters privilege={i} />
          </>
        )}
      </RowList>
      <RowList
        legend="Roles"
        description="A named set of privileges."
        name={`${RULES}.roles`}
        addLabel="Add role"
        empty={() => ({ name: "", privileges: "" })}
      >
        {(i) => (
          <>
            <TextField name={`${RULES}.roles.${i}.name`} label={`Role ${i + 1} name`} required />
            <TextField
              name={`${RULES}.roles.${i}.privileges`}
              label={`Role ${i + 1} privileges`}
              required
              hint="Privilege names, comma-separated."
            />
          </>
        )}
      </RowList>
      <RowList
        legend="Identities"
        description="Who a request comes from inside the VM: at least one of user, group, executable path or process name."
        name={`${RULES}.identities`}
        addLabel="Add identity"
        empty={() => ({ name: "", userName: "", groupName: "", exePath: "", processName: "" })}
      >
        {(i) => (
          <>
            <TextField name={`${RULES}.identities.${i}.name`} label={`Identity ${i + 1} name`} required />
            <TextField name={`${RULES}.identities.${i}.userName`} label={`Identity ${i + 1} user name`} />
            <TextField name={`${RULES}.identities.${i}.groupName`} label={`Identity ${i + 1} group name`} />
            <TextField name={`${RULES}.identities.${i}.exePath`} label={`Identity ${i + 1} executable path`} />
            <TextField name={`${RULES}.identities.${i}.processName`} label={`Identity ${i + 1} process name`} />
          </>
        )}
      </RowList>
      <RowList
        legend="Role assignments"
        description="Gives a role to identities."
        name={`${RULES}.roleAssignments`}
        addLabel="Add role assignment"
        empty={() => ({ role: "", identities: "" })}
      >
        {(i) => (
          <>
            <TextField name={`${RULES}.roleAssignments.${i}.role`} label={`Role assignment ${i + 1} role`} required />
            <TextField
              name={`${RULES}.roleAssignments.${i}.identities`}
              label={`Role assignment ${i + 1} identities`}
              required
              hint="Identity names, comma-separated."
            />
          </>
        )}
      </RowList>
    </fieldset>
  );
}

function ModeHint() {
  const { watch } = useFormContext<AccessControlProfileVersionValues>();
  const mode = watch("properties.mode");
  return (
    <p className="self-end text-xs text-slate-600" aria-live="polite">
      {MODE_HINTS[mode] ?? ""}
    </p>
  );
}

type StoredProfileVersion = {
  name: string;
  location: string;
  properties: InVMAccessControlProfileVersionProperties;
  tags?: Record<string, string>;
};

/** Create a profile version, or edit one (`stored`): mode, default access, rules, target locations. */
export function ProfileVersionForm({
  profile,
  stored,
}: {
  profile: GalleryArtifactPath;
  stored?: StoredProfileVersion;
}) {
  const arm = useArm();
  const gallery = useQuery({ ...galleryQueries.detail(arm, galleryIdOf(profile)), enabled: !stored });
  const versions = useQuery({
    ...accessControlProfileQueries.versions(arm, galleryArtifactId({ ...profile, versionName: undefined })),
    enabled: !stored,
  });
  if (stored)
    return <ProfileVersionFormLoaded profile={profile} stored={stored} location={stored.location} existing={[]} />;
  if (gallery.isError) return <ErrorPanel error={gallery.error} title="The gallery could not be read" />;
  if (versions.isError) return <ErrorPanel error={versions.error} title="The profile's versions could not be listed" />;
  if (!gallery.data?.location || !versions.data) return <Spinner label="Reading the gallery and its versions…" />;
  return (
    <ProfileVersionFormLoaded
      profile={profile}
      location={gallery.data.location}
      existing={versions.data.map((v) => v.name)}
    />
  );
}

function ProfileVersionFormLoaded({
  profile,
  stored,
  location,
  existing,
}: {
  profile: GalleryArtifactPath;
  stored?: StoredProfileVersion;
  location: string;
  existing: string[];
}) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(profile.subscriptionId);
  const schema = useMemo(
    () => makeAccessControlProfileVersionSchema({ existingVersionNames: existing, location, now: () => new Date() }),
    [existing, location],
  );
  const form = useForm<AccessControlProfileVersionValues, unknown, AccessControlProfileVersionOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: stored
      ? profileVersionValuesOf(stored.name, stored.properties, tagRowsOf(stored.tags))
      : emptyProfileVersion(location, suggestNextVersionName(existing) ?? ""),
  });
  const submission = useArtifactSubmit(form, { inVMAccessControlProfileVersionName: "name" });
  const editing = stored !== undefined;
  const title = editing ? `Edit profile version ${stored.name}` : "Create profile version";

  async function onSubmit(values: AccessControlProfileVersionOutput) {
    const path = { ...profile, versionName: values.name };
    await submission.submit(
      `${editing ? "Updating" : "Creating"} profile version ${values.name}`,
      path,
      () => putAccessControlProfileVersion(arm, path, { location, properties: values.properties, tags: values.tags }),
      { untilAccepted: true },
    );
  }

  const busy = submission.busy;
  return (
    <ArtifactFormFrame
      crumbs={[
        ...artifactCrumbs({ ...profile, ...(stored ? { versionName: stored.name } : {}) }, subscriptionName),
        { label: editing ? "Edit" : "Create version" },
      ]}
      kind="Profile version"
      title={title}
      subtitle={`Of access control profile ${profile.artifactName}`}
      form={form}
      onSubmit={onSubmit}
      submission={submission}
      noun="profile version"
      editing={editing}
      busy={busy}
      cancelHref={galleryArtifactHref({ ...profile, ...(stored ? { versionName: stored.name } : {}) })}
    >
      <Group legend="Version">
        {editing ? (
          <ReadOnlyField label="Version name" value={stored.name} reason="The version number is part of its id." />
        ) : (
          <TextField name="name" label="Version name" required hint="Major.Minor.Patch, e.g. 1.0.0." />
        )}
        <SelectField name="properties.mode" label="Mode" required choices={choices(ACCESS_CONTROL_MODES)} />
        <ModeHint />
        <SelectField
          name="properties.defaultAccess"
          label="Default access"
          required
          hint="What happens to a request no rule allows."
          choices={choices(ENDPOINT_ACCESS)}
        />
        <CheckboxField name="properties.excludeFromLatest" label="Exclude from latest" />
      </Group>
      <RulesEditor />
      <TargetRegionsEditor sourceRegion={location} name="properties.targetLocations" />
      <TagsEditor />
    </ArtifactFormFrame>
  );
}
