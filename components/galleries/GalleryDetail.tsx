"use client";

import type { GalleryImage } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { AccessNote } from "@/components/access/AccessNote";
import { ResourceError } from "@/components/access/NoAccess";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { GalleryIdentityAndSharing } from "@/components/galleries/GalleryIdentityAndSharing";
import { sharingLabel } from "@/components/galleries/sharing";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { endOfLifeColumn, versionCountColumn } from "@/components/ui/resourceColumns";
import { resourceNameColumn } from "@/components/ui/resourceNameColumn";
import { ResourceTableSection } from "@/components/ui/ResourceTableSection";
import { GroupedErrors } from "@/components/ui/GroupedErrors";
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, PageHeader } from "@/components/ui/Section";
import { SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { latestIn, useVersionsWithReplication } from "@/components/versions/useVersionsWithReplication";
import { galleryIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import { galleryQueries } from "@/lib/queries/galleries";
import { imageQueries } from "@/lib/queries/galleryImages";
import { LazySharingPanels } from "@/components/sharing/LazySharingPanels";
import { GalleryActions } from "@/components/publish/PublishActions";
import { GalleryRecycleBin } from "@/components/recycleBin/GalleryRecycleBin";
import { GalleryArtifactSections, GalleryContentsSummary } from "@/components/applications/GalleryArtifactSections";

interface DefinitionRow {
  image: GalleryImage;
  id: string;
  name: string;
  identifier: string;
  versions: { count: number; latest: string | undefined | "loading" } | "loading" | "error";
}

const column = createColumnHelper<DefinitionRow>();

const columns = [
  resourceNameColumn<DefinitionRow>(),
  column.accessor("identifier", {
    header: "Publisher / offer / SKU",
    cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
  }),
  column.accessor((row) => `${row.image.osType ?? ""} ${row.image.osState ?? ""}`, {
    id: "os",
    header: "OS",
    cell: (info) => (
      <span>
        {info.row.original.image.osType ?? "—"}
        <span className="block text-xs text-slate-600">{info.row.original.image.osState}</span>
      </span>
    ),
  }),
  column.accessor((row) => row.image.hyperVGeneration ?? "", { id: "generation", header: "Hyper-V generation" }),
  column.accessor((row) => row.image.architecture ?? "x64", { id: "architecture", header: "Architecture" }),
  endOfLifeColumn<DefinitionRow>((row) => row.image.endOfLifeDate),
  column.accessor((row) => (typeof row.versions === "object" ? (row.versions.latest ?? "") : ""), {
    id: "latest",
    header: "Latest version",
    // `latest` in the definition's own region; other regions may resolve lower while replication runs.
    cell: (info) => {
      const v = info.row.original.versions;
      if (v === "loading") return <Spinner />;
      if (v === "error") return "—";
      if (v.latest === "loading") return <Spinner />;
      return v.latest ? <span className="font-mono">{v.latest}</span> : <span className="text-slate-600">none</span>;
    },
  }),
  versionCountColumn<DefinitionRow>("The versions of this definition could not be listed"),
  column.accessor((row) => row.image.provisioningState ?? "", {
    id: "state",
    header: "State",
    cell: (info) => <StateBadge state={info.getValue() || undefined} />,
  }),
];

export function GalleryDetail({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const id = galleryIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const gallery = useQuery(galleryQueries.detail(arm, id));
  const images = useQuery(imageQueries.list(arm, id));
  const perImage = useVersionsWithReplication((images.data ?? []).map((image) => image.id ?? ""));

  const rows: DefinitionRow[] = (images.data ?? []).map((image, index) => {
    const versions = perImage[index];
    const identifier = image.identifier
      ? `${image.identifier.publisher} / ${image.identifier.offer} / ${image.identifier.sku}`
      : "—";
    return {
      image,
      id: image.id ?? "",
      name: image.name ?? "",
      identifier,
      versions: versions?.versions
        ? {
            count: versions.versions.length,
            latest: versions.complete ? latestIn(versions.versions, image.location).latest : "loading",
          }
        : versions?.listError
          ? "error"
          : "loading",
    };
  });
  const failedVersionLists = perImage
    .map((result, index) => ({ error: result.listError, image: images.data?.[index] }))
    .filter(({ error }) => error !== undefined);

  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind="Gallery"
        title={path.galleryName}
        badges={gallery.data && <StateBadge state={gallery.data.provisioningState} />}
        subtitle={gallery.data?.description && <SafeText value={gallery.data.description} />}
      />
      {gallery.isPending && <Spinner label="Loading gallery…" />}
      {gallery.isError && <ResourceError error={gallery.error} scopeId={id} title="This gallery could not be read" />}
      {gallery.data && <AccessNote scopeId={id} />}
      {gallery.data && <GalleryActions path={path} />}
      {gallery.data && (
        <Card>
          <PropertyList
            columns={3}
            items={[
              { label: "Subscription", value: subscriptionName },
              { label: "Resource group", value: path.resourceGroupName },
              { label: "Region", value: regionDisplayName(gallery.data.location) },
              { label: "Sharing", value: sharingLabel(gallery.data.sharingProfile?.permissions) },
              { label: "Unique name", value: gallery.data.identifier?.uniqueName ?? "—" },
              { label: "Provisioning state", value: gallery.data.provisioningState ?? "—" },
              { label: "Resource id", value: <ResourceIdField id={gallery.data.id ?? id} />, wide: true },
            ]}
          />
        </Card>
      )}

      {gallery.data && <GalleryContentsSummary path={path} />}
      <ResourceTableSection
        title="Image definitions"
        description="Each definition groups the versions of one image: OS, generation, architecture and identifier."
        list={images}
        errorTitle="The image definitions of this gallery could not be listed"
        notes={
          <GroupedErrors
            failures={failedVersionLists.map(({ error, image }) => ({ name: image?.name ?? "", error }))}
            describe={(names) => `The versions of ${names} could not be listed`}
          />
        }
        data={rows}
        columns={columns}
        caption={`Image definitions in ${path.galleryName}`}
        empty="This gallery has no image definitions yet."
      />
      {gallery.data && <GalleryIdentityAndSharing galleryId={id} />}
      {gallery.data && <GalleryRecycleBin galleryId={id} />}
      {gallery.data && <GalleryArtifactSections path={path} />}
      {gallery.data && <LazySharingPanels resourceId={id} />}
    </>
  );
}
