import type { ComputeManagementClient } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS } from "../../seed/demoIdentities.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { COMMUNITY_DISCLAIMER_URI } from "../../../lib/gallery/community.js";
import { FAST_POLL } from "../../testing/harness.js";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const RG = "rg-images-eu";
const GALLERY = "contoso_eu_images";
const ADMIN = "megan@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";
const GALLERY_PATH = `/subscriptions/${PROD}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}`;
const DETAILS = {
  publisherUri: "https://contoso.example/images",
  publisherContact: "images@contoso.example",
  eula: "https://contoso.example/eula",
  publicNamePrefix: "ContosoEU",
};

describe("community galleries: publisher details, EnableCommunity and the public communityGalleries proxies", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });
  let lee: ComputeManagementClient;
  const share = (body: unknown) =>
    fx.em.fetch(`${GALLERY_PATH}/share?api-version=2025-03-03`, {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify(body),
    });
  const patch = (sharingProfile: unknown) =>
    fx.em.fetch(`${GALLERY_PATH}?api-version=2025-03-03`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { sharingProfile } }),
    });

  beforeAll(() => {
    lee = fx.em.compute(LEE, FABRIKAM);
  });

  it("refuses EnableCommunity while the gallery lacks publisher details, naming each missing one", async () => {
    const res = await share({ operationType: "EnableCommunity" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("InvalidParameter");
    for (const field of ["publisherUri", "publisherContact", "eula", "publicNamePrefix"])
      expect(error.message).toContain(`'communityGalleryInfo.${field}'`);

    await fx.client.galleries.update(
      RG,
      GALLERY,
      { sharingProfile: { permissions: "Community", communityGalleryInfo: { publisherUri: DETAILS.publisherUri } } },
      FAST_POLL,
    );
    const partial = await (await share({ operationType: "EnableCommunity" })).json();
    expect(partial.error.message).not.toContain("'communityGalleryInfo.publisherUri'");
    expect(partial.error.message).toContain("'communityGalleryInfo.eula'");
  });

  it("refuses a bad prefix, email or URI on the gallery with the field as target", async () => {
    const badPrefix = await patch({
      permissions: "Community",
      communityGalleryInfo: { ...DETAILS, publicNamePrefix: "no-dashes!" },
    });
    expect(badPrefix.status).toBe(400);
    expect((await badPrefix.json()).error).toMatchObject({
      code: "InvalidParameter",
      target: "properties.sharingProfile.communityGalleryInfo.publicNamePrefix",
      message: expect.stringContaining("5 to 16 letters or digits"),
    });
    const badEmail = await patch({
      permissions: "Community",
      communityGalleryInfo: { ...DETAILS, publisherContact: "not-an-email" },
    });
    expect((await badEmail.json()).error).toMatchObject({
      target: "properties.sharingProfile.communityGalleryInfo.publisherContact",
    });
    const badEula = await patch({ permissions: "Community", communityGalleryInfo: { ...DETAILS, eula: "eula.txt" } });
    expect((await badEula.json()).error).toMatchObject({
      target: "properties.sharingProfile.communityGalleryInfo.eula",
    });
  });

  it("enables community sharing with a public name {prefix}-{guid} that any other tenant reads without a share or a role", async () => {
    await fx.client.galleries.update(
      RG,
      GALLERY,
      { sharingProfile: { permissions: "Community", communityGalleryInfo: DETAILS } },
      FAST_POLL,
    );
    const before = (await fx.client.galleries.get(RG, GALLERY)).sharingProfile?.communityGalleryInfo;
    expect(before).toMatchObject({ ...DETAILS, communityGalleryEnabled: false, publicNames: [] });

    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "EnableCommunity" }, FAST_POLL);
    const info = (await fx.client.galleries.get(RG, GALLERY)).sharingProfile?.communityGalleryInfo;
    expect(info?.communityGalleryEnabled).toBe(true);
    const publicName = info!.publicNames![0]!;
    expect(publicName).toMatch(/^ContosoEU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    // Enabling again keeps the name consumers already use.
    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "EnableCommunity" }, FAST_POLL);
    expect((await fx.client.galleries.get(RG, GALLERY)).sharingProfile?.communityGalleryInfo?.publicNames).toEqual([
      publicName,
    ]);

    // Lee, a guest in Contoso, holds no role on the gallery: it is public only through the community proxies.
    await expect(
      fx.em.compute(LEE, PROD, DEMO_TENANTS.contoso.tenantId).galleries.get(RG, GALLERY),
    ).rejects.toMatchObject({ statusCode: 403 });
    const community = await lee.communityGalleries.get("westeurope", publicName);
    expect(community).toMatchObject({
      name: publicName,
      location: "westeurope",
      type: "Microsoft.Compute/Locations/CommunityGallery",
      uniqueId: `/CommunityGalleries/${publicName}`,
      communityMetadata: {
        publisherUri: DETAILS.publisherUri,
        publisherContact: DETAILS.publisherContact,
        eula: DETAILS.eula,
        publicNames: [publicName],
      },
    });
    expect(community.communityMetadata).not.toHaveProperty("publicNamePrefix");
    // CommunityGallery_Get, CommunityGalleryImage_Get, CommunityGalleryImageVersion_Get: each carries the disclaimer.
    expect(community.disclaimer).toBe(COMMUNITY_DISCLAIMER_URI);

    const images = await collect(lee.communityGalleryImages.list("westeurope", publicName));
    const owned = await collect(fx.client.galleryImages.listByGallery(RG, GALLERY));
    expect(images.map((i) => i.name).sort()).toEqual(owned.map((i) => i.name).sort());
    const image = images[0]!;
    expect(image.uniqueId).toBe(`/CommunityGalleries/${publicName}/Images/${image.name}`);
    const communityImage = await lee.communityGalleryImages.get("westeurope", publicName, image.name!);
    expect(communityImage.identifier?.publisher).toBe("Contoso");
    expect(communityImage.disclaimer).toBe(COMMUNITY_DISCLAIMER_URI);

    const versions = await collect(lee.communityGalleryImageVersions.list("westeurope", publicName, image.name!));
    expect(versions.length).toBeGreaterThan(0);
    const version = versions[0]!;
    expect(version.uniqueId).toBe(`/CommunityGalleries/${publicName}/Images/${image.name}/Versions/${version.name}`);
    const communityVersion = await lee.communityGalleryImageVersions.get(
      "westeurope",
      publicName,
      image.name!,
      version.name!,
    );
    expect(communityVersion.storageProfile?.osDiskImage?.diskSizeGB).toBeGreaterThan(0);
    expect(communityVersion.disclaimer).toBe(COMMUNITY_DISCLAIMER_URI);
  });

  it("lists versions only where they are replicated, and is not found in a region the gallery does not reach", async () => {
    const publicName = (await fx.client.galleries.get(RG, GALLERY)).sharingProfile!.communityGalleryInfo!
      .publicNames![0]!;
    const owned = await collect(fx.client.galleryImages.listByGallery(RG, GALLERY));
    for (const image of owned) {
      const all = await collect(fx.client.galleryImageVersions.listByGalleryImage(RG, GALLERY, image.name!));
      const inNorth: string[] = [];
      for (const v of all) {
        const full = await fx.client.galleryImageVersions.get(RG, GALLERY, image.name!, v.name!, {
          expand: "ReplicationStatus",
        });
        const north = full.replicationStatus?.summary?.find(
          (r) => r.region?.replace(/\s/g, "").toLowerCase() === "northeurope",
        );
        if (north?.state === "Completed") inNorth.push(v.name!);
      }
      inNorth.sort();
      const listed = await collect(lee.communityGalleryImageVersions.list("northeurope", publicName, image.name!));
      expect(listed.map((v) => v.name).sort()).toEqual(inNorth);
    }
    await expect(lee.communityGalleries.get("japaneast", publicName)).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
    await expect(lee.communityGalleryImages.get("westeurope", publicName, "no-such-image")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("answers communityMetadata only from api-version 2023-07-03 on, and nothing once the gallery is private again", async () => {
    const publicName = (await fx.client.galleries.get(RG, GALLERY)).sharingProfile!.communityGalleryInfo!
      .publicNames![0]!;
    const path = (v: string) =>
      `/subscriptions/${FABRIKAM}/providers/Microsoft.Compute/locations/westeurope/communityGalleries/${publicName}?api-version=${v}`;
    expect((await (await fx.em.fetch(path("2022-03-03"), { as: LEE })).json()).properties).toEqual({});
    expect(
      (await (await fx.em.fetch(path("2023-07-03"), { as: LEE })).json()).properties.communityMetadata.publisherContact,
    ).toBe(DETAILS.publisherContact);

    await fx.client.gallerySharingProfile.update(RG, GALLERY, { operationType: "Reset" }, FAST_POLL);
    await expect(lee.communityGalleries.get("westeurope", publicName)).rejects.toMatchObject({ statusCode: 404 });
  });
});
