import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS } from "../../seed/demoIdentities.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { deploymentOfVm, vmFromImage } from "../../testing/vmFromImage.js";

/**
 * `storageProfile.imageReference.communityGalleryImageId`: a VM (and a deployment's validation) from an image of a
 * community gallery, against the demo seed: Contoso's contoso_eu_images (versions in EU regions) made a community
 * gallery, used by lee of Fabrikam, who has no share and no role on it; and an image version of Fabrikam's own
 * gallery published from it (`storageProfile.source.communityGalleryImageId`).
 */

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const RG = "rg-images-eu";
const GALLERY = "contoso_eu_images";
const IMAGE = "ubuntu-2204-gen2-eu";
const ADMIN = "megan@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";
const VM_RG = "rg-fabrikam-images";
const DETAILS = {
  publisherUri: "https://contoso.example/images",
  publisherContact: "images@contoso.example",
  eula: "https://contoso.example/eula",
  publicNamePrefix: "ContosoEU",
};

const vmPath = (name: string) =>
  `/subscriptions/${FABRIKAM}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/${name}?api-version=2024-07-01`;
const validatePath = (name: string) =>
  `/subscriptions/${FABRIKAM}/resourcegroups/${VM_RG}/providers/Microsoft.Resources/deployments/${name}/validate?api-version=2025-04-01`;

const vm = (location: string, communityGalleryImageId: string) => vmFromImage(location, { communityGalleryImageId });
const deployment = (location: string, communityGalleryImageId: string) =>
  deploymentOfVm(location, { communityGalleryImageId });

describe("VMs and deployment validation from a community gallery image (communityGalleryImageId)", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });
  let publicName: string;
  const imageId = (version?: string) =>
    `/CommunityGalleries/${publicName}/Images/${IMAGE}${version ? `/Versions/${version}` : ""}`;
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fx.em.fetch(path, { method, as: LEE, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    await fx.client.galleries.update(
      RG,
      GALLERY,
      { sharingProfile: { permissions: "Community", communityGalleryInfo: DETAILS } },
      FAST_POLL,
    );
    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "EnableCommunity" }, FAST_POLL);
    publicName = (await fx.client.galleries.get(RG, GALLERY)).sharingProfile!.communityGalleryInfo!.publicNames![0]!;
  });

  it("creates a VM from latest in the VM's region, the version the community listing calls latest there, with no share or role", async () => {
    const listed = await collect(
      fx.em.compute(LEE, FABRIKAM).communityGalleryImageVersions.list("northeurope", publicName, IMAGE),
    );
    const expected = listed
      .filter((v) => !v.excludeFromLatest)
      .sort((a, b) => b.publishedDate!.getTime() - a.publishedDate!.getTime())[0]!.name;
    const created = await call("PUT", vmPath("vm-community-latest"), vm("northeurope", imageId()));
    expect(created.status).toBeLessThan(300);
    expect(created.body.properties.storageProfile.imageReference).toEqual({
      communityGalleryImageId: imageId(),
      exactVersion: expected,
    });
  });

  // GalleryImageVersion_Create_WithCommunityImageVersionAsSource, across tenants: the example names the image alone.
  it("publishes a version in another tenant's gallery from the community image's latest version in its region", async () => {
    const gallery = `/subscriptions/${FABRIKAM}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/galleries/fabrikam_images`;
    const definition = await call("PUT", `${gallery}/images/ubuntu-from-community?api-version=2025-12-03`, {
      location: "westeurope",
      properties: {
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
        identifier: { publisher: "Fabrikam", offer: "ubuntu-community", sku: "22_04" },
      },
    });
    expect(definition.status).toBe(201);
    await fx.em.advance(3600);
    const listed = await collect(
      fx.em.compute(LEE, FABRIKAM).communityGalleryImageVersions.list("westeurope", publicName, IMAGE),
    );
    const latest = listed
      .filter((v) => !v.excludeFromLatest)
      .sort((a, b) => b.publishedDate!.getTime() - a.publishedDate!.getTime())[0]!;
    const version = await call("PUT", `${gallery}/images/ubuntu-from-community/versions/1.0.0?api-version=2025-12-03`, {
      location: "westeurope",
      properties: { storageProfile: { source: { communityGalleryImageId: imageId() } } },
    });
    expect(version.status, JSON.stringify(version.body)).toBe(201);
    expect(version.body.properties.storageProfile.source).toEqual({ communityGalleryImageId: imageId() });
    expect(version.body.properties.storageProfile.osDiskImage.sizeInGB).toBe(
      latest.storageProfile!.osDiskImage!.diskSizeGB,
    );
  });

  it("refuses a region the image was never replicated to, and a public name or image that does not exist", async () => {
    const eastus = await call("PUT", vmPath("vm-community-eastus"), vm("eastus", imageId("latest")));
    expect(eastus.status).toBe(404);
    expect(eastus.body.error).toMatchObject({ code: "GalleryImageNotFound" });
    expect(eastus.body.error.message).toContain(`${imageId("latest")} is not available in eastus region`);

    const unknown = await call(
      "PUT",
      vmPath("vm-community-unknown"),
      vm("northeurope", `/CommunityGalleries/NoSuch-${publicName.slice(-36)}/Images/${IMAGE}`),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: "GalleryImageNotFound",
      target: "imageReference.communityGalleryImageId",
    });

    const malformed = await call(
      "PUT",
      vmPath("vm-community-bad"),
      vm("northeurope", `/CommunityGalleries/${publicName}/${IMAGE}`),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: "InvalidParameter",
      target: "imageReference.communityGalleryImageId",
    });
  });

  it("validates a deployment from the community image: accepted where replicated, refused elsewhere, never created", async () => {
    const accepted = await call("POST", validatePath("check-community"), deployment("northeurope", imageId("latest")));
    expect(accepted.status).toBe(200);
    const refused = await call("POST", validatePath("check-community-eastus"), deployment("eastus", imageId("latest")));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ code: "GalleryImageNotFound" })]);
    expect((await fx.em.fetch(vmPath("checked"), { as: LEE })).status).toBe(404);
  });
});
