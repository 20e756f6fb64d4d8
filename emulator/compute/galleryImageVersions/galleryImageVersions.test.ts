import type { GalleryImageVersion } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { createGalleryImageVersion, versionsWithReplication } from "./galleryImageVersions.model.js";
import { REMOTE_REGION_BASE_MS } from "../shared/replication.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-versions";
const GALLERY = "Releases";
const IMAGE = "ubuntu";
const API = "api-version=2025-12-03";

const definition = {
  location: "westeurope",
  identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22_04" },
  osType: "Linux" as const,
  osState: "Generalized" as const,
  hyperVGeneration: "V2" as const,
};

function managedImageId(name: string) {
  return `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/${name}`;
}

function versionPath(version: string, image = IMAGE) {
  return `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/images/${image}/versions/${version}`;
}

function regionStates(version: GalleryImageVersion) {
  return Object.fromEntries((version.replicationStatus?.summary ?? []).map((s) => [s.region, s.state]));
}

describe("image versions and replication through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });
  const managedImage = (name: string, dataDiskSizesGB: number[] = []) =>
    fx.imageFromBlob(RG, name, "westeurope", { dataDiskSizesGB });

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    await fx.defineImage(RG, GALLERY, IMAGE, definition);
  });

  it("creates a version replicating to two regions, Replicating until the clock moves, then Completed", async () => {
    const source = await managedImage("base-image", [64]);
    const poller = fx.client.galleryImageVersions.createOrUpdate(
      RG,
      GALLERY,
      IMAGE,
      "1.0.0",
      {
        location: "westeurope",
        publishingProfile: {
          targetRegions: [{ name: "West Europe" }, { name: "northeurope", regionalReplicaCount: 2 }],
        },
        storageProfile: { source: { id: source } },
      },
      FAST_POLL,
    );
    await poller.submitted();

    const creating = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(creating.provisioningState).toBe("Creating");
    expect(creating.replicationStatus?.aggregatedState).toBe("InProgress");
    expect(regionStates(creating)).toEqual({ "West Europe": "Replicating", "North Europe": "Replicating" });

    await fx.em.advance(60);
    const halfway = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(regionStates(halfway)).toEqual({ "West Europe": "Completed", "North Europe": "Replicating" });
    const north = halfway.replicationStatus!.summary!.find((s) => s.region === "North Europe")!;
    expect(north.progress).toBeGreaterThan(0);
    expect(north.progress).toBeLessThan(100);

    const done = await fx.settle(poller);
    expect(done.provisioningState).toBe("Succeeded");
    const completed = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(completed.replicationStatus).toMatchObject({ aggregatedState: "Completed" });
    expect(completed.replicationStatus!.summary!.every((s) => s.progress === 100)).toBe(true);

    // The defaults Compute fills in at 2025-12-03 (PreferStandard_ZRS: both regions have zones), and what it
    // reports about the source's disks.
    expect(completed.publishingProfile).toMatchObject({
      replicaCount: 1,
      storageAccountStrategy: "PreferStandard_ZRS",
      excludeFromLatest: false,
    });
    expect(completed.publishingProfile?.storageAccountType).toBeUndefined();
    expect(completed.publishingProfile?.publishedDate).toBeInstanceOf(Date);
    expect(completed.publishingProfile?.targetRegions).toEqual([
      { name: "West Europe", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
      { name: "North Europe", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
    ]);
    expect(completed.storageProfile).toMatchObject({
      source: { id: source },
      osDiskImage: { sizeInGB: 30 },
      dataDiskImages: [{ lun: 0, sizeInGB: 64 }],
    });
    expect(completed.safetyProfile).toEqual({
      allowDeletionOfReplicatedLocations: false,
      reportedForPolicyViolation: false,
    });
    // Without $expand the status is not reported, as in Azure.
    expect((await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).replicationStatus).toBeUndefined();
  });

  it("defaults the target regions to the version's own region", async () => {
    const version = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "0.9.0",
        { location: "westeurope", storageProfile: { source: { id: managedImageId("base-image") } } },
        FAST_POLL,
      ),
    );
    expect(version.publishingProfile?.targetRegions).toEqual([
      { name: "West Europe", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
    ]);
  });

  it("updates target regions, replica counts, exclude-from-latest and end of life; adding a region replicates there", async () => {
    const current = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    const poller = fx.client.galleryImageVersions.createOrUpdate(
      RG,
      GALLERY,
      IMAGE,
      "1.0.0",
      {
        ...current,
        publishingProfile: {
          targetRegions: [
            { name: "westeurope", regionalReplicaCount: 3 },
            { name: "northeurope", regionalReplicaCount: 2 },
            { name: "eastus" },
          ],
          excludeFromLatest: true,
          endOfLifeDate: new Date("2035-06-30T00:00:00Z"),
        },
      },
      FAST_POLL,
    );
    await poller.submitted();
    const updating = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(updating.provisioningState).toBe("Updating");
    expect(regionStates(updating)).toEqual({
      "West Europe": "Replicating",
      "North Europe": "Completed",
      "East US": "Replicating",
    });
    const updated = await fx.settle(poller);
    expect(updated.publishingProfile).toMatchObject({ excludeFromLatest: true });
    expect(updated.publishingProfile?.endOfLifeDate?.toISOString()).toBe("2035-06-30T00:00:00.000Z");
    expect(updated.publishingProfile?.targetRegions?.map((r) => [r.name, r.regionalReplicaCount])).toEqual([
      ["West Europe", 3],
      ["North Europe", 2],
      ["East US", 1],
    ]);
    const status = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(status.replicationStatus?.aggregatedState).toBe("Completed");

    const patched = await fx.settle(
      fx.client.galleryImageVersions.update(
        RG,
        GALLERY,
        IMAGE,
        "1.0.0",
        { publishingProfile: { excludeFromLatest: false } },
        FAST_POLL,
      ),
    );
    expect(patched.publishingProfile?.excludeFromLatest).toBe(false);
    expect(patched.publishingProfile?.targetRegions).toHaveLength(3);
  });

  it("refuses to remove a region holding replicas unless the safety profile allows it", async () => {
    const current = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    const withoutEastUs = {
      ...current,
      publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "northeurope" }] },
    };
    await expect(
      fx.settle(fx.client.galleryImageVersions.createOrUpdate(RG, GALLERY, IMAGE, "1.0.0", withoutEastUs, FAST_POLL)),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "OperationNotAllowed",
      message: expect.stringContaining("'East US'"),
    });
    const allowed = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "1.0.0",
        { ...withoutEastUs, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
        FAST_POLL,
      ),
    );
    expect(allowed.publishingProfile?.targetRegions?.map((r) => r.name)).toEqual(["West Europe", "North Europe"]);
    expect(allowed.safetyProfile?.allowDeletionOfReplicatedLocations).toBe(true);
  });

  it("lets a region that has not copied anything yet be removed, and refuses changing the source", async () => {
    await fx.settle(
      fx.client.galleryImageVersions.update(
        RG,
        GALLERY,
        IMAGE,
        "0.9.0",
        { safetyProfile: { allowDeletionOfReplicatedLocations: false } },
        FAST_POLL,
      ),
    );
    const current = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "0.9.0");
    const res = await fx.em.fetch(`${versionPath("0.9.0")}?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "japaneast" }] },
          storageProfile: { source: { id: managedImageId("base-image") } },
        },
      }),
    });
    expect(res.status).toBe(200);
    const removedAtOnce = await fx.em.fetch(`${versionPath("0.9.0")}?${API}`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { publishingProfile: { targetRegions: [{ name: "westeurope" }] } } }),
    });
    // Still replicating the addition: a write while the operation runs is a conflict.
    expect(removedAtOnce.status).toBe(409);
    expect(current.storageProfile?.source?.id).toBe(managedImageId("base-image"));

    const other = await managedImage("other-image");
    await fx.em.advance(3600);
    await expect(
      fx.settle(
        fx.client.galleryImageVersions.createOrUpdate(
          RG,
          GALLERY,
          IMAGE,
          "0.9.0",
          { ...current, storageProfile: { source: { id: other } } },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed" });
  });

  it("fails replication of a data disk over 1 TB in every region, with the service's detail", async () => {
    const big = await managedImage("big-data", [2048]);
    const poller = fx.client.galleryImageVersions.createOrUpdate(
      RG,
      GALLERY,
      IMAGE,
      "2.0.0",
      {
        location: "westeurope",
        publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus" }] },
        storageProfile: { source: { id: big } },
      },
      FAST_POLL,
    );
    await expect(fx.settle(poller)).rejects.toThrow(/ReplicationFailed/);
    const failed = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "2.0.0", {
      expand: "ReplicationStatus",
    });
    expect(failed.provisioningState).toBe("Failed");
    expect(failed.replicationStatus?.aggregatedState).toBe("Failed");
    expect(failed.replicationStatus?.summary?.[1]).toMatchObject({
      region: "East US",
      state: "Failed",
      details:
        "Replication failed in this region due to 'The GalleryImageVersion source resource size 2048 exceeds the max size 1024 supported.'",
    });
  });

  it("refuses an update while the version is being deleted", async () => {
    await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "3.0.0",
        { location: "westeurope", storageProfile: { source: { id: managedImageId("base-image") } } },
        FAST_POLL,
      ),
    );
    const deleting = await fx.em.fetch(`${versionPath("3.0.0")}?${API}`, { method: "DELETE", as: ADMIN });
    expect(deleting.status).toBe(202);
    expect(deleting.headers.get("location")).toContain("capsOperations");
    const update = await fx.em.fetch(`${versionPath("3.0.0")}?${API}`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { publishingProfile: { excludeFromLatest: true } } }),
    });
    expect(update.status).toBe(409);
    expect((await update.json()).error.message).toContain("marked for deletion");
    await fx.em.advance(10);
    await expect(fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "3.0.0")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("lists many versions across pages, with backdated replication from the model API", async () => {
    await fx.settle(
      fx.client.galleryImages.createOrUpdate(
        RG,
        GALLERY,
        "many",
        { ...definition, identifier: { ...definition.identifier, sku: "many" } },
        FAST_POLL,
      ),
    );
    const ctx = fx.em.emulator.ctx;
    const hourAgo = ctx.clock.now() - 3_600_000;
    const names: string[] = [];
    for (let i = 0; i < 120; i++) {
      const version = `1.${Math.floor(i / 10)}.${i % 10}`;
      names.push(version);
      createGalleryImageVersion(ctx, {
        subscriptionId: SUB,
        resourceGroup: RG,
        gallery: GALLERY,
        image: "many",
        version,
        properties: {
          publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus" }] },
          storageProfile: { source: { id: managedImageId("base-image") } },
        },
        // The last one started just now, so it is still replicating to East US.
        startedAt: i === 119 ? ctx.clock.now() - REMOTE_REGION_BASE_MS / 2 : hourAgo,
      });
    }
    const listed = await collect(fx.client.galleryImageVersions.listByGalleryImage(RG, GALLERY, "many"));
    expect(listed.map((v) => v.name).sort()).toEqual([...names].sort());
    expect(new Set(listed.map((v) => v.name)).size).toBe(120);

    const views = versionsWithReplication(
      ctx,
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/images/many`,
    );
    const last = views.find((v) => v.name === "1.11.9")!;
    expect(last.properties.replicationStatus?.aggregatedState).toBe("InProgress");
    expect(views.filter((v) => v.properties.replicationStatus?.aggregatedState === "Completed")).toHaveLength(119);
  });

  it("keeps versions and their replication across a restart", async () => {
    const before = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ReplicationStatus",
    });
    await fx.em.restart();
    const fresh = fx.em.compute(ADMIN, SUB);
    const after = await fresh.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", { expand: "ReplicationStatus" });
    expect(after).toEqual(before);
    expect((await collect(fresh.galleryImageVersions.listByGalleryImage(RG, GALLERY, "many"))).length).toBe(120);
  });

  it("still updates a version whose end of life has passed, but refuses a new date in the past", async () => {
    const endOfLife = new Date(fx.em.emulator.ctx.clock.now() + 86_400_000);
    await fx.settle(
      fx.client.galleryImageVersions.update(
        RG,
        GALLERY,
        IMAGE,
        "1.0.0",
        { publishingProfile: { endOfLifeDate: endOfLife } },
        FAST_POLL,
      ),
    );
    await fx.em.advance(2 * 86_400);
    const version = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    const updated = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "1.0.0",
        { ...version, tags: { stage: "retired" } },
        FAST_POLL,
      ),
    );
    expect(updated.tags).toEqual({ stage: "retired" });
    expect(updated.publishingProfile?.endOfLifeDate).toEqual(endOfLife);
    await expect(
      fx.settle(
        fx.client.galleryImageVersions.update(
          RG,
          GALLERY,
          IMAGE,
          "1.0.0",
          { publishingProfile: { endOfLifeDate: new Date(endOfLife.getTime() + 3_600_000) } },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("EndOfLifeDate must be set to a future date"),
    });
  });

  it("deletes in order: versions, then the definition, then the gallery", async () => {
    await expect(fx.settle(fx.client.galleryImages.delete(RG, GALLERY, IMAGE, FAST_POLL))).rejects.toMatchObject({
      statusCode: 409,
      code: "CannotDeleteResource",
    });
    for (const image of [IMAGE, "many"]) {
      for (const version of await collect(fx.client.galleryImageVersions.listByGalleryImage(RG, GALLERY, image))) {
        await fx.settle(fx.client.galleryImageVersions.delete(RG, GALLERY, image, version.name!, FAST_POLL), 5);
      }
      await fx.settle(fx.client.galleryImages.delete(RG, GALLERY, image, FAST_POLL), 5);
    }
    await fx.settle(fx.client.galleries.delete(RG, GALLERY, FAST_POLL), 5);
    expect(await collect(fx.client.galleries.listByResourceGroup(RG))).toEqual([]);
  });
});
