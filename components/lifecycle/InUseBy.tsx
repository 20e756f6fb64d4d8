"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { IntentLink } from "@/components/ui/IntentLink";
import { useMemo } from "react";
import { UsageReach } from "@/components/lifecycle/UsageReach";
import { useImageUsage } from "@/components/lifecycle/useImageUsage";
import { buttonClass } from "@/components/publish/buttonClass";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Card, Section } from "@/components/ui/Section";
import { SafeLink } from "@/components/ui/SafeLink";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { type ImageConsumer, ImageUsage } from "@/lib/lifecycle/usage";
import { regionDisplayName } from "@/lib/gallery/regions";

const FORM_LABEL: Record<ImageConsumer["form"], string> = {
  id: "resource id",
  sharedGalleryImageId: "shared gallery",
  communityGalleryImageId: "community gallery",
};

const column = createColumnHelper<ImageConsumer>();

function columns(showVersion: boolean) {
  return [
    column.accessor("name", {
      header: "Name",
      meta: { rowHeader: true },
      cell: (info) => (
        <SafeLink href={`https://portal.azure.com/#resource${info.row.original.id}`}>{info.getValue()}</SafeLink>
      ),
    }),
    column.accessor((c) => (c.type === "virtualMachine" ? "VM" : "Scale set"), { id: "type", header: "Type" }),
    ...(showVersion
      ? [
          column.accessor((c) => c.versionId?.split("/").pop() ?? "follows latest", {
            id: "version",
            header: "Version",
            cell: (info) =>
              info.row.original.versionId ? (
                <IntentLink
                  href={pageHref(info.row.original.versionId)}
                  className="font-mono text-brand-700 hover:underline"
                >
                  {info.getValue()}
                </IntentLink>
              ) : (
                <Tag tone="brand">follows latest</Tag>
              ),
          }),
        ]
      : []),
    column.accessor((c) => FORM_LABEL[c.form], { id: "form", header: "Referenced by" }),
    column.accessor("subscriptionId", {
      header: "Subscription",
      cell: (info) => <code className="text-xs">{info.getValue()}</code>,
    }),
    column.accessor("resourceGroup", { header: "Resource group" }),
    column.accessor((c) => regionDisplayName(c.location), { id: "location", header: "Region" }),
  ];
}

function countText(consumers: readonly ImageConsumer[]): string {
  const { virtualMachines, scaleSets } = ImageUsage.count(consumers);
  return `In use by ${virtualMachines} ${virtualMachines === 1 ? "VM" : "VMs"} and ${scaleSets} ${scaleSets === 1 ? "scale set" : "scale sets"}`;
}

/**
 * "In use by": the VMs and scale sets whose image reference names this version (pinned) or, on a definition page,
 * any of its versions or the definition itself (following latest).
 */
export function InUseBy({ path }: { path: GalleryPath & { imageName: string; versionName?: string } }) {
  const { usage, error, refetch, isFetching } = useImageUsage(galleryIdOf(path));
  const definitionId = imageIdOf(path);
  const isVersion = path.versionName !== undefined;
  const consumers = useMemo(
    () =>
      usage
        ? isVersion
          ? usage.ofVersion(versionIdOf({ ...path, versionName: path.versionName! }))
          : usage.ofDefinition(definitionId)
        : [],
    [usage, isVersion, path, definitionId],
  );
  const following = usage && !isVersion ? usage.followingLatest(definitionId).length : 0;
  return (
    <Section
      title="In use by"
      description={
        usage ? (
          <span data-testid="in-use-by-count">
            {countText(consumers)}
            {!isVersion && following > 0 ? ` (${following} following latest)` : ""}
          </span>
        ) : undefined
      }
      actions={
        !isVersion ? (
          <Link href={`/retention?scope=${encodeURIComponent(definitionId)}`} className={buttonClass.secondary}>
            Retention…
          </Link>
        ) : undefined
      }
    >
      <Card>
        {error ? (
          <ErrorPanel
            error={error}
            title="Could not find what uses this image"
            onRetry={refetch}
            retrying={isFetching}
          />
        ) : !usage ? (
          <Spinner label="Finding VMs and scale sets" />
        ) : (
          <>
            <DataTable
              data={[...consumers]}
              columns={columns(!isVersion)}
              caption={`VMs and scale sets using ${path.imageName}${isVersion ? ` ${path.versionName}` : ""}`}
              getRowId={(c) => c.id}
              empty={
                isVersion
                  ? "No VM or scale set you can read is pinned to this version."
                  : "No VM or scale set you can read uses this image."
              }
            />
            {isVersion && (
              <p className="mt-2 text-xs text-slate-600">
                VMs and scale sets that follow latest are listed on the definition: Azure does not keep which version
                latest was when they were deployed.
              </p>
            )}
            <UsageReach subscriptionCount={usage.subscriptionCount} />
          </>
        )}
      </Card>
    </Section>
  );
}
