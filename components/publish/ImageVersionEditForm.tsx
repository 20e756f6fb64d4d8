"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { CheckboxField, Group, NumberField, ReadOnlyField } from "@/components/publish/fields";
import { LatestAndEndOfLifeFields } from "@/components/publish/PublishingProfileFields";
import { placeEncryptionError, placeServerError } from "@/components/publish/serverErrors";
import { TargetRegionsEditor } from "@/components/publish/TargetRegionsEditor";
import { useSubmission } from "@/components/publish/useSubmission";
import { EdgeZonesEditor } from "@/components/publish/EdgeZonesEditor";
import { RegionOptionsEditor } from "@/components/publish/RegionOptionsEditor";
import { LazyReplicaPlanner, LazyUefiSettingsEditor } from "@/components/publish/LazyPublishParts";
import { sourceKind } from "@/components/versions/sourceKind";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { dateOnly } from "@/lib/gallery/isoDate";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { securityTypeOf } from "@/lib/gallery/versionValidation";
import {
  admitsUefiSettings,
  MAX_REPLICA_COUNT,
  MIN_REPLICA_COUNT,
  type GalleryImageVersionProperties,
} from "@/lib/gallery/galleryImageVersion";
import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";
import {
  dataDiskKey,
  edgeZoneRowOf,
  emptyRegionEncryption,
  makeImageVersionUpdateSchema,
  removedTargetRegionsOf,
  type ImageVersionUpdateOutput,
  type ImageVersionUpdateValues,
  type UefiSettingsValues,
  uefiSettingsValues,
} from "@/lib/publish/imageVersionForm";
import { versionUefiSettingsQuery } from "@/lib/queries/publishingOptions";
import { updateImageVersion } from "@/lib/queries/galleryImageVersions";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { galleryQueries } from "@/lib/queries/galleries";
import { imageQueries } from "@/lib/queries/galleryImages";

type VersionPath = GalleryPath & { imageName: string; versionName: string };

const FIXED = "Fixed when the version is created (a new source or disks means a new version number).";

/** What the rules need of the stored version: its regions, and its one source (so the update is judged alone). */
function storedProperties(version: GalleryImageVersion): GalleryImageVersionProperties {
  const storage = version.storageProfile;
  const sourceId = storage?.source?.id ?? storage?.source?.virtualMachineId;
  const community = storage?.source?.communityGalleryImageId;
  const osDisk = storage?.osDiskImage?.source;
  return {
    publishingProfile: {
      targetRegions: (version.publishingProfile?.targetRegions ?? []).map((region) => ({ name: region.name })),
    },
    storageProfile: sourceId
      ? { source: { id: sourceId } }
      : community
        ? { source: { communityGalleryImageId: community } }
        : osDisk?.uri
          ? { osDiskImage: { source: { storageAccountId: osDisk.storageAccountId, uri: osDisk.uri } } }
          : { osDiskImage: { source: { id: osDisk?.id ?? "" } } },
  };
}

type StoredRegion = NonNullable<NonNullable<GalleryImageVersion["publishingProfile"]>["targetRegions"]>[number];

/** A stored region's (or edge zone's) encryption as the form holds it. */
function encryptionRow(region: Pick<StoredRegion, "encryption">) {
  const encryption = region.encryption;
  return {
    ...emptyRegionEncryption(),
    osDiskEncryptionSetId: encryption?.osDiskImage?.diskEncryptionSetId ?? "",
    dataDisks: Object.fromEntries(
      (encryption?.dataDiskImages ?? []).map((disk) => [dataDiskKey(disk.lun), disk.diskEncryptionSetId ?? ""]),
    ),
    confidentialVMEncryptionType: encryption?.osDiskImage?.securityProfile?.confidentialVMEncryptionType ?? "",
    secureVMDiskEncryptionSetId: encryption?.osDiskImage?.securityProfile?.secureVMDiskEncryptionSetId ?? "",
  };
}

