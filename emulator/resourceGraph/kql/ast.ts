import type { SourcePosition } from "./errors.js";

/** The parsed form of the KQL subset the emulator's Resource Graph answers (see docs/emulator.md, "Resource Graph"). */

export type Expr =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "column"; name: string; at: SourcePosition }
  | { kind: "member"; target: Expr; key: string | number }
  | { kind: "call"; name: string; args: Expr[]; at: SourcePosition }
  | { kind: "binary"; op: string; left: Expr; right: Expr }
  | { kind: "in"; op: "in" | "in~" | "!in" | "!in~"; left: Expr; list: Expr[] };

export interface NamedExpr {
  name: string;
  expr: Expr;
}

export interface SortKey {
  expr: Expr;
  descending: boolean;
}

export interface Aggregate {
  name: string;
  fn: "count" | "dcount";
  arg?: Expr;
}

export type Operator =
  | { kind: "where"; predicate: Expr }
  | { kind: "extend"; columns: NamedExpr[] }
  | { kind: "project"; columns: NamedExpr[] }
  | { kind: "project-away"; names: string[] }
  | { kind: "sort"; keys: SortKey[] }
  | { kind: "top"; count: number; key: SortKey }
  | { kind: "take"; count: number }
  | { kind: "summarize"; aggregates: Aggregate[]; by: NamedExpr[] }
  | { kind: "count" }
  | { kind: "distinct"; columns: NamedExpr[] };

export interface Query {
  /** The table as written, lower-cased; `resources` when the query starts with an operator, as Resource Graph allows. */
  table: string;
  operators: Operator[];
}
