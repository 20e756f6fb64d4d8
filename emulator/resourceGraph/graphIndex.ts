import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { RESOURCE_GROUP_TYPE } from "../resources/resourceGroups.js";
import type { ResourceRecord } from "../store/resources.js";
import { changesOutsideResources } from "../store/db.js";
import type { Row } from "./kql/evaluate.js";
import { readableRows } from "./rbacFilter.js";
import { isSoftDeletedType } from "../compute/galleryImageVersions/softDeletedVersions.model.js";
import { armView, viewChangesAt } from "./views.js";
import { DEPLOYMENT_TYPE } from "../resources/deployments.model.js";

/** The Resource Graph tables the emulator serves. */
export type GraphTable = "resources" | "resourcecontainers";
export const GRAPH_TABLES: readonly GraphTable[] = ["resources", "resourcecontainers"];

/** The columns of both tables, in Resource Graph's order. */
export const RESOURCE_COLUMNS = [
  "id",
  "name",
  "type",
  "tenantId",
  "kind",
  "location",
  "resourceGroup",
  "subscriptionId",
  "managedBy",
  "sku",
  "plan",
  "properties",
  "tags",
  "identity",
  "zones",
  "extendedLocation",
] as const;

export interface IndexedRow {
  /** Lower-cased resource id: the default order and the RBAC lookup key. */
  key: string;
  table: GraphTable;
  subscriptionId: string;
  /** The action that lets a caller see the row; undefined for subscriptions, which any role in them reveals. */
  readAction?: string;
  goneAt?: number;
  changesAt: number;
  record?: ResourceRecord;
  row: Row;
}

/** What the index reads: the stored resources and directory, and who may read them. */
export type GraphSources = Pick<EmulatorContext, "db" | "resources" | "directory" | "authorizer" | "roleAssignments">;

/**
 * Every resource as a Resource Graph row, built once and reused until the database changes. Resource Graph
 * answers thousands of rows per query, so re-reading and re-parsing every stored body each time would cost
 * more than the query. The database's change counter (SQLite `total_changes()` of the emulator's only
 * connection, less the sign-in grants' writes, which no row depends on) says when to rebuild; rows whose view
 * depends on the clock (running operations) are rebuilt when their transition time passes.
 */
export class GraphIndex {
  private changes = -1;
  private rows: IndexedRow[] = [];
  private validUntil = Infinity;
  private anyGone = false;
  private readonly perCaller = new Map<
    string,
    { subscriptions: Set<string>; rows: Map<GraphTable, IndexedRow[]>; allRows: Map<GraphTable, Row[]> }
  >();
  private readonly stmts;
  /** Changes whenever any row may have changed, so results computed from the rows can be kept until then. */
  generation = 0;

  constructor(private readonly ctx: GraphSources) {
    this.stmts = {
      changes: ctx.db.prepare<[], { n: number }>("SELECT total_changes() AS n"),
    };
  }

  /** The rows of a table the caller may read in the given subscriptions (lower-cased ids), live at `now`. */
  visibleRows(caller: Caller, table: GraphTable, subscriptions: ReadonlySet<string>, now: number): Row[] {
    this.refresh(now);
    const entry = this.forCaller(caller);
    const mine = entry.rows.get(table)!;
    // The common case, every visible subscription and nothing being deleted, needs no filtering.
    if (subscriptions.size === entry.subscriptions.size && !this.anyGone) {
      let all = entry.allRows.get(table);
      if (!all) entry.allRows.set(table, (all = mine.map((r) => r.row)));
      return all;
    }
    const out: Row[] = [];
    for (const r of mine) {
      if (subscriptions.has(r.subscriptionId) && (r.goneAt === undefined || r.goneAt > now)) out.push(r.row);
    }
    return out;
  }

  warm(now: number): void {
    this.refresh(now);
  }

  /** The subscriptions (lower-cased ids) of the caller's tenant in which the caller holds any role. */
  subscriptionsOf(caller: Caller, now: number): Set<string> {
    this.refresh(now);
    return this.forCaller(caller).subscriptions;
  }

  private forCaller(caller: Caller) {
    // A guest keeps its object id in every tenant; what it can read depends on the tenant its token is for.
    const key = `${caller.tenantId.toLowerCase()}|${caller.objectId}`;
    let entry = this.perCaller.get(key);
    if (!entry) {
      const { directory, authorizer } = this.ctx;
      const subscriptions = new Set(
        directory
          .subscriptions()
          .filter(
            (s) =>
              s.tenantId.toLowerCase() === caller.tenantId.toLowerCase() &&
              authorizer.hasAnyAccess(caller, s.subscriptionId),
          )
          .map((s) => s.subscriptionId.toLowerCase()),
      );
      const readable = readableRows(
        this.ctx,
        caller,
        this.rows.filter((r) => subscriptions.has(r.subscriptionId)),
      );
      const rows = new Map(GRAPH_TABLES.map((t) => [t, readable.filter((r) => r.table === t)]));
      entry = { subscriptions, rows, allRows: new Map() };
      this.perCaller.set(key, entry);
    }
    return entry;
  }

