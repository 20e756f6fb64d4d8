"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { CheckboxField, Group, ReadOnlyField, TagsEditor, TextField } from "@/components/publish/fields";
import { EdgeZonesEditor } from "@/components/publish/EdgeZonesEditor";
import { RegionOptionsEditor } from "@/components/publish/RegionOptionsEditor";
import { LatestAndEndOfLifeFields, ReplicationDefaultsGroup } from "@/components/publish/PublishingProfileFields";
import { LazyLimitUsagePanel, LazyReplicaPlanner, LazyUefiSettingsEditor } from "@/components/publish/LazyPublishParts";
import { placeEncryptionError, placeServerError } from "@/components/publish/serverErrors";
import { SourcePicker } from "@/components/publish/SourcePicker";
import { TargetRegionsEditor } from "@/components/publish/TargetRegionsEditor";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import type { SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { securityTypeOf } from "@/lib/gallery/versionValidation";
import { admitsUefiSettings } from "@/lib/gallery/galleryImageVersion";
import { highestVersionName, suggestNextVersionName } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import {
  emptyRegionEncryption,
  emptyUefiSettings,
  makeImageVersionCreateSchema,
  type ImageVersionCreateOutput,
  type ImageVersionCreateValues,
  versionDataDiskLuns,
} from "@/lib/publish/imageVersionForm";
import { createImageVersion } from "@/lib/queries/galleryImageVersions";
import { sourceCandidates, sourceQueries, type SourceCandidate } from "@/lib/queries/versionSources";
import { usageQueries, type UsageIndex } from "@/lib/queries/galleryUsage";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete } from "@/lib/queries/versionLists";
import { imageQueries } from "@/lib/queries/galleryImages";
import { galleryQueries } from "@/lib/queries/galleries";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

const FIELDS = ["name", "properties", "tags"] as const;

function emptyVersion(location: string, name: string): ImageVersionCreateValues {
  return {
    name,
    properties: {
      sourceMode: "source",
      publishingProfile: {
        targetRegions: [
          {
            name: location,
            regionalReplicaCount: Number.NaN,
            storageAccountType: "",
            excludeFromLatest: false,
            encryption: emptyRegionEncryption(),
            additionalReplicaSets: [],
          },
        ],
        targetExtendedLocations: [],
        replicaCount: Number.NaN,
        storageAccountType: "",
        storageAccountStrategy: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
        replicationMode: "",
      },
      storageProfile: {
        source: { id: "", communityGalleryImageId: "" },
        osDiskImage: { hostCaching: "", source: { id: "", storageAccountId: "", uri: "" } },
        dataDiskImages: [],
      },
      safetyProfile: { blockDeletionBeforeEndOfLife: false },
      securityProfile: { uefiSettings: emptyUefiSettings() },
    },
    tags: [],
  };
}

/** Create an image version: loads what it needs, then shows the form. */
export function ImageVersionCreateForm({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const imageId = imageIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const image = useQuery(imageQueries.detail(arm, imageId));
  const versions = useQuery(versionQueries.list(arm, imageId));
  const gallery = useQuery(galleryQueries.detail(arm, galleryIdOf(path)));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Create image version" }]} />
      <PageHeader
        kind="Image version"
        title="Create image version"
        subtitle={`Of ${path.imageName} in ${path.galleryName}`}
      />
      {image.isError && <ErrorPanel error={image.error} title="The image definition could not be read" />}
      {versions.isError && (
        <ErrorPanel error={versions.error} title="The versions of this definition could not be listed" />
      )}
      {gallery.isError && <ErrorPanel error={gallery.error} title="The gallery could not be read" />}
      {image.data && versions.data && isListComplete(versions) && gallery.data ? (
        <VersionForm
          path={path}
          definition={{
            osType: image.data.osType ?? "",
            osState: image.data.osState ?? "",
            hyperVGeneration: image.data.hyperVGeneration ?? "V1",
            architecture: image.data.architecture ?? "x64",
            features: (image.data.features ?? []).map((f) => ({ name: f.name ?? "", value: f.value ?? "" })),
            location: image.data.location,
          }}
          sharingPermissions={gallery.data.sharingProfile?.permissions}
          existing={versions.data.map((v) => v.name ?? "")}
        />
      ) : (
        !image.isError && !versions.isError && !gallery.isError && <Spinner label="Loading the image definition…" />
      )}
    </>
  );
}

