import { describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS } from "../../seed/demoIdentities.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const RG = "rg-images-eu";
const GALLERY = "contoso_eu_images";
const ADMIN = "megan@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";

describe("shared gallery invites: accept and reject (SharedGalleryInvite_Accept / _Reject, TenantLevel…)", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });

  it("answers a subscription's decision on a gallery shared with it, and 404 for one that is not", async () => {
    const lee = fx.em.compute(LEE, FABRIKAM);
    await expect(
      lee.sharedGalleryInvites.gallerySharingAccept("westeurope", PROD, GALLERY, FAST_POLL),
    ).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });

    await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Add", groups: [{ type: "Subscriptions", ids: [FABRIKAM] }] },
      FAST_POLL,
    );
    await lee.sharedGalleryInvites.gallerySharingAccept("westeurope", PROD, GALLERY, FAST_POLL);
    await lee.sharedGalleryInvites.gallerySharingReject("westeurope", PROD, GALLERY, FAST_POLL);

    const raw = await fx.em.fetch(
      `/subscriptions/${FABRIKAM}/providers/Microsoft.Compute/locations/West%20Europe/sharedGallerySubscriptions/${PROD}/sharedGalleries/${GALLERY}/accept?api-version=2025-12-03`,
      { method: "POST", as: LEE },
    );
    expect(raw.status).toBe(200);
    expect(await raw.json()).toEqual({
      type: "Subscriptions",
      sharedGallerySubscriptionId: PROD,
      sharedGalleryName: GALLERY,
      location: "westeurope",
      status: "Accepted",
    });
    const nowhere = await fx.em.fetch(
      `/subscriptions/${FABRIKAM}/providers/Microsoft.Compute/locations/atlantis/sharedGallerySubscriptions/${PROD}/sharedGalleries/${GALLERY}/reject?api-version=2025-12-03`,
      { method: "POST", as: LEE },
    );
    expect(nowhere.status).toBe(400);
    const oldApi = await fx.em.fetch(
      `/subscriptions/${FABRIKAM}/providers/Microsoft.Compute/locations/westeurope/sharedGallerySubscriptions/${PROD}/sharedGalleries/${GALLERY}/reject?api-version=2025-03-03`,
      { method: "POST", as: LEE },
    );
    expect(oldApi.status).toBe(400);
  });

  it("answers a tenant's decision only for a gallery shared with that tenant", async () => {
    const lee = fx.em.compute(LEE, FABRIKAM);
    const tenantUrl = (decision: string) =>
      `/providers/Microsoft.Compute/locations/westeurope/tenantLevelSharedGallerySubscriptions/${PROD}/sharedGalleries/${GALLERY}/${decision}?api-version=2025-12-03`;
    const before = await fx.em.fetch(tenantUrl("accept"), { method: "POST", as: LEE });
    expect(before.status).toBe(404);

    await fx.client.gallerySharingProfile.update(
      RG,
      GALLERY,
      { operationType: "Add", groups: [{ type: "AADTenants", ids: [DEMO_TENANTS.fabrikam.tenantId] }] },
      FAST_POLL,
    );
    await lee.tenantLevelSharedGalleryInvites.tenantLevelGallerySharingAccept("westeurope", PROD, GALLERY, FAST_POLL);
    const rejected = await fx.em.fetch(tenantUrl("reject"), { method: "POST", as: LEE });
    expect(await rejected.json()).toMatchObject({ type: "AADTenants", status: "Rejected" });
  });
});
