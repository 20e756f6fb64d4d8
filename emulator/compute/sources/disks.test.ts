import { describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-disks";
const diskId = (name: string) => `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/disks/${name}`;

describe("managed disks and snapshots through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 5, resourceGroups: { [RG]: "westeurope" }, stepSeconds: 10 });

  it("creates a disk that is Creating until its operation ends, then lists, reads and deletes it", async () => {
    const raw = await fx.em.fetch(`${diskId("data")}?api-version=2026-03-02`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "West Europe",
        sku: { name: "Premium_LRS" },
        properties: { creationData: { createOption: "Empty" }, diskSizeGB: 128 },
      }),
    });
    // The disk resource provider accepts a create with 202, not Compute's 201 (az disk create rejects 201).
    expect(raw.status).toBe(202);
    const body = await raw.json();
    expect(body).toMatchObject({
      location: "westeurope",
      sku: { name: "Premium_LRS", tier: "Premium" },
      properties: {
        provisioningState: "Creating",
        diskSizeGB: 128,
        diskSizeBytes: 128 * 1024 ** 3,
        diskState: "Unattached",
      },
    });
    expect(raw.headers.get("azure-asyncoperation")).toMatch(/\/locations\/westeurope\/capsOperations\//);

    await fx.em.advance(10);
    const disk = await fx.client.disks.get(RG, "DATA");
    expect(disk.provisioningState).toBe("Succeeded");
    expect(disk.name).toBe("data");
    expect((await collect(fx.client.disks.listByResourceGroup(RG))).map((d) => d.name)).toEqual(["data"]);
    expect((await collect(fx.client.disks.list())).map((d) => d.id)).toEqual([diskId("data")]);

    await fx.settle(fx.client.disks.delete(RG, "data", FAST_POLL));
    await expect(fx.client.disks.get(RG, "data")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    const again = await fx.em.fetch(`${diskId("data")}?api-version=2026-03-02`, { method: "DELETE", as: ADMIN });
    expect(again.status).toBe(204);
  });

  it("copies a snapshot from a disk, inheriting OS type, generation, architecture and size", async () => {
    await fx.settle(
      fx.client.disks.createOrUpdate(
        RG,
        "os",
        {
          location: "westeurope",
          osType: "Windows",
          hyperVGeneration: "V2",
          supportedCapabilities: { architecture: "x64" },
          creationData: { createOption: "Empty" },
          diskSizeGB: 127,
        },
        FAST_POLL,
      ),
    );
    const snapshot = await fx.settle(
      fx.client.snapshots.createOrUpdate(
        RG,
        "os-snap",
        { location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: diskId("OS") } },
        FAST_POLL,
      ),
    );
    expect(snapshot).toMatchObject({
      osType: "Windows",
      hyperVGeneration: "V2",
      diskSizeGB: 127,
      supportedCapabilities: { architecture: "x64" },
      provisioningState: "Succeeded",
    });
    expect(snapshot.creationData?.sourceResourceId).toBe(diskId("os"));
    expect((await collect(fx.client.snapshots.listByResourceGroup(RG))).map((s) => s.name)).toEqual(["os-snap"]);
  });

  it("answers bad input with Azure's codes", async () => {
    const put = (name: string, body: unknown, rg = RG) =>
      fx.em.fetch(
        `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/disks/${name}?api-version=2026-03-02`,
        { method: "PUT", as: ADMIN, body: JSON.stringify(body) },
      );
    const empty = { creationData: { createOption: "Empty" }, diskSizeGB: 8 };

    const noSize = await put("d1", { location: "westeurope", properties: { creationData: { createOption: "Empty" } } });
    expect(noSize.status).toBe(400);
    expect((await noSize.json()).error).toEqual({
      code: "InvalidParameter",
      message: "Required parameter 'diskSizeGB' is missing (null).",
      target: "diskSizeGB",
    });

    const badName = await put("-bad", { location: "westeurope", properties: empty });
    expect((await badName.json()).error).toMatchObject({
      code: "InvalidParameter",
      target: "diskName",
      message: expect.stringContaining("The entity name 'diskName' is invalid"),
    });

    const nowhere = await put("d2", { location: "atlantis", properties: empty });
    expect(nowhere.status).toBe(400);
    expect((await nowhere.json()).error.code).toBe("LocationNotAvailableForResourceType");

    const noLocation = await put("d3", { properties: empty });
    expect((await noLocation.json()).error.code).toBe("LocationRequired");

    const noGroup = await put("d4", { location: "westeurope", properties: empty }, "rg-missing");
    expect(noGroup.status).toBe(404);
    expect((await noGroup.json()).error.code).toBe("ResourceGroupNotFound");

    const badSku = await put("d5", { location: "westeurope", sku: { name: "Gold_LRS" }, properties: empty });
    expect((await badSku.json()).error).toMatchObject({ code: "InvalidParameter", target: "sku.name" });

    const missingSource = await put("d6", {
      location: "westeurope",
      properties: { creationData: { createOption: "Copy", sourceResourceId: diskId("nope") } },
    });
    expect(missingSource.status).toBe(404);

    await fx.settle(
      fx.client.disks.createOrUpdate(
        RG,
        "moved",
        { location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 8 },
        FAST_POLL,
      ),
    );
    const otherRegion = await put("moved", { location: "eastus", properties: empty });
    expect(otherRegion.status).toBe(409);
    expect((await otherRegion.json()).error.code).toBe("InvalidResourceLocation");

    const malformed = await fx.em.fetch(`${diskId("d7")}?api-version=2026-03-02`, {
      method: "PUT",
      as: ADMIN,
      body: "{ nope",
    });
    expect((await malformed.json()).error.code).toBe("InvalidRequestContent");
  });

  it("refuses to delete a disk attached to a VM, and releases it when the VM goes", async () => {
    await fx.settle(
      fx.client.disks.createOrUpdate(
        RG,
        "boot",
        { location: "westeurope", osType: "Linux", creationData: { createOption: "Empty" }, diskSizeGB: 30 },
        FAST_POLL,
      ),
    );
    const vm = await fx.settle(
      fx.client.virtualMachines.createOrUpdate(
        RG,
        "attached",
        {
          location: "westeurope",
          hardwareProfile: { vmSize: "Standard_B2s" },
          storageProfile: { osDisk: { createOption: "Attach", managedDisk: { id: diskId("boot") } } },
        },
        FAST_POLL,
      ),
    );
    expect(vm.storageProfile?.osDisk).toMatchObject({
      osType: "Linux",
      name: "boot",
      managedDisk: { id: diskId("boot") },
    });
    expect((await fx.client.disks.get(RG, "boot")).diskState).toBe("Attached");

    const refused = await fx.em.fetch(`${diskId("boot")}?api-version=2026-03-02`, { method: "DELETE", as: ADMIN });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({
      code: "OperationNotAllowed",
      message: `Disk boot is attached to VM ${vm.id}.`,
    });

    await fx.settle(fx.client.virtualMachines.delete(RG, "attached", FAST_POLL));
    const released = await fx.client.disks.get(RG, "boot");
    expect(released.managedBy).toBeUndefined();
    expect(released.diskState).toBe("Unattached");
  });
});
