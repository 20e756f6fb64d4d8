import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AZURE_CLI_CLIENT_ID } from "../../lib/azure/wellKnown.js";
import { setMeta } from "../../emulator/store/db.js";
import { EMPTY_SEED } from "../../emulator/seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../../emulator/testing/harness.js";
import { PROTOTYPE_KEYS } from "./support/abusiveInputs.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin;
const RG = "rg-hardening";
const API = "api-version=2025-12-03";
const GALLERY = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/hardened?${API}`;

interface ArmErrorBody {
  error: { code: string; message: string; details?: { code: string; message: string }[] };
}

describe("keys a request chooses never reach Object.prototype", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator({ resourceGraphQuota: { quota: 1000, windowMs: 5_000 } });
  });
  afterAll(() => em.close());

  it.each(PROTOTYPE_KEYS)(
    "token endpoint: grant_type=%s is AADSTS70003 unsupported_grant_type, with nothing of the server in it",
    async (key) => {
      const res = await fetch(`${em.url}/${EMPTY_SEED.tenantId}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: key,
          client_id: AZURE_CLI_CLIENT_ID,
          scope: "https://management.azure.com/.default",
        }),
      });
      const text = await res.text();
      expect(res.status).toBe(400);
      const body = JSON.parse(text) as { error: string; error_codes: number[]; error_description: string };
      expect(body.error).toBe("unsupported_grant_type");
      expect(body.error_codes).toEqual([70003]);
      expect(body.error_description).toContain(`unsupported grant type '${key}'`);
      expect(text.length).toBeLessThan(1_000);
      expect(text).not.toMatch(/dataDir|SELECT|CREATE TABLE/);
    },
  );

  it("token endpoint still serves MSAL's and the Azure CLI's form posts", async () => {
    const res = await fetch(`${em.url}/organizations/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded;charset=utf-8" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: AZURE_CLI_CLIENT_ID,
        username: ADMIN.upn,
        password: ADMIN.password,
        scope: "https://management.azure.com/.default offline_access",
      }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { access_token?: string }).access_token).toBeTruthy();
  });

  it.each(PROTOTYPE_KEYS)("Activity Log: a $filter on the field %s is ARM's BadRequest", async (key) => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const filter = encodeURIComponent(`eventTimestamp ge '${from}' and ${key} eq 'x'`);
    const res = await em.fetch(
      `/subscriptions/${SUB}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=${filter}`,
      { as: ADMIN.upn },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ArmErrorBody;
    expect(body.error.code).toBe("BadRequest");
    expect(body.error.message).toContain(`the field '${key}' is not supported`);
  });

  // KQL function names are case-insensitive, so toString() is Kusto's tostring(), not Object's.
  it.each(PROTOTYPE_KEYS.filter((k) => k !== "toString"))(
    "Resource Graph: %s() is an unknown function, InvalidQuery",
    async (key) => {
      const res = await em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01", {
        method: "POST",
        as: ADMIN.upn,
        body: JSON.stringify({ query: `resources | where ${key}(name) == 'x'` }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ArmErrorBody;
      expect(body.error.details?.map((d) => d.code)).toEqual(["InvalidQuery", "UnknownFunction"]);
    },
  );

  it("Resource Graph: members named after the prototype are absent, and columns named so are columns", async () => {
    const put = await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, {
      method: "PUT",
      as: ADMIN.upn,
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(put.status).toBe(201);
    const res = await em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01", {
      method: "POST",
      as: ADMIN.upn,
      body: JSON.stringify({
        query:
          "resourcecontainers | where name == 'rg-hardening' | extend __proto__ = name | project c = tostring(properties.constructor), p = tostring(properties.__proto__), __proto__",
      }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown>[] };
    expect(body.data).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(body.data[0]))).toEqual(JSON.parse(`{"c":"","p":"","__proto__":"${RG}"}`));
  });

  it("Graph: $orderby on a property the entity lacks (constructor) is Graph's error", async () => {
    const token = await em.token(ADMIN.upn, "https://graph.microsoft.com");
    const res = await fetch(`${em.url}/v1.0/users?$orderby=constructor`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ArmErrorBody).error.message).toContain("constructor");
  });

  it("a body keyed by __proto__ or constructor sets nothing", async () => {
    const res = await em.fetch(GALLERY, {
      method: "PUT",
      as: ADMIN.upn,
      body: '{"__proto__":{"location":"westeurope"},"constructor":{"prototype":{"location":"westeurope"}}}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ArmErrorBody).error.code).toBe("LocationRequired");
  });
});

describe("ARM reads JSON only", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator();
  });
  afterAll(() => em.close());

  it.each([
    ["application/x-www-form-urlencoded", "location=westeurope"],
    ["text/plain;charset=UTF-8", '{"location":"westeurope"}'],
    [
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="location"\r\n\r\nwesteurope\r\n--x--',
    ],
  ])("refuses a write sent as %s with 415 UnsupportedMediaType, and creates nothing", async (contentType, body) => {
    for (const path of [`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, GALLERY]) {
      const res = await em.fetch(path, {
        method: "PUT",
        as: ADMIN.upn,
        headers: { "Content-Type": contentType },
        body,
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({
        error: {
          code: "UnsupportedMediaType",
          message: `The content media type '${contentType}' is not supported. Only 'application/json' is supported.`,
        },
      });
    }
    expect(
      (await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, { as: ADMIN.upn })).status,
    ).toBe(404);
  });

  it("accepts JSON with a charset", async () => {
    const res = await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, {
      method: "PUT",
      as: ADMIN.upn,
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(res.status).toBe(201);
  });
});

