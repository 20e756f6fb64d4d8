import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { COMMUNITY_GALLERY_TABLE, communityGalleryRows } from "./communityGalleryResources.js";
import { GRAPH_TABLES, type GraphTable, RESOURCE_COLUMNS } from "./graphIndex.js";
import { KqlErrors } from "./kql/errors.js";
import { evaluateUnshaped, type Row, shapeWindow } from "./kql/evaluate.js";
import { parseQuery } from "./kql/parser.js";

/** Resource Graph's query model: scopes, the KQL pipeline over the caller's readable rows, and paging. */

export const MAX_PAGE_SIZE = 1000;
/** Rows per page when the request names no `$top`, as Resource Graph pages by default. */
export const DEFAULT_PAGE_SIZE = 100;

export type ResultFormat = "objectArray" | "table";

export interface QueryRequest {
  query: string;
  subscriptions?: string[];
  managementGroups?: string[];
  top?: number;
  skip?: number;
  /** Decoded `$skipToken`. */
  continuation?: Continuation;
  resultFormat: ResultFormat;
}

export interface Continuation {
  skip: number;
  top: number;
}

export interface QueryResponse {
  totalRecords: number;
  count: number;
  resultTruncated: "true" | "false";
  $skipToken?: string;
  data: Row[] | { columns: { name: string; type: string }[]; rows: unknown[][] };
  facets: [];
}

/**
 * Builds the row index ahead of the first query, and each user's readable rows in its home tenant (at 10,000
 * versions, 20 ms of RBAC per user, more on a busy machine). Resource Graph has no cold start, so seeds of many
 * resources warm it rather than let a user's first query pay for reading every stored resource.
 */
export function warmResourceGraph(ctx: EmulatorContext): void {
  const now = ctx.clock.now();
  ctx.resourceGraph.index.warm(now);
  for (const user of ctx.directory.principals({ kind: "User" })) {
    ctx.resourceGraph.index.subscriptionsOf(
      {
        objectId: user.objectId,
        tenantId: user.tenantId,
        kind: "User",
        clientName: user.upn ?? user.objectId,
        appId: "",
        ...(user.upn ? { upn: user.upn } : {}),
        displayName: user.displayName,
      },
      now,
    );
  }
}

/** Runs a query as the caller. Throws KqlError for queries outside the supported subset. */
export function runQuery(ctx: EmulatorContext, caller: Caller, request: QueryRequest): QueryResponse {
  const parsed = parseQuery(request.query);
  const community = parsed.table === COMMUNITY_GALLERY_TABLE;
  if (!community && !GRAPH_TABLES.includes(parsed.table as GraphTable)) throw KqlErrors.unknownTable(parsed.table);
  const now = ctx.clock.now();
  const index = ctx.resourceGraph.index;
  const scopes = scopeSubscriptions(index.subscriptionsOf(caller, now), caller, request);
  // Community galleries are public: their rows are the same for every caller and belong to no subscription.
  const rows = () =>
    community ? communityGalleryRows(ctx, now) : index.visibleRows(caller, parsed.table as GraphTable, scopes, now);
  const top = request.top ?? request.continuation?.top ?? DEFAULT_PAGE_SIZE;
  const skip = request.skip ?? request.continuation?.skip ?? 0;
  const unshaped = ctx.resourceGraph.cachedResult(
    community
      ? `${index.generation}|community|${request.query}`
      : `${index.generation}|${caller.tenantId}|${caller.objectId}|${[...scopes].sort().join(",")}|${request.query}`,
    () => evaluateUnshaped(parsed, { columns: [...RESOURCE_COLUMNS], rows: rows() }),
  );
  const result = shapeWindow(parsed, unshaped, { skip, top });

  const page = result.rows;
  const more = skip + page.length < result.total;
  // Resource Graph can only page results that keep the id column; others are cut at the page size.
  const pageable = result.columns.includes("id");
  return {
    totalRecords: result.total,
    count: page.length,
    resultTruncated: more && !pageable ? "true" : "false",
    ...(more && pageable ? { $skipToken: encodeContinuation({ skip: skip + page.length, top }) } : {}),
    data: request.resultFormat === "table" ? asTable(result.columns, page) : page,
    facets: [],
  };
}

/**
 * The subscriptions a query covers: those it names, or every one the caller can see (also for its tenant's
 * root management group, the only management group of the emulator), never one the caller cannot see.
 */
function scopeSubscriptions(visible: Set<string>, caller: Caller, request: QueryRequest): Set<string> {
  if (!request.subscriptions && !request.managementGroups) return visible;
  const scoped = new Set<string>();
  for (const s of request.subscriptions ?? []) if (visible.has(s.toLowerCase())) scoped.add(s.toLowerCase());
  if (request.managementGroups?.some((g) => g.toLowerCase() === caller.tenantId.toLowerCase()))
    visible.forEach((s) => scoped.add(s));
  return scoped;
}

function asTable(columns: string[], rows: Row[]) {
  return {
    columns: columns.map((name) => ({ name, type: columnType(rows.map((r) => r[name])) })),
    rows: rows.map((r) => columns.map((c) => r[c] ?? null)),
  };
}

function columnType(values: unknown[]): string {
  const v = values.find((x) => x !== null && x !== undefined);
  if (typeof v === "number")
    return values.every((x) => typeof x !== "number" || Number.isInteger(x)) ? "integer" : "number";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "object") return "object";
  return "string";
}

export function encodeContinuation(c: Continuation): string {
  return Buffer.from(JSON.stringify({ $skip: c.skip, $top: c.top }), "utf8").toString("base64");
}

/** The continuation in a `$skipToken`, or undefined when the token is not one the emulator issued. */
export function decodeContinuation(token: string): Continuation | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { $skip?: unknown; $top?: unknown };
    const { $skip: skip, $top: top } = parsed;
    if (
      Number.isInteger(skip) &&
      Number.isInteger(top) &&
      (skip as number) >= 0 &&
      (top as number) >= 1 &&
      (top as number) <= MAX_PAGE_SIZE
    ) {
      return { skip: skip as number, top: top as number };
    }
  } catch {
    // Not base64 JSON: an invalid token, reported by the caller.
  }
  return undefined;
}
