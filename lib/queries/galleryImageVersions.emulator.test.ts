import type { GalleryImageVersion } from "@azure/arm-compute";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { ARM_RETRY } from "@/lib/azure/armRetry";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { galleryImageResourceId } from "@/lib/azure/resourceId";
import { ResourceGraphFailed, resourceGraphPages } from "@/lib/azure/resourceGraph";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete, noteVersionListWrite } from "@/lib/queries/versionLists";

const VERSIONS = 2_300;
const subscriptionId = SCALE_SEED.subscriptionId(1);
const imageId = galleryImageResourceId(
  subscriptionId,
  SCALE_SEED.resourceGroup,
  SCALE_SEED.galleryName(1),
  SCALE_SEED.definitionName(1),
);
const ARM_VERSION_LIST = `/subscriptions/${subscriptionId}/resourceGroups/*/providers/Microsoft.Compute/galleries/*/images/*/versions`;
const RESOURCE_GRAPH = "/providers/Microsoft.ResourceGraph/resources";

describe("the version list of a definition with thousands of versions", () => {
  let em: TestEmulator;
  let arm: ArmClients;

  beforeAll(async () => {
    em = await startTestEmulator({
      seed: `scale:subscriptions=1,galleries=1,definitions=1,versions=${VERSIONS}`,
    });
    arm = createArmClients(em.url, em.credential(SCALE_SEED.admin.upn));
  });
  afterEach(async () => {
    await em.fetch("/_emulator/faults", { method: "DELETE" });
    noteVersionListWrite(Number.NEGATIVE_INFINITY);
  });
  afterAll(() => em.close());

  async function fault(pathPattern: string, rule: { status?: 429 | 503; latencyMs?: number }) {
    const res = await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern, ...rule }] }),
    });
    expect(res.status).toBe(200);
  }
  /** Requests the fault rules matched since they were set: a 1 ms delay rule counts a path's requests. */
  const requestsTo = async (pathPattern: string, during: () => Promise<unknown>) => {
    await fault(pathPattern, { latencyMs: 1 });
    await during();
    const { stats } = (await (await em.fetch("/_emulator/faults")).json()) as { stats: { requestsMatched: number } };
    return stats.requestsMatched;
  };
  const names = (versions: GalleryImageVersion[]) => versions.map((v) => v.name).sort();
  const read = () => new QueryClient().fetchQuery(versionQueries.list(arm, imageId));

  it("reads every version through Resource Graph, a short first page then 1,000 rows a page, not through ARM's list", async () => {
    let versions: GalleryImageVersion[] = [];
    // 25 + 1,000 + 1,000 + 275.
    expect(await requestsTo(RESOURCE_GRAPH, async () => (versions = await read()))).toBe(4);
    expect(await requestsTo(ARM_VERSION_LIST, read)).toBe(0);
    expect(versions).toHaveLength(VERSIONS);
    expect(new Set(versions.map((v) => v.id?.toLowerCase())).size).toBe(VERSIONS);
    const first = versions.find((v) => v.name === "1.0.0")!;
    // The row is the SDK's model: properties flattened, dates as Dates.
    expect(first.publishingProfile?.publishedDate).toBeInstanceOf(Date);
    expect(first.publishingProfile?.targetRegions?.length).toBeGreaterThan(0);
    expect(first.storageProfile).toBeDefined();
    expect(first.provisioningState).toBe("Succeeded");
  });

  it("gives the same versions as ARM's list, which it falls back to when Resource Graph fails", async () => {
    const throughGraph = await read();
    // Throttled: no waiting, ARM's list serves at once.
    await fault(RESOURCE_GRAPH, { status: 429 });
    const throughArm = await read();
    expect(names(throughArm)).toEqual(names(throughGraph));
    const graphOne = throughGraph.find((v) => v.name === "1.0.7")!;
    const armOne = throughArm.find((v) => v.name === "1.0.7")!;
    expect(graphOne.publishingProfile?.publishedDate?.toISOString()).toBe(
      armOne.publishingProfile?.publishedDate?.toISOString(),
    );
    expect(graphOne.publishingProfile?.targetRegions).toEqual(armOne.publishingProfile?.targetRegions);
  });

  it("shows the first rows before the last page, and says when the list is whole", async () => {
    const client = new QueryClient();
    const observer = new QueryObserver(client, versionQueries.list(arm, imageId));
    const seen: { rows: number; complete: boolean; newest: boolean }[] = [];
    await new Promise<void>((resolve) => {
      const unsubscribe = observer.subscribe((result) => {
        if (!result.data?.length) return;
        seen.push({
          rows: result.data.length,
          complete: isListComplete(result),
          newest: result.data.some((v) => v.name === SCALE_SEED.versionName(VERSIONS)),
        });
        if (isListComplete(result)) {
          unsubscribe();
          resolve();
        }
      });
    });
    // Newest published first: the first page already holds the version a newest-first table shows on top.
    expect(seen[0]).toEqual({ rows: 25, complete: false, newest: true });
    expect(seen.at(-1)).toEqual({ rows: VERSIONS, complete: true, newest: true });
  });

  const QUERY =
    "resources | where type =~ 'microsoft.compute/galleries/images/versions' | order by name asc | project id";
  const pages = (options: Parameters<typeof resourceGraphPages>[4]) =>
    resourceGraphPages(arm.unretried, arm.endpoint, [subscriptionId], QUERY, options);

  it("reads the pages after the first several at once by $skip, giving the rows in Resource Graph's order", async () => {
    const ids = async (options: Parameters<typeof resourceGraphPages>[4]) => {
      const chunks: string[][] = [];
      for await (const rows of pages(options)) chunks.push(rows.map((row) => String(row.id)));
      return chunks;
    };
    const followingTokens = (await ids({})).flat();
    const chunks = await ids({ firstPageSize: 100, parallelPages: 3 });
    expect(chunks.flat()).toEqual(followingTokens);
    expect(chunks[0]).toHaveLength(100);
    expect(new Set(followingTokens).size).toBe(VERSIONS);
  });

  it("reads the later pages while the consumer is still busy with the chunks before", async () => {
    await fault(RESOURCE_GRAPH, { latencyMs: 1 });
    const requests = async () =>
      ((await (await em.fetch("/_emulator/faults")).json()) as { stats: { requestsMatched: number } }).stats
        .requestsMatched;
    // A first page of 100, then 11 pages of 200 read two at a time (a throttled page, asked again, counts twice).
    const stream = pages({ firstPageSize: 100, pageSize: 200, parallelPages: 2 });
    await stream.next();
    await stream.next();
    // The consumer takes nothing more for a while, as a page rendering a chunk does: the reads go on without it.
    const deadline = Date.now() + 10_000;
    while ((await requests()) < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await requests()).toBeGreaterThanOrEqual(12);
    await stream.return(undefined);
  });

  it("a page read in parallel that fails ends the stream with the rows delivered before it", async () => {
    const stream = pages({ firstPageSize: 100, parallelPages: 3, transientRetry: { ...ARM_RETRY, maxRetries: 0 } });
    const first = await stream.next();
    expect(first.value).toHaveLength(100);
    // The later pages are asked for only when the stream is read on.
    await fault(RESOURCE_GRAPH, { status: 503 });
    const failure = await stream.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResourceGraphFailed);
    expect((failure as ResourceGraphFailed).delivered).toBe(100);
    expect((failure as ResourceGraphFailed).error.status).toBe(503);
  });

  it("waits for Resource Graph's next quota window when a later page is throttled, rather than start over on ARM's list", async () => {
    // The user's quota as Azure counts it (15 queries per 5 s), made small: the first page and one more, per second.
    const throttling = await startTestEmulator({
      seed: `scale:subscriptions=1,galleries=1,definitions=1,versions=${VERSIONS}`,
      resourceGraphQuota: { quota: 2, windowMs: 1_000 },
    });
    try {
      const client = createArmClients(throttling.url, throttling.credential(SCALE_SEED.admin.upn));
      // Counts ARM's list requests (a 1 ms delay rule).
      await throttling.fetch("/_emulator/faults", {
        method: "PUT",
        body: JSON.stringify({ rules: [{ pathPattern: ARM_VERSION_LIST, latencyMs: 1 }] }),
      });
      const listRequests: string[] = [];
      const versions = await new QueryClient().fetchQuery(
        versionQueries.list(
          {
            ...client,
            unretried: {
              send: (request, signal) => {
                listRequests.push(`${request.method} ${new URL(request.url).pathname}`);
                return client.unretried.send(request, signal);
              },
            },
          },
          imageId,
        ),
      );
      expect(versions).toHaveLength(VERSIONS);
      expect(new Set(versions.map((v) => v.id?.toLowerCase())).size).toBe(VERSIONS);
      // 25 + 1,000 + 1,000 + 275: four queries, two of them asked again after the window.
      expect(listRequests.filter((r) => r === `POST ${RESOURCE_GRAPH}`).length).toBeGreaterThan(4);
      const { stats } = (await (await throttling.fetch("/_emulator/faults")).json()) as {
        stats: { requestsMatched: number };
      };
      expect(stats.requestsMatched).toBe(0);
    } finally {
      await throttling.close();
    }
  });

  it("reads ARM's list for a while after this tab wrote, as Resource Graph learns of writes later", async () => {
    noteVersionListWrite();
    expect(await requestsTo(RESOURCE_GRAPH, read)).toBe(0);
    expect(await requestsTo(ARM_VERSION_LIST, read)).toBeGreaterThan(1);
  });
});