/** Edit an image version: target regions, replica counts, storage types, exclusion from latest, end of life. */
export function ImageVersionEditForm({ path }: { path: VersionPath }) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const version = useQuery(versionQueries.detail(arm, versionIdOf(path)));
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  const gallery = useQuery(galleryQueries.detail(arm, galleryIdOf(path)));
  const definitionSecurityType = securityTypeOf(image.data?.features);
  const takesUefi = image.data !== undefined && admitsUefiSettings(definitionSecurityType);
  const uefi = useQuery({ ...versionUefiSettingsQuery(arm, versionIdOf(path)), enabled: takesUefi });
  const uefiReady = !takesUefi || uefi.isSuccess;
  const storedUefiSettings = useMemo(
    () => (takesUefi && uefi.isSuccess ? uefiSettingsValues(uefi.data) : undefined),
    [takesUefi, uefi.isSuccess, uefi.data],
  );
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Edit" }]} />
      <PageHeader
        kind="Image version"
        title={`Edit ${path.versionName}`}
        subtitle={`${path.imageName} in ${path.galleryName}`}
      />
      {version.isError && <ErrorPanel error={version.error} title="The image version could not be read" />}
      {image.isError && <ErrorPanel error={image.error} title="The image definition could not be read" />}
      {gallery.isError && <ErrorPanel error={gallery.error} title="The gallery could not be read" />}
      {uefi.isError && <ErrorPanel error={uefi.error} title="The version's UEFI settings could not be read" />}
      {version.data && image.data && gallery.data && uefiReady ? (
        <Form
          path={path}
          version={version.data}
          definitionSecurityType={definitionSecurityType}
          sharingPermissions={gallery.data.sharingProfile?.permissions}
          storedUefiSettings={storedUefiSettings}
        />
      ) : (
        !version.isError && !image.isError && !gallery.isError && !uefi.isError && <Spinner label="Loading…" />
      )}
    </>
  );
}

