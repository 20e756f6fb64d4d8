import type { ComputeManagementClient, GalleryImage } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { SECURITY_TYPES } from "../../../lib/gallery/imageValues.js";
import { STRATEGY_WITH_TYPE_MESSAGE } from "../../../lib/gallery/galleryImageVersion.js";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-api-versions";
const GALLERY = "Defaults";
const OLD_API = "2024-03-03";

/**
 * @azure/arm-compute 25.1.1 always sends 2025-12-03 and ignores a client apiVersion option, so the older
 * api-version is set the way a pipeline policy can: by rewriting the request's query.
 */
function clientAt(client: ComputeManagementClient, apiVersion: string): ComputeManagementClient {
  client.pipeline.addPolicy({
    name: "pinApiVersion",
    sendRequest: (request, next) => {
      const url = new URL(request.url);
      url.searchParams.set("api-version", apiVersion);
      request.url = url.toString();
      return next(request);
    },
  });
  return client;
}

const securityType = (image: GalleryImage) => image.features?.find((f) => f.name === "SecurityType")?.value;

describe("api-version defaults of image definitions and versions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "eastus" } });
  let old: ComputeManagementClient;

  const define = (client: ComputeManagementClient, name: string, body: Partial<GalleryImage> = {}) =>
    fx.settle(
      client.galleryImages.createOrUpdate(
        RG,
        GALLERY,
        name,
        {
          location: "eastus",
          osType: "Linux",
          osState: "Generalized",
          identifier: { publisher: "Contoso", offer: name, sku: name },
          ...body,
        },
        FAST_POLL,
      ),
    );

  beforeAll(async () => {
    old = clientAt(fx.em.compute(ADMIN, SUB), OLD_API);
    await fx.gallery(RG, GALLERY, { location: "eastus" });
  });

  it("creates Gen1 without a security type on 2024-03-03", async () => {
    const image = await define(old, "old-defaults");
    expect(image.hyperVGeneration).toBe("V1");
    expect(image.features ?? []).toEqual([]);
    // What was stored is what every api-version reads back.
    const read = await fx.client.galleryImages.get(RG, GALLERY, "old-defaults");
    expect(read.hyperVGeneration).toBe("V1");
    expect(securityType(read)).toBeUndefined();
  });

  it("creates Gen2 with SecurityType=TrustedLaunchSupported on 2025-12-03 (the SDK's)", async () => {
    const image = await define(fx.client, "new-defaults");
    expect(image.hyperVGeneration).toBe("V2");
    expect(image.features).toEqual([{ name: "SecurityType", value: "TrustedLaunchSupported" }]);
  });

  it("keeps an explicit Standard, and a Gen1 definition without a security type, on 2025-12-03", async () => {
    const standard = await define(fx.client, "standard", {
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "Standard" }],
    });
    expect(securityType(standard)).toBe("Standard");
    const gen1 = await define(fx.client, "gen1", { hyperVGeneration: "V1" });
    expect(gen1.features ?? []).toEqual([]);
  });

  it("stores every SecurityType value and refuses an unknown one", async () => {
    for (const [index, value] of SECURITY_TYPES.entries()) {
      const image = await define(fx.client, `security-${index}`, {
        hyperVGeneration: "V2",
        features: [{ name: "SecurityType", value }],
      });
      expect(securityType(image)).toBe(value);
    }
    await expect(
      define(fx.client, "security-bad", { features: [{ name: "SecurityType", value: "Secure" }] }),
    ).rejects.toMatchObject({ statusCode: 400, code: "InvalidParameter" });
  });

  it("stores disk controllers, accelerated networking and hibernation as given", async () => {
    const features = [
      { name: "DiskControllerTypes", value: "SCSI,NVMe" },
      { name: "IsAcceleratedNetworkSupported", value: "True" },
      { name: "IsHibernateSupported", value: "False" },
      { name: "SecurityType", value: "TrustedLaunch" },
    ];
    const image = await define(fx.client, "features", { hyperVGeneration: "V2", features });
    expect(image.features).toEqual(features);
    await expect(
      define(fx.client, "features-bad", { features: [{ name: "IsHibernateSupported", value: "Maybe" }] }),
    ).rejects.toMatchObject({ statusCode: 400, code: "InvalidParameter" });
  });

  it("changes features only with allowUpdateImage, keeping startsAtVersion (GalleryImage_UpdateFeatures)", async () => {
    await define(fx.client, "upgrade", { hyperVGeneration: "V2" });
    const upgraded = [{ name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "2.0.0" }];
    const base = {
      location: "eastus",
      osType: "Linux" as const,
      osState: "Generalized" as const,
      hyperVGeneration: "V2" as const,
      identifier: { publisher: "Contoso", offer: "upgrade", sku: "upgrade" },
      features: upgraded,
    };
    await expect(
      fx.settle(fx.client.galleryImages.createOrUpdate(RG, GALLERY, "upgrade", base, FAST_POLL)),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "PropertyChangeNotAllowed",
      message: "Changing property 'galleryImage.properties.features' is not allowed.",
    });
    const image = await fx.settle(
      fx.client.galleryImages.createOrUpdate(RG, GALLERY, "upgrade", { ...base, allowUpdateImage: true }, FAST_POLL),
    );
    expect(image.features).toEqual(upgraded);
    const read = await fx.client.galleryImages.get(RG, GALLERY, "upgrade");
    expect(read.features).toEqual(upgraded);
    // allowUpdateImage is the caller's consent, not a stored property.
    expect(read.allowUpdateImage).toBeUndefined();
    // An update that does not send features keeps them.
    const described = await fx.settle(
      fx.client.galleryImages.update(RG, GALLERY, "upgrade", { description: "upgraded" }, FAST_POLL),
    );
    expect(described.features).toEqual(upgraded);
  });

  describe("versions", () => {
    const source = () => fx.imageFromBlob(RG, "base-image", "eastus", { hyperVGeneration: "V2" });

    it("store Standard_LRS everywhere on 2024-03-03", async () => {
      await define(fx.client, "versions-old", { hyperVGeneration: "V2" });
      const version = await fx.settle(
        old.galleryImageVersions.createOrUpdate(
          RG,
          GALLERY,
          "versions-old",
          "1.0.0",
          {
            location: "eastus",
            publishingProfile: { targetRegions: [{ name: "eastus" }, { name: "westus" }] },
            storageProfile: { source: { id: await source() } },
          },
          FAST_POLL,
        ),
      );
      expect(version.publishingProfile?.storageAccountType).toBe("Standard_LRS");
      expect(version.publishingProfile?.storageAccountStrategy).toBeUndefined();
      expect(version.publishingProfile?.targetRegions?.map((r) => r.storageAccountType)).toEqual([
        "Standard_LRS",
        "Standard_LRS",
      ]);
    });

    it("use PreferStandard_ZRS on 2025-12-03: ZRS where the region has zones, LRS elsewhere, a region's own type first", async () => {
      await define(fx.client, "versions-new", { hyperVGeneration: "V2" });
      const version = await fx.settle(
        fx.client.galleryImageVersions.createOrUpdate(
          RG,
          GALLERY,
          "versions-new",
          "1.0.0",
          {
            location: "eastus",
            publishingProfile: {
              targetRegions: [
                { name: "eastus" },
                { name: "westus" },
                { name: "eastus2", storageAccountType: "Premium_LRS" },
              ],
            },
            storageProfile: { source: { id: await source() } },
          },
          FAST_POLL,
        ),
      );
      expect(version.publishingProfile?.storageAccountStrategy).toBe("PreferStandard_ZRS");
      expect(version.publishingProfile?.storageAccountType).toBeUndefined();
      expect(version.publishingProfile?.targetRegions?.map((r) => [r.name, r.storageAccountType])).toEqual([
        ["East US", "Standard_ZRS"],
        ["West US", "Standard_LRS"],
        ["East US 2", "Premium_LRS"],
      ]);
    });

    it("take DefaultStandard_LRS when asked, and refuse a strategy with a storage type or outside the enum", async () => {
      await define(fx.client, "versions-strategy", { hyperVGeneration: "V2" });
      const id = await source();
      const put = (version: string, publishingProfile: Record<string, unknown>) =>
        fx.settle(
          fx.client.galleryImageVersions.createOrUpdate(
            RG,
            GALLERY,
            "versions-strategy",
            version,
            { location: "eastus", publishingProfile, storageProfile: { source: { id } } } as never,
            FAST_POLL,
          ),
        );
      const lrs = await fx.settle(
        fx.client.galleryImageVersions.createOrUpdate(
          RG,
          GALLERY,
          "versions-strategy",
          "1.0.0",
          {
            location: "eastus",
            publishingProfile: { storageAccountStrategy: "DefaultStandard_LRS" },
            storageProfile: { source: { id } },
          },
          FAST_POLL,
        ),
      );
      expect(lrs.publishingProfile?.storageAccountStrategy).toBe("DefaultStandard_LRS");
      expect(lrs.publishingProfile?.targetRegions?.[0]?.storageAccountType).toBe("Standard_LRS");
      await expect(
        put("1.0.1", { storageAccountStrategy: "PreferStandard_ZRS", storageAccountType: "Standard_LRS" }),
      ).rejects.toMatchObject({ statusCode: 400, code: "InvalidParameter", message: STRATEGY_WITH_TYPE_MESSAGE });
      await expect(put("1.0.2", { storageAccountStrategy: "Cheapest" })).rejects.toMatchObject({
        statusCode: 400,
        code: "InvalidParameter",
      });
    });
  });
});