describe("the control surface", () => {
  let em: TestEmulator;
  const clock = async () => ((await (await fetch(`${em.url}/_emulator/clock`)).json()) as { now: string }).now;
  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${em.url}${path}`, { method: "POST", body, headers });

  /** The first request after a restart may land on a kept-alive connection the old server closed: once more, then. */
  const healthAfterRestart = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${em.url}/_emulator/health`);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  };

  /** Stops the emulator and opens the same data directory again: it must be healthy, readable and writable. */
  const restartsHealthy = async () => {
    await em.restart();
    expect((await healthAfterRestart()).status).toBe(200);
    expect(Date.parse(await clock())).not.toBeNaN();
    const read = await em.fetch(GALLERY, { as: ADMIN.upn });
    expect(read.status, await read.clone().text()).toBe(200);
    // A new gallery each time: moving the clock back (as opening a broken directory does) leaves the last write's
    // operation in the future, so the old gallery is rightly busy.
    const fresh = GALLERY.replace("/hardened?", `/restarted${++restarts}?`);
    const write = await em.fetch(fresh, {
      method: "PUT",
      as: ADMIN.upn,
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(write.status, await write.clone().text()).toBe(201);
  };
  let restarts = 0;

  beforeAll(async () => {
    em = await startTestEmulator();
    const rg = await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, {
      method: "PUT",
      as: ADMIN.upn,
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(rg.status).toBe(201);
    const gallery = await em.fetch(GALLERY, {
      method: "PUT",
      as: ADMIN.upn,
      body: JSON.stringify({ location: "westeurope" }),
    });
    expect(gallery.status).toBe(201);
  });
  afterAll(() => em.close());

  it("refuses a cross-site text/plain POST from a foreign origin, and moves nothing", async () => {
    const before = await clock();
    const foreign = await post("/_emulator/clock", '{"advanceSeconds":86400}', {
      "Content-Type": "text/plain",
      Origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ArmErrorBody).error.code).toBe("ForeignOrigin");
    const plain = await post("/_emulator/clock", '{"advanceSeconds":86400}', { "Content-Type": "text/plain" });
    expect(plain.status).toBe(415);
    const lookalike = await post("/_emulator/clock", '{"advanceSeconds":86400}', {
      "Content-Type": "application/json",
      Origin: "http://localhost.evil.example",
    });
    expect(lookalike.status).toBe(403);
    const faults = await fetch(`${em.url}/_emulator/faults`, {
      method: "PUT",
      body: '{"rules":[]}',
      headers: { "Content-Type": "application/json", Origin: "null" },
    });
    expect(faults.status).toBe(403);
    expect(Date.parse(await clock()) - Date.parse(before)).toBeLessThan(60_000);
    await restartsHealthy();
  });

  it("accepts JSON from this machine's pages and from scripts", async () => {
    const page = await post("/_emulator/clock", '{"advanceSeconds":60}', {
      "Content-Type": "application/json",
      Origin: "http://localhost:3000",
    });
    expect(page.status).toBe(200);
    const script = await post("/_emulator/clock", '{"advanceSeconds":60}', { "Content-Type": "application/json" });
    expect(script.status).toBe(200);
  });

  it.each([
    ['{"advanceSeconds":1e300}', "past its range"],
    ['{"advanceSeconds":1e999}', "infinite"],
    ['{"advanceSeconds":-1}', "negative"],
    ['{"advanceSeconds":"3600"}', "a string"],
    ['{"advanceSeconds":null}', "null"],
    ["[3600]", "an array"],
    ['{"advanceSeconds":3200000000}', "over 100 years"],
  ])("answers advanceSeconds %s (%s) with a 400, and the emulator restarts healthy", async (body) => {
    const before = await clock();
    const res = await post("/_emulator/clock", body, { "Content-Type": "application/json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ArmErrorBody).error.code).toBe("InvalidParameter");
    expect(Math.abs(Date.parse(await clock()) - Date.parse(before))).toBeLessThan(60_000);
    await restartsHealthy();
  });

  it("refuses to move the clock past 9999-12-31 in steps", async () => {
    const res = await post("/_emulator/clock", '{"advanceSeconds":3000000000}', { "Content-Type": "application/json" });
    expect(res.status).toBe(200);
    let last = 200;
    for (let i = 0; i < 100 && last === 200; i++) {
      last = (await post("/_emulator/clock", '{"advanceSeconds":3000000000}', { "Content-Type": "application/json" }))
        .status;
    }
    expect(last).toBe(400);
    expect(Date.parse(await clock())).toBeLessThanOrEqual(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    await restartsHealthy();
  });

  it("opens a data directory whose stored clock is out of range (written before these checks) with the real time", async () => {
    setMeta(em.emulator.ctx.db, "clock.offsetMs", "1e300");
    await restartsHealthy();
    expect(Math.abs(Date.parse(await clock()) - Date.now())).toBeLessThan(60_000);
  });

  it.each([
    [
      '{"rules":[{"pathPattern":"**","replicationFailure":{"region":"westeurope","afterSeconds":1e300}}]}',
      "an endless replication delay",
    ],
    ['{"rules":[{"pathPattern":"**","latencyMs":1e300}]}', "an endless latency"],
    ['{"rules":"all"}', "rules that are not a list"],
    ['{"rules":[{"pathPattern":"**","__proto__":{"status":500}}]}', "a rule keyed by __proto__"],
  ])("refuses fault rules with %s (%s) with a 400, and the emulator restarts healthy", async (body) => {
    const res = await fetch(`${em.url}/_emulator/faults`, {
      method: "PUT",
      body,
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ArmErrorBody).error.code).toBe("InvalidParameter");
    await restartsHealthy();
  });

  it("answers an internal fault on an ARM path with ARM's error body, and a broken activity log does not change an answer", async () => {
    em.emulator.ctx.db.exec("ALTER TABLE activity_log RENAME TO activity_log_broken");
    const write = await em.fetch(GALLERY, {
      method: "PATCH",
      as: ADMIN.upn,
      body: JSON.stringify({ tags: { logged: "no" } }),
    });
    expect(write.status, await write.clone().text()).toBe(200);
    em.emulator.ctx.db.exec("ALTER TABLE activity_log_broken RENAME TO activity_log");
    em.emulator.ctx.db.exec("ALTER TABLE resources RENAME TO resources_broken");
    const read = await em.fetch(GALLERY, { as: ADMIN.upn });
    expect(read.status).toBe(500);
    expect(((await read.json()) as ArmErrorBody).error.code).toBe("InternalServerError");
    em.emulator.ctx.db.exec("ALTER TABLE resources_broken RENAME TO resources");
    await restartsHealthy();
  });
});
