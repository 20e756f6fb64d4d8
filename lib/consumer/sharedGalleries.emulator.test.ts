import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS } from "@/emulator/seed/demoIdentities";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { filterInventory, type InventoryImage } from "@/lib/consumer/inventory";
import {
  getSharedImage,
  listSharedGalleryImages,
  regionsToSearch,
  sharedGalleriesSource,
  sharedVersionCandidate,
} from "@/lib/consumer/sharedGalleries";
import { checkRegion } from "@/lib/consumer/usability";
import { listConsumerImages } from "@/lib/queries/consumer";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const FABRIKAM_TENANT = DEMO_TENANTS.fabrikam.tenantId;
const UNIQUE = `${PROD}-CONTOSO_EU_IMAGES`;
const LEE = "lee@fabrikam.onmicrosoft.com";
const MEGAN = "megan@contoso.onmicrosoft.com";

describe("directly shared galleries as rows of Images I can use, against the demo seed", () => {
  let em: TestEmulator;
  const share = (operationType: "Add" | "Reset", groups?: { type: "Subscriptions" | "AADTenants"; ids: string[] }[]) =>
    em
      .compute(MEGAN, PROD)
      .gallerySharingProfile.update(
        "rg-images-eu",
        "contoso_eu_images",
        { operationType, ...(groups ? { groups } : {}) },
        FAST_POLL,
      );
  const now = () => new Date(em.emulator.ctx.clock.now());
  const lee = () => createArmClients(em.url, em.credential(LEE));
  const search = (regions: string[]) => ({
    subscriptions: [{ subscriptionId: FABRIKAM, tenantId: FABRIKAM_TENANT }],
    regions,
  });

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  }, 60_000);
  afterEach(async () => {
    await share("Reset");
  });
  afterAll(() => em.close());

  it("finds nothing while the gallery is not shared", async () => {
    const result = await listSharedGalleryImages(lee(), search(["westeurope", "northeurope"]), now());
    expect(result).toEqual({ images: [], failures: [] });
  });

  it("lists every image of a gallery shared with the subscription, marked as shared directly, with versions per region", async () => {
    await share("Add", [{ type: "Subscriptions", ids: [FABRIKAM] }]);
    const { images, failures } = await listSharedGalleryImages(
      lee(),
      search(["westeurope", "northeurope", "eastus"]),
      now(),
    );
    expect(failures).toEqual([]);
    const owned = (await em
      .fetch(
        `/subscriptions/${PROD}/resourceGroups/rg-images-eu/providers/Microsoft.Compute/galleries/contoso_eu_images/images?api-version=2024-03-03`,
        { as: MEGAN },
      )
      .then((r) => r.json())) as {
      value: { name: string }[];
    };
    expect(images.map((i) => i.name).sort()).toEqual(owned.value.map((i) => i.name).sort());
    for (const image of images) {
      expect(image).toMatchObject({
        access: "directShare",
        galleryName: UNIQUE,
        subscriptionId: FABRIKAM,
        sharedGallery: { uniqueName: UNIQUE, sharedTo: "subscription" },
      });
      expect(image.id).toBe(`/SharedGalleries/${UNIQUE}/Images/${image.name}`);
      expect(image.regions).not.toContain("eastus");
    }
    const ubuntu = images.find((i) => i.name === "ubuntu-2204-gen2-eu")!;
    expect(ubuntu).toMatchObject({
      osType: "Linux",
      osState: "Generalized",
      architecture: "x64",
      publisher: "Contoso",
      offer: "Ubuntu-EU",
    });
    expect(ubuntu.versions.map((v) => v.name)).toEqual([
      "1.0.7",
      "1.0.6",
      "1.0.5",
      "1.0.4",
      "1.0.3",
      "1.0.2",
      "1.0.1",
      "1.0.0",
    ]);
    expect(ubuntu.versions[0]!.id).toBe(`/SharedGalleries/${UNIQUE}/Images/ubuntu-2204-gen2-eu/Versions/1.0.7`);
    // A region lists a version once its copy there has Completed: the newest is still on its way to North Europe.
    expect(ubuntu.versions[0]!.targetRegions).toEqual(["westeurope"]);
    expect(ubuntu.versions[1]!.targetRegions).toContain("northeurope");

    // Filters and end of life work on these rows as on the others.
    expect(
      filterInventory(images, { region: "northeurope", osType: "Linux", text: "ubuntu" }).map((i) => i.name),
    ).toEqual(["ubuntu-2204-gen2-eu"]);
    const ended = images.find((i) => i.name === "avd-win10-m365")!;
    expect(ended.versions.some((v) => v.pastEndOfLife)).toBe(true);
  });

  it("finds a gallery shared with the tenant through sharedTo=tenant, and plugs into listConsumerImages as a source", async () => {
    await share("Add", [{ type: "AADTenants", ids: [FABRIKAM_TENANT] }]);
    const arm = lee();
    const result = await listConsumerImages(arm, [FABRIKAM], now(), [
      sharedGalleriesSource(["westeurope"], () => FABRIKAM_TENANT),
    ]);
    const shared = result.images.filter((i) => i.access === "directShare");
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((i) => i.sharedGallery?.sharedTo === "tenant")).toBe(true);
    // Lee's own images are still there, through RBAC.
    expect(result.images.some((i) => i.access === "rbac" && i.galleryName === "fabrikam_images")).toBe(true);
  });

  it("reads one shared image for its page, whose latest per region matches what Compute resolves", async () => {
    await share("Add", [{ type: "Subscriptions", ids: [FABRIKAM] }]);
    const ref = {
      subscriptionId: FABRIKAM,
      location: "westeurope",
      galleryUniqueName: UNIQUE,
      imageName: "ws2022-datacenter-g2-eu",
      sharedTo: "subscription" as const,
      regions: ["northeurope"],
    };
    const { image } = await getSharedImage(lee(), ref, now());
    const candidates = image.versions.map(sharedVersionCandidate);
    const latest = checkRegion({ kind: "latest", versions: candidates }, "northeurope", now());
    expect(latest.usable).toBe(true);
    const vm = await em.fetch(
      `/subscriptions/${FABRIKAM}/resourceGroups/rg-fabrikam-images/providers/Microsoft.Compute/virtualMachines/from-shared?api-version=2024-07-01`,
      {
        method: "PUT",
        as: LEE,
        body: JSON.stringify({
          location: "northeurope",
          properties: {
            hardwareProfile: { vmSize: "Standard_D2s_v5" },
            storageProfile: {
              imageReference: { sharedGalleryImageId: `${image.id}/Versions/latest` },
              osDisk: { createOption: "FromImage" },
            },
            osProfile: { computerName: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
            securityProfile: {
              securityType: "TrustedLaunch",
              uefiSettings: { secureBootEnabled: true, vTpmEnabled: true },
            },
          },
        }),
      },
    );
    expect(vm.status).toBeLessThan(300);
    expect(latest.usable && (await vm.json()).properties.storageProfile.imageReference.exactVersion).toBe(
      latest.usable && latest.version,
    );
  });
});

describe("regionsToSearch", () => {
  const image = (regions: string[]) => ({ regions }) as unknown as InventoryImage;

  it("keeps the regions the user chose first, then the regions most of their images target, within the default cap", () => {
    const images = [
      image(["westeurope", "northeurope"]),
      image(["westeurope"]),
      image(["eastus", "westeurope", "northeurope"]),
      image(["uksouth", "francecentral", "swedencentral", "germanywestcentral"]),
    ];
    expect(regionsToSearch(images, ["Japan East"])).toEqual([
      "japaneast",
      "westeurope",
      "northeurope",
      "eastus",
      "francecentral",
      "germanywestcentral",
    ]);
    expect(regionsToSearch([], [])).toEqual([]);
  });
});
