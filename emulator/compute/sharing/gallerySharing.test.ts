import type { ComputeManagementClient } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS } from "../../seed/demoIdentities.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const RG = "rg-images-eu";
const GALLERY = "contoso_eu_images";
const UNIQUE = `${PROD}-${GALLERY.toUpperCase()}`;
const ADMIN = "megan@contoso.onmicrosoft.com";
const PUBLISHER = "alex@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";
const SHARE = `/subscriptions/${PROD}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/share?api-version=2025-03-03`;

const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

describe("direct sharing: POST {gallery}/share and the consumer's sharedGalleries", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });
  let lee: ComputeManagementClient;

  beforeAll(() => {
    lee = fx.em.compute(LEE, FABRIKAM);
  });

  it("shares a gallery with another tenant's subscription, which then lists it read-only through sharedGalleries", async () => {
    expect((await collect(lee.sharedGalleries.list("westeurope"))).map((g) => g.name)).not.toContain(UNIQUE);
    await expect(
      fx.em.compute(LEE, PROD, DEMO_TENANTS.contoso.tenantId).galleries.get(RG, GALLERY),
    ).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });

    const update = await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Add", groups: [{ type: "Subscriptions", ids: [FABRIKAM] }] },
      FAST_POLL,
    );
    expect(update.operationType).toBe("Add");
    expect(update.groups).toEqual([{ type: "Subscriptions", ids: [FABRIKAM] }]);

    const withGroups = await fx.em.fetch(
      `/subscriptions/${PROD}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}?api-version=2025-03-03&$select=Permissions`,
      { as: ADMIN },
    );
    expect((await withGroups.json()).properties.sharingProfile).toEqual({
      permissions: "Groups",
      groups: [{ type: "Subscriptions", ids: [FABRIKAM] }],
    });
    expect((await fx.client.galleries.get(RG, GALLERY)).sharingProfile).toEqual({ permissions: "Groups" });

    const shared = await collect(lee.sharedGalleries.list("westeurope"));
    expect(shared.map((g) => g.name)).toEqual([UNIQUE]);
    expect(shared[0]!.uniqueId).toBe(`/SharedGalleries/${UNIQUE}`);
    const images = await collect(lee.sharedGalleryImages.list("westeurope", UNIQUE));
    const owned = await collect(fx.client.galleryImages.listByGallery(RG, GALLERY));
    expect(images.map((i) => i.name).sort()).toEqual(owned.map((i) => i.name).sort());
    const first = images[0]!;
    expect(first.identifier?.publisher).toBeTruthy();
    const versions = await collect(lee.sharedGalleryImageVersions.list("westeurope", UNIQUE, first.name!));
    expect(versions.length).toBeGreaterThan(0);
    expect(versions[0]!.uniqueId).toBe(`/SharedGalleries/${UNIQUE}/Images/${first.name}/Versions/${versions[0]!.name}`);
    expect((await lee.sharedGalleries.get("westeurope", UNIQUE.toLowerCase())).name).toBe(UNIQUE);

    // Still read-only through RBAC: the share grants no role on the gallery itself.
    await expect(
      fx.em.compute(LEE, PROD, DEMO_TENANTS.contoso.tenantId).galleries.get(RG, GALLERY),
    ).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });

    await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Remove", groups: [{ type: "Subscriptions", ids: [FABRIKAM] }] },
      FAST_POLL,
    );
    expect(await collect(lee.sharedGalleries.list("westeurope"))).toEqual([]);
    await expect(lee.sharedGalleries.get("westeurope", UNIQUE)).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });

  it("shares with a tenant, listed with sharedTo=tenant, and Reset makes the gallery private again", async () => {
    await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Add", groups: [{ type: "AADTenants", ids: [DEMO_TENANTS.fabrikam.tenantId] }] },
      FAST_POLL,
    );
    expect(await collect(lee.sharedGalleries.list("westeurope"))).toEqual([]);
    expect((await collect(lee.sharedGalleries.list("westeurope", { sharedTo: "tenant" }))).map((g) => g.name)).toEqual([
      UNIQUE,
    ]);

    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "Reset" }, FAST_POLL);
    expect(await collect(lee.sharedGalleries.list("westeurope", { sharedTo: "tenant" }))).toEqual([]);
    expect((await fx.client.galleries.get(RG, GALLERY)).sharingProfile?.permissions).toBe("Private");
  });

  it("keeps the shared groups when the gallery itself is updated", async () => {
    await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Add", groups: [{ type: "Subscriptions", ids: [FABRIKAM] }] },
      FAST_POLL,
    );
    await fx.client.galleries.update(RG, GALLERY, { description: "Still shared" }, FAST_POLL);
    expect((await collect(lee.sharedGalleries.list("westeurope"))).map((g) => g.name)).toEqual([UNIQUE]);
    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "Reset" }, FAST_POLL);
  });

  it("answers 202 with the operation, and the Location with the update once the operation ends", async () => {
    const res = await fx.em.fetch(SHARE, {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify({ operationType: "Add", groups: [{ type: "Subscriptions", ids: [guid(1)] }] }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("azure-asyncoperation")).toMatch(/\/capsOperations\//);
    const location = res.headers.get("location")!;
    expect(location).toContain(`/galleries/${GALLERY}/share?`);
    const done = await fetch(location, { headers: { Authorization: `Bearer ${await fx.em.token(ADMIN)}` } });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ operationType: "Add", groups: [{ type: "Subscriptions", ids: [guid(1)] }] });
  });

  it("refuses more than 30 subscriptions and 5 tenants, bad ids and bad operation types with Azure's errors", async () => {
    const post = (body: unknown) => fx.em.fetch(SHARE, { method: "POST", as: ADMIN, body: JSON.stringify(body) });
    await post({ operationType: "Reset" });
    const thirty = Array.from({ length: 30 }, (_, i) => guid(100 + i));
    expect((await post({ operationType: "Add", groups: [{ type: "Subscriptions", ids: thirty }] })).status).toBe(202);
    const over = await post({ operationType: "Add", groups: [{ type: "Subscriptions", ids: [guid(999)] }] });
    expect(over.status).toBe(400);
    expect((await over.json()).error).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("at most 30 subscriptions"),
    });

    const sixTenants = await post({
      operationType: "Add",
      groups: [{ type: "AADTenants", ids: Array.from({ length: 6 }, (_, i) => guid(200 + i)) }],
    });
    expect(sixTenants.status).toBe(400);
    expect((await sixTenants.json()).error.message).toContain("at most 5 tenants");

    const badId = await post({ operationType: "Add", groups: [{ type: "Subscriptions", ids: ["not-a-guid"] }] });
    expect((await badId.json()).error).toMatchObject({ code: "InvalidParameter", target: "sharingUpdate.groups.ids" });
    const badType = await post({ operationType: "Share" });
    expect(badType.status).toBe(400);
    expect((await badType.json()).error.message).toBe(
      "The value 'Share' of parameter 'sharingUpdate.operationType' is invalid. Allowed values are 'Add', 'Remove', 'Reset', 'EnableCommunity'.",
    );
    const noGroups = await post({ operationType: "Add" });
    expect((await noGroups.json()).error.message).toBe("Required parameter 'sharingUpdate.groups' is missing (null).");
    await post({ operationType: "Reset" });
  });

  it("requires galleries/share/action: a publisher without it gets AuthorizationFailed", async () => {
    const res = await fx.em.fetch(
      `/subscriptions/${PROD}/resourceGroups/rg-images-prod/providers/Microsoft.Compute/galleries/contoso_prod_images/share?api-version=2025-03-03`,
      { method: "POST", as: PUBLISHER, body: JSON.stringify({ operationType: "Reset" }) },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: "AuthorizationFailed",
      message: expect.stringContaining("Microsoft.Compute/galleries/share/action"),
    });
  });
});
