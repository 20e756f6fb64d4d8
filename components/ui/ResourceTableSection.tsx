import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Section } from "@/components/ui/Section";

/**
 * A section of a page listing one kind of resource: its table, sorted by name, or why the list could not be read
 * (`errorTitle`). `notes` go above the table (failures of per-row reads).
 */
export function ResourceTableSection<Row extends { id: string }>({
  title,
  description,
  actions,
  list,
  errorTitle,
  notes,
  ...table
}: Omit<Parameters<typeof DataTable<Row>>[0], "getRowId" | "initialSorting" | "empty"> & {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  list: { isPending: boolean; isError: boolean; error: unknown };
  errorTitle: string;
  notes?: ReactNode;
  /** What the empty table says once the list is read. */
  empty: ReactNode;
}) {
  return (
    <Section title={title} description={description} actions={actions}>
      {list.isError ? (
        <ErrorPanel error={list.error} title={errorTitle} />
      ) : (
        <>
          {notes}
          <DataTable
            {...table}
            getRowId={(row) => row.id}
            initialSorting={[{ id: "name", desc: false }]}
            empty={list.isPending ? "Loading…" : table.empty}
          />
        </>
      )}
    </Section>
  );
}
