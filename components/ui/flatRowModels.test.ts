import {
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type ColumnDef,
  type SortingState,
  type TableOptionsResolved,
} from "@tanstack/react-table";
import { describe, expect, it } from "vitest";
import { flatSortedRowModel, reusedCoreRowModel } from "./flatRowModels";

interface Item {
  id: string;
  size: number;
}

const columnsA: ColumnDef<Item, unknown>[] = [{ accessorKey: "size", id: "size" }];
const columnsB: ColumnDef<Item, unknown>[] = [{ accessorFn: (item) => item.size * 2, id: "size" }];

/** A table of rows with an `id`, sorted as given, with the row models under test. */
function tableWith<T extends { id: string }>(
  options: Pick<TableOptionsResolved<T>, "data" | "columns" | "getCoreRowModel" | "getSortedRowModel"> & {
    sorting: SortingState;
  },
) {
  const { sorting, ...rest } = options;
  return createTable<T>({
    ...rest,
    state: { sorting },
    onStateChange: () => {},
    renderFallbackValue: null,
    getRowId: (row) => row.id,
  });
}

function tableOf(data: Item[], columns = columnsA) {
  const table = tableWith({
    data,
    columns,
    sorting: [{ id: "size", desc: true }],
    getCoreRowModel: reusedCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return {
    table,
    set(next: Partial<TableOptionsResolved<Item>>) {
      table.setOptions((previous) => ({ ...previous, ...next }));
    },
  };
}

const items = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ id: `v${from + i}`, size: from + i }));

describe("reusedCoreRowModel", () => {
  it("keeps the rows of items still at their place when the data grows, and builds the new ones", () => {
    const first = items(0, 3);
    const { table, set } = tableOf(first);
    const before = table.getCoreRowModel().rows;
    set({ data: [...first, ...items(3, 5)] });
    const after = table.getCoreRowModel().rows;
    expect(after).toHaveLength(5);
    expect(after.slice(0, 3)).toEqual(before);
    after.slice(0, 3).forEach((row, i) => expect(row).toBe(before[i]));
    expect(after.map((row) => row.id)).toEqual(["v0", "v1", "v2", "v3", "v4"]);
    expect(table.getRowModel().rows.map((row) => row.id)).toEqual(["v4", "v3", "v2", "v1", "v0"]);
    expect(table.getCoreRowModel().rowsById.v4).toBe(after[4]);
  });

  it("builds the row of an item that was replaced, and of items that moved", () => {
    const first = items(0, 3);
    const { table, set } = tableOf(first);
    const before = table.getCoreRowModel().rows;
    const replaced = { id: "v1", size: 100 };
    set({ data: [first[0]!, replaced, first[2]!] });
    const after = table.getCoreRowModel().rows;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.getValue("size")).toBe(100);
    expect(table.getRowModel().rows[0]!.id).toBe("v1");
    set({ data: [first[2]!, first[0]!] });
    const moved = table.getCoreRowModel().rows;
    expect(moved.map((row) => row.index)).toEqual([0, 1]);
    expect(moved[0]).not.toBe(after[2]);
  });

  it("builds every row again when the columns change, as rows cache their values", () => {
    const first = items(1, 3);
    const { table, set } = tableOf(first);
    expect(table.getCoreRowModel().rows[1]!.getValue("size")).toBe(2);
    set({ columns: columnsB });
    expect(table.getCoreRowModel().rows[1]!.getValue("size")).toBe(4);
  });
});

describe("flatSortedRowModel", () => {
  interface Release {
    id: string;
    name: string;
    size?: number;
    tier: string;
  }
  const releases: Release[] = Array.from({ length: 60 }, (_, i) => ({
    id: `r${i}`,
    name: `1.${i % 7}.${(i * 13) % 11}`,
    ...(i % 5 === 0 ? {} : { size: (i * 37) % 9 }),
    tier: i % 3 === 0 ? "gold" : "silver",
  }));
  const columns: ColumnDef<Release, unknown>[] = [
    { accessorKey: "name", id: "name", sortingFn: (a, b) => a.original.name.localeCompare(b.original.name) },
    { accessorFn: (r) => r.size, id: "size", sortUndefined: "last" },
    { accessorFn: (r) => r.size, id: "sizeFirst", sortUndefined: -1 },
    { accessorKey: "tier", id: "tier", invertSorting: true },
    { id: "display", header: "not sortable" },
  ];
  const tableOf = (sorting: SortingState, sortedRowModel: TableOptionsResolved<Release>["getSortedRowModel"]) =>
    tableWith({
      data: releases,
      columns,
      sorting,
      getCoreRowModel: getCoreRowModel(),
      getSortedRowModel: sortedRowModel,
    });
  const order = (sorting: SortingState, sortedRowModel: TableOptionsResolved<Release>["getSortedRowModel"]) =>
    tableOf(sorting, sortedRowModel)
      .getRowModel()
      .rows.map((row) => row.id);

  it.each<[string, SortingState]>([
    ["one column, descending", [{ id: "name", desc: true }]],
    ["undefined values last", [{ id: "size", desc: false }]],
    ["undefined values last, descending", [{ id: "size", desc: true }]],
    ["undefined values as the lowest", [{ id: "sizeFirst", desc: true }]],
    [
      "an inverted column, then ties by another",
      [
        { id: "tier", desc: false },
        { id: "name", desc: false },
      ],
    ],
    ["ties kept in the data's order", [{ id: "tier", desc: true }]],
    [
      "a column that cannot sort is left out",
      [
        { id: "display", desc: true },
        { id: "size", desc: false },
      ],
    ],
    ["no sorting", []],
  ])("orders rows as TanStack's sorted row model does: %s", (_, sorting) => {
    expect(order(sorting, flatSortedRowModel())).toEqual(order(sorting, getSortedRowModel()));
  });

  it("sorts the rows themselves, not copies", () => {
    const table = tableOf([{ id: "name", desc: true }], flatSortedRowModel());
    const sorted = table.getRowModel().rows;
    expect(sorted.every((row) => table.getCoreRowModel().rowsById[row.id] === row)).toBe(true);
    expect(table.getRowModel().rows).toBe(sorted);
  });
});