function Form({
  path,
  version,
  definitionSecurityType,
  sharingPermissions,
  storedUefiSettings,
}: {
  path: VersionPath;
  version: GalleryImageVersion;
  definitionSecurityType: string | undefined;
  sharingPermissions: string | undefined;
  /** For definitions that take UEFI settings: the version's, read with `$expand=UefiSettings`. */
  storedUefiSettings: UefiSettingsValues | undefined;
}) {
  const arm = useArm();
  const router = useRouter();
  const location = version.location;
  const profile = version.publishingProfile;
  const stored = useMemo(() => storedProperties(version), [version]);
  const storedEndOfLife = dateOnly(profile?.endOfLifeDate);
  const dataDiskLuns = useMemo(
    () => (version.storageProfile?.dataDiskImages ?? []).map((disk) => disk.lun),
    [version.storageProfile?.dataDiskImages],
  );
  const schema = useMemo(
    () =>
      makeImageVersionUpdateSchema({
        location,
        now: () => new Date(),
        stored,
        storedEndOfLife,
        dataDiskLuns,
        subscriptionId: path.subscriptionId,
        definitionSecurityType,
        sharingPermissions,
        storedUefiSettings,
      }),
    [
      location,
      stored,
      storedEndOfLife,
      dataDiskLuns,
      path.subscriptionId,
      definitionSecurityType,
      sharingPermissions,
      storedUefiSettings,
    ],
  );
  const regions = [...(profile?.targetRegions ?? [])].sort(
    (a, b) => Number(sameLocation(b.name, location)) - Number(sameLocation(a.name, location)),
  );
  const form = useForm<ImageVersionUpdateValues, unknown, ImageVersionUpdateOutput>({
    resolver: zodResolver(schema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: {
      properties: {
        publishingProfile: {
          targetRegions: regions.map((region) => ({
            name: region.name,
            regionalReplicaCount: region.regionalReplicaCount ?? Number.NaN,
            storageAccountType: region.storageAccountType ?? "",
            excludeFromLatest: region.excludeFromLatest ?? false,
            encryption: encryptionRow(region),
            additionalReplicaSets: (region.additionalReplicaSets ?? []).map((set) => ({
              storageAccountType: set.storageAccountType ?? "",
              regionalReplicaCount: set.regionalReplicaCount ?? Number.NaN,
            })),
          })),
          targetExtendedLocations: (profile?.targetExtendedLocations ?? []).map((zone) => ({
            ...edgeZoneRowOf(zone),
            encryption: encryptionRow(zone),
          })),
          replicaCount: profile?.replicaCount ?? Number.NaN,
          storageAccountType: profile?.storageAccountType ?? "",
          excludeFromLatest: profile?.excludeFromLatest ?? false,
          endOfLifeDate: storedEndOfLife,
        },
        ...(storedUefiSettings ? { securityProfile: { uefiSettings: storedUefiSettings } } : {}),
      },
      confirmRemoval: false,
    },
  });
  const rows = form.watch("properties.publishingProfile.targetRegions");
  const removed = removedTargetRegionsOf(stored, rows, location);

  const { operation, refusal, submit } = useSubmission(
    (error) =>
      placeEncryptionError(form, error, form.getValues("properties.publishingProfile.targetRegions")) ||
      placeServerError(form, error, ["properties", "confirmRemoval"]),
  );
  async function onSubmit(values: ImageVersionUpdateOutput) {
    await submit(
      `Updating image version ${path.versionName}`,
      () =>
        updateImageVersion(arm, path, {
          publishingProfile: values.publishingProfile,
          ...(values.safetyProfile ? { safetyProfile: values.safetyProfile } : {}),
          ...(values.securityProfile ? { securityProfile: values.securityProfile } : {}),
        }),
      () => router.push(pageHref(versionIdOf(path))),
      { untilAccepted: true },
    );
  }

  const source =
    version.storageProfile?.source?.id ??
    version.storageProfile?.source?.virtualMachineId ??
    version.storageProfile?.osDiskImage?.source?.id;
  const otherSource =
    version.storageProfile?.source?.communityGalleryImageId ?? version.storageProfile?.osDiskImage?.source?.uri;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid gap-4 lg:grid-cols-[1fr_22rem]"
        aria-label={`Edit image version ${path.versionName}`}
      >
        <div className="grid gap-4">
          <Group legend="Fixed at creation">
            <ReadOnlyField
              label="Source region"
              value={regionDisplayName(location)}
              reason="The region the version was created in; always a target region."
            />
            <ReadOnlyField
              label="Source"
              value={source ? `${sourceKind(source)}: ${source.split("/").pop()}` : (otherSource ?? "—")}
              reason={FIXED}
            />
            <ReadOnlyField
              label="Data disks"
              value={String(version.storageProfile?.dataDiskImages?.length ?? 0)}
              reason={FIXED}
            />
            <ReadOnlyField label="Replication mode" value={profile?.replicationMode ?? "Full"} reason={FIXED} />
          </Group>
          <TargetRegionsEditor
            sourceRegion={location}
            replicatedRegions={stored.publishingProfile?.targetRegions?.map((r) => r.name) ?? []}
          />
          <RegionOptionsEditor
            subscriptionId={path.subscriptionId}
            definitionSecurityType={definitionSecurityType}
            sharingPermissions={sharingPermissions}
            dataDiskLuns={dataDiskLuns}
          />
          <EdgeZonesEditor encryption={{ subscriptionId: path.subscriptionId, dataDiskLuns }} />
          {storedUefiSettings && <LazyUefiSettingsEditor />}
          {removed.length > 0 && (
            <div
              role="group"
              aria-label="Confirm removing regions"
              className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
            >
              <p className="mb-2 font-semibold">
                {removed.join(", ")} {removed.length === 1 ? "holds" : "hold"} replicas of this version. Removing{" "}
                {removed.length === 1 ? "it deletes them" : "them deletes them"}; VMs there can no longer be created
                from this version.
              </p>
              <CheckboxField
                name="confirmRemoval"
                label={`Yes, remove ${removed.join(", ")} and delete the replicas there`}
                hint="Sets safetyProfile.allowDeletionOfReplicatedLocations to true, which the service requires for this."
              />
            </div>
          )}
          <Group legend="Replication defaults and lifecycle">
            <NumberField
              name="properties.publishingProfile.replicaCount"
              label="Default replica count"
              min={MIN_REPLICA_COUNT}
              max={MAX_REPLICA_COUNT}
            />
            <LatestAndEndOfLifeFields deployedAs="deployed" endOfLifeHint="A new date must be in the future." />
          </Group>
          <FormFooter
            refusal={refusal}
            refusalTitle="The image version could not be updated"
            state={operation.state}
            submitLabel="Save changes"
            cancel={pageHref(versionIdOf(path))}
          />
        </div>
        <aside>
          <LazyReplicaPlanner imageSizeGB={version.storageProfile?.osDiskImage?.sizeInGB} />
        </aside>
      </form>
    </FormProvider>
  );
}
