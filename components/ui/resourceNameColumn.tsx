import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { pageHref } from "@/lib/azure/routeParams";

/** A table's first column: the resource's name as the row header, linking to its page (the path of its ARM id). */
export function resourceNameColumn<Row extends { id: string; name: string }>(): ColumnDef<Row, string> {
  return createColumnHelper<Row>().accessor((row) => row.name, {
    id: "name",
    header: "Name",
    meta: { rowHeader: true },
    cell: (info) => (
      <IntentLink href={pageHref(info.row.original.id)} className="text-brand-700 hover:underline">
        {info.getValue()}
      </IntentLink>
    ),
  });
}
