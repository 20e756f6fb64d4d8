import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-vhd";
const SA_RG = "rg-storage";
const GALLERY = "Vhds";
const IMAGE = "ubuntu";
const STORAGE_API = "api-version=2023-05-01";
const ACCOUNT = "contosovhds";
const accountId = (name = ACCOUNT, rg = SA_RG) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${name}`;
const vhd = (blob: string, account = ACCOUNT) => `https://${account}.blob.core.windows.net/vhds/${blob}`;
const json = { "content-type": "application/json" };

describe("VHD blobs in storage accounts as image version sources", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope", [SA_RG]: "westeurope" } });
  const putAccount = (name: string, body: unknown, as: string = ADMIN) =>
    fx.em.fetch(`${accountId(name)}?${STORAGE_API}`, { method: "PUT", as, headers: json, body: JSON.stringify(body) });
  const registerBlob = (body: unknown) =>
    fx.em.fetch("/_emulator/blobs", { method: "PUT", headers: json, body: JSON.stringify(body) });
  const fromVhd = (
    version: string,
    osDisk: { storageAccountId?: string; uri: string },
    client = fx.client,
    dataDisks: { lun: number; source: { storageAccountId?: string; uri: string } }[] = [],
  ) =>
    fx.settle(
      client.galleryImageVersions.createOrUpdate(
        RG,
        GALLERY,
        IMAGE,
        version,
        {
          location: "westeurope",
          storageProfile: { osDiskImage: { source: osDisk }, dataDiskImages: dataDisks },
        },
        FAST_POLL,
      ),
    );

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    await fx.defineImage(RG, GALLERY, IMAGE, { location: "westeurope", hyperVGeneration: "V2" });
    expect(
      (await putAccount(ACCOUNT, { location: "westeurope", sku: { name: "Standard_LRS" }, kind: "StorageV2" })).status,
    ).toBe(200);
    for (const [blob, sizeGB, osType] of [
      ["ubuntu.vhd", 30, "Linux"],
      ["data.vhd", 64, undefined],
      ["windows.vhd", 127, "Windows"],
    ] as const) {
      const res = await registerBlob({ storageAccountId: accountId(), container: "vhds", blob, sizeGB, osType });
      expect(res.status).toBe(200);
    }
  });

  it("serves storage accounts: PUT, GET, list and DELETE, with Storage's errors", async () => {
    const got = await fx.em.fetch(`${accountId()}?${STORAGE_API}`, { as: ADMIN });
    expect(await got.json()).toMatchObject({
      id: accountId(),
      name: ACCOUNT,
      type: "Microsoft.Storage/storageAccounts",
      location: "westeurope",
      sku: { name: "Standard_LRS", tier: "Standard" },
      kind: "StorageV2",
      properties: {
        primaryEndpoints: { blob: `https://${ACCOUNT}.blob.core.windows.net/` },
        provisioningState: "Succeeded",
      },
    });
    await putAccount("scratchacct", { location: "westeurope", sku: { name: "premium_lrs" }, kind: "BlockBlobStorage" });
    const list = await (
      await fx.em.fetch(`/subscriptions/${SUB}/providers/Microsoft.Storage/storageAccounts?${STORAGE_API}`, {
        as: ADMIN,
      })
    ).json();
    expect(list.value.map((a: { name: string }) => a.name).sort()).toEqual([ACCOUNT, "scratchacct"]);
    expect(
      (await fx.em.fetch(`${accountId("scratchacct")}?${STORAGE_API}`, { method: "DELETE", as: ADMIN })).status,
    ).toBe(200);
    expect((await fx.em.fetch(`${accountId("scratchacct")}?${STORAGE_API}`, { as: ADMIN })).status).toBe(404);

    const cases: [string, unknown, number, string][] = [
      [
        "Bad_Name",
        { location: "westeurope", sku: { name: "Standard_LRS" }, kind: "StorageV2" },
        400,
        "AccountNameInvalid",
      ],
      ["nosku", { location: "westeurope", kind: "StorageV2" }, 400, "InvalidRequestContent"],
      ["badsku", { location: "westeurope", sku: { name: "Gold" }, kind: "StorageV2" }, 400, "InvalidRequestContent"],
      ["nokind", { location: "westeurope", sku: { name: "Standard_LRS" } }, 400, "InvalidRequestContent"],
      ["noloc", { sku: { name: "Standard_LRS" }, kind: "StorageV2" }, 400, "LocationRequired"],
      ["notobject", [], 400, ""],
    ];
    for (const [name, body, status, code] of cases) {
      const res = await putAccount(name, body);
      expect(res.status).toBe(status);
      const { error } = await res.json();
      if (code) expect(error.code).toBe(code);
      else expect(error.code).toBeTruthy();
    }
  });

  it("refuses a malformed blob registration on the control surface", async () => {
    const bad: [unknown, number][] = [
      [{ storageAccountId: accountId(), container: "vhds", blob: "x.vhd", sizeGB: 0 }, 400],
      [{ storageAccountId: accountId(), container: "V", blob: "x.vhd", sizeGB: 1 }, 400],
      [{ storageAccountId: accountId(), container: "vhds", blob: "", sizeGB: 1 }, 400],
      [{ storageAccountId: accountId(), container: "vhds", blob: "x.vhd", sizeGB: 1, osType: "Mac" }, 400],
      [{ storageAccountId: "/subscriptions/x", container: "vhds", blob: "x.vhd", sizeGB: 1 }, 400],
      [{ storageAccountId: accountId("missingacct"), container: "vhds", blob: "x.vhd", sizeGB: 1 }, 404],
      ["text", 400],
    ];
    for (const [body, status] of bad) {
      const res = await registerBlob(body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBeTruthy();
    }
    const listed = await (
      await fx.em.fetch(`/_emulator/blobs?storageAccountId=${encodeURIComponent(accountId())}`)
    ).json();
    expect(listed.value.map((b: { uri: string }) => b.uri)).toEqual([
      vhd("ubuntu.vhd"),
      vhd("data.vhd"),
      vhd("windows.vhd"),
    ]);
  });

  // After GalleryImageVersion_Create_WithVHD.
  it("creates a version from OS and data disk VHDs, sized by the blobs", async () => {
    const version = await fromVhd("1.0.0", { storageAccountId: accountId(), uri: vhd("ubuntu.vhd") }, fx.client, [
      { lun: 1, source: { storageAccountId: accountId(), uri: vhd("data.vhd") } },
    ]);
    expect(version.provisioningState).toBe("Succeeded");
    expect(version.storageProfile?.osDiskImage).toMatchObject({
      sizeInGB: 30,
      source: { storageAccountId: accountId(), uri: vhd("ubuntu.vhd") },
    });
    expect(version.storageProfile?.dataDiskImages).toMatchObject([
      { lun: 1, sizeInGB: 64, source: { storageAccountId: accountId(), uri: vhd("data.vhd") } },
    ]);
  });

  it("refuses a missing blob, a uri of another account, a missing account id and a Windows VHD for a Linux image", async () => {
    await expect(fromVhd("2.0.0", { storageAccountId: accountId(), uri: vhd("nothere.vhd") })).rejects.toMatchObject({
      statusCode: 404,
      code: "NotFound",
      message: expect.stringContaining(vhd("nothere.vhd")),
    });
    await expect(
      fromVhd("2.0.0", { storageAccountId: accountId(), uri: vhd("ubuntu.vhd", "otheraccount") }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: `The blob uri '${vhd("ubuntu.vhd", "otheraccount")}' does not belong to the storage account '${accountId()}'.`,
    });
    await expect(fromVhd("2.0.0", { uri: vhd("ubuntu.vhd") })).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      fromVhd("2.0.0", { storageAccountId: accountId("missingacct"), uri: vhd("ubuntu.vhd", "missingacct") }),
    ).rejects.toMatchObject({ statusCode: 404, code: "NotFound" });
    await expect(fromVhd("2.0.0", { storageAccountId: accountId(), uri: vhd("windows.vhd") })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("checks each data disk's VHD as it checks the OS disk's, at that disk, and its LUN", async () => {
    const os = { storageAccountId: accountId(), uri: vhd("ubuntu.vhd") };
    const dataDisk = (source: { storageAccountId?: string; uri: string }, lun = 0) => [{ lun, source }];
    const DISK = "galleryImageVersion.properties.storageProfile.dataDiskImages[0]";
    await expect(
      fromVhd("4.0.0", os, fx.client, dataDisk({ storageAccountId: accountId(), uri: vhd("nothere.vhd") })),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: "NotFound",
      message: expect.stringContaining(vhd("nothere.vhd")),
    });
    await expect(
      fromVhd(
        "4.0.0",
        os,
        fx.client,
        dataDisk({ storageAccountId: accountId(), uri: vhd("data.vhd", "otheraccount") }),
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: `The blob uri '${vhd("data.vhd", "otheraccount")}' does not belong to the storage account '${accountId()}'.`,
    });
    await expect(fromVhd("4.0.0", os, fx.client, dataDisk({ uri: vhd("data.vhd") }))).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: `Required parameter '${DISK}.source.storageAccountId' is missing (null).`,
    });
    await expect(
      fromVhd(
        "4.0.0",
        os,
        fx.client,
        dataDisk({ storageAccountId: accountId("missingacct"), uri: vhd("d.vhd", "missingacct") }),
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: "NotFound" });
    await expect(
      fromVhd("4.0.0", os, fx.client, dataDisk({ storageAccountId: accountId(), uri: vhd("data.vhd") }, 64)),
    ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("must be between 0 and 63") });
    // A data disk's osType is not checked against the definition: a Windows VHD may hold data for a Linux image.
    const version = await fromVhd("4.0.0", os, fx.client, [
      { lun: 0, source: { storageAccountId: accountId(), uri: vhd("data.vhd") } },
      { lun: 63, source: { storageAccountId: accountId(), uri: vhd("windows.vhd") } },
    ]);
    expect(version.storageProfile?.dataDiskImages).toMatchObject([
      { lun: 0, sizeInGB: 64, hostCaching: "None", source: { storageAccountId: accountId(), uri: vhd("data.vhd") } },
      { lun: 63, sizeInGB: 127, source: { uri: vhd("windows.vhd") } },
    ]);
  });

  it("answers LinkedAuthorizationFailed when the caller may publish but not read the storage account", async () => {
    const grant = async (scope: string, roleId: string) => {
      const res = await fx.em.fetch(
        `${scope}/providers/Microsoft.Authorization/roleAssignments/${crypto.randomUUID()}?api-version=2022-04-01`,
        {
          method: "PUT",
          as: ADMIN,
          body: JSON.stringify({
            properties: {
              roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`,
              principalId: EMPTY_SEED.user.objectId,
              principalType: "User",
            },
          }),
        },
      );
      expect(res.status).toBe(201);
    };
    const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    await grant(`/subscriptions/${SUB}/resourceGroups/${RG}`, CONTRIBUTOR);
    const user = fx.em.compute(USER, SUB);
    await expect(
      fromVhd("3.0.0", { storageAccountId: accountId(), uri: vhd("ubuntu.vhd") }, user),
    ).rejects.toMatchObject({
      statusCode: 403,
      code: "LinkedAuthorizationFailed",
      message: expect.stringContaining(
        `'Microsoft.Storage/storageAccounts/read' on the linked scope(s) '${accountId()}'`,
      ),
    });
    await grant(accountId(), READER);
    const version = await fromVhd("3.0.0", { storageAccountId: accountId(), uri: vhd("ubuntu.vhd") }, user);
    expect(version.storageProfile?.osDiskImage?.sizeInGB).toBe(30);
  });
});
