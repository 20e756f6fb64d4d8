import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { TRUSTED_LAUNCH_VALIDATION, VALIDATION_DELAY_MS } from "../../../lib/gallery/versionValidation.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-props";
const GALLERY = "Props";
const IMAGE = "ubuntu";
const TL_IMAGE = "ubuntu-tl";
const API = "api-version=2025-12-03";

const versionPath = (version: string, image = IMAGE, gallery = GALLERY) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${gallery}/images/${image}/versions/${version}`;
const desId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/diskEncryptionSets/${name}`;

describe("image version properties through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });
  let source: string;

  const create = (name: string, body: Record<string, unknown>, image = IMAGE) =>
    fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        image,
        name,
        { location: "westeurope", storageProfile: { source: { id: source } }, ...body },
        FAST_POLL,
      ),
    );
  const raw = (method: string, path: string, body: unknown) =>
    fx.em.fetch(path, {
      as: ADMIN,
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    // Standard, stated: from 2025-03-03 a Gen2 definition without SecurityType is TrustedLaunchSupported.
    await fx.defineImage(RG, GALLERY, IMAGE, {
      location: "westeurope",
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "Standard" }],
    });
    await fx.defineImage(RG, GALLERY, TL_IMAGE, {
      location: "westeurope",
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }],
    });
    source = await fx.imageFromBlob(RG, "base", "westeurope", { dataDiskSizesGB: [16] });
    await fx.settle(
      fx.client.diskEncryptionSets.createOrUpdate(
        RG,
        "des-west",
        { location: "westeurope", activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/1" } },
        FAST_POLL,
      ),
    );
  });

  // After GalleryImageVersion_Create_WithAdditionalReplicaSets.
  it("keeps additionalReplicaSets per target region, with the service's defaults", async () => {
    const created = await create("1.0.0", {
      publishingProfile: {
        targetRegions: [
          {
            name: "westeurope",
            regionalReplicaCount: 1,
            storageAccountType: "Standard_LRS",
            additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }, {}],
          },
        ],
      },
    });
    expect(created.publishingProfile?.targetRegions?.[0]?.additionalReplicaSets).toEqual([
      { storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 },
      { storageAccountType: "Standard_LRS", regionalReplicaCount: 1 },
    ]);
    const read = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    expect(read.publishingProfile?.targetRegions?.[0]?.additionalReplicaSets?.[0]?.storageAccountType).toBe(
      "PremiumV2_LRS",
    );
  });

  // After GalleryImageVersion_Create_WithTargetExtendedLocations.
  it("keeps targetExtendedLocations (edge zones) with their replica count, storage type and encryption", async () => {
    const created = await create("1.1.0", {
      publishingProfile: {
        targetRegions: [{ name: "westeurope" }],
        targetExtendedLocations: [
          {
            name: "westus",
            extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
            extendedLocationReplicaCount: 2,
            storageAccountType: "StandardSSD_LRS",
            encryption: { osDiskImage: { diskEncryptionSetId: desId("des-west") } },
          },
          { name: "eastus", extendedLocation: { name: "microsoftnewyork1" } },
        ],
      },
    });
    expect(created.publishingProfile?.targetExtendedLocations).toEqual([
      {
        name: "westus",
        extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
        extendedLocationReplicaCount: 2,
        storageAccountType: "StandardSSD_LRS",
        encryption: { osDiskImage: { diskEncryptionSetId: desId("des-west") } },
      },
      {
        name: "eastus",
        extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
        extendedLocationReplicaCount: 1,
        storageAccountType: "Standard_LRS",
      },
    ]);
  });

  // After GalleryImageVersion_Create_WithVHD_UefiSettings.
  it("stores securityProfile.uefiSettings and shows it on $expand=UefiSettings only", async () => {
    const uefiSettings = {
      signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
      additionalSignatures: {
        pk: { type: "sha256", value: ["pkValue"] },
        kek: [{ type: "x509", value: ["kekValue"] }],
        db: [{ type: "x509", value: ["dbValue"] }],
        dbx: [{ type: "sha256", value: ["dbxValue"] }],
      },
    };
    // UEFI settings need a definition Trusted Launch or confidential VMs boot (lib/gallery's checkUefiSettings).
    await create("1.2.0", { securityProfile: { uefiSettings } }, TL_IMAGE);
    expect((await fx.client.galleryImageVersions.get(RG, GALLERY, TL_IMAGE, "1.2.0")).securityProfile).toBeUndefined();
    const expanded = await fx.client.galleryImageVersions.get(RG, GALLERY, TL_IMAGE, "1.2.0", {
      expand: "UefiSettings",
    });
    expect(expanded.securityProfile?.uefiSettings).toEqual(uefiSettings);
  });

  it("refuses a malformed edge zone or UEFI key with 400 and Compute's message", async () => {
    const cases: [unknown, number, string][] = [
      [
        {
          publishingProfile: {
            targetExtendedLocations: [{ name: "westus", extendedLocation: { name: "z" }, storageAccountType: "Nope" }],
          },
        },
        400,
        "storageAccountType",
      ],
      [{ securityProfile: { uefiSettings: { signatureTemplateNames: ["Mine"] } } }, 400, "signatureTemplateNames"],
      [
        { securityProfile: { uefiSettings: { additionalSignatures: { pk: { type: "md5", value: ["x"] } } } } },
        400,
        "pk.type",
      ],
      [{ publishingProfile: { targetExtendedLocations: [{ name: "westus" }] } }, 400, "extendedLocation"],
    ];
    for (const [properties, status, fragment] of cases) {
      const res = await raw("PUT", `${versionPath("9.9.9")}?${API}`, {
        location: "westeurope",
        properties: { storageProfile: { source: { id: source } }, ...(properties as object) },
      });
      expect(res.status).toBe(status);
      const { error } = await res.json();
      expect(error.code).toMatch(/^Invalid/);
      expect(`${error.message} ${error.target ?? ""}`).toContain(fragment);
    }
  });

  it("answers every wrongly typed new property with Compute's 400, never a 500", async () => {
    const bodies: unknown[] = [
      { publishingProfile: { targetRegions: [{ name: "westeurope", additionalReplicaSets: "x" }] } },
      {
        publishingProfile: {
          targetRegions: [{ name: "westeurope", additionalReplicaSets: [{ regionalReplicaCount: 0 }] }],
        },
      },
      {
        publishingProfile: {
          targetRegions: [{ name: "westeurope", additionalReplicaSets: [{ storageAccountType: "Gold" }] }],
        },
      },
      { publishingProfile: { targetExtendedLocations: {} } },
      { publishingProfile: { targetExtendedLocations: [{ name: 1, extendedLocation: { name: "z" } }] } },
      {
        publishingProfile: {
          targetExtendedLocations: [{ name: "westus", extendedLocation: { name: "z", type: "Cloud" } }],
        },
      },
      {
        publishingProfile: {
          targetExtendedLocations: [
            { name: "westus", extendedLocation: { name: "z" }, extendedLocationReplicaCount: "two" },
          ],
        },
      },
      { securityProfile: "x" },
      { securityProfile: { uefiSettings: { signatureTemplateNames: "MicrosoftWindowsTemplate" } } },
      { securityProfile: { uefiSettings: { additionalSignatures: { kek: { type: "x509", value: ["k"] } } } } },
      { securityProfile: { uefiSettings: { additionalSignatures: { db: [{ type: "x509", value: [] }] } } } },
      { securityProfile: { uefiSettings: { additionalSignatures: { dbx: [{ type: "x509", value: [1] }] } } } },
      { storageProfile: { source: { communityGalleryImageId: 5 } } },
      {
        storageProfile: {
          osDiskImage: { source: { storageAccountId: 5, uri: "https://a.blob.core.windows.net/c/b" } },
        },
      },
      { storageProfile: { osDiskImage: { source: { storageAccountId: "x", uri: "not a uri" } } } },
    ];
    for (const properties of bodies) {
      const res = await raw("PUT", `${versionPath("9.9.8")}?${API}`, {
        location: "westeurope",
        properties: { storageProfile: { source: { id: source } }, ...(properties as object) },
      });
      const text = await res.text();
      expect([400, 404], `${JSON.stringify(properties)} -> ${text}`).toContain(res.status);
      expect(JSON.parse(text).error.code).toBeTruthy();
    }
  });

  // After GalleryImageVersion_Update_WithoutSourceId: the CLI's update PUTs the version without its source.
  it("keeps the stored source on a PUT without one, and the stored encryption on a PATCH without it", async () => {
    await create("2.0.0", {
      publishingProfile: {
        targetRegions: [
          { name: "westeurope", encryption: { osDiskImage: { diskEncryptionSetId: desId("des-west") } } },
        ],
      },
    });
    const updated = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "2.0.0",
        {
          location: "westeurope",
          publishingProfile: {
            targetRegions: [
              {
                name: "westeurope",
                regionalReplicaCount: 2,
                encryption: { osDiskImage: { diskEncryptionSetId: desId("des-west") } },
              },
            ],
          },
          storageProfile: {},
        },
        FAST_POLL,
      ),
    );
    expect(updated.storageProfile?.source?.id).toBe(source);
    expect(updated.storageProfile?.dataDiskImages?.map((d) => d.lun)).toEqual([0]);
    expect(updated.publishingProfile?.targetRegions?.[0]?.regionalReplicaCount).toBe(2);

    const patched = await fx.settle(
      fx.client.galleryImageVersions.update(
        RG,
        GALLERY,
        IMAGE,
        "2.0.0",
        {
          publishingProfile: {
            targetRegions: [{ name: "westeurope", regionalReplicaCount: 3 }],
          },
          storageProfile: {},
        },
        FAST_POLL,
      ),
    );
    expect(patched.storageProfile?.source?.id).toBe(source);
    expect(patched.publishingProfile?.targetRegions?.[0]?.encryption?.osDiskImage?.diskEncryptionSetId).toBe(
      desId("des-west"),
    );
    expect(patched.publishingProfile?.targetRegions?.[0]?.regionalReplicaCount).toBe(3);
  });

  it("still refuses a new version without a source", async () => {
    const res = await raw("PUT", `${versionPath("3.0.0")}?${API}`, {
      location: "westeurope",
      properties: { storageProfile: {} },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("InvalidParameter");
  });

  // After GalleryImageVersion_Get_WithValidationProfile.
  it("validates a TrustedLaunchSupported definition's version some emulated time after replication", async () => {
    const created = await create("1.0.0", { publishingProfile: { targetRegions: [{ name: "westeurope" }] } }, TL_IMAGE);
    expect(created.validationsProfile).toBeUndefined();
    const early = await fx.client.galleryImageVersions.get(RG, GALLERY, TL_IMAGE, "1.0.0", {
      expand: "ValidationProfile",
    });
    expect(early.validationsProfile?.executedValidations).toEqual([]);
    expect(early.validationsProfile?.platformAttributes).toEqual([
      { name: "source_image_publisher", value: "Contoso" },
      { name: "source_image_offer", value: TL_IMAGE },
      { name: "source_image_sku", value: TL_IMAGE },
      { name: "source_image_version", value: "1.0.0" },
    ]);
    await fx.em.advance(VALIDATION_DELAY_MS / 1000);
    const later = await fx.client.galleryImageVersions.get(RG, GALLERY, TL_IMAGE, "1.0.0", {
      expand: "ValidationProfile",
    });
    expect(later.validationsProfile?.executedValidations).toMatchObject([
      { type: TRUSTED_LAUNCH_VALIDATION, status: "Succeeded" },
    ]);
    const plain = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0", {
      expand: "ValidationProfile",
    });
    expect(plain.validationsProfile?.executedValidations).toEqual([]);
  });

  it("reports a version for policy violations only through the control surface", async () => {
    const ignored = await raw("PATCH", `${versionPath("1.0.0")}?${API}`, {
      properties: {
        safetyProfile: { reportedForPolicyViolation: true, policyViolations: [{ category: "IpTheft", details: "x" }] },
      },
    });
    expect(ignored.status).toBe(200);
    await fx.em.advance(120);
    expect((await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).safetyProfile).toMatchObject({
      reportedForPolicyViolation: false,
    });

    const report = await fx.em.fetch("/_emulator/policyViolations", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        resourceId: versionPath("1.0.0"),
        policyViolations: [{ category: "imageflaggedunsafe", details: "Flagged by a scan." }],
      }),
    });
    expect(report.status).toBe(200);
    const flagged = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    expect(flagged.safetyProfile).toMatchObject({
      reportedForPolicyViolation: true,
      policyViolations: [{ category: "ImageFlaggedUnsafe", details: "Flagged by a scan." }],
    });

    const bad: [unknown, number][] = [
      [{ resourceId: versionPath("1.0.0"), policyViolations: [{ category: "Nope", details: "" }] }, 400],
      [{ resourceId: versionPath("1.0.0"), policyViolations: "x" }, 400],
      [{ resourceId: "/subscriptions/x", policyViolations: [] }, 400],
      [{ resourceId: versionPath("8.8.8"), policyViolations: [] }, 404],
      [[], 400],
    ];
    for (const [body, status] of bad) {
      const res = await fx.em.fetch("/_emulator/policyViolations", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBeTruthy();
    }
    await fx.em.fetch("/_emulator/policyViolations", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ resourceId: versionPath("1.0.0"), policyViolations: [] }),
    });
    expect(
      (await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0")).safetyProfile?.reportedForPolicyViolation,
    ).toBe(false);
  });

  // After GalleryImageVersion_Create_WithCommunityImageVersionAsSource.
  it("creates a version from a community gallery's image version", async () => {
    await fx.gallery(RG, "Public", { location: "westeurope" });
    await fx.defineImage(RG, "Public", IMAGE, { location: "westeurope", hyperVGeneration: "V2" });
    await fx.publish(RG, "Public", IMAGE, "1.0.0", { location: "westeurope", sourceId: source });
    await fx.settle(
      fx.client.galleries.update(
        RG,
        "Public",
        {
          sharingProfile: {
            permissions: "Community",
            communityGalleryInfo: {
              publisherUri: "https://contoso.example",
              publisherContact: "images@contoso.example",
              eula: "https://contoso.example/eula",
              publicNamePrefix: "Contoso",
            },
          },
        },
        FAST_POLL,
      ),
    );
    await fx.settle(
      fx.client.gallerySharingProfile.update(RG, "Public", { operationType: "EnableCommunity" }, FAST_POLL),
    );
    const publicName = (await fx.client.galleries.get(RG, "Public")).sharingProfile!.communityGalleryInfo!
      .publicNames![0]!;
    const communityGalleryImageId = `/CommunityGalleries/${publicName}/Images/${IMAGE}/Versions/1.0.0`;
    const created = await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        "5.0.0",
        { location: "westeurope", storageProfile: { source: { communityGalleryImageId } } },
        FAST_POLL,
      ),
    );
    expect(created.storageProfile?.source?.communityGalleryImageId).toBe(communityGalleryImageId);
    expect(created.storageProfile?.dataDiskImages?.map((d) => d.sizeInGB)).toEqual([16]);
    await expect(
      fx.settle(
        fx.client.galleryImageVersions.createOrUpdate(
          RG,
          GALLERY,
          IMAGE,
          "5.0.1",
          {
            location: "westeurope",
            storageProfile: {
              source: { communityGalleryImageId: `/CommunityGalleries/${publicName}/Images/none/Versions/1.0.0` },
            },
          },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: "NotFound" });

    // The version's tags reach consumers as artifactTags.
    await fx.settle(
      fx.client.galleryImageVersions.createOrUpdate(
        RG,
        "Public",
        IMAGE,
        "1.0.1",
        {
          location: "westeurope",
          tags: { channel: "stable" },
          storageProfile: { source: { id: source } },
        },
        FAST_POLL,
      ),
    );
    const community = await fx.client.communityGalleryImageVersions.get("westeurope", publicName, IMAGE, "1.0.1");
    expect(community.artifactTags).toEqual({ channel: "stable" });
  });
});
