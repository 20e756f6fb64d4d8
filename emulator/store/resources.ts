import type { Clock } from "../clock.js";
import type { Db } from "./db.js";

/** The ARM JSON of a resource as stored. Derived fields (provisioningState, replicationStatus) are added on read. */
export interface ArmResourceBody {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface ResourceRecord<B extends ArmResourceBody = ArmResourceBody, S = unknown> {
  key: string;
  id: string;
  type: string;
  name: string;
  subscriptionId: string;
  resourceGroup?: string;
  parentKey?: string;
  location?: string;
  body: B;
  state: S;
  createdAt: number;
  updatedAt: number;
  /** When a delete completes; from then on the resource is gone. */
  goneAt?: number;
}

export interface Page<T> {
  items: T[];
  /** The key to continue after, when more items follow. */
  continueAfter?: string;
}

interface Row {
  key: string;
  id: string;
  type: string;
  name: string;
  subscription_id: string;
  resource_group: string | null;
  parent_key: string | null;
  location: string | null;
  body: string;
  state: string;
  created_at: number;
  updated_at: number;
  gone_at: number | null;
}

export const keyOf = (id: string) => id.toLowerCase().replace(/\/+$/, "");

/**
 * Generic storage of ARM resources, one row each. Reads hide resources whose delete has completed by the
 * emulator's clock; writes purge them, so a deleted name can be taken again.
 */
export class ResourceStore {
  private readonly stmts;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.stmts = {
      get: db.prepare<[string, number], Row>(
        "SELECT * FROM resources WHERE key = ? AND (gone_at IS NULL OR gone_at > ?)",
      ),
      upsert: db.prepare(
        `INSERT INTO resources (key, id, type, name, subscription_id, resource_group, parent_key, location, body, state,
           created_at, updated_at, gone_at)
         VALUES (@key, @id, @type, @name, @subscription_id, @resource_group, @parent_key, @location, @body, @state,
           @created_at, @updated_at, @gone_at)
         ON CONFLICT(key) DO UPDATE SET id = excluded.id, type = excluded.type, name = excluded.name,
           location = excluded.location, body = excluded.body, state = excluded.state,
           updated_at = excluded.updated_at, gone_at = excluded.gone_at`,
      ),
      delete: db.prepare<[string]>("DELETE FROM resources WHERE key = ?"),
      purge: db.prepare<[number]>("DELETE FROM resources WHERE gone_at IS NOT NULL AND gone_at <= ?"),
      children: db.prepare<[string, string, string, number, number], Row>(
        `SELECT * FROM resources WHERE parent_key = ? AND type = ? AND key > ? AND (gone_at IS NULL OR gone_at > ?)
         ORDER BY key LIMIT ?`,
      ),
      bySubscription: db.prepare<[string, string, string, number, number], Row>(
        `SELECT * FROM resources WHERE subscription_id = ? AND type = ? AND key > ? AND (gone_at IS NULL OR gone_at > ?)
         ORDER BY key LIMIT ?`,
      ),
      byResourceGroup: db.prepare<[string, string, string, string, number, number], Row>(
        `SELECT * FROM resources WHERE subscription_id = ? AND resource_group = ? AND type = ? AND key > ?
         AND (gone_at IS NULL OR gone_at > ?) ORDER BY key LIMIT ?`,
      ),
      countChildren: db.prepare<[string, number], { n: number }>(
        "SELECT count(*) AS n FROM resources WHERE parent_key = ? AND (gone_at IS NULL OR gone_at > ?)",
      ),
      countInGroup: db.prepare<[string, string, string, number], { n: number }>(
        `SELECT count(*) AS n FROM resources WHERE subscription_id = ? AND resource_group = ? AND type != ?
         AND (gone_at IS NULL OR gone_at > ?)`,
      ),
      countOfType: db.prepare<[string, string], { n: number }>(
        "SELECT count(*) AS n FROM resources WHERE subscription_id = ? AND type = ?",
      ),
      countByLocation: db.prepare<[string, string, string, number], { n: number }>(
        `SELECT count(*) AS n FROM resources WHERE subscription_id = ? AND type = ? AND location = ?
         AND (gone_at IS NULL OR gone_at > ?)`,
      ),
      findByName: db.prepare<[string, string, string, number], Row>(
        `SELECT * FROM resources WHERE subscription_id = ? AND type = ? AND lower(name) = lower(?)
         AND (gone_at IS NULL OR gone_at > ?) LIMIT 1`,
      ),
      allOfType: db.prepare<[string, number], Row>(
        "SELECT * FROM resources WHERE type = ? AND (gone_at IS NULL OR gone_at > ?) ORDER BY key",
      ),
      everyResource: db.prepare<[], Row>(
        "SELECT * FROM resources WHERE type NOT LIKE 'Microsoft.Authorization/%' ORDER BY key",
      ),
    };
  }

  get<B extends ArmResourceBody = ArmResourceBody, S = unknown>(id: string): ResourceRecord<B, S> | undefined {
    const row = this.stmts.get.get(keyOf(id), this.clock.now());
    return row ? fromRow<B, S>(row) : undefined;
  }

