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
import { Spinner } from "@/components/ui/Spinner";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { ImageUsage } from "@/lib/lifecycle/usage";

interface DefinitionUsage {
  definitionId: string;
  name: string;
  virtualMachines: number;
  scaleSets: number;
  followingLatest: number;
}

const column = createColumnHelper<DefinitionUsage>();
const columns = [
  column.accessor("name", {
    header: "Image definition",
    meta: { rowHeader: true },
    cell: (info) => (
      <IntentLink href={pageHref(info.row.original.definitionId)} className="text-brand-700 hover:underline">
        {info.getValue()}
      </IntentLink>
    ),
  }),
  column.accessor("virtualMachines", { header: "VMs", meta: { numeric: true } }),
  column.accessor("scaleSets", { header: "Scale sets", meta: { numeric: true } }),
  column.accessor("followingLatest", { header: "Following latest", meta: { numeric: true } }),
];

/** The gallery page's "in use by", summed per definition. */
export function GalleryImageUsage({ path }: { path: GalleryPath }) {
  const galleryId = galleryIdOf(path);
  const { usage, error, refetch, isFetching } = useImageUsage(galleryId);
  const rows = useMemo(() => {
    if (!usage) return [];
    const ids = new Map<string, string>();
    for (const c of usage.consumers) ids.set(c.definitionId.toLowerCase(), c.definitionId);
    return [...ids.values()].map((definitionId) => {
      const consumers = usage.ofDefinition(definitionId);
      return {
        definitionId,
        name: definitionId.split("/").pop()!,
        ...ImageUsage.count(consumers),
        followingLatest: usage.followingLatest(definitionId).length,
      };
    });
  }, [usage]);
  const total = usage ? ImageUsage.count(usage.consumers) : undefined;
  return (
    <Section
      title="In use by"
      description={
        total ? `${total.virtualMachines} VMs and ${total.scaleSets} scale sets use this gallery's images` : undefined
      }
      actions={
        <Link href={`/retention?scope=${encodeURIComponent(galleryId)}`} className={buttonClass.secondary}>
          Retention…
        </Link>
      }
    >
      <Card>
        {error ? (
          <ErrorPanel
            error={error}
            title="Could not find what uses this gallery's images"
            onRetry={refetch}
            retrying={isFetching}
          />
        ) : !usage ? (
          <Spinner label="Finding VMs and scale sets" />
        ) : (
          <>
            <DataTable
              data={rows}
              columns={columns}
              caption="VMs and scale sets per image definition"
              getRowId={(r) => r.definitionId}
              initialSorting={[{ id: "name", desc: false }]}
              empty="No VM or scale set you can read uses this gallery's images."
            />
            <UsageReach subscriptionCount={usage.subscriptionCount} />
          </>
        )}
      </Card>
    </Section>
  );
}
