import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from "@/emulator/seed/demoIdentities";
import {
  DEMO_LIFECYCLE_DEFINITION,
  DEMO_LIFECYCLE_GALLERY,
  DEMO_LIFECYCLE_RESOURCE_GROUP,
} from "@/emulator/seed/demoLifecycle";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { galleryImageResourceId, galleryResourceId } from "@/lib/azure/resourceId";
import { readableSubscriptions } from "@/lib/lifecycle/retentionArm";
import { type GalleryReach, ImageUsage, imageUsageQuery, readImageUsage } from "@/lib/lifecycle/usage";

/**
 * The usage join through the emulator's Resource Graph, against the demo seed's contoso_lifecycle_images and the
 * VMs and scale sets that use it, for every form an image reference takes, filtered by what the caller may read.
 */

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEV = DEMO_SUBSCRIPTIONS.contosoDevelopment.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const MEGAN = DEMO_USERS.megan.upn;
const DIEGO = DEMO_USERS.diego.upn;
const LEE = DEMO_USERS.lee.upn;
const GALLERY_ID = galleryResourceId(PROD, DEMO_LIFECYCLE_RESOURCE_GROUP, DEMO_LIFECYCLE_GALLERY);
const DEFINITION_ID = galleryImageResourceId(
  PROD,
  DEMO_LIFECYCLE_RESOURCE_GROUP,
  DEMO_LIFECYCLE_GALLERY,
  DEMO_LIFECYCLE_DEFINITION,
);
const versionId = (name: string) => `${DEFINITION_ID}/versions/${name}`;

