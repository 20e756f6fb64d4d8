import type { Expr, NamedExpr, Operator, Query, SortKey } from "./ast.js";
import { KqlErrors } from "./errors.js";

export type Row = Record<string, unknown>;

/** A table flowing through the pipeline: its column names, in order, and its rows. */
export interface Table {
  columns: string[];
  rows: Row[];
}

type Compiled = (row: Row) => unknown;

/**
 * A row whose prototype chain holds no property: column names are the query's, and `__proto__ = …` must make a
 * column, not a prototype, nor may `constructor` read one. Instances of a constructor whose prototype is such an
 * empty object keep V8's fast property layout, where `Object.create(null)` objects are dictionaries: 10,000 rows
 * through `extend` took twice as long.
 */
const RowPrototype = function RowObject() {} as unknown as new () => Row;
RowPrototype.prototype = Object.create(null) as Row;
const newRow = (): Row => new RowPrototype();

/** Runs a parsed query's operators over the rows of its table. */
export function evaluate(query: Query, input: Table): Table {
  return query.operators.reduce(applyOperator, input);
}

export interface Window {
  skip: number;
  top: number;
}

/** Where the trailing per-row operators of a query start. */
function shapingStart(query: Query): number {
  let split = query.operators.length;
  while (split > 0 && ROW_MAPS.has(query.operators[split - 1]!.kind)) split--;
  return split;
}

/**
 * The operators before the trailing per-row ones: the part that decides which rows, in which order. Its result
 * can be kept and windowed page after page (see query.ts).
 */
export function evaluateUnshaped(query: Query, input: Table): Table {
  return query.operators.slice(0, shapingStart(query)).reduce(applyOperator, input);
}

/**
 * The rows in `window` of an evaluateUnshaped result, with the total count. Trailing per-row operators (project,
 * extend, project-away) keep the row count, so they run on the window only: a page of a 40,000-row inventory
 * then shapes 1,000 rows, not 40,000.
 */
export function shapeWindow(query: Query, unshaped: Table, window: Window): Table & { total: number } {
  const page = { columns: unshaped.columns, rows: unshaped.rows.slice(window.skip, window.skip + window.top) };
  return { ...query.operators.slice(shapingStart(query)).reduce(applyOperator, page), total: unshaped.rows.length };
}

const ROW_MAPS = new Set<Operator["kind"]>(["project", "extend", "project-away"]);

