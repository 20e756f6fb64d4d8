import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { DEMO_RECOVERABLE_GALLERY } from "@/emulator/seed/demoSoftDelete";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryResourceId } from "@/lib/azure/resourceId";
import { purgeCountdown, purgeTimeOf } from "@/lib/gallery/softDelete";
import { explainArmError } from "@/lib/gallery/troubleshooting";
import { collect } from "@/lib/queries/collect";
import { restoreSoftDeletedVersion, softDeletedVersionQueries } from "@/lib/queries/softDeletedVersions";

const g = DEMO_RECOVERABLE_GALLERY;
const SUB = DEMO_SUBSCRIPTIONS[g.subscription].subscriptionId;
const GALLERY_ID = galleryResourceId(SUB, g.resourceGroup, g.gallery);
const DAY = 24 * 60 * 60 * 1000;
const FAST = { updateIntervalInMs: 10 };

describe("recycle bin queries against the demo seed", () => {
  let em: TestEmulator;
  let arm: ArmClients;
  const bin = () => softDeletedVersionQueries.inGallery(arm, GALLERY_ID).queryFn!({} as never);

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
    arm = createArmClients(em.url, em.credential(DEMO_PERSONA_USERS["platform-admin"].upn));
  }, 60_000);
  afterAll(() => em.close());

  it("lists the gallery's soft-deleted version per definition, deleted two days before seeding", async () => {
    const [definition, ...others] = await bin();
    expect(others).toEqual([]);
    expect(definition?.imageName).toBe(g.definition);
    expect(definition?.error).toBeUndefined();
    const [kept] = definition!.versions;
    expect(kept).toMatchObject({
      path: { subscriptionId: SUB, galleryName: g.gallery, imageName: g.definition, versionName: g.softDeletedVersion },
      location: g.location,
    });
    expect(kept!.versionId.toLowerCase()).toBe(
      `${GALLERY_ID}/images/${g.definition}/versions/${g.softDeletedVersion}`.toLowerCase(),
    );
    const age = Date.now() - kept!.softDeletedTime!.getTime();
    expect(age).toBeGreaterThan(2 * DAY - 60_000);
    expect(age).toBeLessThan(2 * DAY + 60 * 60_000);
    expect(purgeCountdown(kept!.softDeletedTime!, Date.now()).label).toMatch(/^4 days 2\d hours$/);
  });

  it("restores it with its source, out of the recycle bin", async () => {
    const compute = arm.compute(SUB);
    const [kept] = (await bin())[0]!.versions;
    const restored = await restoreSoftDeletedVersion(arm, kept!).pollUntilDone();
    expect(restored.provisioningState).toBe("Succeeded");
    expect(restored.storageProfile?.source?.id).toMatch(/img-recoverable-ubuntu-2404$/);
    const live = await collect(
      compute.galleryImageVersions.listByGalleryImage(g.resourceGroup, g.gallery, g.definition),
    );
    expect(live.map((v) => v.name).sort()).toEqual([g.softDeletedVersion, g.liveVersion]);
    expect((await bin())[0]!.versions).toEqual([]);
  });

  it("explains why the definition cannot go while it holds soft-deleted versions, until they are purged", async () => {
    const compute = arm.compute(SUB);
    for (const version of [g.softDeletedVersion, g.liveVersion])
      await compute.galleryImageVersions
        .delete(g.resourceGroup, g.gallery, g.definition, version, FAST)
        .pollUntilDone();
    const kept = (await bin())[0]!.versions;
    expect(kept.map((v) => v.path.versionName).sort()).toEqual([g.softDeletedVersion, g.liveVersion]);

    const deleteDefinition = () =>
      compute.galleryImages.delete(g.resourceGroup, g.gallery, g.definition, FAST).pollUntilDone();
    const refused = await deleteDefinition().catch((error: unknown) => toAzureError(error));
    expect(refused).toMatchObject({ code: "CannotDeleteResource", status: 409 });
    const explained = explainArmError(refused!);
    expect(explained.title).toBe("Soft-deleted versions remain");
    expect(explained.link?.href).toBe("/recycle-bin");

    const lastPurge = Math.max(...kept.map((v) => purgeTimeOf(v.softDeletedTime!).getTime()));
    await em.advance((lastPurge - Date.now()) / 1000 + 60);
    expect(await bin()).toEqual([{ imageName: g.definition, versions: [] }]);
    await deleteDefinition();
  });
});
