import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { DEMO_RECOVERABLE_GALLERY } from "@/emulator/seed/demoSoftDelete";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { galleryResourceId } from "@/lib/azure/resourceId";
import { galleryIdentityChoiceOf } from "@/lib/gallery/galleryIdentity";
import { galleryQueries, updateGallery } from "@/lib/queries/galleries";

const g = DEMO_RECOVERABLE_GALLERY;
const SUB = DEMO_SUBSCRIPTIONS[g.subscription].subscriptionId;
const PATH = { subscriptionId: SUB, resourceGroupName: g.resourceGroup, galleryName: g.gallery };
const IDENTITY = `/subscriptions/${SUB}/resourceGroups/${g.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/gallery-signer`;

describe("gallery settings through updateGallery against the demo seed", () => {
  let em: TestEmulator;
  let arm: ArmClients;
  const megan = DEMO_PERSONA_USERS["platform-admin"].upn;
  const read = () =>
    galleryQueries.detail(arm, galleryResourceId(SUB, g.resourceGroup, g.gallery)).queryFn!({} as never);

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
    arm = createArmClients(em.url, em.credential(megan));
  }, 60_000);
  afterAll(() => em.close());

  it("swaps the system-assigned identity for a user-assigned one, then removes it, and turns soft delete off", async () => {
    const before = await read();
    expect(before.identity?.type).toBe("SystemAssigned");
    const created = await em.fetch(`${IDENTITY}?api-version=2023-01-31`, {
      method: "PUT",
      as: megan,
      body: JSON.stringify({ location: g.location }),
    });
    expect(created.status).toBe(201);
    const { principalId } = (await created.json()).properties;

    const base = { description: "", tags: {}, softDeleteEnabled: true };
    const swapped = await updateGallery(arm, PATH, {
      ...base,
      identity: { systemAssigned: false, userAssignedIds: [IDENTITY] },
    }).pollUntilDone();
    expect(swapped.identity?.type).toBe("UserAssigned");
    expect(swapped.identity?.principalId).toBeUndefined();
    expect(Object.values(swapped.identity?.userAssignedIdentities ?? {})).toEqual([
      expect.objectContaining({ principalId }),
    ]);

    const unchanged = await updateGallery(arm, PATH, { ...base, description: "kept identity" }).pollUntilDone();
    expect(galleryIdentityChoiceOf(unchanged.identity)).toEqual({ systemAssigned: false, userAssignedIds: [IDENTITY] });

    const removed = await updateGallery(arm, PATH, {
      ...base,
      softDeleteEnabled: false,
      identity: { systemAssigned: false, userAssignedIds: [] },
    }).pollUntilDone();
    expect(galleryIdentityChoiceOf(removed.identity)).toEqual({ systemAssigned: false, userAssignedIds: [] });
    expect((await read()).softDeletePolicy?.isSoftDeleteEnabled).toBe(false);
  });
});
