import { describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-gallery";

const ubuntu = {
  location: "westeurope",
  identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22_04-lts" },
  osType: "Linux" as const,
  osState: "Generalized" as const,
  hyperVGeneration: "V2" as const,
};

describe("galleries and image definitions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 5, resourceGroups: { [RG]: "westeurope" }, stepSeconds: 10 });

  it("creates a gallery that is Creating until its operation ends, with Azure's unique name and sharing profile", async () => {
    const poller = fx.client.galleries.createOrUpdate(
      RG,
      "Images",
      { location: "West Europe", description: "Golden images" },
      FAST_POLL,
    );
    const created = await fx.settle(poller);
    expect(created.provisioningState).toBe("Succeeded");
    expect(created.location).toBe("westeurope");
    expect(created.identifier?.uniqueName).toBe(`${SUB}-IMAGES`);
    expect(created.sharingProfile?.permissions).toBe("Private");

    const raw = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/g2?api-version=2025-12-03`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({ location: "westeurope" }),
      },
    );
    expect(raw.status).toBe(201);
    expect((await raw.json()).properties.provisioningState).toBe("Creating");
    expect(raw.headers.get("azure-asyncoperation")).toMatch(
      /\/providers\/Microsoft\.Compute\/locations\/westeurope\/capsOperations\//,
    );
    const again = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/g2?api-version=2025-12-03`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({ location: "westeurope" }),
      },
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("OperationNotAllowed");
    await fx.em.advance(10);
    const got = await fx.client.galleries.get(RG, "G2");
    expect(got.provisioningState).toBe("Succeeded");
    expect(got.name).toBe("g2");
  });

  it("updates the description with PATCH and with PUT", async () => {
    const patched = await fx.settle(fx.client.galleries.update(RG, "Images", { description: "Patched" }, FAST_POLL));
    expect(patched.description).toBe("Patched");
    const put = await fx.settle(
      fx.client.galleries.createOrUpdate(RG, "Images", { location: "westeurope", description: "Put again" }, FAST_POLL),
    );
    expect(put.description).toBe("Put again");
    expect((await fx.client.galleries.get(RG, "images")).description).toBe("Put again");
  });

  it("creates, updates and refuses immutable changes of an image definition", async () => {
    const created = await fx.settle(
      fx.client.galleryImages.createOrUpdate(RG, "Images", "ubuntu-22", ubuntu, FAST_POLL),
    );
    expect(created).toMatchObject({
      provisioningState: "Succeeded",
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      architecture: "x64",
      identifier: ubuntu.identifier,
    });
    const updated = await fx.settle(
      fx.client.galleryImages.createOrUpdate(
        RG,
        "Images",
        "ubuntu-22",
        {
          ...ubuntu,
          description: "Ubuntu 22.04",
          endOfLifeDate: new Date("2031-01-01T00:00:00Z"),
          recommended: { vCPUs: { min: 2, max: 16 } },
        },
        FAST_POLL,
      ),
    );
    expect(updated.description).toBe("Ubuntu 22.04");
    expect(updated.endOfLifeDate?.toISOString()).toBe("2031-01-01T00:00:00.000Z");
    expect(updated.recommended?.vCPUs).toEqual({ min: 2, max: 16 });

    const patched = await fx.settle(
      fx.client.galleryImages.update(
        RG,
        "Images",
        "ubuntu-22",
        { ...ubuntu, description: "patched", recommended: { memory: { min: 4, max: 32 } } },
        FAST_POLL,
      ),
    );
    expect(patched.description).toBe("patched");
    expect(patched.recommended?.memory).toEqual({ min: 4, max: 32 });
    expect(patched.endOfLifeDate?.toISOString()).toBe("2031-01-01T00:00:00.000Z");

    await expect(
      fx.settle(
        fx.client.galleryImages.createOrUpdate(RG, "Images", "ubuntu-22", { ...ubuntu, osType: "Windows" }, FAST_POLL),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed" });
    await expect(
      fx.settle(
        fx.client.galleryImages.createOrUpdate(
          RG,
          "Images",
          "ubuntu-22",
          { ...ubuntu, identifier: { ...ubuntu.identifier, sku: "other" } },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed" });
  });

  it("lists galleries and definitions across pages without duplicates", async () => {
    await fx.settle(fx.client.galleries.createOrUpdate(RG, "paged", { location: "westeurope" }, FAST_POLL));
    const names = Array.from({ length: 57 }, (_, i) => `def-${String(i).padStart(2, "0")}`);
    for (const name of names) {
      await fx.settle(
        fx.client.galleryImages.createOrUpdate(
          RG,
          "paged",
          name,
          { ...ubuntu, identifier: { ...ubuntu.identifier, sku: name } },
          FAST_POLL,
        ),
      );
    }
    const listed = (await collect(fx.client.galleryImages.listByGallery(RG, "paged"))).map((d) => d.name!);
    expect(listed).toHaveLength(57);
    expect(new Set(listed)).toEqual(new Set(names));

    const bySubscription = (await collect(fx.client.galleries.list())).map((g) => g.name);
    expect(bySubscription).toEqual(expect.arrayContaining(["Images", "g2", "paged"]));
    const byGroup = (await collect(fx.client.galleries.listByResourceGroup(RG))).map((g) => g.name);
    expect(byGroup).toHaveLength(3);
  });

  it("deletes in order: nested resources first", async () => {
    await fx.settle(fx.client.galleries.createOrUpdate(RG, "doomed", { location: "westeurope" }, FAST_POLL));
    await fx.settle(fx.client.galleryImages.createOrUpdate(RG, "doomed", "def", ubuntu, FAST_POLL));
    await expect(fx.settle(fx.client.galleries.delete(RG, "doomed", FAST_POLL))).rejects.toMatchObject({
      statusCode: 409,
      code: "CannotDeleteResource",
    });
    await fx.settle(fx.client.galleryImages.delete(RG, "doomed", "def", FAST_POLL));
    await expect(fx.client.galleryImages.get(RG, "doomed", "def")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
    await fx.settle(fx.client.galleries.delete(RG, "doomed", FAST_POLL));
    await expect(fx.client.galleries.get(RG, "doomed")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });

  it("keeps every gallery and definition across a restart", async () => {
    const before = (await collect(fx.client.galleryImages.listByGallery(RG, "Images"))).map((d) => d.name);
    await fx.em.restart();
    const fresh = fx.em.compute(ADMIN, SUB);
    const gallery = await fresh.galleries.get(RG, "Images");
    expect(gallery.description).toBe("Put again");
    expect((await collect(fresh.galleryImages.listByGallery(RG, "Images"))).map((d) => d.name)).toEqual(before);
    expect((await fresh.galleryImages.get(RG, "Images", "ubuntu-22")).description).toBe("patched");
  });
});
