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
  CheckboxField,
  Group,
  ReadOnlyField,
  SelectField,
  TagsEditor,
  TextAreaField,
  TextField,
} from "@/components/publish/fields";
import { EdgeZonesEditor } from "@/components/publish/EdgeZonesEditor";
import { LatestAndEndOfLifeFields, ReplicationDefaultsGroup } from "@/components/publish/PublishingProfileFields";
import { TargetRegionsEditor } from "@/components/publish/TargetRegionsEditor";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactHref, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { OS_TYPES } from "@/lib/gallery/imageValues";
import {
  SCRIPT_PARAMETER_TYPES,
  type GalleryScriptProperties,
  type GalleryScriptVersionProperties,
} from "@/lib/gallery/galleryScript";
import { suggestNextVersionName } from "@/lib/gallery/names";
import { tagRowsOf } from "@/lib/publish/formRules";
import {
  EMPTY_SCRIPT,
  EMPTY_SCRIPT_PARAMETER,
  emptyScriptVersion,
  makeGalleryScriptSchema,
  makeGalleryScriptVersionSchema,
  scriptValuesOf,
  scriptVersionValuesOf,
  type GalleryScriptOutput,
  type GalleryScriptValues,
  type GalleryScriptVersionOutput,
  type GalleryScriptVersionValues,
} from "@/lib/publish/galleryArtifactForms";
import { galleryQueries } from "@/lib/queries/galleries";
import { putGalleryScript, putGalleryScriptVersion, scriptQueries } from "@/lib/queries/galleryScripts";

const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** Create a gallery script, or edit one (`stored`): every property of GalleryScriptProperties. */
export function ScriptForm({
  gallery,
  stored,
}: {
  gallery: GalleryPath;
  stored?: { name: string; location: string; properties: GalleryScriptProperties; tags?: Record<string, string> };
}) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(gallery.subscriptionId);
  const galleryData = useQuery(galleryQueries.detail(arm, galleryIdOf(gallery)));
  const location = stored?.location ?? galleryData.data?.location ?? "";
  const schema = useMemo(
    () => makeGalleryScriptSchema({ now: () => new Date(), ...(stored ? { stored: stored.properties } : {}) }),
    [stored],
  );
  const form = useForm<GalleryScriptValues, unknown, GalleryScriptOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: stored ? scriptValuesOf(stored.name, stored.properties, tagRowsOf(stored.tags)) : EMPTY_SCRIPT,
  });
  const submission = useArtifactSubmit(form, { galleryScriptName: "name" });
  const editing = stored !== undefined;
  const title = editing ? `Edit gallery script ${stored.name}` : "Create gallery script";

  async function onSubmit(values: GalleryScriptOutput) {
    const path: GalleryArtifactPath = { ...gallery, collection: "scripts", artifactName: values.name };
    await submission.submit(`${editing ? "Updating" : "Creating"} gallery script ${values.name}`, path, () =>
      putGalleryScript(arm, path, {
        location,
        properties: values.properties as GalleryScriptProperties,
        tags: values.tags,
      }),
    );
  }

  const busy = submission.busy || !location;
  const scriptPath: GalleryArtifactPath | undefined = stored && {
    ...gallery,
    collection: "scripts",
    artifactName: stored.name,
  };
  return (
    <ArtifactFormFrame
      crumbs={[
        ...(scriptPath ? artifactCrumbs(scriptPath, subscriptionName) : armCrumbs(gallery, subscriptionName)),
        { label: editing ? "Edit" : "Create gallery script" },
      ]}
      kind="Gallery script"
      title={title}
      subtitle={`In gallery ${gallery.galleryName}`}
      form={form}
      onSubmit={onSubmit}
      submission={submission}
      noun="gallery script"
      editing={editing}
      busy={busy}
      cancelHref={scriptPath ? galleryArtifactHref(scriptPath) : pageHref(galleryIdOf(gallery))}
      before={galleryData.isError && <ErrorPanel error={galleryData.error} title="The gallery could not be read" />}
    >
      <Group legend="Basics">
        <ArtifactNameAndRegion noun="Script" storedName={editing ? stored.name : undefined} location={location} />
        <SelectField
          name="properties.supportedOSType"
          label="Supported OS type"
          required
          placeholder="Choose an OS type"
          hint="The OS the script runs on. Fixed after creation."
          choices={choices(OS_TYPES)}
        />
        <TextField name="properties.endOfLifeDate" label="End-of-life date" type="date" hint="Must be in the future." />
      </Group>
      <Group legend="Publishing information">
        <TextAreaField name="properties.description" label="Description" />
        <TextAreaField name="properties.eula" label="EULA" />
        <TextField name="properties.privacyStatementUri" label="Privacy statement URI" type="url" />
        <TextField name="properties.releaseNoteUri" label="Release notes URI" type="url" />
      </Group>
      <TagsEditor />
    </ArtifactFormFrame>
  );
}

