import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { galleryImageResourceId, galleryResourceId, routePathFromResourceId } from "@/lib/azure/resourceId";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { imageQueries } from "@/lib/queries/galleryImages";
import { prefetchRouteReads } from "@/lib/queries/routePrefetch";

const VERSIONS = 120;
const subscriptionId = SCALE_SEED.subscriptionId(1);
const galleryId = galleryResourceId(subscriptionId, SCALE_SEED.resourceGroup, SCALE_SEED.galleryName(1));
const imageId = galleryImageResourceId(
  subscriptionId,
  SCALE_SEED.resourceGroup,
  SCALE_SEED.galleryName(1),
  SCALE_SEED.definitionName(1),
);

describe("the reads a page's URL starts before the page renders", () => {
  let em: TestEmulator;
  let arm: ArmClients;
  beforeAll(async () => {
    em = await startTestEmulator({ seed: `scale:subscriptions=1,galleries=1,definitions=1,versions=${VERSIONS}` });
    arm = createArmClients(em.url, em.credential(SCALE_SEED.admin.upn));
  });
  afterAll(() => em.close());

  it("a definition's URL starts reading the definition and its versions, which the page's queries then find", async () => {
    const client = new QueryClient();
    prefetchRouteReads(client, arm, routePathFromResourceId(imageId)!);
    // The page's queries (another id spelling, as the route's params give it) are the same reads, already running.
    const list = versionQueries.list(arm, imageId.toUpperCase());
    expect(client.getQueryState(list.queryKey)?.fetchStatus).toBe("fetching");
    expect(client.getQueryState(imageQueries.detail(arm, imageId).queryKey)?.fetchStatus).toBe("fetching");
    const versions = await client.fetchQuery(list);
    expect(versions).toHaveLength(VERSIONS);
    const image = await client.fetchQuery(imageQueries.detail(arm, imageId));
    expect(image.name).toBe(SCALE_SEED.definitionName(1));
  });

  it("a gallery's URL, or one that is no resource's, starts nothing", async () => {
    const client = new QueryClient();
    prefetchRouteReads(client, arm, routePathFromResourceId(galleryId)!);
    prefetchRouteReads(client, arm, "/inventory");
    prefetchRouteReads(client, arm, "/subscriptions/%zz");
    expect(client.getQueryCache().getAll()).toEqual([]);
  });
});
