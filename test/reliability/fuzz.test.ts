import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../emulator/faults/prng.js";
import { EMPTY_SEED } from "../../emulator/seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../../emulator/testing/harness.js";
import { type HostileRequest, hostileRequests, oversizedBody } from "./support/hostileRequests.js";
import { hostileTokens } from "./support/hostileTokens.js";
import { reportFigures } from "./support/report.js";
import { SCALE } from "./support/scale.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-fuzz";
const GALLERY = "fuzzgallery";
const IMAGE = "fuzzimage";
const API = "api-version=2025-12-03";
/** Every this many cases, one carries a body over 4 MB (they are slow to send, so fewer of them). */
const OVERSIZED_EVERY = 97;
const HEALTH_EVERY = 50;
const ANSWER_TIMEOUT_MS = 5_000;

interface Answer {
  status: number;
  body: string;
}

/**
 * Raw HTTP, so paths reach the server exactly as written (fetch would resolve `..` and re-encode); one connection
 * per request, as the server rightly closes a connection whose request it could not parse.
 */
function send(base: URL, r: Pick<HostileRequest, "method" | "path" | "headers" | "body">): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        agent: false,
        method: r.method,
        path: r.path,
        headers: {
          ...r.headers,
          ...(r.body !== undefined ? { "Content-Length": String(Buffer.byteLength(r.body)) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    // A server may answer (413) and close before reading an oversized body; the answer is what counts.
    req.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e),
    );
    req.setTimeout(ANSWER_TIMEOUT_MS, () => {
      resolve({ status: 0, body: "no answer" });
      req.destroy();
    });
    req.on("close", () => resolve({ status: 0, body: "connection closed without an answer" }));
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

/** Entra's token endpoint error: an OAuth error code, a description and the AADSTS numbers. */
function isEntraErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; error_codes?: unknown };
    return (
      typeof body.error === "string" && typeof body.error_description === "string" && Array.isArray(body.error_codes)
    );
  } catch {
    return false;
  }
}

function isArmErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return (
      typeof body.error?.code === "string" &&
      body.error.code !== "" &&
      typeof body.error.message === "string" &&
      body.error.message !== ""
    );
  } catch {
    return false;
  }
}

describe("hostile input", () => {
  let em: TestEmulator;
  let base: URL;
  const seed = Number.parseInt(process.env.RELIABILITY_SEED ?? "", 10) || Math.floor(Math.random() * 2 ** 31);

  /** Everything a request could change: the resources and operations tables, row by row. */
  const snapshot = () => {
    const db = em.emulator.ctx.db;
    return {
      resources: db
        .prepare("SELECT key, body, state, created_at, updated_at, gone_at FROM resources ORDER BY key")
        .all(),
      operations: db.prepare("SELECT operation_id, ends_at, error FROM operations ORDER BY operation_id").all(),
      // The clock's offset and the fault rules: what the control surface could change.
      meta: db.prepare("SELECT key, value FROM meta ORDER BY key").all(),
      faults: JSON.stringify(em.emulator.ctx.faults.view().rules),
    };
  };

  beforeAll(async () => {
    em = await startTestEmulator({ lroSeconds: 0 });
    base = new URL(em.url);
    const put = async (path: string, body: unknown) => {
      const res = await em.fetch(path, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
    };
    await put(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2022-09-01`, { location: "westeurope" });
    const gallery = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}`;
    await put(`${gallery}?${API}`, {
      location: "westeurope",
      tags: { owner: "platform" },
      properties: { description: "fuzz target" },
    });
    await put(`${gallery}/images/${IMAGE}?${API}`, {
      location: "westeurope",
      properties: {
        identifier: { publisher: "Contoso", offer: "Fuzz", sku: "1" },
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
      },
    });
  });
  afterAll(() => em.close());

  it(
    `answers ${SCALE.fuzzCases} malformed requests with a 4xx and ARM's error body, stays up and changes nothing`,
    async () => {
      console.log(`[reliability] hostile input seed=${seed} (rerun with RELIABILITY_SEED=${seed})`);
      const random = mulberry32(seed);
      const tokens = await hostileTokens(em, ADMIN);
      const authorization = `Bearer ${await em.token(ADMIN)}`;
      const cases = hostileRequests(SCALE.fuzzCases, random, {
        subscriptionId: SUB,
        resourceGroup: RG,
        gallery: GALLERY,
        image: IMAGE,
        authorization,
        tokens,
      });
      for (let i = 0; i < cases.length; i += OVERSIZED_EVERY) {
        cases[i] = {
          category: "body over 4 MB",
          method: "PUT",
          path: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/big${i}?${API}`,
          headers: { Authorization: authorization, "Content-Type": "application/json" },
          body: oversizedBody(),
          expect401: false,
        };
      }

      const before = snapshot();
      const failures: string[] = [];
      const serverErrors: string[] = [];
      const byCategory = new Map<string, number>();
      let unauthorized = 0;
      let accepted = 0;
      let healthChecks = 0;
      for (const [i, c] of cases.entries()) {
        byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
        const answer = await send(base, c);
        const describe = `#${i} ${c.category}: ${c.method} ${c.path.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 300)}`;
        if (answer.status >= 500) serverErrors.push(describe);
        if (answer.status < 400) accepted++;
        if (c.expect401 && answer.status !== 401) unauthorized++;
        const ok = c.expect401 ? answer.status === 401 : answer.status >= 400 && answer.status < 500;
        if (!ok || !(c.errorShape === "entra" ? isEntraErrorBody(answer.body) : isArmErrorBody(answer.body)))
          failures.push(describe);
        if (i % HEALTH_EVERY === 0) {
          expect((await send(base, { method: "GET", path: "/_emulator/health", headers: {} })).status).toBe(200);
          healthChecks++;
        }
      }
      const after = snapshot();

      reportFigures("hostile input", {
        seed,
        tried: cases.length,
        handled: cases.length - failures.length,
        serverErrors: serverErrors.length,
        accepted,
        unauthorized,
        tokenFaults: cases.filter((c) => c.expect401).length,
        oversized: byCategory.get("body over 4 MB") ?? 0,
        prototypeKeys: byCategory.get("prototype key") ?? 0,
        nesting: byCategory.get("nesting") ?? 0,
        expansion: byCategory.get("expansion") ?? 0,
        contentTypes: byCategory.get("content type") ?? 0,
        controlSurface: byCategory.get("control surface") ?? 0,
        healthChecks,
        stateUnchanged: JSON.stringify(after) === JSON.stringify(before) ? "yes" : "no",
      });
      expect(serverErrors, `seed ${seed}`).toEqual([]);
      expect(failures, `seed ${seed}`).toEqual([]);
      expect(unauthorized).toBe(0);
      expect(accepted).toBe(0);
      expect(after).toEqual(before);
      // The valid token still works after all that: the server is alive and serving.
      expect(
        (
          await em.fetch(
            `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}?${API}`,
            { as: ADMIN },
          )
        ).status,
      ).toBe(200);
    },
    30_000 + SCALE.fuzzCases * 60,
  );
});