/** The script's parameters: name, type and the typed bounds, default and values the type allows. */
function ParametersEditor() {
  const { watch } = useFormContext<GalleryScriptVersionValues>();
  const name = "properties.publishingProfile.source.parameters" as const;
  const { fields, append, remove } = useFieldArray<GalleryScriptVersionValues, typeof name>({ name });
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Parameters</legend>
      <p className="mb-3 text-xs text-slate-600">
        What the script takes when it runs. Int and Double take minimum and maximum values; Enum lists its values,
        comma-separated; a default must fit the type.
      </p>
      <ol className="space-y-4">
        {fields.map((field, index) => {
          const type = watch(`${name}.${index}.type`);
          const at = `${name}.${index}`;
          return (
            <li key={field.id} className="rounded border border-slate-200 p-3">
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField name={`${at}.name`} label={`Parameter ${index + 1} name`} required />
                <SelectField
                  name={`${at}.type`}
                  label={`Parameter ${index + 1} type`}
                  choices={choices(SCRIPT_PARAMETER_TYPES)}
                />
                <TextField name={`${at}.defaultValue`} label={`Parameter ${index + 1} default value`} />
                {(type === "Int" || type === "Double") && (
                  <>
                    <TextField name={`${at}.minValue`} label={`Parameter ${index + 1} minimum value`} />
                    <TextField name={`${at}.maxValue`} label={`Parameter ${index + 1} maximum value`} />
                  </>
                )}
                {type === "Enum" && (
                  <TextField
                    name={`${at}.enumValues`}
                    label={`Parameter ${index + 1} values`}
                    hint="Comma-separated."
                  />
                )}
                <TextField name={`${at}.description`} label={`Parameter ${index + 1} description`} />
                <CheckboxField name={`${at}.required`} label={`Parameter ${index + 1} is required`} />
              </div>
              <button
                type="button"
                className={`${buttonClass.secondary} mt-2`}
                onClick={() => remove(index)}
                aria-label={`Remove parameter ${index + 1}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={`${buttonClass.secondary} mt-3`}
        onClick={() => append({ ...EMPTY_SCRIPT_PARAMETER })}
      >
        Add parameter
      </button>
    </fieldset>
  );
}

type StoredScriptVersion = {
  name: string;
  location: string;
  properties: GalleryScriptVersionProperties;
  tags?: Record<string, string>;
};

/** Create a script version, or edit one (`stored`): source, parameters, replication and safety. */
export function ScriptVersionForm({ script, stored }: { script: GalleryArtifactPath; stored?: StoredScriptVersion }) {
  const arm = useArm();
  const gallery = useQuery({ ...galleryQueries.detail(arm, galleryIdOf(script)), enabled: !stored });
  const versions = useQuery({
    ...scriptQueries.versions(arm, `${galleryIdOf(script)}/scripts/${script.artifactName}`),
    enabled: !stored,
  });
  if (stored)
    return <ScriptVersionFormLoaded script={script} stored={stored} location={stored.location} existing={[]} />;
  if (gallery.isError) return <ErrorPanel error={gallery.error} title="The gallery could not be read" />;
  if (versions.isError) return <ErrorPanel error={versions.error} title="The script's versions could not be listed" />;
  if (!gallery.data?.location || !versions.data) return <Spinner label="Reading the gallery and its versions…" />;
  return (
    <ScriptVersionFormLoaded
      script={script}
      location={gallery.data.location}
      existing={versions.data.map((v) => v.name ?? "")}
    />
  );
}

function ScriptVersionFormLoaded({
  script,
  stored,
  location,
  existing,
}: {
  script: GalleryArtifactPath;
  stored?: StoredScriptVersion;
  location: string;
  existing: string[];
}) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(script.subscriptionId);
  const scriptId = galleryArtifactHref(script);
  const schema = useMemo(
    () => makeGalleryScriptVersionSchema({ now: () => new Date(), existingVersionNames: existing, location }),
    [existing, location],
  );
  const form = useForm<GalleryScriptVersionValues, unknown, GalleryScriptVersionOutput>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: stored
      ? scriptVersionValuesOf(stored.name, stored.properties, tagRowsOf(stored.tags))
      : emptyScriptVersion(location, suggestNextVersionName(existing) ?? ""),
  });
  const submission = useArtifactSubmit(form, { galleryScriptVersionName: "name" });
  const editing = stored !== undefined;
  const title = editing ? `Edit script version ${stored.name}` : "Create script version";

  async function onSubmit(values: GalleryScriptVersionOutput) {
    const path = { ...script, versionName: values.name };
    await submission.submit(
      `${editing ? "Updating" : "Creating"} script version ${values.name}`,
      path,
      () =>
        putGalleryScriptVersion(arm, path, {
          location,
          properties: values.properties as GalleryScriptVersionProperties,
          tags: values.tags,
        }),
      { untilAccepted: true },
    );
  }

  const busy = submission.busy || !location;
  return (
    <ArtifactFormFrame
      crumbs={[
        ...artifactCrumbs({ ...script, ...(stored ? { versionName: stored.name } : {}) }, subscriptionName),
        { label: editing ? "Edit" : "Create version" },
      ]}
      kind="Script version"
      title={title}
      subtitle={`Of gallery script ${script.artifactName}`}
      form={form}
      onSubmit={onSubmit}
      submission={submission}
      noun="script version"
      editing={editing}
      busy={busy}
      cancelHref={stored ? galleryArtifactHref({ ...script, versionName: stored.name }) : scriptId}
    >
      <Group legend="Version">
        {editing ? (
          <ReadOnlyField label="Version name" value={stored.name} reason="The version number is part of its id." />
        ) : (
          <TextField name="name" label="Version name" required hint="Major.Minor.Patch, e.g. 1.0.0." />
        )}
        <TextField
          name="properties.publishingProfile.source.scriptLink"
          label="Script link"
          type="url"
          required
          hint="The https URI of the script's blob (a SAS token is used to read it and not stored)."
        />
      </Group>
      <ParametersEditor />
      <TargetRegionsEditor sourceRegion={location} />
      <EdgeZonesEditor />
      <ReplicationDefaultsGroup location={location} storageStrategy />
      <Group legend="Lifecycle and safety">
        <LatestAndEndOfLifeFields deployedAs="run" endOfLifeHint="Must be in the future when set or changed." />
        <CheckboxField
          name="properties.safetyProfile.allowDeletionOfReplicatedLocations"
          label="Allow removing regions that hold replicas"
          hint="Without it the service refuses an update that drops a replicated region."
        />
      </Group>
      <TagsEditor />
    </ArtifactFormFrame>
  );
}
