import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { formatDate, isPast } from "@/components/ui/format";
import { SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";

/** The columns the gallery's resource tables share, each taking what it shows from the row. */

/** A resource's description: free text from the service, clamped to two lines, not sortable. */
export function descriptionColumn<Row>(description: (row: Row) => string | undefined): ColumnDef<Row, string> {
  return createColumnHelper<Row>().accessor((row) => description(row) ?? "", {
    id: "description",
    header: "Description",
    enableSorting: false,
    cell: (info) => <SafeText value={info.getValue()} className="line-clamp-2 max-w-sm text-slate-700" />,
  });
}

/** An end-of-life date, marked once it has passed. */
export function EndOfLife({ date }: { date: Date | undefined }) {
  if (!date) return <>—</>;
  return isPast(date) ? <Tag tone="warn">Ended {formatDate(date)}</Tag> : <>{formatDate(date)}</>;
}

/** The end-of-life date; resources without one sort last. */
export function endOfLifeColumn<Row>(endOfLife: (row: Row) => Date | undefined): ColumnDef<Row, number> {
  return createColumnHelper<Row>().accessor((row) => endOfLife(row)?.getTime() ?? Number.MAX_SAFE_INTEGER, {
    id: "endOfLife",
    header: "End of life",
    cell: (info) => <EndOfLife date={endOfLife(info.row.original)} />,
  });
}

/** A parent's version count, read per row: a spinner while it loads, a dash (titled `failed`) when it could not be. */
export function versionCountColumn<Row extends { versions: { count: number } | "loading" | "error" }>(
  failed: string,
): ColumnDef<Row, number> {
  return createColumnHelper<Row>().accessor((row) => (typeof row.versions === "object" ? row.versions.count : -1), {
    id: "versionCount",
    header: "Versions",
    meta: { numeric: true },
    cell: (info) => {
      const versions = info.row.original.versions;
      if (versions === "loading") return <Spinner />;
      if (versions === "error") return <span title={failed}>—</span>;
      return versions.count;
    },
  });
}
