import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../emulator/seed/wellKnown.js";
import { type ChildEmulator, startChildEmulator } from "./support/childEmulator.js";
import { reportFigures } from "./support/report.js";
import { SCALE } from "./support/scale.js";

const SUB = EMPTY_SEED.subscriptionId;
const RG_API = "api-version=2022-09-01";
const GALLERY_API = "api-version=2025-12-03";
const ROLE_API = "api-version=2022-04-01";
const HOME_RG = "rg-durable";
const GALLERY_REGIONS = ["westeurope", "northeurope", "eastus", "westus2", "southeastasia"];
const GALLERY_CREATES_PER_REGION = 80;
const PATCHED_GALLERIES = 20;
const IN_FLIGHT = 64;

const rgPath = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;
const galleryPath = (name: string) => `${rgPath(HOME_RG)}/providers/Microsoft.Compute/galleries/${name}`;

/** One write the client sends, and what the stored resource must show once it was acknowledged. */
interface Write {
  seq: number;
  method: "PUT" | "PATCH";
  path: string;
  apiVersion: string;
  body: unknown;
  tags: Record<string, string>;
  /** PATCHes of one gallery go one after another, so the last acknowledged one (or the one in flight) wins. */
  chain?: string;
}

function planWrites(total: number): Write[] {
  const writes: Write[] = [];
  let galleryCreates = 0;
  for (let seq = 0; seq < total; seq++) {
    const tags = { seq: String(seq), writer: "durability" };
    const slot = seq % 10;
    if (slot >= 6 && slot < 8 && galleryCreates < GALLERY_REGIONS.length * GALLERY_CREATES_PER_REGION) {
      const location = GALLERY_REGIONS[galleryCreates % GALLERY_REGIONS.length]!;
      galleryCreates++;
      writes.push({
        seq,
        method: "PUT",
        path: galleryPath(`created_${seq}`),
        apiVersion: GALLERY_API,
        body: { location, tags, properties: { description: `write ${seq}` } },
        tags,
      });
    } else if (slot >= 8) {
      const gallery = `patched_${seq % PATCHED_GALLERIES}`;
      writes.push({
        seq,
        method: "PATCH",
        path: galleryPath(gallery),
        apiVersion: GALLERY_API,
        body: { tags },
        tags,
        chain: gallery,
      });
    } else {
      writes.push({
        seq,
        method: "PUT",
        path: rgPath(`rg-d-${seq}`),
        apiVersion: RG_API,
        body: { location: "westeurope", tags },
        tags,
      });
    }
  }
  return writes;
}