function VersionForm({
  path,
  definition,
  sharingPermissions,
  existing,
}: {
  path: GalleryPath & { imageName: string };
  definition: SourceDefinitionTraits & { hyperVGeneration: string; location: string };
  sharingPermissions: string | undefined;
  existing: string[];
}) {
  const arm = useArm();
  const router = useRouter();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const subscriptionIds = (subscriptions.data ?? []).map((s) => s.subscriptionId);
  const sourceRows = useQuery(sourceQueries.rows(arm, subscriptionIds));
  const usage = useQuery(usageQueries.bySubscriptions(arm, [path.subscriptionId]));
  const candidates = useMemo(
    () => sourceCandidates(sourceRows.data ?? [], definition, definition.location),
    [sourceRows.data, definition],
  );
  const candidatesRef = useRef<SourceCandidate[]>(candidates);
  candidatesRef.current = candidates;
  const usageRef = useRef<UsageIndex | undefined>(undefined);
  usageRef.current = usage.data;
  const location = definition.location;
  const definitionSecurityType = securityTypeOf(definition.features);
  const suggested = suggestNextVersionName(existing) ?? "";

  const schema = useMemo(
    () =>
      makeImageVersionCreateSchema({
        location,
        now: () => new Date(),
        existingVersionNames: existing,
        versionsInRegion: () => usageRef.current?.at(path.subscriptionId, location).usages.imageVersions.used,
        findSource: (id) => candidatesRef.current.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase()),
        subscriptionId: path.subscriptionId,
        definitionSecurityType,
        sharingPermissions,
      }),
    [location, existing, path.subscriptionId, definitionSecurityType, sharingPermissions],
  );
  const form = useForm<ImageVersionCreateValues, unknown, ImageVersionCreateOutput>({
    resolver: zodResolver(schema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: emptyVersion(location, suggested),
  });

  const [mode, sourceId, osDiskId, dataDisks] = form.watch([
    "properties.sourceMode",
    "properties.storageProfile.source.id",
    "properties.storageProfile.osDiskImage.source.id",
    "properties.storageProfile.dataDiskImages",
  ]);
  const chosen = candidates.find(
    (candidate) => candidate.id.toLowerCase() === (mode === "source" ? sourceId : osDiskId).toLowerCase(),
  );
  const dataDiskLuns = versionDataDiskLuns(
    { sourceMode: mode, storageProfile: { source: { id: sourceId }, dataDiskImages: dataDisks } },
    () => chosen,
  );

  const { operation, refusal, submit } = useSubmission(
    (error) =>
      placeEncryptionError(form, error, form.getValues("properties.publishingProfile.targetRegions")) ||
      placeServerError(form, error, FIELDS, { galleryImageVersionName: "name" }),
  );
  async function onSubmit(values: ImageVersionCreateOutput) {
    const target = { ...path, versionName: values.name };
    await submit(
      `Creating image version ${values.name}`,
      () => createImageVersion(arm, target, { location, properties: values.properties, tags: values.tags }),
      () => router.push(pageHref(versionIdOf(target))),
      // Replication can take hours: the version page follows it region by region.
      { untilAccepted: true },
    );
  }

  const highest = highestVersionName(existing);
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid gap-4 lg:grid-cols-[1fr_22rem]"
        aria-label="Create image version"
      >
        <div className="grid gap-4">
          <Group legend="Version">
            <TextField
              name="name"
              label="Version number"
              required
              hint={`Major.Minor.Patch, three whole numbers. ${highest ? `The highest so far is ${highest}; suggested: ${suggested}.` : "The first version: suggested 1.0.0."}`}
            />
            <ReadOnlyField
              label="Source region"
              value={regionDisplayName(location)}
              reason="A version is created in its gallery's region; that region is always one of its target regions."
            />
            <ReadOnlyField
              label="Image definition"
              value={`${definition.osType} · ${definition.osState} · Hyper-V ${definition.hyperVGeneration}`}
              reason="Only sources with this OS type, OS state, generation, architecture, security type and disk controller can be used."
            />
            <ReadOnlyField
              label="Architecture and security type"
              value={`${definition.architecture ?? "x64"} · ${definitionSecurityType ?? "Standard"}`}
              reason="Trusted Launch and confidential sources need a definition whose security type holds them."
            />
          </Group>
          <SourcePicker
            candidates={candidates}
            loading={subscriptions.isPending || sourceRows.isPending}
            subscriptionId={path.subscriptionId}
            location={location}
            definition={definition}
          />
          {sourceRows.isError && <ErrorPanel error={sourceRows.error} title="The sources could not be listed" />}
          <TargetRegionsEditor sourceRegion={location} showEffectiveStorage />
          <RegionOptionsEditor
            subscriptionId={path.subscriptionId}
            definitionSecurityType={definitionSecurityType}
            sharingPermissions={sharingPermissions}
            dataDiskLuns={dataDiskLuns}
          />
          <EdgeZonesEditor encryption={{ subscriptionId: path.subscriptionId, dataDiskLuns }} />
          {admitsUefiSettings(definitionSecurityType) && <LazyUefiSettingsEditor />}
          <ReplicationDefaultsGroup
            location={location}
            storageStrategy
            replicationModeHint="Shallow replicates faster, for testing only."
          />
          <Group legend="Lifecycle">
            <LatestAndEndOfLifeFields deployedAs="deployed" endOfLifeHint="Must be in the future." />
            <CheckboxField
              name="properties.safetyProfile.blockDeletionBeforeEndOfLife"
              label="Block deletion before the end-of-life date"
            />
          </Group>
          <TagsEditor />
          <FormFooter
            refusal={refusal}
            refusalTitle="The image version could not be created"
            state={operation.state}
            submitLabel="Create image version"
            cancel={pageHref(imageIdOf(path))}
          />
        </div>
        <aside className="grid content-start gap-4">
          <LazyLimitUsagePanel subscriptionId={path.subscriptionId} location={location} kinds={["imageVersions"]} />
          <LazyReplicaPlanner imageSizeGB={chosen?.sizeGB} />
        </aside>
      </form>
    </FormProvider>
  );
}
