"use client";

import type { GalleryDiskImage } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { DataTable } from "@/components/ui/DataTable";
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { StateBadge } from "@/components/ui/StateBadge";
import { RegionReplicationTable } from "@/components/versions/RegionReplicationTable";
import { VersionFacts, VersionPageHeader } from "@/components/versions/VersionPageHeader";
import { sourceKind } from "@/components/versions/sourceKind";
import { latestIn, useVersionsWithReplication } from "@/components/versions/useVersionsWithReplication";
import { pageHref, imageIdOf, galleryPathOf, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { profileReplication } from "@/lib/gallery/replication";
import { imageQueries } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { ImageVersionActions } from "@/components/publish/PublishActions";
import { VersionPublishingOptions } from "@/components/versions/VersionPublishingOptions";

interface DiskRow {
  id: string;
  disk: string;
  image: GalleryDiskImage;
}

const diskColumn = createColumnHelper<DiskRow>();
const diskColumns = [
  diskColumn.accessor("disk", { header: "Disk", meta: { rowHeader: true } }),
  diskColumn.accessor((row) => row.image.sizeInGB ?? -1, {
    id: "size",
    header: "Size (GB)",
    meta: { numeric: true },
    cell: (i) => i.row.original.image.sizeInGB ?? "—",
  }),
  diskColumn.accessor((row) => row.image.hostCaching ?? "None", { id: "caching", header: "Host caching" }),
  diskColumn.accessor((row) => row.image.source?.id ?? row.image.source?.uri ?? "", {
    id: "source",
    header: "Source",
    enableSorting: false,
    cell: (i) =>
      i.getValue() ? <code className="break-all font-mono text-xs">{i.getValue()}</code> : "The version’s source",
  }),
];

export function ImageVersionDetail({ path }: { path: GalleryPath & { imageName: string; versionName: string } }) {
  const arm = useArm();
  const id = versionIdOf(path);
  const version = useQuery(versionQueries.detail(arm, id));
  const [siblings] = useVersionsWithReplication([imageIdOf(path)]);
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  const v = version.data;
  const isLatest =
    siblings?.versions && siblings.complete && image.data
      ? latestIn(siblings.versions, image.data.location).latest === path.versionName
      : false;
  const profile = v?.publishingProfile;
  const replication = profileReplication(profile);
  const storage = v?.storageProfile;
  const sourceId = storage?.source?.id ?? storage?.source?.virtualMachineId;
  const sourceIsGalleryVersion = sourceId ? galleryPathOf(sourceId)?.versionName !== undefined : false;

  const disks: DiskRow[] = [
    ...(storage?.osDiskImage
      ? [
          {
            id: "os",
            disk: `OS disk${image.data?.osType ? ` (${image.data.osType})` : ""}`,
            image: storage.osDiskImage,
          },
        ]
      : []),
    ...(storage?.dataDiskImages ?? []).map((d) => ({ id: `lun-${d.lun}`, disk: `Data disk, LUN ${d.lun}`, image: d })),
  ];

  return (
    <>
      <VersionPageHeader
        path={path}
        kind="Image version"
        parentName={path.imageName}
        version={version}
        id={id}
        isLatest={isLatest}
        toolbar={<ImageVersionActions path={path} />}
      />
      {v && (
        <>
          <VersionFacts
            version={v}
            id={id}
            more={[
              { label: "Replication mode", value: replication.replicationMode },
              {
                label: "Aggregated replication",
                value: <StateBadge state={v.replicationStatus?.aggregatedState ?? "Unknown"} />,
              },
              {
                label: "Block deletion before end of life",
                value: v.safetyProfile?.blockDeletionBeforeEndOfLife ? "Yes" : "No",
              },
            ]}
          />

          <Section
            title="Replication"
            description="A region is usable for deployments only once its replication is Completed."
          >
            <RegionReplicationTable version={v} versionName={path.versionName} />
          </Section>

          <Section title="Source">
            <Card>
              <PropertyList
                columns={1}
                items={[
                  { label: "Kind", value: sourceKind(sourceId) },
                  {
                    label: "Source id",
                    value: sourceId ? (
                      sourceIsGalleryVersion ? (
                        <Link
                          href={pageHref(sourceId)}
                          className="break-all font-mono text-xs text-brand-700 hover:underline"
                        >
                          {sourceId}
                        </Link>
                      ) : (
                        <code className="break-all font-mono text-xs">{sourceId}</code>
                      )
                    ) : (
                      "Disks listed below"
                    ),
                  },
                ]}
              />
            </Card>
          </Section>

          <VersionPublishingOptions version={v} />

          <Section title="Disks">
            <DataTable
              data={disks}
              columns={diskColumns}
              caption={`Disks of ${path.versionName}`}
              getRowId={(row) => row.id}
              empty="No disk images reported."
            />
          </Section>
        </>
      )}
    </>
  );
}
