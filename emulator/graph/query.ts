import type { PrincipalKind } from "../store/directory.js";
import { GraphErrors } from "./errors.js";
import { type GraphObject, selectableProperties } from "./views.js";

/** The OData query options Graph accepts on directory object collections, parsed and checked. */
export interface CollectionQuery {
  select?: string[];
  top: number;
  skip: number;
  count: boolean;
  matches: (o: GraphObject) => boolean;
  orderBy?: { property: string; descending: boolean };
}

const DEFAULT_PAGE_SIZE = 100;
const ENTITY_NAME: Record<PrincipalKind, string> = {
  User: "User",
  Group: "Group",
  ServicePrincipal: "ServicePrincipal",
};

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : undefined);
const unquote = (v: string) => v.replace(/''/g, "'");

export function selectOf(query: Record<string, string>, kinds: PrincipalKind[]): string[] | undefined {
  const raw = query["$select"];
  if (raw === undefined) return undefined;
  const allowed = new Set(kinds.flatMap(selectableProperties).map((p) => p.toLowerCase()));
  const select = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const property of select) {
    if (!allowed.has(property.toLowerCase()))
      throw GraphErrors.unknownProperty(
        property,
        kinds[0] === "ServicePrincipal" ? "servicePrincipal" : kinds[0]!.toLowerCase(),
      );
  }
  return select;
}

/** One `$filter` clause: `startswith(prop,'x')`, `prop eq 'x'` or `prop in ('x','y')`. */
function filterClause(clause: string, kind: PrincipalKind): (o: GraphObject) => boolean {
  const allowed = new Set(selectableProperties(kind));
  const property = (name: string) => {
    const found = [...allowed].find((p) => p.toLowerCase() === name.toLowerCase());
    if (!found) throw GraphErrors.unsupportedFilter(name, ENTITY_NAME[kind]);
    return found;
  };
  const startsWith = /^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(clause);
  if (startsWith) {
    const p = property(startsWith[1]!);
    const prefix = unquote(startsWith[2]!).toLowerCase();
    return (o) => lower(o[p])?.startsWith(prefix) ?? false;
  }
  const eq = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause);
  if (eq) {
    const p = property(eq[1]!);
    const value = unquote(eq[2]!).toLowerCase();
    return (o) => lower(o[p]) === value;
  }
  const inList = /^(\w+)\s+in\s+\((.*)\)$/i.exec(clause);
  if (inList) {
    const p = property(inList[1]!);
    const values = new Set([...inList[2]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => unquote(m[1]!).toLowerCase()));
    return (o) => values.has(lower(o[p]) ?? "");
  }
  throw GraphErrors.unsupportedFilter(/^\W*(\w+)/.exec(clause.replace(/^\w+\(/, ""))?.[1] ?? clause, ENTITY_NAME[kind]);
}

/** `$filter` with clauses joined by `or` and `and` (`and` binds tighter, as in OData). */
function filterOf(raw: string | undefined, kind: PrincipalKind): (o: GraphObject) => boolean {
  if (!raw?.trim()) return () => true;
  const alternatives = raw
    .trim()
    .split(/\s+or\s+/i)
    .map((alt) => alt.split(/\s+and\s+/i).map((c) => filterClause(c.trim().replace(/^\((.*)\)$/, "$1"), kind)));
  return (o) => alternatives.some((all) => all.every((clause) => clause(o)));
}

/**
 * `$search="displayName:wa" OR "mail:wa"`: a term matches when the property, split into words, has a word
 * starting with the value, as Graph tokenizes displayName and description.
 */
function searchOf(raw: string | undefined, kind: PrincipalKind): (o: GraphObject) => boolean {
  if (!raw?.trim()) return () => true;
  const parts = raw.trim().split(/\s+(OR|AND)\s+/);
  const terms = parts.filter((_, i) => i % 2 === 0);
  const operators = parts.filter((_, i) => i % 2 === 1);
  const allowed = new Set(selectableProperties(kind).map((p) => p.toLowerCase()));
  const predicates = terms.map((term) => {
    const m = /^"([^":]+):([^"]*)"$/.exec(term);
    if (!m || !allowed.has(m[1]!.toLowerCase())) throw GraphErrors.invalidSearch(raw);
    const property = selectableProperties(kind).find((p) => p.toLowerCase() === m[1]!.toLowerCase())!;
    const value = m[2]!.toLowerCase();
    return (o: GraphObject) => {
      const text = lower(o[property]);
      if (text === undefined) return false;
      return text.startsWith(value) || text.split(/[\s\-_.@,()]+/).some((word) => word.startsWith(value));
    };
  });
  return (o) => {
    let result = predicates[0]!(o);
    operators.forEach((op, i) => {
      result = op === "AND" ? result && predicates[i + 1]!(o) : result || predicates[i + 1]!(o);
    });
    return result;
  };
}

function isEventual(headers: Record<string, string | string[] | undefined>): boolean {
  const v = headers["consistencylevel"];
  return (Array.isArray(v) ? v[0] : v)?.toLowerCase() === "eventual";
}

export function collectionQueryOf(
  query: Record<string, string>,
  headers: Record<string, string | string[] | undefined>,
  kind: PrincipalKind,
): CollectionQuery {
  const eventual = isEventual(headers);
  if (query["$search"] !== undefined && !eventual) throw GraphErrors.searchNeedsConsistencyLevel();
  const count = query["$count"]?.toLowerCase() === "true";
  if (count && !eventual) throw GraphErrors.countNeedsConsistencyLevel();

  const filter = filterOf(query["$filter"], kind);
  const search = searchOf(query["$search"], kind);
  const orderByRaw = /^(\w+)(?:\s+(asc|desc))?$/i.exec(query["$orderby"]?.trim() ?? "");
  const orderBy = orderByRaw
    ? {
        property: orderByProperty(orderByRaw[1]!, kind),
        descending: orderByRaw[2]?.toLowerCase() === "desc",
      }
    : undefined;
  return {
    select: selectOf(query, [kind]),
    ...pagingOf(query),
    count,
    matches: (o) => filter(o) && search(o),
    orderBy,
  };
}

/** A property of the entity; any other name (`constructor` included) is Graph's unknown-property error. */
function orderByProperty(name: string, kind: PrincipalKind): string {
  const found = selectableProperties(kind).find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found)
    throw GraphErrors.unknownProperty(name, kind === "ServicePrincipal" ? "servicePrincipal" : kind.toLowerCase());
  return found;
}

/** `$top` (1–999, default 100) and the offset a `$skiptoken` from a previous nextLink carries. */
export function pagingOf(query: Record<string, string>): { top: number; skip: number } {
  let top = DEFAULT_PAGE_SIZE;
  if (query["$top"] !== undefined) {
    top = Number(query["$top"]);
    if (!Number.isInteger(top) || top < 1 || top > 999) throw GraphErrors.invalidPageSize(query["$top"]);
  }
  const skip = Number(Buffer.from(query["$skiptoken"] ?? "", "base64url").toString("utf8")) || 0;
  return { top, skip };
}

/** One page of `items` and the `$skiptoken` of the next, if any. */
export function pageOf<T>(items: T[], q: { top: number; skip: number }): { page: T[]; nextSkipToken?: string } {
  const page = items.slice(q.skip, q.skip + q.top);
  const next = q.skip + q.top;
  return {
    page,
    nextSkipToken: next < items.length ? Buffer.from(String(next), "utf8").toString("base64url") : undefined,
  };
}
