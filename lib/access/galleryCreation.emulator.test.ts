import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from "@/emulator/seed/demoIdentities";
import { SCALE_SEED } from "@/emulator/seed/scale";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import {
  GALLERY_WRITE_ACTION,
  type GalleryCreationAccess,
  NO_GALLERY_WRITE_REASON,
  rolesAllowing,
} from "@/lib/access/galleryCreation";
import { canCreateGalleryAnywhere, galleryCreationQueries } from "@/lib/queries/galleryCreation";
import { createArmClients } from "@/lib/azure/clients";
import { accessQueries } from "@/lib/queries/access";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

const PRODUCTION = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEVELOPMENT = DEMO_SUBSCRIPTIONS.contosoDevelopment.subscriptionId;
const SHARED = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;

/** What each subscription the user sees allows, as the create-gallery page reads it. */
async function accessOf(em: TestEmulator, upn: string): Promise<Map<string, GalleryCreationAccess>> {
  const arm = createArmClients(em.url, em.credential(upn));
  const queryClient = new QueryClient();
  const subscriptions = await queryClient.fetchQuery(subscriptionQueries.list(arm));
  const access = await Promise.all(
    subscriptions.map((s) => queryClient.fetchQuery(galleryCreationQueries.bySubscription(arm, s.subscriptionId))),
  );
  return new Map(access.map((a) => [a.subscriptionId, a]));
}

function summary(access: GalleryCreationAccess | undefined) {
  if (!access) return undefined;
  return access.allowed
    ? { groups: access.resourceGroups.map((g) => g.name), newResourceGroup: access.newResourceGroup.allowed }
    : access.reason;
}

describe("where the demo personas may create a gallery, read from the emulator", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterAll(() => em.close());

  it("the platform admin (Owner of the Contoso subscriptions) may create anywhere, in a new resource group too", async () => {
    const access = await accessOf(em, DEMO_USERS.megan.upn);
    expect([...access.keys()].sort()).toEqual([PRODUCTION, DEVELOPMENT, SHARED].sort());
    for (const a of access.values()) expect(a).toMatchObject({ allowed: true, newResourceGroup: { allowed: true } });
    expect(summary(access.get(PRODUCTION))).toMatchObject({
      groups: expect.arrayContaining(["rg-images-prod", "rg-images-eu", "rg-image-build"]),
    });
  });

  it("the publisher may create only in the resource group where he is Artifacts Publisher, not in a new one", async () => {
    const access = await accessOf(em, DEMO_USERS.alex.upn);
    expect(summary(access.get(PRODUCTION))).toEqual({ groups: ["rg-images-prod"], newResourceGroup: false });
    // Publisher on a gallery is not galleries/write on its resource group: a new gallery is a resource group's child.
    expect(summary(access.get(DEVELOPMENT))).toBe(NO_GALLERY_WRITE_REASON);
  });

  it("the consumer may create nowhere", async () => {
    const access = await accessOf(em, DEMO_USERS.adele.upn);
    expect(access.size).toBeGreaterThan(0);
    for (const a of access.values()) expect(a).toMatchObject({ allowed: false, reason: NO_GALLERY_WRITE_REASON });
  });

  it("a Contributor of one resource group, with no role on its subscription, may create there only", async () => {
    const access = await accessOf(em, DEMO_USERS.patti.upn);
    expect(summary(access.get(PRODUCTION))).toEqual({ groups: ["rg-app-web"], newResourceGroup: false });
  });

  it("names, from the emulator's role definitions, the roles that carry galleries/write", async () => {
    const arm = createArmClients(em.url, em.credential(DEMO_USERS.adele.upn));
    const definitions = await new QueryClient().fetchQuery(accessQueries.roleDefinitions(arm));
    expect(rolesAllowing(definitions, GALLERY_WRITE_ACTION)).toEqual([
      "Owner",
      "Contributor",
      "Compute Gallery Artifacts Publisher",
    ]);
  });
});

describe("the overview's question, whether the caller may create a gallery anywhere, across many subscriptions", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator({ seed: "scale:subscriptions=12,galleries=1,definitions=1,versions=1" });
  });
  afterAll(() => em.close());

  /** The answer, and how many subscriptions were checked to reach it (each check is cached under its own key). */
  async function anywhere(upn: string) {
    const arm = createArmClients(em.url, em.credential(upn));
    const queryClient = new QueryClient();
    const subscriptions = await queryClient.fetchQuery(subscriptionQueries.list(arm));
    const allowed = await canCreateGalleryAnywhere(
      queryClient,
      arm,
      subscriptions.map((s) => s.subscriptionId),
    );
    const checked = queryClient
      .getQueryCache()
      .findAll({ queryKey: [...accessQueries.all(), "galleryCreation"] }).length;
    return { allowed, checked, subscriptions: subscriptions.length };
  }

  it("stops after the first few subscriptions when the first allows it", async () => {
    const result = await anywhere(SCALE_SEED.admin.upn);
    expect(result).toMatchObject({ allowed: true, subscriptions: 12 });
    expect(result.checked).toBeLessThanOrEqual(4);
  });

  it("checks every subscription before it says no", async () => {
    const result = await anywhere(SCALE_SEED.reader.upn);
    expect(result.subscriptions).toBeGreaterThan(4);
    expect(result).toEqual({ allowed: false, checked: result.subscriptions, subscriptions: result.subscriptions });
  });
});
