import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

/**
 * The emulator's whole state lives in one SQLite file (WAL), so it survives restarts and a write is
 * acknowledged only after its transaction committed. `synchronous=NORMAL` under WAL keeps committed data
 * across a killed process (the WAL is in the OS cache); only a power cut could lose the last transactions.
 */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, "emulator.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE tenants (
    tenant_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    default_domain TEXT NOT NULL
  );

  -- Users, groups and service principals of every tenant (Entra's directory objects).
  CREATE TABLE principals (
    object_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id),
    kind TEXT NOT NULL CHECK (kind IN ('User', 'Group', 'ServicePrincipal')),
    display_name TEXT NOT NULL,
    upn TEXT,
    mail TEXT,
    password TEXT,
    app_id TEXT,
    secret TEXT,
    persona TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
  );
  CREATE UNIQUE INDEX principals_upn ON principals (lower(upn)) WHERE upn IS NOT NULL;
  CREATE UNIQUE INDEX principals_app ON principals (lower(app_id)) WHERE app_id IS NOT NULL;

  CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES principals(object_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES principals(object_id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, member_id)
  );

  CREATE TABLE subscriptions (
    subscription_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id),
    display_name TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'Enabled'
  );

  -- Every ARM resource (resource groups included), keyed by its lower-cased id. body is the ARM JSON as
  -- stored (derived fields such as provisioningState are computed when read); state is emulator-only
  -- bookkeeping (operation timestamps, replication plan).
  CREATE TABLE resources (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    resource_group TEXT,
    parent_key TEXT,
    location TEXT,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    gone_at INTEGER
  );
  CREATE INDEX resources_parent ON resources (parent_key, key);
  CREATE INDEX resources_sub_type ON resources (subscription_id, type, key);
  CREATE INDEX resources_type ON resources (type, key);

  -- Long-running operations (capsOperations). Status is derived from ends_at and the clock.
  CREATE TABLE operations (
    operation_id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    location TEXT NOT NULL,
    resource_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    error TEXT
  );

  -- One-time authorization codes and refresh tokens of the identity provider.
  CREATE TABLE auth_codes (
    code TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE refresh_tokens (
    token TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
  // IF NOT EXISTS: databases made before this migration already hold the table (the store created it itself).
  `
  -- Activity Log events (Microsoft.Insights), one row per event; body is the event as the service returns it.
  CREATE TABLE IF NOT EXISTS activity_log (
    event_data_id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    resource_group TEXT,
    resource_id TEXT NOT NULL,
    resource_provider TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS activity_log_sub_time ON activity_log (subscription_id, timestamp);
  `,
];

function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/**
 * Rows changed through writeOutsideResources, per connection. Resource Graph's index compares SQLite's
 * `total_changes()` less these, so a sign-in or a token refresh does not make it re-read every resource.
 */
const outsideResources = new WeakMap<Db, number>();

/**
 * Runs a write to a table no resource view is built from (sign-in grants): Resource Graph's index does not count
 * it as a change (see changesOutsideResources).
 */
export function writeOutsideResources(db: Db, sql: string, ...params: unknown[]): void {
  const { changes } = db.prepare(sql).run(...params);
  outsideResources.set(db, (outsideResources.get(db) ?? 0) + changes);
}

/** How many of the connection's `total_changes()` were made through writeOutsideResources. */
export function changesOutsideResources(db: Db): number {
  return outsideResources.get(db) ?? 0;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    key,
    value,
  );
}
