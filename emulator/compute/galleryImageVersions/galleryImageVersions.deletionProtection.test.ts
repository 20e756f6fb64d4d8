import { beforeAll, describe, expect, it } from "vitest";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const RG = "rg-protected";
const GALLERY = "Protected";
const IMAGE = "ubuntu";
const DAY = 86_400;

describe("safetyProfile.blockDeletionBeforeEndOfLife through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });
  let source: string;

  const inDays = (days: number) => new Date(fx.em.emulator.ctx.clock.now() + days * DAY * 1000);
  const publish = async (name: string, endOfLifeDate: Date | undefined, block: boolean) =>
    fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        name,
        {
          location: "westeurope",
          storageProfile: { source: { id: source } },
          publishingProfile: endOfLifeDate ? { endOfLifeDate } : {},
          safetyProfile: { blockDeletionBeforeEndOfLife: block },
        },
        FAST_POLL,
      ),
    );
  const remove = (name: string) =>
    fx.settle(fx.client.galleryImageVersions.delete(RG, GALLERY, IMAGE, name, FAST_POLL));

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    await fx.defineImage(RG, GALLERY, IMAGE, { location: "westeurope", hyperVGeneration: "V2" });
    source = await fx.imageFromBlob(RG, "base", "westeurope");
  });

  it("refuses to delete a protected version before its end of life, and deletes it after", async () => {
    const endOfLife = inDays(30);
    await publish("1.0.0", endOfLife, true);

    const refused = await remove("1.0.0").catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 409, code: "OperationNotAllowed" });
    expect((refused as Error).message).toContain("safetyProfile.blockDeletionBeforeEndOfLife is true");
    expect((refused as Error).message).toContain(endOfLife.toISOString().slice(0, 10));
    expect((await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).provisioningState).toBe("Succeeded");

    await fx.em.advance(31 * DAY);
    await remove("1.0.0");
    await expect(fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("keeps a protected version without an end of life until the flag is cleared", async () => {
    await publish("1.0.1", undefined, true);
    await expect(remove("1.0.1")).rejects.toMatchObject({ statusCode: 409, code: "OperationNotAllowed" });

    await fx.settle(
      fx.client.galleryImageVersions.update(
        RG,
        GALLERY,
        IMAGE,
        "1.0.1",
        { safetyProfile: { blockDeletionBeforeEndOfLife: false } },
        FAST_POLL,
      ),
    );
    await remove("1.0.1");
  });

  it("deletes an unprotected version before its end of life", async () => {
    await publish("1.0.2", inDays(30), false);
    await remove("1.0.2");
    await expect(fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.2")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
