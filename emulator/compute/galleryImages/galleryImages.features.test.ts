import { beforeAll, describe, expect, it } from "vitest";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { TRUSTED_LAUNCH_VALIDATION, VALIDATION_DELAY_MS } from "../../../lib/gallery/versionValidation.js";

const RG = "rg-features";
const GALLERY = "Features";
const IMAGE = "upgradable";

/**
 * A feature added with startsAtVersion (GalleryImage_UpdateFeatures) applies from that version on: the emulator's
 * validation uses the same rule as the dashboard (lib/gallery/features.ts), so only versions that have the Trusted
 * Launch security type are validated for it.
 */
describe("feature upgrade with startsAtVersion through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    await fx.defineImage(RG, GALLERY, IMAGE, {
      location: "westeurope",
      hyperVGeneration: "V2",
      features: [{ name: "SecurityType", value: "Standard" }],
    });
    const source = await fx.imageFromBlob(RG, "base", "westeurope", { hyperVGeneration: "V2" });
    for (const version of ["1.0.0", "2.0.0"]) {
      await fx.publish(RG, GALLERY, IMAGE, version, { location: "westeurope", sourceId: source });
    }
  });

  it("refuses the change without allowUpdateImage, then validates only the versions from startsAtVersion on", async () => {
    const upgraded = [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }];
    await expect(
      fx.settle(fx.client.galleryImages.update(RG, GALLERY, IMAGE, { features: upgraded }, FAST_POLL)),
    ).rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed" });

    const image = await fx.settle(
      fx.client.galleryImages.update(RG, GALLERY, IMAGE, { features: upgraded, allowUpdateImage: true }, FAST_POLL),
    );
    expect(image.features).toEqual(upgraded);

    await fx.em.advance(VALIDATION_DELAY_MS / 1000 + 60);
    const read = (version: string) =>
      fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, version, { expand: "ValidationProfile" });
    expect((await read("1.0.0")).validationsProfile?.executedValidations).toEqual([]);
    expect((await read("2.0.0")).validationsProfile?.executedValidations).toMatchObject([
      { type: TRUSTED_LAUNCH_VALIDATION, status: "Succeeded" },
    ]);
  });
});
