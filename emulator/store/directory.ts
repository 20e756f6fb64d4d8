import type { Db } from "./db.js";

export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
}

export type PrincipalKind = "User" | "Group" | "ServicePrincipal";

export interface Principal {
  objectId: string;
  tenantId: string;
  kind: PrincipalKind;
  displayName: string;
  upn?: string;
  mail?: string;
  password?: string;
  appId?: string;
  secret?: string;
  /** Which demo role this identity plays (platform-admin, publisher, consumer, ...). */
  persona?: string;
  extra?: Record<string, unknown>;
}

export interface Subscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: "Enabled" | "Disabled" | "Warned" | "PastDue" | "Deleted";
}

interface PrincipalRow {
  object_id: string;
  tenant_id: string;
  kind: PrincipalKind;
  display_name: string;
  upn: string | null;
  mail: string | null;
  password: string | null;
  app_id: string | null;
  secret: string | null;
  persona: string | null;
  extra: string;
}

/** Tenants, their directory objects and their subscriptions: what Entra ID and the subscription service know. */
export class DirectoryStore {
  constructor(private readonly db: Db) {}

  addTenant(t: Tenant): void {
    this.db
      .prepare("INSERT INTO tenants (tenant_id, display_name, default_domain) VALUES (?, ?, ?)")
      .run(t.tenantId, t.displayName, t.defaultDomain);
  }

  tenants(): Tenant[] {
    return (
      this.db.prepare("SELECT * FROM tenants ORDER BY display_name").all() as {
        tenant_id: string;
        display_name: string;
        default_domain: string;
      }[]
    ).map((r) => ({ tenantId: r.tenant_id, displayName: r.display_name, defaultDomain: r.default_domain }));
  }

  tenant(tenantId: string): Tenant | undefined {
    return this.tenants().find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
  }

  addPrincipal(p: Principal): void {
    this.db
      .prepare(
        `INSERT INTO principals (object_id, tenant_id, kind, display_name, upn, mail, password, app_id, secret, persona, extra)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.objectId,
        p.tenantId,
        p.kind,
        p.displayName,
        p.upn ?? null,
        p.mail ?? null,
        p.password ?? null,
        p.appId ?? null,
        p.secret ?? null,
        p.persona ?? null,
        JSON.stringify(p.extra ?? {}),
      );
  }

  addGroupMember(groupId: string, memberId: string): void {
    this.db.prepare("INSERT OR IGNORE INTO group_members (group_id, member_id) VALUES (?, ?)").run(groupId, memberId);
  }

  principal(objectId: string): Principal | undefined {
    const row = this.db.prepare("SELECT * FROM principals WHERE lower(object_id) = lower(?)").get(objectId) as
      PrincipalRow | undefined;
    return row && toPrincipal(row);
  }

  userByUpn(upn: string): Principal | undefined {
    const row = this.db.prepare("SELECT * FROM principals WHERE kind = 'User' AND lower(upn) = lower(?)").get(upn) as
      PrincipalRow | undefined;
    return row && toPrincipal(row);
  }

  servicePrincipalByAppId(appId: string): Principal | undefined {
    const row = this.db
      .prepare("SELECT * FROM principals WHERE kind = 'ServicePrincipal' AND lower(app_id) = lower(?)")
      .get(appId) as PrincipalRow | undefined;
    return row && toPrincipal(row);
  }

  principals(filter: { tenantId?: string; kind?: PrincipalKind } = {}): Principal[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM principals WHERE (@tenant IS NULL OR lower(tenant_id) = lower(@tenant))
         AND (@kind IS NULL OR kind = @kind) ORDER BY display_name`,
      )
      .all({ tenant: filter.tenantId ?? null, kind: filter.kind ?? null }) as PrincipalRow[];
    return rows.map(toPrincipal);
  }

  /** Groups the principal belongs to, directly or through nested groups. */
  groupsOf(objectId: string): string[] {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE g(id) AS (
           SELECT group_id FROM group_members WHERE lower(member_id) = lower(?)
           UNION SELECT gm.group_id FROM group_members gm JOIN g ON gm.member_id = g.id)
         SELECT id FROM g`,
      )
      .all(objectId) as { id: string }[];
    return rows.map((r) => r.id);
  }

  membersOf(groupId: string): Principal[] {
    const rows = this.db
      .prepare(
        `SELECT p.* FROM principals p JOIN group_members gm ON gm.member_id = p.object_id
         WHERE lower(gm.group_id) = lower(?) ORDER BY p.display_name`,
      )
      .all(groupId) as PrincipalRow[];
    return rows.map(toPrincipal);
  }

  addSubscription(s: Subscription): void {
    this.db
      .prepare("INSERT INTO subscriptions (subscription_id, tenant_id, display_name, state) VALUES (?, ?, ?, ?)")
      .run(s.subscriptionId, s.tenantId, s.displayName, s.state);
  }

  subscriptions(): Subscription[] {
    return (
      this.db.prepare("SELECT * FROM subscriptions ORDER BY display_name").all() as {
        subscription_id: string;
        tenant_id: string;
        display_name: string;
        state: Subscription["state"];
      }[]
    ).map((r) => ({
      subscriptionId: r.subscription_id,
      tenantId: r.tenant_id,
      displayName: r.display_name,
      state: r.state,
    }));
  }

  subscription(subscriptionId: string): Subscription | undefined {
    return this.subscriptions().find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
  }

  isEmpty(): boolean {
    return (this.db.prepare("SELECT count(*) AS n FROM tenants").get() as { n: number }).n === 0;
  }
}

function toPrincipal(r: PrincipalRow): Principal {
  return {
    objectId: r.object_id,
    tenantId: r.tenant_id,
    kind: r.kind,
    displayName: r.display_name,
    upn: r.upn ?? undefined,
    mail: r.mail ?? undefined,
    password: r.password ?? undefined,
    appId: r.app_id ?? undefined,
    secret: r.secret ?? undefined,
    persona: r.persona ?? undefined,
    extra: JSON.parse(r.extra) as Record<string, unknown>,
  };
}
