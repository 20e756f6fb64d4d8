import { DEMO_LIFECYCLE_GALLERY } from "./demoLifecycle.js";
import { DEMO_APPLICATIONS_GALLERY } from "./demoApplications.js";
import type { GalleryImageVersion } from "@azure/arm-compute";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { DEMO_AUTOMATION_GALLERY } from "./demoScripts.js";
import { DEMO_DEFINITIONS, DEMO_GALLERIES, demoSubscriptionId } from "./demoData.js";
import { DEMO_RECOVERABLE_GALLERY } from "./demoSoftDelete.js";
import {
  DEMO_PASSWORD,
  DEMO_PERSONA_USERS,
  DEMO_PERSONAS,
  DEMO_SERVICE_PRINCIPALS,
  DEMO_SUBSCRIPTIONS,
  DEMO_TENANTS,
  DEMO_USERS,
} from "./demoIdentities.js";
import { REVIEW_GALLERY } from "./demoVersionProperties.js";
import { DEMO_PUBLISH_OPTIONS } from "./demoPublishOptions.js";

const PROD = demoSubscriptionId("contosoProduction");
const DEV = demoSubscriptionId("contosoDevelopment");
const SHARED = demoSubscriptionId("contosoShared");
const FABRIKAM = demoSubscriptionId("fabrikamProduction");

const ADMIN = DEMO_PERSONA_USERS["platform-admin"].upn;
const PUBLISHER = DEMO_PERSONA_USERS.publisher.upn;
const CONSUMER = DEMO_PERSONA_USERS.consumer.upn;
const OTHER_TENANT = DEMO_PERSONA_USERS["other-tenant"].upn;
const NO_ACCESS = DEMO_PERSONA_USERS["no-access"].upn;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { statusCode?: number }).statusCode;
  }
}

