import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-managed-images";
const id = (type: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/${type}/${name}`;

describe("managed images through @azure/arm-compute", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "northeurope" } });

  beforeAll(async () => {
    await fx.client.disks.createOrUpdate(
      RG,
      "os",
      {
        location: "northeurope",
        osType: "Windows",
        hyperVGeneration: "V2",
        creationData: { createOption: "Empty" },
        diskSizeGB: 127,
      },
      FAST_POLL,
    );
  });

  it("creates an image from a managed disk, taking its size and generation, and lists it", async () => {
    const image = await fx.client.images.createOrUpdate(
      RG,
      "win-golden",
      {
        location: "North Europe",
        tags: { team: "platform" },
        storageProfile: {
          osDisk: { osType: "Windows", osState: "Generalized", managedDisk: { id: id("disks", "os") } },
        },
      },
      FAST_POLL,
    );
    expect(image).toMatchObject({
      location: "northeurope",
      tags: { team: "platform" },
      hyperVGeneration: "V2",
      provisioningState: "Succeeded",
      storageProfile: {
        osDisk: { osType: "Windows", osState: "Generalized", diskSizeGB: 127, managedDisk: { id: id("disks", "os") } },
        dataDisks: [],
      },
    });
    const names: string[] = [];
    for await (const i of fx.client.images.list()) names.push(i.name!);
    expect(names).toEqual(["win-golden"]);
  });

  it("captures a VM only once it is generalized", async () => {
    await fx.client.virtualMachines.createOrUpdate(
      RG,
      "capture-me",
      {
        location: "northeurope",
        hardwareProfile: { vmSize: "Standard_D2s_v5" },
        storageProfile: {
          imageReference: {
            publisher: "MicrosoftWindowsServer",
            offer: "WindowsServer",
            sku: "2022-datacenter-g2",
            version: "latest",
          },
          osDisk: { createOption: "FromImage" },
          dataDisks: [{ lun: 2, createOption: "Empty", diskSizeGB: 32 }],
        },
        osProfile: { computerName: "cap", adminUsername: "azureadmin", adminPassword: "P@ssw0rd-1234" },
      },
      FAST_POLL,
    );
    const body = { location: "northeurope", sourceVirtualMachine: { id: id("virtualMachines", "capture-me") } };
    await expect(fx.client.images.createOrUpdate(RG, "captured", body, FAST_POLL)).rejects.toMatchObject({
      statusCode: 409,
      code: "OperationNotAllowed",
      message: "The operation 'Create Image' requires the Virtual Machine 'capture-me' to be Generalized.",
    });
    await fx.client.virtualMachines.generalize(RG, "capture-me");
    const image = await fx.client.images.createOrUpdate(RG, "captured", body, FAST_POLL);
    expect(image.storageProfile?.osDisk).toMatchObject({ osType: "Windows", osState: "Generalized", diskSizeGB: 127 });
    expect(image.storageProfile?.dataDisks).toMatchObject([{ lun: 2, diskSizeGB: 32 }]);
    expect(image.hyperVGeneration).toBe("V2");
  });

  it("answers missing and malformed parts with Azure's codes", async () => {
    const put = (properties: unknown) =>
      fx.em.fetch(`${id("images", "broken")}?api-version=2026-04-01`, {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({ location: "northeurope", properties }),
      });
    const noOsType = await put({
      storageProfile: { osDisk: { osState: "Generalized", managedDisk: { id: id("disks", "os") } } },
    });
    expect((await noOsType.json()).error).toEqual({
      code: "InvalidParameter",
      message: "Required parameter 'storageProfile.osDisk.osType' is missing (null).",
      target: "storageProfile.osDisk.osType",
    });
    const missingDisk = await put({
      storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", managedDisk: { id: id("disks", "gone") } } },
    });
    expect(missingDisk.status).toBe(404);
    expect((await missingDisk.json()).error.code).toBe("NotFound");
    const duplicateLun = await put({
      storageProfile: {
        osDisk: { osType: "Linux", osState: "Generalized", blobUri: "https://sa.blob.core.windows.net/vhds/os.vhd" },
        dataDisks: [
          { lun: 0, blobUri: "https://sa.blob.core.windows.net/vhds/a.vhd" },
          { lun: 0, blobUri: "https://sa.blob.core.windows.net/vhds/b.vhd" },
        ],
      },
    });
    expect((await duplicateLun.json()).error).toMatchObject({
      code: "InvalidParameter",
      target: "storageProfile.dataDisks[1].lun",
    });
    const oldApi = await fx.em.fetch(`${id("images", "x")}?api-version=2015-01-01`, { as: ADMIN });
    expect((await oldApi.json()).error.code).toBe("InvalidApiVersionParameter");
  });
});