function applyOperator(table: Table, op: Operator): Table {
  switch (op.kind) {
    case "where": {
      const predicate = compile(op.predicate, table.columns, "where");
      return { columns: table.columns, rows: table.rows.filter((r) => predicate(r) === true) };
    }
    case "extend": {
      const compiled = op.columns.map((c) => ({ name: c.name, fn: compile(c.expr, table.columns, "extend") }));
      const columns = [...table.columns];
      for (const c of op.columns) if (!columns.includes(c.name)) columns.push(c.name);
      return {
        columns,
        rows: table.rows.map((r) => {
          const out: Row = Object.assign(newRow(), r);
          for (const c of compiled) out[c.name] = c.fn(r);
          return out;
        }),
      };
    }
    case "project":
      return projectRows(table, op.columns, "project");
    case "project-away": {
      for (const name of op.names)
        if (!table.columns.includes(name)) throw KqlErrors.unresolvedName("project-away", name);
      const columns = table.columns.filter((c) => !op.names.includes(c));
      return projectRows(
        table,
        columns.map((name) => ({ name, expr: { kind: "column", name, at: { line: 1, column: 0 } } })),
        "project-away",
      );
    }
    case "sort":
      return { columns: table.columns, rows: sortRows(table, op.keys, "order") };
    case "top":
      return { columns: table.columns, rows: sortRows(table, [op.key], "top").slice(0, op.count) };
    case "take":
      return { columns: table.columns, rows: table.rows.slice(0, op.count) };
    case "count":
      return { columns: ["Count"], rows: [{ Count: table.rows.length }] };
    case "distinct": {
      const projected = projectRows(table, op.columns, "distinct");
      const seen = new Set<string>();
      const rows = projected.rows.filter((r) => {
        const key = JSON.stringify(projected.columns.map((c) => r[c] ?? null));
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { columns: projected.columns, rows };
    }
    case "summarize":
      return summarize(table, op);
  }
}

function projectRows(table: Table, columns: NamedExpr[], operator: string): Table {
  const compiled = columns.map((c) => ({ name: c.name, fn: compile(c.expr, table.columns, operator) }));
  return {
    columns: columns.map((c) => c.name),
    rows: table.rows.map((r) => {
      const out: Row = newRow();
      for (const c of compiled) out[c.name] = c.fn(r);
      return out;
    }),
  };
}

function sortRows(table: Table, keys: SortKey[], operator: string): Row[] {
  const compiled = keys.map((k) => ({ fn: compile(k.expr, table.columns, operator), sign: k.descending ? -1 : 1 }));
  const decorated = table.rows.map((row) => ({ row, values: compiled.map((k) => k.fn(row)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < compiled.length; i++) {
      const c = compareValues(a.values[i], b.values[i]);
      if (c !== 0) return c * compiled[i]!.sign;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}

function summarize(table: Table, op: Extract<Operator, { kind: "summarize" }>): Table {
  const by = op.by.map((b) => ({ name: b.name, fn: compile(b.expr, table.columns, "summarize") }));
  const aggregates = op.aggregates.map((a) => ({
    ...a,
    value: a.arg ? compile(a.arg, table.columns, "summarize") : undefined,
  }));
  const groups = new Map<string, { keys: unknown[]; rows: Row[] }>();
  for (const row of table.rows) {
    const keys = by.map((b) => b.fn(row) ?? null);
    const key = JSON.stringify(keys);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { keys, rows: [] }));
    group.rows.push(row);
  }
  // Without `by`, summarize yields one row even over no input (count() = 0), as Kusto does.
  if (by.length === 0 && groups.size === 0) groups.set("[]", { keys: [], rows: [] });
  const rows = [...groups.values()].map((g) => {
    const out: Row = newRow();
    by.forEach((b, i) => (out[b.name] = g.keys[i]));
    for (const a of aggregates) {
      out[a.name] =
        a.fn === "count" ? g.rows.length : new Set(g.rows.map((r) => JSON.stringify(a.value!(r) ?? null))).size;
    }
    return out;
  });
  return { columns: [...by.map((b) => b.name), ...aggregates.map((a) => a.name)], rows };
}

// Scalars. Resource Graph's dynamic values are JSON; a missing property is null, and null reads as '' in
// string comparisons (so `properties.x != 'a'` holds when x is absent, as `tostring(properties.x) != 'a'` would).

function compile(expr: Expr, columns: string[], operator: string): Compiled {
  switch (expr.kind) {
    case "literal": {
      const value = expr.value;
      return () => value;
    }
    case "column": {
      const name = expr.name;
      if (!columns.includes(name)) throw KqlErrors.unresolvedName(operator, name);
      return (row) => row[name];
    }
    case "member": {
      const target = compile(expr.target, columns, operator);
      const key = expr.key;
      return (row) => member(target(row), key);
    }
    case "call":
      return compileCall(
        expr.name,
        expr.args.map((a) => compile(a, columns, operator)),
      );
    case "in": {
      const left = compile(expr.left, columns, operator);
      const list = expr.list.map((e) => compile(e, columns, operator));
      const insensitive = expr.op.endsWith("~");
      const negate = expr.op.startsWith("!");
      if (expr.list.every((e) => e.kind === "literal")) {
        const members = new Set(expr.list.map((e) => normalise(text((e as { value: unknown }).value), insensitive)));
        return (row) => members.has(normalise(text(left(row)), insensitive)) !== negate;
      }
      return (row) => {
        const value = normalise(text(left(row)), insensitive);
        const found = list.some((item) => {
          const candidate = item(row);
          const values = Array.isArray(candidate) ? candidate : [candidate];
          return values.some((v) => normalise(text(v), insensitive) === value);
        });
        return found !== negate;
      };
    }
    case "binary":
      return compileBinary(expr.op, compile(expr.left, columns, operator), compile(expr.right, columns, operator));
  }
}

function compileBinary(op: string, left: Compiled, right: Compiled): Compiled {
  if (op === "and") return (r) => left(r) === true && right(r) === true;
  if (op === "or") return (r) => left(r) === true || right(r) === true;
  const negate = op.startsWith("!") && op !== "!=" && op !== "!~";
  const name = negate ? op.slice(1) : op;
  const test = binaryTest(name);
  return (r) => test(left(r), right(r)) !== negate;
}

function binaryTest(op: string): (a: unknown, b: unknown) => boolean {
  const ci = (f: (a: string, b: string) => boolean) => (a: unknown, b: unknown) =>
    f(text(a).toLowerCase(), text(b).toLowerCase());
  const cs = (f: (a: string, b: string) => boolean) => (a: unknown, b: unknown) => f(text(a), text(b));
  switch (op) {
    case "==":
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a === b : text(a) === text(b));
    case "!=":
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a !== b : text(a) !== text(b));
    case "=~":
      return ci((a, b) => a === b);
    case "!~":
      return ci((a, b) => a !== b);
    case "<":
      return (a, b) => compareValues(a, b) < 0;
    case "<=":
      return (a, b) => compareValues(a, b) <= 0;
    case ">":
      return (a, b) => compareValues(a, b) > 0;
    case ">=":
      return (a, b) => compareValues(a, b) >= 0;
    case "contains":
      return ci((a, b) => a.includes(b));
    case "contains_cs":
      return cs((a, b) => a.includes(b));
    case "startswith":
      return ci((a, b) => a.startsWith(b));
    case "startswith_cs":
      return cs((a, b) => a.startsWith(b));
    case "endswith":
      return ci((a, b) => a.endsWith(b));
    case "endswith_cs":
      return cs((a, b) => a.endsWith(b));
    case "has":
      return ci(hasTerm);
    case "has_cs":
      return cs(hasTerm);
    default:
      throw new Error(`unhandled operator ${op}`);
  }
}

/** Kusto's `has`: the needle occurs as a whole term, bounded by non-alphanumeric characters or the ends. */
function hasTerm(haystack: string, needle: string): boolean {
  if (needle === "") return true;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      return true;
  }
  return false;
}

const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...args: unknown[]) => unknown }> = {
  tostring: { arity: [1, 1], fn: (v) => text(v) },
  tolower: { arity: [1, 1], fn: (v) => text(v).toLowerCase() },
  toupper: { arity: [1, 1], fn: (v) => text(v).toUpperCase() },
  split: { arity: [2, 2], fn: (s, d) => text(s).split(text(d)) },
  strcat: { arity: [1, 64], fn: (...parts) => parts.map(text).join("") },
  strlen: { arity: [1, 1], fn: (v) => text(v).length },
  isempty: { arity: [1, 1], fn: (v) => v === null || v === undefined || v === "" },
  isnotempty: { arity: [1, 1], fn: (v) => !(v === null || v === undefined || v === "") },
  isnull: { arity: [1, 1], fn: (v) => v === null || v === undefined },
  isnotnull: { arity: [1, 1], fn: (v) => !(v === null || v === undefined) },
  not: { arity: [1, 1], fn: (v) => v !== true },
  toint: { arity: [1, 1], fn: toNumber },
  tolong: { arity: [1, 1], fn: toNumber },
  array_length: { arity: [1, 1], fn: (v) => (Array.isArray(v) ? v.length : null) },
  iff: { arity: [3, 3], fn: (c, a, b) => (c === true ? a : b) },
  iif: { arity: [3, 3], fn: (c, a, b) => (c === true ? a : b) },
};

function compileCall(name: string, args: Compiled[]): Compiled {
  // Function names are the query's: `constructor()` must not find Object's.
  const f = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!f) throw KqlErrors.unknownFunction(name);
  const [min, max] = f.arity;
  if (args.length < min || args.length > max)
    throw KqlErrors.wrongArgumentCount(name, min === max ? String(min) : `${min}-${max}`);
  return (row) => f.fn(...args.map((a) => a(row)));
}

function member(value: unknown, key: string | number): unknown {
  if (typeof key === "number") {
    if (!Array.isArray(value)) return null;
    return value[key < 0 ? value.length + key : key] ?? null;
  }
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.hasOwn(value, key) ? ((value as Row)[key] ?? null) : null;
  return null;
}

/** A value as Kusto's tostring() renders it: strings as they are, null as '', dynamic values as JSON. */
export function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function normalise(s: string, insensitive: boolean): string {
  return insensitive ? s.toLowerCase() : s;
}

function toNumber(v: unknown): number | null {
  const n = typeof v === "number" ? v : Number.parseInt(text(v), 10);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** Ordering for sort and comparisons: nulls first, numbers numerically, everything else by ordinal text. */
export function compareValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
