import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import { GrantStore } from "../identity/grants.js";
import { SCALE_SEED as S } from "../seed/scale.js";
import { EMULATOR_DASHBOARD_CLIENT_ID } from "../../lib/azure/wellKnown.js";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "../testing/harness.js";

const ADMIN = S.admin.upn;
const READER = S.reader.upn;
const NO_ACCESS = S.user.upn;
const SUBSCRIPTIONS = 4;
const SEED = `scale:subscriptions=${SUBSCRIPTIONS},galleries=2,definitions=3,versions=2`;
const GALLERY_TYPES = [
  "microsoft.compute/galleries",
  "microsoft.compute/galleries/images",
  "microsoft.compute/galleries/images/versions",
];
const INVENTORY = `resources | where type in~ ('${GALLERY_TYPES.join("', '")}') | project id, name, type, subscriptionId, resourceGroup, location, properties`;
const PATH = "/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01";

interface GraphResponse {
  totalRecords: number;
  count: number;
  resultTruncated: string;
  $skipToken?: string;
  data: Record<string, unknown>[];
  facets: unknown[];
}

async function query(em: TestEmulator, as: string, body: Record<string, unknown>, path = PATH) {
  const res = await em.fetch(path, { method: "POST", as, body: JSON.stringify(body) });
  return {
    res,
    json: (await res.json()) as GraphResponse & {
      error?: { code: string; message: string; details: Record<string, unknown>[] };
    },
  };
}

async function allPages(em: TestEmulator, as: string, body: Record<string, unknown>, top: number) {
  const rows: Record<string, unknown>[] = [];
  let skipToken: string | undefined;
  let pages = 0;
  let totalRecords = -1;
  do {
    const { res, json } = await query(em, as, {
      ...body,
      options: { $top: top, ...(skipToken ? { $skipToken: skipToken } : {}) },
    });
    expect(res.status).toBe(200);
    expect(json.count).toBe(json.data.length);
    expect(json.count).toBeLessThanOrEqual(top);
    totalRecords = json.totalRecords;
    rows.push(...json.data);
    skipToken = json.$skipToken;
    pages++;
  } while (skipToken);
  return { rows, pages, totalRecords };
}

async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}