describe("durability: SIGKILL in the middle of concurrent writes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gallerist-durability-"));
  let emulator: ChildEmulator | undefined;
  afterAll(async () => {
    await emulator?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `finds every acknowledged write of ${SCALE.writes} and no half-written resource after a restart`,
    async () => {
      emulator = await startChildEmulator(dataDir, { EMULATOR_LRO_SECONDS: "0" });
      let token = await emulator.token();
      const send = (url: string, method: string, path: string, apiVersion: string, body?: unknown) =>
        fetch(`${url}${path}?${apiVersion}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });

      // The resources the storm updates, made before it.
      expect((await send(emulator.url, "PUT", rgPath(HOME_RG), RG_API, { location: "westeurope" })).status).toBe(201);
      for (let i = 0; i < PATCHED_GALLERIES; i++) {
        expect(
          (await send(emulator.url, "PUT", galleryPath(`patched_${i}`), GALLERY_API, { location: "westeurope" }))
            .status,
        ).toBe(201);
      }

      const writes = planWrites(SCALE.writes);
      const acknowledged = new Map<number, Write>();
      const lastAckedInChain = new Map<string, Write>();
      const inFlightInChain = new Map<string, Write>();
      const killAfter = Math.floor(writes.length / 2);
      const url = emulator.url;
      let killed: Promise<void> | undefined;
      let next = 0;
      let unexpected: string | undefined;
      const chainTails = new Map<string, Promise<void>>();

      const fire = async (write: Write) => {
        if (killed) return;
        if (write.chain) inFlightInChain.set(write.chain, write);
        try {
          const res = await send(url, write.method, write.path, write.apiVersion, write.body);
          if (res.status === 200 || res.status === 201) {
            acknowledged.set(write.seq, write);
            if (write.chain) lastAckedInChain.set(write.chain, write);
          } else if (!killed) {
            unexpected ??= `${write.method} ${write.path} → ${res.status} ${await res.text()}`;
          }
        } catch {
          // The connection died with the process: not acknowledged, so either outcome is allowed.
          return;
        }
        if (write.chain && inFlightInChain.get(write.chain) === write) inFlightInChain.delete(write.chain);
        if (!killed && acknowledged.size >= killAfter) killed = emulator!.kill("SIGKILL");
      };
      const worker = async () => {
        while (!killed && next < writes.length) {
          const write = writes[next++]!;
          if (write.chain) {
            const tail = (chainTails.get(write.chain) ?? Promise.resolve()).then(() => fire(write));
            chainTails.set(write.chain, tail);
            await tail;
          } else {
            await fire(write);
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      await killed;
      expect(unexpected).toBeUndefined();
      expect(killed, "the emulator was killed mid-way").toBeDefined();
      expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);

      // Straight from the file after the kill: the database is intact and every row parses.
      const db = new Database(join(dataDir, "emulator.sqlite"));
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = db.prepare("SELECT key, id, type, body, state FROM resources WHERE gone_at IS NULL").all() as {
        key: string;
        id: string;
        type: string;
        body: string;
        state: string;
      }[];
      const halfWritten = rows.filter((row) => {
        try {
          const body = JSON.parse(row.body) as { id?: string; type?: string };
          JSON.parse(row.state);
          return body.id?.toLowerCase() !== row.key || body.type !== row.type;
        } catch {
          return true;
        }
      });
      db.close();
      expect(halfWritten).toEqual([]);

      emulator = await startChildEmulator(dataDir, { EMULATOR_LRO_SECONDS: "0" });
      token = await emulator.token();
      const restarted = emulator.url;
      const read = async (path: string, apiVersion: string) => {
        const res = await send(restarted, "GET", path, apiVersion);
        return { status: res.status, body: (await res.json()) as { id?: string; tags?: Record<string, string> } };
      };

      const lost: string[] = [];
      for (const write of acknowledged.values()) {
        if (write.chain) continue;
        const { status, body } = await read(write.path, write.apiVersion);
        if (status !== 200 || body.tags?.seq !== write.tags.seq)
          lost.push(`${write.method} ${write.path} (seq ${write.seq}) → ${status} ${JSON.stringify(body.tags)}`);
      }
      for (const [gallery, last] of lastAckedInChain) {
        const { status, body } = await read(galleryPath(gallery), GALLERY_API);
        const allowed = [last.tags.seq, inFlightInChain.get(gallery)?.tags.seq];
        if (status !== 200 || !allowed.includes(body.tags?.seq))
          lost.push(`PATCH ${gallery}: stored seq ${body.tags?.seq}, acknowledged seq ${last.tags.seq}`);
      }
      expect(lost).toEqual([]);

      // Every stored resource answers a GET with the body of the resource it claims to be.
      const apiVersionOf: Record<string, string> = {
        "Microsoft.Resources/resourceGroups": RG_API,
        "Microsoft.Compute/galleries": GALLERY_API,
        "Microsoft.Authorization/roleAssignments": ROLE_API,
      };
      const inconsistent: string[] = [];
      for (const row of rows) {
        const apiVersion = apiVersionOf[row.type];
        if (!apiVersion) {
          inconsistent.push(`${row.id}: unexpected type ${row.type}`);
          continue;
        }
        const { status, body } = await read(row.id, apiVersion);
        if (status !== 200 || body.id?.toLowerCase() !== row.key)
          inconsistent.push(`${row.id} → ${status} ${JSON.stringify(body).slice(0, 200)}`);
      }
      expect(inconsistent).toEqual([]);

      reportFigures("durability", {
        writesPlanned: writes.length,
        writesSent: next,
        acknowledged: acknowledged.size,
        foundAfterSigkill: acknowledged.size - lost.length,
        lost: lost.length,
        rowsChecked: rows.length,
        halfWritten: halfWritten.length,
      });
    },
    60_000 + SCALE.writes * 60,
  );
});
