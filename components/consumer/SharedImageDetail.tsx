"use client";

import type { GalleryImage } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { DeployPanel } from "@/components/consumer/DeployPanel";
import { useArm } from "@/components/layout/ArmContext";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate } from "@/components/ui/format";
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, PageHeader, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import type { InventoryVersion } from "@/lib/consumer/inventory";
import { type SharedImageRef, sharedLatestId, sharedVersionCandidate } from "@/lib/consumer/sharedGalleries";
import { regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";

const column = createColumnHelper<InventoryVersion>();

/**
 * One image of a gallery shared directly with the user: what the publisher shares (read-only, through
 * `…/locations/{loc}/sharedGalleries/{unique}/images/{i}`), its versions in the regions searched, and how to deploy
 * it by its shared id. The user holds no role on the gallery, so its ARM pages stay closed to them.
 */
export function SharedImageDetail({ reference }: { reference: SharedImageRef }) {
  const arm = useArm();
  const shared = useQuery(consumerQueries.sharedImage(arm, reference));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (shared.isPending) return <Spinner label="Reading the shared image…" />;
  if (shared.isError)
    return (
      <ErrorPanel
        error={shared.error}
        title={`${reference.imageName} could not be read from shared gallery ${reference.galleryUniqueName}`}
      />
    );

  const { image, definition, failures } = shared.data;
  const candidates = image.versions.map(sharedVersionCandidate);
  const version = candidates.find((v) => v.name === chosen);
  const columns = [
    column.accessor("name", {
      header: "Version",
      meta: { rowHeader: true },
      cell: (info) => <span className="font-mono">{info.getValue()}</span>,
    }),
    column.accessor((row) => row.targetRegions.map(regionDisplayName).join(", "), {
      id: "regions",
      header: "Listed in",
    }),
    column.accessor((row) => row.publishedDate ?? "", {
      id: "published",
      header: "Published",
      cell: (info) => (info.getValue() ? formatDate(info.getValue()) : "—"),
    }),
    column.accessor((row) => row.endOfLifeDate ?? "", {
      id: "endOfLife",
      header: "End of life",
      cell: (info) =>
        info.row.original.pastEndOfLife ? (
          <Tag tone="warn">End of life {formatDate(info.getValue())}</Tag>
        ) : info.getValue() ? (
          formatDate(info.getValue())
        ) : (
          "—"
        ),
    }),
    column.accessor("excludeFromLatest", {
      header: "Latest",
      cell: (info) => (info.getValue() ? "Excluded" : "Eligible"),
    }),
    column.display({
      id: "deploy",
      header: "Deploy",
      cell: (info) => (
        <button
          type="button"
          className="text-brand-700 hover:underline"
          onClick={() => setChosen(info.row.original.name)}
          aria-label={`Deploy version ${info.row.original.name}`}
        >
          Deploy this version
        </button>
      ),
    }),
  ];

  return (
    <>
      <PageHeader
        kind="Shared image definition"
        title={image.name}
        subtitle={`From shared gallery ${image.galleryName}`}
        badges={
          <>
            <Tag tone="brand">
              Shared directly{image.sharedGallery?.sharedTo === "tenant" ? " with your tenant" : ""}
            </Tag>
            {image.pastEndOfLife && <Tag tone="warn">End of life</Tag>}
          </>
        }
      />
      <Section
        title="Overview"
        description="What the publisher shares with your subscription or tenant. You can deploy it; you cannot change it or see the gallery itself."
      >
        <Card>
          <PropertyList
            items={[
              {
                label: "Shared gallery (unique name)",
                value: <span className="break-all font-mono">{image.galleryName}</span>,
                wide: true,
              },
              { label: "Shared image id", value: <span className="break-all font-mono">{image.id}</span>, wide: true },
              {
                label: "Publisher / offer / SKU",
                value: <code className="font-mono text-xs">{`${image.publisher}/${image.offer}/${image.sku}`}</code>,
              },
              { label: "OS", value: `${image.osType} · ${image.osState}` },
              { label: "Architecture", value: image.architecture },
              { label: "Hyper-V generation", value: image.hyperVGeneration },
              { label: "End of life", value: image.endOfLifeDate ? formatDate(image.endOfLifeDate) : "—" },
              {
                label: "Regions searched",
                value: [reference.location, ...reference.regions]
                  .filter((r, i, all) => all.indexOf(r) === i)
                  .map(regionDisplayName)
                  .join(", "),
              },
            ]}
          />
        </Card>
      </Section>
      {failures.map((failure) => (
        <ErrorPanel key={failure.scope} error={failure.error} title={`${failure.scope} could not be listed`} />
      ))}
      <Section title="Versions" description="A shared version is listed in the regions it is replicated to.">
        <DataTable
          data={image.versions}
          columns={columns}
          caption={`Versions of ${image.name}`}
          getRowId={(row) => row.id}
          empty="No version of this image is listed in the regions searched."
        />
      </Section>
      <DeployPanel
        key={version?.name ?? "latest"}
        image={{
          ...(definition as GalleryImage),
          id: image.id,
          name: image.name,
          osType: definition.osType!,
          osState: definition.osState!,
          identifier: definition.identifier!,
        }}
        versions={candidates}
        latestId={sharedLatestId(image.id)}
        {...(version ? { version } : {})}
      />
    </>
  );
}
