import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { communityDeploymentSpec, readCommunityGallery } from "@/lib/consumer/communityGalleries";
import { bicepSnippet } from "@/lib/consumer/snippets";
import { makeCommunityGallery } from "@/lib/queries/sharing";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const GALLERY_ID = `/subscriptions/${PROD}/resourceGroups/rg-images-eu/providers/Microsoft.Compute/galleries/contoso_eu_images`;
const LEE = "lee@fabrikam.onmicrosoft.com";
const MEGAN = "megan@contoso.onmicrosoft.com";

describe("a community gallery made by its owner and opened by another tenant's user, against the demo seed", () => {
  let em: TestEmulator;
  let publicName: string;

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  }, 60_000);
  afterAll(() => em.close());

  it("makes the gallery a community gallery with the publisher details and returns its public name", async () => {
    const names = await makeCommunityGallery(createArmClients(em.url, em.credential(MEGAN)), GALLERY_ID, {
      publisherUri: "https://contoso.example",
      publisherContact: "images@contoso.example",
      eula: "https://contoso.example/eula",
      publicNamePrefix: "ContosoEU",
    });
    expect(names).toHaveLength(1);
    publicName = names[0]!;
    expect(publicName).toMatch(/^ContosoEU-/);
  }, 30_000);

  it("opens it by public name and region as another tenant's user: publisher, images, versions replicated there, latest", async () => {
    const read = await readCommunityGallery(
      createArmClients(em.url, em.credential(LEE)),
      FABRIKAM,
      "westeurope",
      ` ${publicName} `,
    );
    expect(read).toMatchObject({
      publicName,
      location: "westeurope",
      publisherContact: "images@contoso.example",
      eula: "https://contoso.example/eula",
    });
    const owned = (await em
      .fetch(`${GALLERY_ID}/images?api-version=2024-03-03`, { as: MEGAN })
      .then((r) => r.json())) as { value: { name: string }[] };
    expect(read.images.map((i) => i.name)).toEqual(owned.value.map((i) => i.name).sort());
    const withVersions = read.images.find((i) => i.versions.length > 1)!;
    expect(withVersions.latest).toBe(withVersions.versions.find((v) => !v.excludeFromLatest)!.name);

    const spec = communityDeploymentSpec(read, withVersions, undefined);
    expect(spec.imageId).toBe(`/CommunityGalleries/${publicName}/Images/${withVersions.name}/Versions/latest`);
    expect(bicepSnippet(spec)).toContain("communityGalleryImageId: imageId");
  });

  it("tells a wrong public name apart with the service's 404", async () => {
    await expect(
      readCommunityGallery(
        createArmClients(em.url, em.credential(LEE)),
        FABRIKAM,
        "westeurope",
        "Nobody-00000000-0000-0000-0000-000000000000",
      ),
    ).rejects.toMatchObject({
      code: "ResourceNotFound",
    });
  });
});
