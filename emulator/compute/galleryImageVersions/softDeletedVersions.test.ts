import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-softdelete";
const GALLERY = "Recoverable";
const PLAIN = "Unrecoverable";
const IMAGE = "ubuntu";
const API = "api-version=2025-12-03";
const DAY_SECONDS = 24 * 60 * 60;

function versionPath(version: string, gallery = GALLERY) {
  return `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${gallery}/images/${IMAGE}/versions/${version}`;
}

describe("soft-deleted image versions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });
  let source = "";

  const publish = (version: string, gallery = GALLERY) =>
    fx.publish(RG, gallery, IMAGE, version, { location: "westeurope", sourceId: source });
  const remove = (version: string, gallery = GALLERY) =>
    fx.settle(fx.client.galleryImageVersions.delete(RG, gallery, IMAGE, version, FAST_POLL));
  const softDeleted = (gallery = GALLERY, image = IMAGE) =>
    collect(fx.client.softDeletedResource.listByArtifactName(RG, gallery, "Images", image));
  const versionNames = async (gallery = GALLERY) =>
    (await collect(fx.client.galleryImageVersions.listByGalleryImage(RG, gallery, IMAGE))).map((v) => v.name);

  beforeAll(async () => {
    source = await fx.imageFromBlob(RG, "base", "westeurope");
    const created = await fx.gallery(RG, GALLERY, {
      location: "westeurope",
      softDeletePolicy: { isSoftDeleteEnabled: true },
    });
    expect(created.softDeletePolicy?.isSoftDeleteEnabled).toBe(true);
    await fx.gallery(RG, PLAIN, { location: "westeurope" });
    for (const gallery of [GALLERY, PLAIN])
      await fx.defineImage(RG, gallery, IMAGE, { location: "westeurope", hyperVGeneration: "V2" });
  });

  it("keeps a deleted version (example GallerySoftDeletedResource_ListByArtifactName), out of the version list", async () => {
    await publish("1.0.0");
    await publish("1.0.1");
    await remove("1.0.0");

    expect(await versionNames()).toEqual(["1.0.1"]);
    const [kept, ...others] = await softDeleted();
    expect(others).toEqual([]);
    expect(kept).toMatchObject({
      name: "1.0.0",
      type: "Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions",
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/softDeletedArtifactTypes/Images/artifacts/${IMAGE}/versions/1.0.0`,
      resourceArmId: fx.id(`galleries/${GALLERY}/images/${IMAGE}/versions`, "1.0.0", RG),
      softDeletedArtifactType: "Images",
    });
    expect(Number.isNaN(Date.parse(kept!.softDeletedTime!))).toBe(false);
    await expect(fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("keeps soft-deleted versions out of Resource Graph", async () => {
    const res = await fx.em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01", {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify({
        subscriptions: [SUB],
        query: `resources | where type contains 'galleries' and resourceGroup == '${RG.toLowerCase()}' | project name, type`,
      }),
    });
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { data: { name: string; type: string }[] }).data;
    expect(rows.filter((r) => r.type.endsWith("/versions")).map((r) => r.name)).toEqual(["1.0.1"]);
    expect(rows.some((r) => r.type.includes("softdeleted"))).toBe(false);
  });

  it("deletes for good in a gallery without soft delete", async () => {
    await publish("2.0.0", PLAIN);
    await remove("2.0.0", PLAIN);
    expect(await softDeleted(PLAIN)).toEqual([]);
  });

  it("refuses a new version under a soft-deleted version's name", async () => {
    await expect(publish("1.0.0")).rejects.toMatchObject({ statusCode: 409, code: "OperationNotAllowed" });
  });

  it("restores a soft-deleted version by PUT with restore: true (example GalleryImageVersion_Update_RestoreSoftDeleted)", async () => {
    const restored = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "1.0.0",
        { location: "westeurope", restore: true },
        FAST_POLL,
      ),
    );
    expect(restored.provisioningState).toBe("Succeeded");
    expect(restored.storageProfile?.source?.id?.toLowerCase()).toBe(source.toLowerCase());
    expect(await versionNames()).toEqual(["1.0.0", "1.0.1"]);
    expect(await softDeleted()).toEqual([]);
  });

  it("refuses to delete a definition, and so its gallery, while it holds a soft-deleted version", async () => {
    await remove("1.0.0");
    await remove("1.0.1");
    await expect(fx.settle(fx.client.galleryImages.delete(RG, GALLERY, IMAGE, FAST_POLL))).rejects.toMatchObject({
      statusCode: 409,
      code: "CannotDeleteResource",
    });
    await expect(fx.settle(fx.client.galleries.delete(RG, GALLERY, FAST_POLL))).rejects.toMatchObject({
      statusCode: 409,
      code: "CannotDeleteResource",
    });
  });

  it("purges soft-deleted versions once the 7-day retention has passed on the emulator's clock", async () => {
    expect((await softDeleted()).map((v) => v.name).sort()).toEqual(["1.0.0", "1.0.1"]);
    await fx.em.advance(6 * DAY_SECONDS);
    expect(await softDeleted()).toHaveLength(2);
    await fx.em.advance(DAY_SECONDS + 60);
    expect(await softDeleted()).toEqual([]);
    await publish("1.0.0");
    expect(await versionNames()).toEqual(["1.0.0"]);
  });

  describe("over raw HTTP", () => {
    const put = (path: string, body: unknown, apiVersion = API) =>
      fx.em.fetch(`${path}?${apiVersion}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });

    it("answers InvalidParameter to a restore of a version that is not soft-deleted", async () => {
      for (const version of ["1.0.0", "9.9.9"]) {
        const res = await put(versionPath(version), { location: "westeurope", properties: { restore: true } });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: "InvalidParameter", target: "properties.restore" } });
      }
    });

    it("answers InvalidParameter to a restore flag that is not a boolean", async () => {
      const res = await put(versionPath("9.9.9"), { location: "westeurope", properties: { restore: "yes" } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "InvalidParameter", target: "properties.restore" } });
    });

    it("answers InvalidParameter to an artifact type other than Images", async () => {
      const res = await fx.em.fetch(
        `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/softDeletedArtifactTypes/Applications/artifacts/${IMAGE}/versions?${API}`,
        { as: ADMIN },
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "InvalidParameter", target: "artifactType" } });
    });

    it("has no soft-deleted resources list before api-version 2025-03-03", async () => {
      const res = await fx.em.fetch(
        `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/softDeletedArtifactTypes/Images/artifacts/${IMAGE}/versions?api-version=2022-03-03`,
        { as: ADMIN },
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("InvalidApiVersionParameter");
    });
  });
});