  put<B extends ArmResourceBody, S>(
    record: Omit<ResourceRecord<B, S>, "key" | "createdAt" | "updatedAt"> & { createdAt?: number },
  ): void {
    const now = this.clock.now();
    this.stmts.upsert.run({
      key: keyOf(record.id),
      id: record.id,
      type: record.type,
      name: record.name,
      subscription_id: record.subscriptionId.toLowerCase(),
      resource_group: record.resourceGroup?.toLowerCase() ?? null,
      parent_key: record.parentKey ? keyOf(record.parentKey) : null,
      location: record.location ?? null,
      body: JSON.stringify(record.body),
      state: JSON.stringify(record.state ?? {}),
      created_at: record.createdAt ?? now,
      updated_at: now,
      gone_at: record.goneAt ?? null,
    });
  }

  remove(id: string): void {
    this.stmts.delete.run(keyOf(id));
  }

  /** Drops resources whose delete completed, so their names are free again. */
  purge(): void {
    this.stmts.purge.run(this.clock.now());
  }

  listChildren<B extends ArmResourceBody = ArmResourceBody, S = unknown>(
    parentId: string,
    type: string,
    after = "",
    limit = 1_000_000,
  ): Page<ResourceRecord<B, S>> {
    return page<B, S>(this.stmts.children.all(keyOf(parentId), type, after, this.clock.now(), limit + 1), limit);
  }

  listBySubscription<B extends ArmResourceBody = ArmResourceBody, S = unknown>(
    subscriptionId: string,
    type: string,
    after = "",
    limit = 1_000_000,
  ): Page<ResourceRecord<B, S>> {
    return page<B, S>(
      this.stmts.bySubscription.all(subscriptionId.toLowerCase(), type, after, this.clock.now(), limit + 1),
      limit,
    );
  }

  listByResourceGroup<B extends ArmResourceBody = ArmResourceBody, S = unknown>(
    subscriptionId: string,
    resourceGroup: string,
    type: string,
    after = "",
    limit = 1_000_000,
  ): Page<ResourceRecord<B, S>> {
    return page<B, S>(
      this.stmts.byResourceGroup.all(
        subscriptionId.toLowerCase(),
        resourceGroup.toLowerCase(),
        type,
        after,
        this.clock.now(),
        limit + 1,
      ),
      limit,
    );
  }

  countChildren(parentId: string): number {
    return this.stmts.countChildren.get(keyOf(parentId), this.clock.now())!.n;
  }

  /** Resources inside a resource group (the group itself excluded). */
  countInResourceGroup(subscriptionId: string, resourceGroup: string, groupType: string): number {
    return this.stmts.countInGroup.get(
      subscriptionId.toLowerCase(),
      resourceGroup.toLowerCase(),
      groupType,
      this.clock.now(),
    )!.n;
  }

  /**
   * Every row of a type in the subscription, whatever its region or delete state: an index-only count, cheap with
   * 10,000 versions in place, that bounds countInLocation from above.
   */
  countOfTypeUpperBound(subscriptionId: string, type: string): number {
    return this.stmts.countOfType.get(subscriptionId.toLowerCase(), type)!.n;
  }

  countInLocation(subscriptionId: string, type: string, location: string): number {
    return this.stmts.countByLocation.get(subscriptionId.toLowerCase(), type, location, this.clock.now())!.n;
  }

  /** A resource of a type by name anywhere in the subscription (gallery names are unique per subscription). */
  findInSubscriptionByName<B extends ArmResourceBody = ArmResourceBody, S = unknown>(
    subscriptionId: string,
    type: string,
    name: string,
  ): ResourceRecord<B, S> | undefined {
    const row = this.stmts.findByName.get(subscriptionId.toLowerCase(), type, name, this.clock.now());
    return row ? fromRow<B, S>(row) : undefined;
  }

  allOfType<B extends ArmResourceBody = ArmResourceBody, S = unknown>(type: string): ResourceRecord<B, S>[] {
    return this.stmts.allOfType.all(type, this.clock.now()).map((r) => fromRow<B, S>(r));
  }

  /**
   * Every resource but role assignments and definitions, deletes in progress included (their `goneAt` tells when
   * they go), for indexes that track the clock themselves (Resource Graph).
   */
  everyResource(): ResourceRecord[] {
    return this.stmts.everyResource.all().map((r) => fromRow(r));
  }
}

/**
 * Narrows a record read without its type (one of every type, a parent by key) to the record of `type`, by its
 * stored type (case-insensitive, as ARM's).
 */
export function isOfType<B extends ArmResourceBody, S>(
  record: ResourceRecord,
  type: string,
): record is ResourceRecord<B, S> {
  return record.type.toLowerCase() === type.toLowerCase();
}

function page<B extends ArmResourceBody, S>(rows: Row[], limit: number): Page<ResourceRecord<B, S>> {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map((r) => fromRow<B, S>(r));
  return { items, continueAfter: more ? items[items.length - 1]!.key : undefined };
}

function fromRow<B extends ArmResourceBody = ArmResourceBody, S = unknown>(row: Row): ResourceRecord<B, S> {
  return {
    key: row.key,
    id: row.id,
    type: row.type,
    name: row.name,
    subscriptionId: row.subscription_id,
    resourceGroup: row.resource_group ?? undefined,
    parentKey: row.parent_key ?? undefined,
    location: row.location ?? undefined,
    body: JSON.parse(row.body) as B,
    state: JSON.parse(row.state) as S,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    goneAt: row.gone_at ?? undefined,
  };
}
