import { createRow, type Row, type RowData, type RowModel, type Table } from "@tanstack/react-table";

/**
 * TanStack Table's core row model (flat rows, no sub-rows), keeping the rows it built for the previous data: a row
 * is reused while the same item sits at the same index. TanStack's own builds every row again for each new data
 * array, dozens of closures a row, which at 10,000 rows is a few hundred milliseconds; a list that grows by
 * appending (a version list streamed page by page) or replaces a few items (a version's replication read) then
 * builds only the rows that changed. Rows are built afresh when the columns change, as a row caches its values.
 */
export function reusedCoreRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) => {
    let data: readonly T[] | undefined;
    let columns: unknown;
    let model: RowModel<T> = { rows: [], flatRows: [], rowsById: {} };
    return () => {
      const next = table.options.data;
      if (next === data && table.options.columns === columns) return model;
      const previous = table.options.columns === columns ? model.rows : [];
      const rows: Row<T>[] = new Array(next.length);
      const rowsById: Record<string, Row<T>> = {};
      for (let i = 0; i < next.length; i++) {
        const item = next[i]!;
        const kept = previous[i];
        const row = kept && kept.original === item ? kept : createRow(table, table._getRowId(item, i), item, i, 0);
        rows[i] = row;
        rowsById[row.id] = row;
      }
      data = next;
      columns = table.options.columns;
      model = { rows, flatRows: rows, rowsById };
      return model;
    };
  };
}

/**
 * TanStack Table's sorted row model for flat rows, sorting the rows themselves: TanStack's own copies every row
 * (dozens of properties each) before sorting, so that it can give sub-rows their own order, which flat tables do
 * not have. The same order as TanStack's: each sort entry in turn through its column's sorting function, with
 * `sortUndefined`, `invertSorting` and `desc`, then the rows' index.
 */
export function flatSortedRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) => {
    let sorting: unknown;
    let source: RowModel<T> | undefined;
    let model: RowModel<T> | undefined;
    return () => {
      const state = table.getState().sorting;
      const rowModel = table.getPreSortedRowModel();
      if (model && state === sorting && rowModel === source) return model;
      sorting = state;
      source = rowModel;
      const entries = (state ?? []).flatMap((entry) => {
        const column = table.getColumn(entry.id);
        if (!column?.getCanSort()) return [];
        const { sortUndefined, invertSorting } = column.columnDef;
        return [
          { id: entry.id, desc: entry.desc ?? false, sortUndefined, invertSorting, sortingFn: column.getSortingFn() },
        ];
      });
      if (!rowModel.rows.length || !entries.length) return (model = rowModel);
      const rows = [...rowModel.rows].sort((a, b) => {
        for (const entry of entries) {
          let order = 0;
          if (entry.sortUndefined) {
            const aUndefined = a.getValue(entry.id) === undefined;
            const bUndefined = b.getValue(entry.id) === undefined;
            if (aUndefined || bUndefined) {
              if (entry.sortUndefined === "first") return aUndefined ? -1 : 1;
              if (entry.sortUndefined === "last") return aUndefined ? 1 : -1;
              order = aUndefined && bUndefined ? 0 : aUndefined ? entry.sortUndefined : -entry.sortUndefined;
            }
          }
          if (order === 0) order = entry.sortingFn(a, b, entry.id);
          if (order !== 0) return order * (entry.desc ? -1 : 1) * (entry.invertSorting ? -1 : 1);
        }
        return a.index - b.index;
      });
      model = { rows, flatRows: rows, rowsById: rowModel.rowsById };
      return model;
    };
  };
}