describe("Resource Graph over the scale seed", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    // These tests send more queries than Azure's 15 per 5 s; throttling has its own tests below.
    em = await startTestEmulator({ seed: SEED, resourceGraphQuota: { quota: 100_000, windowMs: 5_000 } });
  });
  afterAll(() => em.close());

  it("returns the galleries, definitions and versions ARM lists, with the same properties", async () => {
    const armRows = new Map<string, { type: string; properties: unknown }>();
    for (let n = 1; n <= SUBSCRIPTIONS; n++) {
      const compute = em.compute(ADMIN, S.subscriptionId(n));
      for (const gallery of await collect(compute.galleries.list())) {
        armRows.set(gallery.id!, { type: gallery.type!, properties: await rawGet(gallery.id!) });
        for (const image of await collect(compute.galleryImages.listByGallery(S.resourceGroup, gallery.name!))) {
          armRows.set(image.id!, { type: image.type!, properties: await rawGet(image.id!) });
          for (const version of await collect(
            compute.galleryImageVersions.listByGalleryImage(S.resourceGroup, gallery.name!, image.name!),
          )) {
            armRows.set(version.id!, { type: version.type!, properties: await rawGet(version.id!) });
          }
        }
      }
    }
    expect(armRows.size).toBe(SUBSCRIPTIONS * 2 * (1 + 3 * (1 + 2)));

    const { rows, totalRecords } = await allPages(em, ADMIN, { query: INVENTORY }, 1000);
    expect(totalRecords).toBe(armRows.size);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(armRows.keys()));
    for (const row of rows) {
      const arm = armRows.get(String(row.id))!;
      expect(row.type).toBe(arm.type.toLowerCase());
      expect(row.properties).toEqual(arm.properties);
      expect(row.resourceGroup).toBe(S.resourceGroup);
      expect(String(row.id).toLowerCase()).toContain(`/subscriptions/${row.subscriptionId}/`);
    }
  });

  async function rawGet(id: string): Promise<unknown> {
    const res = await em.fetch(`${id}?api-version=2025-03-03`, { as: ADMIN });
    expect(res.status).toBe(200);
    return ((await res.json()) as { properties: unknown }).properties;
  }

  it("sees a gallery created through ARM at once, with its provisioningState", async () => {
    const sub = S.subscriptionId(1);
    const compute = em.compute(ADMIN, sub);
    await compute.galleries.beginCreateOrUpdateAndWait(
      S.resourceGroup,
      "fresh_gallery",
      { location: "westeurope" },
      FAST_POLL,
    );
    const { json } = await query(em, ADMIN, {
      subscriptions: [sub],
      query:
        "resources | where type =~ 'Microsoft.Compute/galleries' and name == 'fresh_gallery' | project name, state = tostring(properties.provisioningState)",
    });
    expect(json.data).toEqual([{ name: "fresh_gallery", state: "Succeeded" }]);
    await compute.galleries.beginDeleteAndWait(S.resourceGroup, "fresh_gallery", FAST_POLL);
    const after = await query(em, ADMIN, {
      subscriptions: [sub],
      query: "resources | where name == 'fresh_gallery' | count",
    });
    expect(after.json.data).toEqual([{ Count: 0 }]);
  });

  it("keeps its rows through a sign-in (codes and refresh tokens are no resources), and reads a resource write", async () => {
    const index = em.emulator.ctx.resourceGraph.index;
    const galleries = (name: string) =>
      query(em, ADMIN, {
        query: `resources | where type =~ 'Microsoft.Compute/galleries' and name == '${name}' | count`,
      });
    await galleries("signed_in_gallery");
    const built = index.generation;
    // What the authorize and token endpoints write for a sign-in and a refresh.
    const grants = new GrantStore(em.emulator.ctx.db);
    const grant = { clientId: EMULATOR_DASHBOARD_CLIENT_ID, objectId: S.admin.objectId, tenantId: S.tenantId };
    const code = grants.issueCode({
      ...grant,
      redirectUri: "http://localhost/redirect",
      codeChallenge: "c",
      scope: "openid",
    });
    expect(grants.redeemCode(code).status).toBe("ok");
    grants.issueRefreshToken(grant, 3600);
    expect((await galleries("signed_in_gallery")).json.data).toEqual([{ Count: 0 }]);
    expect(index.generation).toBe(built);

    const compute = em.compute(ADMIN, S.subscriptionId(1));
    await compute.galleries.beginCreateOrUpdateAndWait(
      S.resourceGroup,
      "signed_in_gallery",
      { location: "westeurope" },
      FAST_POLL,
    );
    expect((await galleries("signed_in_gallery")).json.data).toEqual([{ Count: 1 }]);
    expect(index.generation).toBeGreaterThan(built);
    await compute.galleries.beginDeleteAndWait(S.resourceGroup, "signed_in_gallery", FAST_POLL);
  });

  it("pages by $skipToken without losing or repeating a row", async () => {
    const { rows, pages, totalRecords } = await allPages(em, ADMIN, { query: `${INVENTORY} | order by id asc` }, 7);
    expect(totalRecords).toBe(SUBSCRIPTIONS * 2 * (1 + 3 * 3));
    expect(pages).toBe(Math.ceil(totalRecords / 7));
    const ids = rows.map((r) => String(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(totalRecords);
    expect(ids).toEqual([...ids].sort());
  });

  it("pages the default order too, 100 rows a page unless $top says otherwise", async () => {
    const first = await query(em, ADMIN, { query: INVENTORY });
    expect(first.json.count).toBe(80);
    expect(first.json.$skipToken).toBeUndefined();
    const { rows, pages } = await allPages(em, ADMIN, { query: INVENTORY }, 33);
    expect(pages).toBe(3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(80);
  });

  it("truncates results without an id column instead of paging them", async () => {
    const { json } = await query(em, ADMIN, { query: "resources | project name, type", options: { $top: 5 } });
    expect(json).toMatchObject({ count: 5, resultTruncated: "true" });
    expect(json.$skipToken).toBeUndefined();
  });

  it("shows a caller only what its roles let it read", async () => {
    const reader = await allPages(em, READER, { query: INVENTORY }, 1000);
    const readerSubs = new Set(reader.rows.map((r) => r.subscriptionId));
    expect(readerSubs).toEqual(new Set([2, 4].map((n) => S.subscriptionId(n))));
    expect(reader.totalRecords).toBe(2 * 2 * 10);

    const none = await query(em, NO_ACCESS, { query: INVENTORY });
    expect(none.json).toMatchObject({ totalRecords: 0, count: 0, data: [] });

    // Naming a subscription the caller cannot see yields nothing from it, not an error.
    const named = await query(em, READER, {
      subscriptions: [S.subscriptionId(1), S.subscriptionId(2)],
      query: `${INVENTORY} | summarize count() by subscriptionId`,
    });
    expect(named.json.data).toEqual([{ subscriptionId: S.subscriptionId(2), count_: 20 }]);
  });

  it("follows a role assigned on one gallery: that gallery and what it contains, nothing else there", async () => {
    const galleryId = `/subscriptions/${S.subscriptionId(3)}/resourceGroups/${S.resourceGroup}/providers/Microsoft.Compute/galleries/${S.galleryName(1)}`;
    em.emulator.ctx.roleAssignments.create({
      scope: galleryId,
      roleDefinitionGuid: BUILT_IN_ROLE_IDS.Reader,
      principalId: S.user.objectId,
      principalType: "User",
    });
    const { json } = await query(em, NO_ACCESS, {
      query: `${INVENTORY} | summarize count() by type | order by type asc`,
    });
    expect(json.data).toEqual([
      { type: GALLERY_TYPES[0], count_: 1 },
      { type: GALLERY_TYPES[1], count_: 3 },
      { type: GALLERY_TYPES[2], count_: 6 },
    ]);
  });

  it("answers the table format with typed columns", async () => {
    const { json } = await query(em, ADMIN, {
      query: "resources | summarize count() by type | order by type asc",
      options: { resultFormat: "table" },
    });
    const data = json.data as unknown as { columns: { name: string; type: string }[]; rows: unknown[][] };
    expect(data.columns).toEqual([
      { name: "type", type: "string" },
      { name: "count_", type: "integer" },
    ]);
    expect(data.rows).toContainEqual([GALLERY_TYPES[0], SUBSCRIPTIONS * 2]);
  });

  it("lists subscriptions and resource groups in resourcecontainers", async () => {
    const { json } = await query(em, READER, {
      query: "resourcecontainers | summarize count() by type | order by type asc",
    });
    expect(json.data).toEqual([
      { type: "microsoft.resources/subscriptions", count_: 2 },
      { type: "microsoft.resources/subscriptions/resourcegroups", count_: 2 },
    ]);
  });

  it("refuses a query outside the subset with Resource Graph's error", async () => {
    const { res, json } = await query(em, ADMIN, { query: "resources | where name = 'x'" });
    expect(res.status).toBe(400);
    expect(json.error!.code).toBe("BadRequest");
    expect(json.error!.message).toMatch(
      /^Please provide below info when asking for support: timestamp = \S+, correlationId = \S+\.$/,
    );
    expect(json.error!.details).toEqual([
      {
        code: "InvalidQuery",
        message:
          "Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.",
      },
      {
        code: "ParserFailure",
        message: "ParserFailure",
        line: 1,
        characterPositionInLine: 23,
        token: "=",
        expectedToken: "|",
      },
    ]);
    const table = await query(em, ADMIN, { query: "securityresources | take 1" });
    expect(table.json.error!.details[1]).toEqual({
      code: "DisallowedLogicalTableName",
      message: "Table securityresources is invalid, unsupported or disallowed.",
    });
    const top = await query(em, ADMIN, { query: "resources", options: { $top: 1001 } });
    expect(top.res.status).toBe(400);
  });

  it("accepts the api-versions the SDKs send and refuses others", async () => {
    for (const v of ["2021-03-01", "2022-10-01", "2024-04-01"]) {
      const { res } = await query(
        em,
        ADMIN,
        { query: "resources | take 1" },
        `/providers/Microsoft.ResourceGraph/resources?api-version=${v}`,
      );
      expect(res.status).toBe(200);
    }
    const { res, json } = await query(
      em,
      ADMIN,
      { query: "resources" },
      "/providers/Microsoft.ResourceGraph/resources?api-version=2020-01-01",
    );
    expect(res.status).toBe(400);
    expect(json.error!.code).toBe("InvalidApiVersionParameter");
  });
});

describe("Resource Graph throttling and latency", () => {
  it("answers 429 with Retry-After past the per-user quota, and reports the quota on every response", async () => {
    const em = await startTestEmulator({
      seed: "scale:subscriptions=1,galleries=1,definitions=1,versions=1",
      resourceGraphQuota: { quota: 3, windowMs: 1_500 },
    });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { res } = await query(em, ADMIN, { query: "resources | count" });
        expect(res.status).toBe(200);
        remaining.push(res.headers.get("x-ms-user-quota-remaining")!);
        expect(res.headers.get("x-ms-user-quota-resets-after")).toMatch(/^00:00:0[0-2]$/);
      }
      expect(remaining).toEqual(["2", "1", "0"]);

      const throttled = await query(em, ADMIN, { query: "resources | count" });
      expect(throttled.res.status).toBe(429);
      expect(Number(throttled.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(throttled.res.headers.get("x-ms-user-quota-remaining")).toBe("0");
      expect(throttled.json.error).toMatchObject({ code: "RateLimiting", details: [{ code: "RateLimiting" }] });

      // The quota is per user.
      expect((await query(em, READER, { query: "resources | count" })).res.status).toBe(200);

      await new Promise((r) => setTimeout(r, Number(throttled.res.headers.get("retry-after")) * 1000));
      expect((await query(em, ADMIN, { query: "resources | count" })).res.status).toBe(200);
    } finally {
      await em.close();
    }
  });

  it("adds EMULATOR_LATENCY_MS to every query", async () => {
    const em = await startTestEmulator({
      seed: "scale:subscriptions=1,galleries=1,definitions=1,versions=1",
      latencyMs: 250,
    });
    try {
      await query(em, ADMIN, { query: "resources | count" });
      const started = performance.now();
      const { res } = await query(em, ADMIN, { query: "resources | count" });
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    } finally {
      await em.close();
    }
  });
});
