"use client";

import { AccessNote } from "@/components/access/AccessNote";
import { ResourceError } from "@/components/access/NoAccess";
import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate, isPast } from "@/components/ui/format";
import { PropertyList } from "@/components/ui/PropertyList";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { Card, PageHeader, Section } from "@/components/ui/Section";
import { SafeLink } from "@/components/ui/SafeLink";
import { ResourceTags, SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge, Tag } from "@/components/ui/StateBadge";
import { latestIn, useVersionsWithReplication } from "@/components/versions/useVersionsWithReplication";
import { versionColumns, VersionsTable } from "@/components/versions/versionColumns";
import { imageIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { imageQueries } from "@/lib/queries/galleryImages";
import { LazySharingPanels } from "@/components/sharing/LazySharingPanels";
import { ImageDefinitionActions } from "@/components/publish/PublishActions";
import { VersionFeaturesCell } from "@/components/trust/VersionFeaturesCell";
import { describeFeature } from "@/lib/gallery/features";

// The key named without react-query's data tag, which inference would add and the read's staleTime function lacks.
const { column, leading, replication } = versionColumns<
  GalleryImageVersion,
  readonly ["galleryImageVersions", "detail", string]
>(versionQueries.replication);
const columns = [
  ...leading,
  ...replication,
  column.display({
    id: "trust",
    header: "Features and trust",
    cell: (info) => <VersionFeaturesCell version={info.row.original.version} />,
  }),
];

export function ImageDefinitionDetail({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const id = imageIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const image = useQuery(imageQueries.detail(arm, id));
  // Beyond 50 versions the hook reads only what decides latest; the table's cells read the rows on screen.
  const [definition] = useVersionsWithReplication([id]);
  const img = image.data;
  const region = img?.location;
  const versions = definition?.versions;
  const complete = definition?.complete ?? false;
  // Memoized on the versions array (kept stable by the hook): at 10,000 versions, resolving latest and building
  // the table's rows on every render would cost more than the render. Latest reaches the rows' cells through
  // VersionsTable's context, so resolving it leaves the rows as they are.
  const resolution = useMemo(
    () => (versions && complete && region ? latestIn(versions, region) : undefined),
    [versions, complete, region],
  );

  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind="Image definition"
        title={path.imageName}
        badges={img && <StateBadge state={img.provisioningState} />}
        subtitle={img?.description && <SafeText value={img.description} />}
      />
      {image.isPending && <Spinner label="Loading image definition…" />}
      {image.isError && (
        <ResourceError error={image.error} scopeId={id} title="This image definition could not be read" />
      )}
      {image.data && <AccessNote scopeId={id} />}
      {image.data && <ImageDefinitionActions path={path} />}
      {img && (
        <Card>
          <PropertyList
            columns={3}
            items={[
              { label: "Publisher", value: img.identifier?.publisher },
              { label: "Offer", value: img.identifier?.offer },
              { label: "SKU", value: img.identifier?.sku },
              { label: "OS type", value: img.osType },
              { label: "OS state", value: img.osState },
              { label: "Hyper-V generation", value: img.hyperVGeneration ?? "—" },
              { label: "Architecture", value: img.architecture ?? "x64" },
              { label: "Region", value: regionDisplayName(img.location) },
              {
                label: "End of life",
                value: img.endOfLifeDate ? (
                  isPast(img.endOfLifeDate) ? (
                    <Tag tone="warn">Ended {formatDate(img.endOfLifeDate)}</Tag>
                  ) : (
                    formatDate(img.endOfLifeDate)
                  )
                ) : (
                  "—"
                ),
              },
              {
                label: "Recommended vCPUs",
                value: img.recommended?.vCPUs
                  ? `${img.recommended.vCPUs.min ?? "?"}–${img.recommended.vCPUs.max ?? "?"}`
                  : "—",
              },
              {
                label: "Recommended memory (GB)",
                value: img.recommended?.memory
                  ? `${img.recommended.memory.min ?? "?"}–${img.recommended.memory.max ?? "?"}`
                  : "—",
              },
              {
                label: "Features",
                value: img.features?.length ? img.features.map(describeFeature).join(", ") : "—",
              },
              {
                label: `Latest in ${regionDisplayName(img.location)}`,
                value: !resolution ? (
                  <Spinner />
                ) : resolution.latest ? (
                  <span className="font-mono">
                    {resolution.latest}
                    {resolution.latestIsPastEndOfLife && <Tag tone="warn">past end of life</Tag>}
                  </span>
                ) : (
                  "No version is eligible"
                ),
              },
              // Written by whoever publishes the definition: text, and a link only when it is an http(s) URL.
              { label: "EULA", value: img.eula ? <SafeLink href={img.eula} /> : "—" },
              {
                label: "Privacy statement",
                value: img.privacyStatementUri ? <SafeLink href={img.privacyStatementUri} /> : "—",
              },
              { label: "Release notes", value: img.releaseNoteUri ? <SafeLink href={img.releaseNoteUri} /> : "—" },
              { label: "Tags", value: <ResourceTags tags={img.tags} />, wide: true },
              { label: "Resource id", value: <ResourceIdField id={img.id ?? id} />, wide: true },
            ]}
          />
        </Card>
      )}

      <Section
        title="Image versions"
        description="Replication is read per version and refreshed every few seconds while any region is still replicating."
      >
        {definition?.listError !== undefined ? (
          <ErrorPanel error={definition.listError} title="The versions of this image definition could not be listed" />
        ) : (
          <VersionsTable
            versions={versions}
            detailErrors={definition?.detailErrors ?? []}
            columns={columns}
            caption={`Versions of ${path.imageName}`}
            latest={resolution?.latest}
            empty={!versions ? "Loading…" : "No versions have been published to this definition yet."}
            filterLabel="Filter versions"
          />
        )}
      </Section>
      {img && <LazySharingPanels resourceId={id} />}
    </>
  );
}
