/**
 * `npm run bench:emulator`: the emulator's own speed, through the real SDK over HTTP on this machine.
 * Prints p50/p95 GET latency of an image version, items/s listing 10,000 versions through nextLink, and the time
 * of a full SDK create chain (resource group → managed image → gallery → definition → version in two regions)
 * with instant replication (the emulated clock runs a million times faster than real time).
 * Targets on this machine: p50 GET ≤ 5 ms, listing ≥ 5,000 items/s, chain ≤ 500 ms.
 */
import { performance } from "node:perf_hooks";
import { createGallery } from "../emulator/compute/galleries/galleries.model.js";
import { createGalleryImage } from "../emulator/compute/galleryImages/galleryImages.model.js";
import { createGalleryImageVersion } from "../emulator/compute/galleryImageVersions/galleryImageVersions.model.js";
import { EMPTY_SEED } from "../emulator/seed/wellKnown.js";
import { FAST_POLL, startTestEmulator } from "../emulator/testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-bench";
const VERSIONS = 10_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

const em = await startTestEmulator({ seed: "empty", lroSeconds: 0, clockSpeed: 1_000_000, pageSize: 50 });
const client = em.compute(ADMIN, SUB);
const ctx = em.emulator.ctx;
const imageBody = (name: string, location = "westeurope") => ({
  location,
  hyperVGeneration: "V2" as const,
  storageProfile: {
    osDisk: {
      osType: "Linux" as const,
      osState: "Generalized" as const,
      blobUri: `https://sa.blob.core.windows.net/vhds/${name}.vhd`,
      diskSizeGB: 30,
    },
  },
});
const definition = (sku: string, location = "westeurope") => ({
  location,
  osType: "Linux" as const,
  osState: "Generalized" as const,
  hyperVGeneration: "V2" as const,
  identifier: { publisher: "Bench", offer: "Ubuntu", sku },
});

try {
  // 1. The full create chain through the SDK, replication instant. In North Europe, so that West Europe holds
  // exactly the 10,000 versions the service allows per subscription and region.
  await em.resources(ADMIN, SUB).resourceGroups.createOrUpdate(RG, { location: "westeurope" });
  await client.images.createOrUpdate(RG, "warmup-image", imageBody("warmup-image"), FAST_POLL);
  const chainTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    await em.resources(ADMIN, SUB).resourceGroups.createOrUpdate(`rg-chain-${run}`, { location: "northeurope" });
    const image = await client.images.createOrUpdate(
      `rg-chain-${run}`,
      "source",
      imageBody(`chain-${run}`, "northeurope"),
      FAST_POLL,
    );
    await client.galleries.createOrUpdate(
      `rg-chain-${run}`,
      `chainGallery${run}`,
      { location: "northeurope" },
      FAST_POLL,
    );
    await client.galleryImages.createOrUpdate(
      `rg-chain-${run}`,
      `chainGallery${run}`,
      "ubuntu",
      definition(`chain-${run}`, "northeurope"),
      FAST_POLL,
    );
    await client.galleryImageVersions.createOrUpdate(
      `rg-chain-${run}`,
      `chainGallery${run}`,
      "ubuntu",
      "1.0.0",
      {
        location: "northeurope",
        publishingProfile: { targetRegions: [{ name: "northeurope" }, { name: "eastus", regionalReplicaCount: 2 }] },
        storageProfile: { source: { id: image.id! } },
      },
      FAST_POLL,
    );
    chainTimes.push(performance.now() - t0);
  }

  // 2. 10,000 versions of one definition, written through the model (the same rules as PUT).
  const seedStart = performance.now();
  createGallery(ctx, { subscriptionId: SUB, resourceGroup: RG, gallery: "benchGallery", location: "westeurope" });
  createGalleryImage(ctx, {
    subscriptionId: SUB,
    resourceGroup: RG,
    gallery: "benchGallery",
    image: "many",
    properties: definition("many"),
  });
  const sourceId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/warmup-image`;
  ctx.db.transaction(() => {
    for (let i = 0; i < VERSIONS; i++) {
      createGalleryImageVersion(ctx, {
        subscriptionId: SUB,
        resourceGroup: RG,
        gallery: "benchGallery",
        image: "many",
        version: `1.${Math.floor(i / 100)}.${i % 100}`,
        properties: { storageProfile: { source: { id: sourceId } } },
        startedAt: ctx.clock.now() - 86_400_000,
      });
    }
  })();
  const seedMs = performance.now() - seedStart;

  // 3. GET latency of one version (with replication status, as the dashboard asks).
  for (let i = 0; i < 50; i++) await client.galleryImageVersions.get(RG, "benchGallery", "many", "1.50.50");
  const gets: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await client.galleryImageVersions.get(RG, "benchGallery", "many", "1.50.50", { expand: "ReplicationStatus" });
    gets.push(performance.now() - t0);
  }
  gets.sort((a, b) => a - b);

  // 4. Listing all 10,000 through nextLink with the SDK's pager.
  const listStart = performance.now();
  let listed = 0;
  for await (const _ of client.galleryImageVersions.listByGalleryImage(RG, "benchGallery", "many")) listed++;
  const listMs = performance.now() - listStart;
  if (listed !== VERSIONS) throw new Error(`listed ${listed} versions, expected ${VERSIONS}`);

  chainTimes.sort((a, b) => a - b);
  const p50 = percentile(gets, 50);
  const itemsPerSecond = listed / (listMs / 1000);
  const chain = percentile(chainTimes, 50);
  console.log("Gallerist emulator benchmark (SDK over loopback HTTP)");
  console.log(
    `  GET image version ($expand=ReplicationStatus), 500 calls: p50 ${ms(p50)}, p95 ${ms(percentile(gets, 95))}   target p50 ≤ 5 ms ${p50 <= 5 ? "✓" : "✗"}`,
  );
  console.log(
    `  list ${listed} versions through nextLink (page size ${ctx.config.pageSize}): ${ms(listMs)} → ${Math.round(itemsPerSecond)} items/s   target ≥ 5,000 items/s ${itemsPerSecond >= 5000 ? "✓" : "✗"}`,
  );
  console.log(
    `  SDK create chain (RG → image → gallery → definition → version in 2 regions), median of 5: ${ms(chain)}   target ≤ 500 ms ${chain <= 500 ? "✓" : "✗"}`,
  );
  console.log(`  (seeding ${VERSIONS} versions through the model took ${ms(seedMs)})`);
} finally {
  await em.close();
}