function vm(imageReference: Record<string, string>) {
  return {
    location: "eastus",
    properties: {
      hardwareProfile: { vmSize: "Standard_D2s_v5" },
      storageProfile: { imageReference, osDisk: { createOption: "FromImage" } },
      osProfile: { computerName: "app", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
    },
  };
}

function scaleSet(imageReference: Record<string, string>) {
  return {
    location: "eastus",
    sku: { name: "Standard_D2s_v5", capacity: 2 },
    properties: {
      virtualMachineProfile: {
        storageProfile: { imageReference, osDisk: { createOption: "FromImage" } },
        osProfile: { computerNamePrefix: "app", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
      },
    },
  };
}

describe("in use by: VMs and scale sets joined to gallery versions through Resource Graph", () => {
  let em: TestEmulator;
  const arm = (who: string) => createArmClients(em.url, em.credential(who));
  const usageAs = async (who: string, reach: GalleryReach) => {
    const clients = arm(who);
    return readImageUsage(clients, await readableSubscriptions(clients), reach);
  };
  const put = async (who: string, id: string, body: unknown) => {
    const res = await em.fetch(`${id}?api-version=2024-07-01`, { method: "PUT", as: who, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  };
  const fabrikam = (type: "virtualMachines" | "virtualMachineScaleSets", name: string) =>
    `/subscriptions/${FABRIKAM}/resourceGroups/rg-fabrikam-images/providers/Microsoft.Compute/${type}/${name}`;

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterAll(() => em.close());

  it("finds the demo's VMs and scale sets by version id and by definition id (following latest)", async () => {
    const usage = await usageAs(MEGAN, { id: GALLERY_ID });
    const names = (list: readonly { name: string }[]) => list.map((c) => c.name).sort();
    expect(names(usage.ofVersion(versionId("1.4.0")))).toEqual(["web-01", "web-02"]);
    expect(names(usage.ofVersion(versionId("1.0.0")))).toEqual(["web-legacy-01"]);
    expect(usage.ofVersion(versionId("1.2.0"))).toMatchObject([
      { name: "web-batch-vmss", type: "virtualMachineScaleSet", subscriptionId: DEV, form: "id" },
    ]);
    expect(usage.ofVersion(versionId("1.6.0"))).toEqual([]);
    expect(names(usage.followingLatest(DEFINITION_ID))).toEqual(["web-dev-01", "web-frontend-vmss"]);
    expect(ImageUsage.count(usage.ofDefinition(DEFINITION_ID))).toEqual({ virtualMachines: 4, scaleSets: 2 });
  });

  it("counts only what the caller can read: a Reader of one subscription sees that subscription's consumers", async () => {
    const res = await em.fetch(
      `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleAssignments/0d1e0000-0000-4000-8000-000000000001?api-version=2022-04-01`,
      {
        method: "PUT",
        as: MEGAN,
        body: JSON.stringify({
          properties: {
            roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
            principalId: DEMO_USERS.diego.objectId,
            principalType: "User",
          },
        }),
      },
    );
    expect(res.status).toBe(201);
    const usage = await usageAs(DIEGO, { id: GALLERY_ID });
    // Diego lists other subscriptions through his groups' roles there, but none that reads their VMs.
    expect(usage.subscriptionCount).toBeGreaterThan(1);
    expect(usage.consumers.every((c) => c.subscriptionId === PROD)).toBe(true);
    expect(ImageUsage.count(usage.ofDefinition(DEFINITION_ID))).toEqual({ virtualMachines: 3, scaleSets: 1 });
    // Adele reads neither subscription: none are counted, whatever exists.
    expect((await usageAs(DEMO_USERS.adele.upn, { id: GALLERY_ID })).consumers).toEqual([]);
  });

  it("resolves sharedGalleryImageId, pinned or latest, to the gallery's versions; the owner cannot see them", async () => {
    const owner = arm(MEGAN).compute(PROD);
    await owner.gallerySharingProfile.update(
      DEMO_LIFECYCLE_RESOURCE_GROUP,
      DEMO_LIFECYCLE_GALLERY,
      { operationType: "Add", groups: [{ type: "Subscriptions", ids: [FABRIKAM] }] },
      FAST_POLL,
    );
    const gallery = await owner.galleries.get(DEMO_LIFECYCLE_RESOURCE_GROUP, DEMO_LIFECYCLE_GALLERY);
    const unique = gallery.identifier!.uniqueName!;
    const shared = `/SharedGalleries/${unique}/Images/${DEMO_LIFECYCLE_DEFINITION}`;
    await put(
      LEE,
      fabrikam("virtualMachines", "shared-pinned"),
      vm({ sharedGalleryImageId: `${shared}/Versions/1.4.0` }),
    );
    await put(
      LEE,
      fabrikam("virtualMachineScaleSets", "shared-latest"),
      scaleSet({ sharedGalleryImageId: `${shared}/Versions/latest` }),
    );
    await put(LEE, fabrikam("virtualMachines", "shared-definition"), vm({ sharedGalleryImageId: shared }));

    const reach = { id: GALLERY_ID, uniqueName: unique };
    const asLee = await usageAs(LEE, reach);
    expect(asLee.ofVersion(versionId("1.4.0"))).toMatchObject([
      { name: "shared-pinned", form: "sharedGalleryImageId", subscriptionId: FABRIKAM, definitionId: DEFINITION_ID },
    ]);
    expect(
      asLee
        .followingLatest(DEFINITION_ID)
        .map((c) => c.name)
        .sort(),
    ).toEqual(["shared-definition", "shared-latest"]);
    // The gallery's owner cannot read Fabrikam: its consumers there are not counted.
    const asMegan = await usageAs(MEGAN, reach);
    expect(asMegan.consumers.some((c) => c.subscriptionId === FABRIKAM)).toBe(false);
  });

  it("resolves communityGalleryImageId to the community gallery's versions", async () => {
    const rg = "rg-images-eu";
    const name = "contoso_eu_images";
    const owner = arm(MEGAN).compute(PROD);
    await owner.galleries.update(
      rg,
      name,
      {
        sharingProfile: {
          permissions: "Community",
          communityGalleryInfo: {
            publisherUri: "https://contoso.example/images",
            publisherContact: "images@contoso.example",
            eula: "https://contoso.example/eula",
            publicNamePrefix: "ContosoEU",
          },
        },
      },
      FAST_POLL,
    );
    await owner.gallerySharingProfile.update(rg, name, { operationType: "EnableCommunity" }, FAST_POLL);
    const gallery = await owner.galleries.get(rg, name);
    const publicNames = gallery.sharingProfile!.communityGalleryInfo!.publicNames!;
    const image = "ubuntu-2204-gen2-eu";
    const community = `/CommunityGalleries/${publicNames[0]}/Images/${image}`;
    const body = {
      ...vm({ communityGalleryImageId: community }),
      location: "northeurope",
      properties: {
        ...vm({ communityGalleryImageId: community }).properties,
        securityProfile: {
          securityType: "TrustedLaunch",
          uefiSettings: { secureBootEnabled: true, vTpmEnabled: true },
        },
      },
    };
    await put(LEE, fabrikam("virtualMachines", "community-latest"), body);

    const usage = await usageAs(LEE, { id: gallery.id!, publicNames });
    const definitionId = galleryImageResourceId(PROD, rg, name, image);
    expect(usage.followingLatest(definitionId)).toMatchObject([
      { name: "community-latest", form: "communityGalleryImageId", type: "virtualMachine" },
    ]);
    // Without the public name the same reference is not this gallery's.
    expect((await usageAs(LEE, { id: gallery.id! })).consumers).toEqual([]);
  });

  it("reads many galleries in one query, named in it or, past 25, by every gallery reference, with the same join", async () => {
    const owner = arm(MEGAN).compute(PROD);
    const community = await owner.galleries.get("rg-images-eu", "contoso_eu_images");
    const reaches: GalleryReach[] = [
      { id: GALLERY_ID },
      { id: community.id!, publicNames: community.sharingProfile?.communityGalleryInfo?.publicNames ?? [] },
    ];
    const ids = (usage: ImageUsage) => usage.consumers.map((c) => `${c.id}|${c.definitionId}|${c.versionId ?? ""}`);
    const separately = [...ids(await usageAs(LEE, reaches[0]!)), ...ids(await usageAs(LEE, reaches[1]!))].sort();
    expect(separately.length).toBeGreaterThan(0);
    const clients = arm(LEE);
    const subscriptions = await readableSubscriptions(clients);
    expect(ids(await readImageUsage(clients, subscriptions, reaches)).sort()).toEqual(separately);
    const unrelated = Array.from({ length: 30 }, (_, i) => ({
      id: galleryResourceId(PROD, "rg-nowhere", `gallery_${i}`),
    }));
    expect(imageUsageQuery([...reaches, ...unrelated])).not.toContain(GALLERY_ID);
    expect(ids(await readImageUsage(clients, subscriptions, [...reaches, ...unrelated])).sort()).toEqual(separately);
    expect((await readImageUsage(clients, subscriptions, [])).consumers).toEqual([]);
  });

  it("refuses to build a query from a name that would end Kusto's string literal", () => {
    expect(() => imageUsageQuery({ id: GALLERY_ID, uniqueName: "x' or true or '" })).toThrow();
  });
});
