"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQueries, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate, isPast } from "@/components/ui/format";
import { PropertyList } from "@/components/ui/PropertyList";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { Card, PageHeader, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge, Tag } from "@/components/ui/StateBadge";
import { latestVersionName } from "@/components/versions/latest";
import { RegionBars } from "@/components/versions/RegionBars";
import { regionReplications } from "@/components/versions/replicationView";
import { hrefForResourceId, imageId, type GalleryPath } from "@/lib/azure/galleryPaths";
import { compareVersionNames } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import { imageQueries } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

interface VersionRow {
  id: string;
  name: string;
  version: GalleryImageVersion;
  /** False until the `$expand=ReplicationStatus` read arrived. */
  hasReplicationStatus: boolean;
  isLatest: boolean;
}

const column = createColumnHelper<VersionRow>();

const columns = [
  column.accessor("name", {
    header: "Version",
    meta: { rowHeader: true },
    sortingFn: (a, b) => compareVersionNames(a.original.name, b.original.name),
    cell: (info) => (
      <span className="inline-flex items-center gap-2">
        <Link href={hrefForResourceId(info.row.original.id)} className="font-mono text-brand-700 hover:underline">
          {info.getValue()}
        </Link>
        {info.row.original.isLatest && <Tag tone="brand">latest</Tag>}
      </span>
    ),
  }),
  column.accessor((row) => row.version.publishingProfile?.publishedDate?.getTime() ?? 0, {
    id: "published",
    header: "Published",
    cell: (info) => formatDate(info.row.original.version.publishingProfile?.publishedDate),
  }),
  column.accessor((row) => row.version.publishingProfile?.endOfLifeDate?.getTime() ?? Number.MAX_SAFE_INTEGER, {
    id: "endOfLife",
    header: "End of life",
    cell: (info) => {
      const date = info.row.original.version.publishingProfile?.endOfLifeDate;
      if (!date) return "—";
      return isPast(date) ? <Tag tone="warn">Ended {formatDate(date)}</Tag> : formatDate(date);
    },
  }),
  column.accessor((row) => Boolean(row.version.publishingProfile?.excludeFromLatest), {
    id: "excludeFromLatest",
    header: "Exclude from latest",
    cell: (info) => (info.getValue() ? "Yes" : "No"),
  }),
  column.display({
    id: "regions",
    header: "Target regions",
    cell: (info) =>
      info.row.original.hasReplicationStatus ? (
        <RegionBars regions={regionReplications(info.row.original.version)} versionName={info.row.original.name} />
      ) : (
        <Spinner label="Reading replication…" />
      ),
  }),
  column.accessor((row) => row.version.replicationStatus?.aggregatedState ?? row.version.provisioningState ?? "", {
    id: "state",
    header: "Replication",
    cell: (info) => {
      const v = info.row.original.version;
      return (
        <span className="flex flex-col items-start gap-1">
          <StateBadge state={v.replicationStatus?.aggregatedState ?? "Unknown"} />
          {v.provisioningState && v.provisioningState !== "Succeeded" && (
            <span className="text-xs text-slate-600">Provisioning: {v.provisioningState}</span>
          )}
        </span>
      );
    },
  }),
];

export function ImageDefinitionDetail({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const id = imageId(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const image = useQuery(imageQueries.detail(arm, id));
  const versions = useQuery(versionQueries.list(arm, id));
  const details = useQueries({
    queries: (versions.data ?? []).map((v) => versionQueries.detail(arm, v.id ?? "")),
  });

  const latest = versions.data ? latestVersionName(versions.data) : undefined;
  const rows: VersionRow[] = (versions.data ?? []).map((listed, index) => {
    const detail = details[index]?.data;
    return {
      id: listed.id ?? "",
      name: listed.name ?? "",
      version: detail ?? listed,
      hasReplicationStatus: Boolean(detail) || Boolean(details[index]?.isError),
      isLatest: listed.name === latest,
    };
  });
  const failedDetails = details
    .map((result, index) => ({ result, version: versions.data?.[index] }))
    .filter(({ result }) => result.isError);
  const img = image.data;

  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind="Image definition"
        title={path.imageName}
        badges={img && <StateBadge state={img.provisioningState} />}
        subtitle={img?.description}
      />
      {image.isPending && <Spinner label="Loading image definition…" />}
      {image.isError && <ErrorPanel error={image.error} title="This image definition could not be read" />}
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
                  isPast(img.endOfLifeDate) ? <Tag tone="warn">Ended {formatDate(img.endOfLifeDate)}</Tag> : formatDate(img.endOfLifeDate)
                ) : (
                  "—"
                ),
              },
              {
                label: "Recommended vCPUs",
                value: img.recommended?.vCPUs ? `${img.recommended.vCPUs.min ?? "?"}–${img.recommended.vCPUs.max ?? "?"}` : "—",
              },
              {
                label: "Recommended memory (GB)",
                value: img.recommended?.memory ? `${img.recommended.memory.min ?? "?"}–${img.recommended.memory.max ?? "?"}` : "—",
              },
              {
                label: "Features",
                value: img.features?.length ? img.features.map((f) => `${f.name}=${f.value}`).join(", ") : "—",
              },
              { label: "Latest version", value: latest ? <span className="font-mono">{latest}</span> : "—" },
              { label: "Resource id", value: <ResourceIdField id={img.id ?? id} /> },
            ]}
          />
        </Card>
      )}

      <Section
        title="Image versions"
        description="Replication is read per version and refreshed every few seconds while any region is still replicating."
      >
        {versions.isError ? (
          <ErrorPanel error={versions.error} title="The versions of this image definition could not be listed" />
        ) : (
          <>
            {failedDetails.map(({ result, version }) => (
              <div key={version?.id} className="mb-3">
                <ErrorPanel error={result.error} title={`The replication status of ${version?.name} could not be read`} />
              </div>
            ))}
            <DataTable
              data={rows}
              columns={columns}
              caption={`Versions of ${path.imageName}`}
              getRowId={(row) => row.id}
              initialSorting={[{ id: "name", desc: true }]}
              empty={versions.isPending ? "Loading…" : "No versions have been published to this definition yet."}
            />
          </>
        )}
      </Section>
    </>
  );
}
