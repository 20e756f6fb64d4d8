import type { GalleryImageVersion } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { MAX_REPLICATING_VERSIONS_PER_SOURCE } from "./galleryImageVersions.throttle.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-keys";
const GALLERY = "Vault";
const IMAGE = "ubuntu";
const API = "api-version=2025-12-03";
const OTHER_SUB = "99999999-9999-9999-9999-999999999999";

const desId = (name: string, sub: string = SUB) =>
  `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
const imageId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/${name}`;
const versionPath = (version: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/images/${IMAGE}/versions/${version}`;

describe("disk encryption sets and encrypted image versions", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });

  function version(
    name: string,
    targetRegions: NonNullable<GalleryImageVersion["publishingProfile"]>["targetRegions"],
    source = imageId("base"),
  ) {
    return fx.client.galleryImageVersions.createOrUpdate(
      RG,
      GALLERY,
      IMAGE,
      name,
      { location: "westeurope", publishingProfile: { targetRegions }, storageProfile: { source: { id: source } } },
      FAST_POLL,
    );
  }

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    await fx.defineImage(RG, GALLERY, IMAGE, {
      location: "westeurope",
      identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "cmk" },
      hyperVGeneration: "V2",
    });
    for (const name of ["base", "other"]) {
      await fx.imageFromBlob(RG, name, "westeurope", {
        dataDisks: [0, 9].map((lun) => ({
          lun,
          blobUri: `https://sa.blob.core.windows.net/vhds/${name}-${lun}.vhd`,
          diskSizeGB: 16,
        })),
      });
    }
  });

  it("creates, reads, lists and deletes a disk encryption set", async () => {
    const created = await fx.settle(
      fx.client.diskEncryptionSets.createOrUpdate(
        RG,
        "des-west",
        {
          location: "westeurope",
          identity: { type: "SystemAssigned" },
          activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/1" },
        },
        FAST_POLL,
      ),
    );
    expect(created).toMatchObject({
      id: desId("des-west"),
      encryptionType: "EncryptionAtRestWithCustomerKey",
      activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/1" },
      provisioningState: "Succeeded",
    });
    await fx.settle(
      fx.client.diskEncryptionSets.createOrUpdate(
        RG,
        "des-north",
        { location: "northeurope", activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/2" } },
        FAST_POLL,
      ),
    );
    await fx.settle(
      fx.client.diskEncryptionSets.createOrUpdate(
        RG,
        "des-gone",
        { location: "westeurope", activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/3" } },
        FAST_POLL,
      ),
    );
    const listed: string[] = [];
    for await (const set of fx.client.diskEncryptionSets.listByResourceGroup(RG)) listed.push(set.name!);
    expect(listed.sort()).toEqual(["des-gone", "des-north", "des-west"]);
    await fx.settle(fx.client.diskEncryptionSets.delete(RG, "des-gone", FAST_POLL));
    await expect(fx.client.diskEncryptionSets.get(RG, "des-gone")).rejects.toMatchObject({ statusCode: 404 });
    const noKey = await fx.em.fetch(`${desId("nokey")}?api-version=2025-01-02`, {
      as: ADMIN,
      method: "PUT",
      body: JSON.stringify({ location: "westeurope", properties: {} }),
      headers: { "content-type": "application/json" },
    });
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error.message).toBe("Required parameter 'activeKey.keyUrl' is missing (null).");
  });

  it("creates a version encrypted in every region with existing sets, and shows the encryption", async () => {
    const west = {
      osDiskImage: { diskEncryptionSetId: desId("des-west") },
      dataDiskImages: [{ lun: 0, diskEncryptionSetId: desId("des-west") }],
    };
    const north = {
      osDiskImage: { diskEncryptionSetId: desId("des-north") },
      dataDiskImages: [{ lun: 0, diskEncryptionSetId: desId("des-north") }],
    };
    const created = await fx.settle(
      version("1.0.0", [
        { name: "westeurope", encryption: west },
        { name: "northeurope", encryption: north },
      ]),
    );
    expect(
      created.publishingProfile?.targetRegions?.map((r) => r.encryption?.osDiskImage?.diskEncryptionSetId),
    ).toEqual([desId("des-west"), desId("des-north")]);
  });

  it("refuses each broken encryption rule with 400 and Compute's message", async () => {
    const os = (id: string) => ({ osDiskImage: { diskEncryptionSetId: id } });
    const cases: [NonNullable<GalleryImageVersion["publishingProfile"]>["targetRegions"], string][] = [
      [
        [{ name: "westeurope", encryption: os("/subscriptions/x/des") }],
        "The value of parameter galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId is invalid.",
      ],
      [
        [{ name: "westeurope", encryption: os(desId("missing")) }],
        `The disk encryption set ${desId("missing")} was not found.`,
      ],
      [
        [{ name: "westeurope", encryption: os(desId("des-west", OTHER_SUB)) }],
        `The disk encryption set '${desId("des-west", OTHER_SUB)}' must be in the same subscription '${SUB}' as the gallery resource.`,
      ],
      [
        [{ name: "westeurope", encryption: os(desId("des-west")) }, { name: "northeurope" }],
        `A disk encryption set is required for disk 'galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId' in target region 'northeurope' since disk encryption set '${desId("des-west")}' is used for the corresponding disk in region 'westeurope'`,
      ],
      [
        [{ name: "westeurope", encryption: { dataDiskImages: [{ lun: 4, diskEncryptionSetId: desId("des-west") }] } }],
        "An invalid lun [4] was specified in encryption.dataDiskImages. The lun must be one of the following values ['0,9'].",
      ],
      [
        [
          {
            name: "westeurope",
            encryption: {
              dataDiskImages: [
                { lun: 9, diskEncryptionSetId: desId("des-west") },
                { lun: 9, diskEncryptionSetId: desId("des-west") },
              ],
            },
          },
        ],
        "Duplicate luns '9' were specified in target region 'westeurope' encryption.dataDiskImages.",
      ],
    ];
    for (const [targetRegions, message] of cases) {
      await expect(fx.settle(version("2.0.0", targetRegions))).rejects.toMatchObject({
        statusCode: 400,
        code: "InvalidParameter",
        message,
      });
    }
  });

  it("refuses data-disk encryption added to an existing version on update", async () => {
    const current = await fx.client.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0");
    const regions = current.publishingProfile!.targetRegions!.map((region) => ({
      ...region,
      encryption: {
        ...region.encryption,
        dataDiskImages: [
          ...(region.encryption?.dataDiskImages ?? []),
          { lun: 9, diskEncryptionSetId: region.encryption!.osDiskImage!.diskEncryptionSetId! },
        ],
      },
    }));
    await expect(
      fx.settle(
        fx.client.galleryImageVersions.update(
          RG,
          GALLERY,
          IMAGE,
          "1.0.0",
          { publishingProfile: { targetRegions: regions } },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(
        /^Cannot specify new data disk image encryption lun \[9\] with a disk encryption set in region \[west ?europe\]/i,
      ),
    });
  });

  it("throttles a source with too many versions still replicating: 429 with Retry-After until one finishes", async () => {
    const put = (name: string) =>
      fx.em.fetch(`${versionPath(name)}?${API}`, {
        as: ADMIN,
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          location: "westeurope",
          properties: {
            publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus" }] },
            storageProfile: { source: { id: imageId("other") } },
          },
        }),
      });
    for (let i = 0; i < MAX_REPLICATING_VERSIONS_PER_SOURCE; i++) expect((await put(`3.0.${i}`)).status).toBe(201);
    const throttled = await put("3.0.9");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await throttled.json()).error).toEqual({
      code: "TooManyRequests",
      message: `Too many requests on source '${imageId("other")}'. Please reduce the number of requests on the source or wait some time before retrying.`,
    });
    // Another source is not throttled by this one's queue.
    await fx.settle(version("3.1.0", [{ name: "westeurope" }], imageId("base")));
    await fx.em.advance(Number(throttled.headers.get("retry-after")));
    expect((await put("3.0.9")).status).toBe(201);
  });
});
