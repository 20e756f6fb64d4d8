import type { GalleryImageVersion } from "@azure/arm-compute";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { galleryImageResourceId } from "@/lib/azure/resourceId";
import { isListComplete, noteVersionListWrite, versionQueries } from "@/lib/queries/galleryImageVersions";

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

  it("reads every version through Resource Graph, 1,000 rows a page, not through ARM's list", async () => {
    let versions: GalleryImageVersion[] = [];
    expect(await requestsTo(RESOURCE_GRAPH, async () => (versions = await read()))).toBe(3);
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
    expect(seen[0]).toEqual({ rows: 1000, complete: false, newest: true });
    expect(seen.at(-1)).toEqual({ rows: VERSIONS, complete: true, newest: true });
  });

  it("reads ARM's list for a while after this tab wrote, as Resource Graph learns of writes later", async () => {
    noteVersionListWrite();
    expect(await requestsTo(RESOURCE_GRAPH, read)).toBe(0);
    expect(await requestsTo(ARM_VERSION_LIST, read)).toBeGreaterThan(1);
  });
});