describe("demo seed", () => {
  let em: TestEmulator;
  let seedMs: number;

  beforeAll(async () => {
    const started = performance.now();
    em = await startTestEmulator({ seed: "demo" });
    seedMs = performance.now() - started;
    console.log(`demo seed: emulator started and seeded in ${seedMs.toFixed(0)} ms`);
  });
  afterAll(() => em.close());

  it("lists two tenants, four subscriptions, every persona and the service principals in /_emulator/info", async () => {
    const info = (await (await em.fetch("/_emulator/info")).json()) as {
      tenants: { tenantId: string }[];
      subscriptions: { subscriptionId: string; tenantId: string }[];
      users: { upn: string; password: string; objectId: string; tenantId: string; persona?: string }[];
      groups: { displayName: string; members: string[] }[];
      servicePrincipals: { appId: string; secret: string }[];
    };
    expect(info.tenants.map((t) => t.tenantId).sort()).toEqual(
      [DEMO_TENANTS.contoso.tenantId, DEMO_TENANTS.fabrikam.tenantId].sort(),
    );
    expect(info.subscriptions).toHaveLength(4);
    expect(info.subscriptions.filter((s) => s.tenantId === DEMO_TENANTS.contoso.tenantId)).toHaveLength(3);
    for (const persona of DEMO_PERSONAS) {
      const users = info.users.filter((u) => u.persona === persona);
      expect(users, persona).toHaveLength(1);
      expect(users[0]).toMatchObject({
        upn: DEMO_PERSONA_USERS[persona].upn,
        objectId: DEMO_PERSONA_USERS[persona].objectId,
        password: DEMO_PASSWORD,
      });
    }
    expect(info.users.length).toBeGreaterThan(DEMO_PERSONAS.length);
    const consumers = info.groups.find((g) => g.displayName === "Image Consumers");
    expect(consumers?.members).toContain(DEMO_USERS.adele.objectId);
    expect(info.servicePrincipals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          appId: DEMO_SERVICE_PRINCIPALS.imagePipeline.appId,
          secret: DEMO_SERVICE_PRINCIPALS.imagePipeline.secret,
        }),
      ]),
    );
  });

  it("holds 8 galleries and 40 definitions over the four subscriptions, as their owners see them", async () => {
    const owners: [string, string][] = [
      [ADMIN, PROD],
      [ADMIN, DEV],
      [ADMIN, SHARED],
      [OTHER_TENANT, FABRIKAM],
    ];
    const galleries = (
      await Promise.all(owners.map(([who, sub]) => collect(em.compute(who, sub).galleries.list())))
    ).flat();
    // The catalogue's galleries, the one demoVersionProperties.ts adds for versions under review, the gallery of
    // scripts and access control profiles (demoScripts.ts), the VM Applications' own (demoApplications.ts), and the one with soft delete on
    // (demoSoftDelete.ts), the one with VMs and scale sets using it (demoLifecycle.ts), and the two of the
    // publishing options (demoPublishOptions.ts).
    expect(galleries.map((g) => g.name).sort()).toEqual(
      [
        ...DEMO_GALLERIES.map((g) => g.name),
        REVIEW_GALLERY,
        DEMO_AUTOMATION_GALLERY,
        DEMO_APPLICATIONS_GALLERY,
        DEMO_RECOVERABLE_GALLERY.gallery,
        DEMO_LIFECYCLE_GALLERY,
        DEMO_PUBLISH_OPTIONS.gallery,
        DEMO_PUBLISH_OPTIONS.directSharedGallery,
      ].sort(),
    );
    expect(new Set(galleries.map((g) => g.location)).size).toBeGreaterThanOrEqual(5);

    let definitions = 0;
    for (const g of DEMO_GALLERIES) {
      const owner = g.subscription === "fabrikamProduction" ? OTHER_TENANT : ADMIN;
      const images = await collect(
        em.compute(owner, demoSubscriptionId(g.subscription)).galleryImages.listByGallery(g.resourceGroup, g.name),
      );
      expect(images.every((i) => i.provisioningState === "Succeeded")).toBe(true);
      definitions += images.length;
    }
    expect(definitions).toBe(40);
  });

  it("holds a gallery with soft delete on, a system-assigned identity and one soft-deleted version", async () => {
    const g = DEMO_RECOVERABLE_GALLERY;
    const client = em.compute(ADMIN, DEV);
    const gallery = await client.galleries.get(g.resourceGroup, g.gallery);
    expect(gallery.softDeletePolicy?.isSoftDeleteEnabled).toBe(true);
    expect(gallery.identity?.type).toBe("SystemAssigned");
    expect(gallery.identity?.principalId).toBeDefined();
    const live = await collect(
      client.galleryImageVersions.listByGalleryImage(g.resourceGroup, g.gallery, g.definition),
    );
    expect(live.map((v) => v.name)).toEqual([g.liveVersion]);
    const kept = await collect(
      client.softDeletedResource.listByArtifactName(g.resourceGroup, g.gallery, "Images", g.definition),
    );
    expect(kept.map((v) => v.name)).toEqual([g.softDeletedVersion]);
  });

  it("holds 300 versions over at least eight regions, newest widely replicated and older ones in the source region", async () => {
    const all: GalleryImageVersion[] = [];
    for (const d of DEMO_DEFINITIONS) {
      const g = DEMO_GALLERIES.find((x) => x.name === d.gallery)!;
      const owner = g.subscription === "fabrikamProduction" ? OTHER_TENANT : ADMIN;
      all.push(
        ...(await collect(
          em
            .compute(owner, demoSubscriptionId(g.subscription))
            .galleryImageVersions.listByGalleryImage(g.resourceGroup, g.name, d.name),
        )),
      );
    }
    expect(all).toHaveLength(300);
    const regions = new Set(all.flatMap((v) => v.publishingProfile?.targetRegions?.map((r) => r.name) ?? []));
    expect(regions.size).toBeGreaterThanOrEqual(8);

    const ws2022 = await collect(
      em
        .compute(ADMIN, PROD)
        .galleryImageVersions.listByGalleryImage("rg-images-prod", "contoso_prod_images", "ws2022-datacenter-g2"),
    );
    const regionsOf = (name: string) =>
      ws2022.find((v) => v.name === name)!.publishingProfile!.targetRegions!.map((r) => r.name);
    expect(regionsOf("2024.1.0")).toEqual(["East US"]);
    expect(regionsOf("2024.11.0").length).toBeGreaterThanOrEqual(8);
    expect(ws2022.every((v) => v.storageProfile?.source?.id?.includes("/providers/Microsoft.Compute/images/"))).toBe(
      true,
    );
  });

  it("shows replications in progress at different percentages and one failed region with $expand=ReplicationStatus", async () => {
    const get = (who: string, sub: string, rg: string, gallery: string, image: string, version: string) =>
      em.compute(who, sub).galleryImageVersions.get(rg, gallery, image, version, { expand: "ReplicationStatus" });
    const inProgress = await Promise.all([
      get(ADMIN, PROD, "rg-images-prod", "contoso_prod_images", "ws2022-datacenter-g2", "2024.12.0"),
      get(ADMIN, PROD, "rg-images-prod", "contoso_prod_images", "ws2025-datacenter-azure-edition", "1.3.0"),
      get(ADMIN, PROD, "rg-images-eu", "contoso_eu_images", "ubuntu-2204-gen2-eu", "1.0.7"),
      get(OTHER_TENANT, FABRIKAM, "rg-fabrikam-images", "fabrikam_images", "fabrikam-ws2022-azure-edition", "1.9.0"),
    ]);
    const progress = new Set<number>();
    for (const v of inProgress) {
      expect(v.replicationStatus?.aggregatedState, v.name).toBe("InProgress");
      const replicating = v.replicationStatus!.summary!.filter((r) => r.state === "Replicating");
      expect(replicating.length, v.name).toBeGreaterThan(0);
      for (const r of replicating) progress.add(r.progress!);
    }
    expect([...progress].every((p) => p > 0 && p < 100)).toBe(true);
    expect(progress.size).toBeGreaterThanOrEqual(3);

    const failed = await get(
      ADMIN,
      PROD,
      "rg-images-prod",
      "contoso_prod_images",
      "sql2022-ws2022-enterprise",
      "16.5.0",
    );
    expect(failed.replicationStatus?.aggregatedState).toBe("Failed");
    expect(failed.replicationStatus?.summary).toEqual([
      expect.objectContaining({ region: "East US", state: "Failed", details: expect.stringMatching(/2048/) }),
    ]);
    expect(failed.storageProfile?.dataDiskImages?.[0]?.sizeInGB).toBe(2048);

    const settled = await get(
      ADMIN,
      PROD,
      "rg-images-prod",
      "contoso_prod_images",
      "ws2022-datacenter-g2",
      "2024.10.0",
    );
    expect(settled.replicationStatus?.aggregatedState).toBe("Completed");
    expect(settled.provisioningState).toBe("Succeeded");
  });

  it("has versions excluded from latest (globally, per region, and a definition where all are) and versions past end of life", async () => {
    const linux = await collect(
      em
        .compute(ADMIN, PROD)
        .galleryImageVersions.listByGalleryImage("rg-images-prod", "contoso_linux_images", "ubuntu-2204-gen2"),
    );
    expect(linux.find((v) => v.name === "1.0.11")?.publishingProfile?.excludeFromLatest).toBe(true);
    const perRegion = linux.find((v) => v.name === "1.0.10")!.publishingProfile!.targetRegions!;
    expect(
      perRegion
        .filter((r) => r.excludeFromLatest)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["Australia East", "Southeast Asia"]);
    const pastEndOfLife = linux.filter((v) => v.publishingProfile!.endOfLifeDate!.getTime() < Date.now());
    expect(pastEndOfLife.length).toBeGreaterThan(0);
    expect(pastEndOfLife.length).toBeLessThan(linux.length);

    const preview = await collect(
      em
        .compute(ADMIN, DEV)
        .galleryImageVersions.listByGalleryImage("rg-sandbox", "contoso_sandbox", "preview-ws2025-core"),
    );
    expect(preview.length).toBeGreaterThan(0);
    expect(preview.every((v) => v.publishingProfile?.excludeFromLatest)).toBe(true);
    expect(
      await collect(
        em
          .compute(ADMIN, DEV)
          .galleryImageVersions.listByGalleryImage("rg-sandbox", "contoso_sandbox", "experimental-ubuntu-2410"),
      ),
    ).toEqual([]);
  });

  it("makes specialized versions from a snapshot and from a VM", async () => {
    const sap = await collect(
      em
        .compute(ADMIN, PROD)
        .galleryImageVersions.listByGalleryImage("rg-images-eu", "contoso_eu_images", "sap-app-server"),
    );
    expect(sap[0]?.storageProfile?.osDiskImage?.source?.id).toMatch(/\/snapshots\/snap-sap-app-server-os$/);
    const jumpbox = await collect(
      em
        .compute(ADMIN, DEV)
        .galleryImageVersions.listByGalleryImage("rg-images-dev", "contoso_dev_images", "jumpbox-ws2022"),
    );
    expect(jumpbox[0]?.storageProfile?.source?.id).toMatch(/\/virtualMachines\/vm-jumpbox-ws2022$/);
  });

  it("keeps definitions whose end of life has passed, with their details", async () => {
    const ws2016 = await em
      .compute(ADMIN, PROD)
      .galleryImages.get("rg-images-prod", "contoso_prod_images", "ws2016-datacenter");
    expect(ws2016.endOfLifeDate!.getTime()).toBeLessThan(Date.now());
    const ws2022 = await em
      .compute(ADMIN, PROD)
      .galleryImages.get("rg-images-prod", "contoso_prod_images", "ws2022-datacenter-g2");
    expect(ws2022).toMatchObject({
      identifier: { publisher: "Contoso", offer: "WindowsServer", sku: "2022-datacenter-g2" },
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "TrustedLaunch" }],
      recommended: { vCPUs: { min: 2, max: 64 } },
    });
    expect(DEMO_DEFINITIONS.filter((d) => (d.endOfLifeDays ?? 0) < 0).length).toBeGreaterThanOrEqual(3);
  });

  it("platform-admin owns the Contoso subscriptions and sees nothing of Fabrikam", async () => {
    const groups = await collect(em.resources(ADMIN, PROD).resourceGroups.list());
    expect(groups.map((g) => g.name)).toContain("rg-images-prod");
    const rg = await em.resources(ADMIN, DEV).resourceGroups.createOrUpdate("rg-admin-check", { location: "westus2" });
    expect(rg.name).toBe("rg-admin-check");
    expect([401, 403]).toContain(await statusOf(collect(em.compute(ADMIN, FABRIKAM).galleries.list())));
  });

  it("publisher publishes to the production image resource group but only reads the others", async () => {
    const client = em.compute(PUBLISHER, PROD);
    const image = await client.galleryImages.get("rg-images-prod", "contoso_linux_images", "debian-12-gen2");
    const update = client.galleryImages.beginUpdateAndWait("rg-images-prod", "contoso_linux_images", "debian-12-gen2", {
      description: `${image.description} Updated by the publisher.`,
    });
    expect(await statusOf(update)).toBe(200);
    const refused = client.galleryImages.beginUpdateAndWait("rg-images-eu", "contoso_eu_images", "sap-app-server", {
      description: "no",
    });
    expect(await statusOf(refused)).toBe(403);
    expect((await collect(client.galleries.list())).map((g) => g.name).sort()).toEqual(
      [
        "contoso_eu_images",
        "contoso_linux_images",
        "contoso_prod_images",
        REVIEW_GALLERY,
        DEMO_APPLICATIONS_GALLERY,
        DEMO_LIFECYCLE_GALLERY,
        DEMO_PUBLISH_OPTIONS.gallery,
        DEMO_PUBLISH_OPTIONS.directSharedGallery,
      ].sort(),
    );
  });

  it("consumer sees only what was shared: one gallery through a group, one definition of another gallery", async () => {
    const shared = em.compute(CONSUMER, SHARED);
    expect((await collect(shared.galleries.listByResourceGroup("rg-shared-images"))).map((g) => g.name)).toEqual([
      "contoso_shared_images",
    ]);
    const base = await collect(shared.galleryImages.listByGallery("rg-shared-images", "contoso_shared_images"));
    expect(base).toHaveLength(DEMO_DEFINITIONS.filter((d) => d.gallery === "contoso_shared_images").length);
    const golden = await collect(shared.galleryImages.listByGallery("rg-shared-images", "contoso_golden_images"));
    expect(golden.map((d) => d.name)).toEqual(["golden-ws2022-iis"]);
    expect(await statusOf(shared.galleries.get("rg-shared-images", "contoso_golden_images"))).toBe(403);
    expect(
      await statusOf(shared.galleryImages.get("rg-shared-images", "contoso_golden_images", "golden-ubuntu-nginx")),
    ).toBe(403);
    const iis = await collect(
      shared.galleryImageVersions.listByGalleryImage("rg-shared-images", "contoso_golden_images", "golden-ws2022-iis"),
    );
    expect(iis.length).toBeGreaterThan(0);
    expect([401, 403]).toContain(await statusOf(collect(em.compute(CONSUMER, PROD).galleries.list())));
  });

  it("other-tenant owns the Fabrikam subscription and reads one Contoso gallery as a guest", async () => {
    expect((await collect(em.compute(OTHER_TENANT, FABRIKAM).galleries.list())).map((g) => g.name)).toEqual([
      "fabrikam_images",
    ]);
    const tenants = (await (await em.fetch("/tenants?api-version=2022-12-01", { as: OTHER_TENANT })).json()) as {
      value: { tenantId: string }[];
    };
    expect(tenants.value.map((t) => t.tenantId).sort()).toEqual(
      [DEMO_TENANTS.contoso.tenantId, DEMO_TENANTS.fabrikam.tenantId].sort(),
    );
    // A guest reads Contoso with a token Contoso issued it; its Fabrikam token is for Fabrikam's subscriptions only.
    const guest = em.compute(OTHER_TENANT, SHARED, DEMO_TENANTS.contoso.tenantId);
    expect((await collect(guest.galleries.listByResourceGroup("rg-shared-images"))).map((g) => g.name)).toEqual([
      "contoso_shared_images",
    ]);
    expect(
      await statusOf(collect(em.compute(OTHER_TENANT, SHARED).galleries.listByResourceGroup("rg-shared-images"))),
    ).toBe(401);
  });

  it("no-access holds no role assignment and sees no subscription", async () => {
    const subs = (await (await em.fetch("/subscriptions?api-version=2022-12-01", { as: NO_ACCESS })).json()) as {
      value: unknown[];
    };
    expect(subs.value).toEqual([]);
    for (const s of Object.values(DEMO_SUBSCRIPTIONS)) {
      expect([401, 403], s.displayName).toContain(
        await statusOf(collect(em.compute(NO_ACCESS, s.subscriptionId).galleries.list())),
      );
    }
  });

  it("service principals: the image pipeline publishes, the automation principal owns", async () => {
    const pipeline = em.compute(DEMO_SERVICE_PRINCIPALS.imagePipeline.appId, SHARED);
    expect(
      (await collect(pipeline.galleries.listByResourceGroup("rg-shared-images"))).map((g) => g.name).sort(),
    ).toEqual(["contoso_golden_images", "contoso_shared_images"]);
    const automation = em.resources(DEMO_SERVICE_PRINCIPALS.automation.appId, SHARED);
    expect((await collect(automation.resourceGroups.list())).map((g) => g.name)).toContain("rg-shared-images");
  });
});
