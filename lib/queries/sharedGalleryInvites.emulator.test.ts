import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { galleryResourceId } from "@/lib/azure/resourceId";
import { galleryQueries } from "@/lib/queries/galleries";
import { answerSharedGalleryInvite } from "@/lib/queries/sharedGalleryInvites";
import { updateDirectSharing } from "@/lib/queries/sharing";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const GALLERY = "contoso_eu_images";
const GALLERY_ID = galleryResourceId(PROD, "rg-images-eu", GALLERY);

describe("shared gallery invites and sharing state against the demo seed", () => {
  let em: TestEmulator;

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo", lroSeconds: 2 });
  }, 60_000);
  afterAll(() => em.close());

  it("reports the share's state per region, and lets the consumer subscription accept and reject it", async () => {
    const owner = createArmClients(em.url, em.credential(DEMO_PERSONA_USERS["platform-admin"].upn));
    const consumer = createArmClients(em.url, em.credential(DEMO_PERSONA_USERS["other-tenant"].upn));
    const target = {
      consumerSubscriptionId: FABRIKAM,
      clientSubscriptionId: FABRIKAM,
      location: "westeurope",
      ownerSubscriptionId: PROD,
      galleryName: GALLERY,
    };
    await expect(answerSharedGalleryInvite(consumer, target, "accept")).rejects.toMatchObject({
      status: 404,
      code: "ResourceNotFound",
    });

    const readGallery = () => galleryQueries.detail(owner, GALLERY_ID).queryFn!({} as never);
    expect((await readGallery()).sharingStatus).toBeUndefined();
    await updateDirectSharing(owner, GALLERY_ID, {
      operationType: "Add",
      groups: [{ type: "Subscriptions", ids: [FABRIKAM] }],
    });
    const status = (await readGallery()).sharingStatus;
    expect(status?.aggregatedState).toBe("Succeeded");
    expect(status?.summary?.map((region) => [region.region, region.state])).toEqual([["westeurope", "Succeeded"]]);

    await answerSharedGalleryInvite(consumer, target, "accept");
    await answerSharedGalleryInvite(consumer, target, "reject");
    await expect(
      answerSharedGalleryInvite(consumer, { ...target, consumerSubscriptionId: undefined }, "accept"),
    ).rejects.toMatchObject({ status: 404 });
  });
});
