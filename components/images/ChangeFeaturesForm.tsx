"use client";

import type { GalleryImage } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { CheckboxField, FieldMessage, Group, SelectField, TextField, useFieldError } from "@/components/publish/fields";
import { useSubmission } from "@/components/publish/useSubmission";
import { Tag } from "@/components/ui/StateBadge";
import { imageIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import {
  FEATURE_LABELS,
  featureBehaviourAt,
  featureChangeImpact,
  featureValuesOf,
  type FeatureEffect,
} from "@/lib/gallery/features";
import type { ImageFeature } from "@/lib/gallery/galleryImage";
import {
  featureUpgradeBody,
  featureUpgradeDefaults,
  featureUpgradeSchema,
  requestedChanges,
  type FeatureUpgradeValues,
} from "@/lib/publish/featureUpgradeForm";
import { updateImageDefinition } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

type DefinitionPath = GalleryPath & { imageName: string };

const storedFeatures = (image: GalleryImage): ImageFeature[] =>
  (image.features ?? []).map((f) => ({
    name: f.name ?? "",
    value: f.value ?? "",
    ...(f.startsAtVersion ? { startsAtVersion: f.startsAtVersion } : {}),
  }));

/** "Change features": new values from a version on, and what each existing version gets, before saving. */
export function ChangeFeaturesForm({
  path,
  image,
  onDone,
  onCancel,
}: {
  path: DefinitionPath;
  image: GalleryImage;
  onDone: () => void;
  onCancel: () => void;
}) {
  const arm = useArm();
  const { operation, refusal, submit } = useSubmission();
  const stored = storedFeatures(image);
  const form = useForm<FeatureUpgradeValues>({
    resolver: zodResolver(featureUpgradeSchema),
    mode: "onChange",
    defaultValues: featureUpgradeDefaults(),
  });

  async function onSubmit(values: FeatureUpgradeValues) {
    await submit(
      `Changing the features of ${path.imageName}`,
      () =>
        updateImageDefinition(arm, path, { properties: featureUpgradeBody(stored, values), tags: image.tags ?? {} }),
      onDone,
    );
  }

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid gap-4"
        aria-label={`Change features of ${path.imageName}`}
      >
        <Group
          legend="New values"
          name="changes"
          description="Leave a feature at “Keep” to leave it as it is. Leave the start version empty to give every version the new value."
        >
          {featureUpgradeDefaults().changes.map((row, index) => (
            <div key={row.name} className="grid gap-2 sm:col-span-2 sm:grid-cols-2">
              <SelectField
                name={`changes.${index}.value`}
                label={`${FEATURE_LABELS[row.name]} (${row.name})`}
                placeholder={`Keep (${featureBehaviourAt(stored, row.name, undefined)})`}
                choices={featureValuesOf(row.name).map((value) => ({ value, label: value }))}
              />
              <TextField
                name={`changes.${index}.startsAtVersion`}
                label={`${row.name} starts at version`}
                placeholder="every version"
              />
            </div>
          ))}
        </Group>
        <CheckboxField
          name="allowUpdateImage"
          label="Allow the update of features (allowUpdateImage)"
          hint="Azure changes features only when the update says so: without it the service answers 409 PropertyChangeNotAllowed."
        />
        <VersionImpact path={path} stored={stored} />
        <FormFooter
          refusal={refusal}
          refusalTitle="The features could not be changed"
          state={operation.state}
          submitLabel="Save features"
          cancel={onCancel}
        />
      </form>
    </FormProvider>
  );
}

const effectText = (effect: FeatureEffect) => `${effect.name} ${effect.before} → ${effect.after}`;

/** Before saving: each existing version, and whether it gains each change or keeps its behaviour. */
function VersionImpact({ path, stored }: { path: DefinitionPath; stored: ImageFeature[] }) {
  const arm = useArm();
  const versions = useQuery(versionQueries.list(arm, imageIdOf(path)));
  const values = useWatch<FeatureUpgradeValues>() as FeatureUpgradeValues;
  const changesError = useFieldError("changes");
  const id = useId();
  const changes = requestedChanges({ ...featureUpgradeDefaults(), ...values });
  const names = (versions.data ?? []).map((v) => v.name ?? "").filter(Boolean);
  const impact = changes.length ? featureChangeImpact(stored, changes, names) : [];
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        What each existing version gets
      </h3>
      {changes.length === 0 ? (
        <>
          <p className="text-sm text-slate-600">Choose a new value to see which versions gain it.</p>
          <FieldMessage id={`${id}-error`} error={changesError} />
        </>
      ) : names.length === 0 ? (
        <p className="text-sm text-slate-600">
          {versions.isPending ? "Reading the versions…" : "No versions yet: every new version gets the new values."}
        </p>
      ) : (
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">Features each existing version gains or keeps</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="font-medium">
                Version
              </th>
              <th scope="col" className="font-medium">
                Gains
              </th>
              <th scope="col" className="font-medium">
                Keeps its behaviour
              </th>
            </tr>
          </thead>
          <tbody>
            {impact.map((row) => (
              <tr key={row.version} className="border-t border-slate-100" data-testid={`impact-${row.version}`}>
                <th scope="row" className="py-1.5 pr-2 text-left font-mono font-medium">
                  {row.version}
                </th>
                <td className="py-1.5 pr-2">
                  {row.gains.length ? <Tag tone="brand">{row.gains.map(effectText).join("; ")}</Tag> : "—"}
                </td>
                <td className="py-1.5">
                  {row.keeps.length ? <Tag>keeps {row.keeps.map((k) => `${k.name} ${k.before}`).join("; ")}</Tag> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