  private refresh(now: number): void {
    const changes = this.stmts.changes.get()!.n - changesOutsideResources(this.ctx.db);
    if (changes !== this.changes) {
      this.rebuild(now);
      this.changes = changes;
      this.generation++;
    } else if (now >= this.validUntil) {
      this.generation++;
      // Rows are updated in place, so the per-caller lists (which hold the same objects) stay current.
      for (const r of this.rows) if (r.record && r.changesAt <= now) Object.assign(r, this.indexRecord(r.record, now));
      for (const entry of this.perCaller.values()) entry.allRows.clear();
      this.validUntil = Math.min(...this.rows.map((r) => r.changesAt));
    }
  }

  private rebuild(now: number): void {
    const tenants = new Map(
      this.ctx.directory.subscriptions().map((s) => [s.subscriptionId.toLowerCase(), s.tenantId]),
    );
    this.tenantOf = (subscriptionId) => tenants.get(subscriptionId) ?? "";
    // Role assignments and role definitions belong to Resource Graph's authorizationresources table.
    // Soft-deleted image versions are kept beside the definition but are not resources Resource Graph shows;
    // nor is a deployment's history.
    const rows = this.ctx.resources
      .everyResource()
      .filter((record) => !isSoftDeletedType(record.type) && record.type !== DEPLOYMENT_TYPE)
      .map((record) => this.indexRecord(record, now));
    rows.push(
      ...this.ctx.directory
        .subscriptions()
        .map((s) => subscriptionRow(s.subscriptionId, s.tenantId, s.displayName, s.state)),
    );
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.rows = rows;
    this.anyGone = rows.some((r) => r.goneAt !== undefined);
    this.validUntil = rows.reduce((min, r) => Math.min(min, r.changesAt), Infinity);
    this.perCaller.clear();
  }

  private tenantOf: (subscriptionId: string) => string = () => "";

  private indexRecord(record: ResourceRecord, now: number): IndexedRow {
    const isGroup = record.type.toLowerCase() === RESOURCE_GROUP_TYPE.toLowerCase();
    const view = isGroup ? { ...record.body, properties: { provisioningState: "Succeeded" } } : armView(record, now);
    const subscriptionId = record.subscriptionId.toLowerCase();
    const row: Row = {
      id: view.id ?? record.id,
      name: view.name ?? record.name,
      type: isGroup ? "microsoft.resources/subscriptions/resourcegroups" : record.type.toLowerCase(),
      tenantId: this.tenantOf(subscriptionId),
      kind: view.kind ?? "",
      location: view.location ?? record.location ?? "",
      resourceGroup: (record.resourceGroup ?? "").toLowerCase(),
      subscriptionId,
      managedBy: view.managedBy ?? "",
      sku: view.sku ?? null,
      plan: view.plan ?? null,
      properties: view.properties ?? {},
      tags: view.tags ?? null,
      identity: view.identity ?? null,
      zones: view.zones ?? null,
      extendedLocation: view.extendedLocation ?? null,
    };
    return {
      key: record.key,
      table: isGroup ? "resourcecontainers" : "resources",
      subscriptionId,
      readAction: isGroup ? "Microsoft.Resources/subscriptions/resourceGroups/read" : `${record.type}/read`,
      ...(record.goneAt !== undefined ? { goneAt: record.goneAt } : {}),
      changesAt: viewChangesAt(record, now),
      record,
      row,
    };
  }
}

function subscriptionRow(subscriptionId: string, tenantId: string, displayName: string, state: string): IndexedRow {
  const id = `/subscriptions/${subscriptionId}`;
  return {
    key: id.toLowerCase(),
    table: "resourcecontainers",
    subscriptionId: subscriptionId.toLowerCase(),
    changesAt: Infinity,
    row: {
      id,
      name: displayName,
      type: "microsoft.resources/subscriptions",
      tenantId,
      kind: "",
      location: "",
      resourceGroup: "",
      subscriptionId,
      managedBy: "",
      sku: null,
      plan: null,
      properties: {
        state,
        subscriptionPolicies: {
          locationPlacementId: "Public_2014-09-01",
          quotaId: "PayAsYouGo_2014-09-01",
          spendingLimit: "Off",
        },
      },
      tags: null,
      identity: null,
      zones: null,
      extendedLocation: null,
    },
  };
}
