"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useArm } from "@/components/layout/ArmContext";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Section } from "@/components/ui/Section";
import { parentOf, parseResourceId } from "@/lib/azure/resourceId";
import { pageHref } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import { accessQueries, type ReadableDefinition } from "@/lib/queries/access";
import type { Subscription } from "@/lib/queries/subscriptions";

interface Row {
  definition: ReadableDefinition;
  gallery: string;
  subscriptionName: string;
}

const column = createColumnHelper<Row>();

const columns = [
  column.accessor((row) => row.definition.name, {
    id: "name",
    header: "Image definition",
    meta: { rowHeader: true },
    cell: (info) => (
      <IntentLink href={pageHref(info.row.original.definition.id)} className="text-brand-700 hover:underline">
        {info.getValue()}
      </IntentLink>
    ),
  }),
  column.accessor("gallery", { header: "Gallery" }),
  column.accessor("subscriptionName", { header: "Subscription" }),
  column.accessor((row) => row.definition.properties?.osType ?? "", { id: "os", header: "OS" }),
  column.accessor((row) => row.definition.location, {
    id: "location",
    header: "Region",
    cell: (info) => regionDisplayName(info.getValue()),
  }),
];

/**
 * Image definitions shared with the caller on their own (a role at the definition, not at its gallery): the
 * gallery list cannot show them, since their gallery is not readable, so they get their own table.
 */
export function SharedDefinitions({
  subscriptions,
  readableGalleryIds,
}: {
  subscriptions: readonly Subscription[];
  readableGalleryIds: readonly string[];
}) {
  const arm = useArm();
  const definitions = useQuery(
    accessQueries.readableDefinitions(
      arm,
      subscriptions.map((s) => s.subscriptionId),
    ),
  );
  if (definitions.isError) {
    return (
      <Section title="Image definitions shared with you">
        <ErrorPanel error={definitions.error} title="Image definitions shared with you could not be listed" />
      </Section>
    );
  }
  const galleries = new Set(readableGalleryIds.map((id) => id.toLowerCase()));
  const names = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const rows: Row[] = (definitions.data ?? [])
    .filter((d) => !galleries.has((parentOf(d.id) ?? "").toLowerCase()))
    .map((definition) => ({
      definition,
      gallery: parseResourceId(definition.id)?.gallery ?? "",
      subscriptionName: names.get(definition.subscriptionId.toLowerCase()) ?? definition.subscriptionId,
    }));
  if (rows.length === 0) return null;

  return (
    <Section
      title="Image definitions shared with you"
      description="You have access to these image definitions, not to the galleries that hold them."
    >
      <DataTable
        data={rows}
        columns={columns}
        caption="Image definitions shared with you"
        getRowId={(row) => row.definition.id}
        initialSorting={[{ id: "name", desc: false }]}
        empty="None"
      />
    </Section>
  );
}
