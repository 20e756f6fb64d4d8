"use client";

import {
  flexRender,
  getFilteredRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { startTransition, useDeferredValue, useId, useRef, useState, type ReactNode } from "react";
import { flatSortedRowModel, reusedCoreRowModel } from "@/components/ui/flatRowModels";

declare module "@tanstack/react-table" {
  // A declaration merge must repeat the interface's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-align numbers. */
    numeric?: boolean;
    /** The cell is the row header (the resource name). */
    rowHeader?: boolean;
  }
}

/** Rows assumed before they are measured; rows measure themselves once rendered. */
const ESTIMATED_ROW_HEIGHT = 45;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 8;
/** Up to this many rows the table renders them all and scrolls with the page, as any short table should. */
const VIRTUALIZE_ABOVE = 100;

/**
 * The one table of the portal: columns are data (TanStack Table definitions), sorting is built in, headers are
 * buttons with aria-sort so it works from the keyboard and with screen readers. Rows are virtualized (TanStack
 * Virtual): the table scrolls inside its own box and only the rows in view are in the DOM, so 10,000 rows cost
 * what 30 do, and cells that fetch (a version's replication) fetch only for rows on screen. With `filterLabel`
 * it gets a search box over its text columns; filtering and sorting render at low priority (useDeferredValue,
 * startTransition), so typing never waits for the rows. Rows are built once per item (reusedCoreRowModel) and sorted
 * without copies (flatSortedRowModel), so data that grows or changes in a few places costs what changed.
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  getRowId,
  initialSorting = [],
  empty,
  filterLabel,
}: {
  data: T[];
  // Column value types differ per column; TanStack types them per column helper.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  caption: string;
  getRowId: (row: T) => string;
  initialSorting?: SortingState;
  empty: ReactNode;
  /** Shows a search box with this label that keeps the rows whose text columns contain what is typed. */
  filterLabel?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter);
  const filterId = useId();
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: deferredFilter },
    onSortingChange: (updater) => startTransition(() => setSorting(updater)),
    getRowId,
    getCoreRowModel: reusedCoreRowModel(),
    getSortedRowModel: flatSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: "includesString",
    // Only text is searched: numbers here are dates and counts, and "17" should not match every timestamp.
    getColumnCanGlobalFilter: (column) => data.length > 0 && typeof column.accessorFn?.(data[0]!, 0) === "string",
  });
  const rows = table.getRowModel().rows;
  const virtualized = rows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: virtualized ? OVERSCAN : rows.length,
    getItemKey: (index) => rows[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div>
      {filterLabel && (
        <div className="mb-3 flex flex-col gap-1">
          <label htmlFor={filterId} className="text-xs font-medium text-slate-700">
            {filterLabel}
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600"
          />
        </div>
      )}
      <div
        ref={scrollRef}
        className={`${virtualized ? "max-h-[70vh] overflow-y-auto" : ""} relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm`}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-rowcount={rows.length + 1}>
          <caption className="sr-only">{caption}</caption>
          <thead className={`bg-slate-50 ${virtualized ? "sticky top-0 z-10" : ""}`}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = header.column.columnDef.meta?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`whitespace-nowrap px-3 py-2.5 font-semibold text-slate-700 ${numeric ? "text-right" : "text-left"}`}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-slate-950"
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true" className="text-xs text-slate-400">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-600">
                  {data.length > 0 && deferredFilter ? "No row matches this search." : empty}
                </td>
              </tr>
            ) : (
              <>
                {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
                {items.map((item) => {
                  const row = rows[item.index]!;
                  return (
                    <tr
                      key={row.id}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      aria-rowindex={item.index + 2}
                      className="hover:bg-slate-50"
                    >
                      {row.getVisibleCells().map((cell) => {
                        const meta = cell.column.columnDef.meta;
                        const className = `px-3 py-2.5 align-top ${meta?.numeric ? "text-right tabular-nums" : ""}`;
                        const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                        return meta?.rowHeader ? (
                          <th key={cell.id} scope="row" className={`${className} text-left font-medium`}>
                            {content}
                          </th>
                        ) : (
                          <td key={cell.id} className={className}>
                            {content}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
              </>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
