import { describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { resolveComputeSource } from "./versionSources.js";

const SUB = EMPTY_SEED.subscriptionId;
const RG = "rg-sources";

const linuxProfile = { computerName: "build", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" };

describe("resolveComputeSource: what an image version reads from images, disks, snapshots and VMs", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westus" } });
  const id = (type: string, name: string) => fx.id(type, name, RG);
  const resolve = (sourceId: string) => resolveComputeSource(fx.em.emulator.ctx, sourceId);

  it("describes a disk and a snapshot copied from it, ids matched case-insensitively, with no OS state", async () => {
    await fx.client.disks.createOrUpdate(
      RG,
      "os-disk",
      {
        location: "West US",
        osType: "Linux",
        hyperVGeneration: "V2",
        supportedCapabilities: { architecture: "Arm64" },
        creationData: { createOption: "Empty" },
        diskSizeGB: 64,
      },
      FAST_POLL,
    );
    await fx.client.snapshots.createOrUpdate(
      RG,
      "os-snap",
      { location: "westus", creationData: { createOption: "Copy", sourceResourceId: id("disks", "os-disk") } },
      FAST_POLL,
    );
    expect(resolve(id("disks", "os-disk").toUpperCase())).toEqual({
      id: id("disks", "os-disk"),
      kind: "disk",
      location: "westus",
      osType: "Linux",
      hyperVGeneration: "V2",
      architecture: "Arm64",
      osDiskSizeGB: 64,
      dataDisks: [],
    });
    expect(resolve(id("snapshots", "os-snap"))).toMatchObject({
      kind: "snapshot",
      osType: "Linux",
      hyperVGeneration: "V2",
      osDiskSizeGB: 64,
    });
    expect(resolve(id("snapshots", "os-snap"))?.osState).toBeUndefined();
    expect(resolve(id("disks", "missing"))).toBeUndefined();
  });

  it("describes a managed image with its OS state and data disks", async () => {
    await fx.client.disks.createOrUpdate(
      RG,
      "data-1",
      { location: "westus", creationData: { createOption: "Empty" }, diskSizeGB: 128 },
      FAST_POLL,
    );
    await fx.client.images.createOrUpdate(
      RG,
      "golden",
      {
        location: "westus",
        hyperVGeneration: "V2",
        storageProfile: {
          osDisk: { osType: "Linux", osState: "Generalized", managedDisk: { id: id("disks", "os-disk") } },
          dataDisks: [{ lun: 1, managedDisk: { id: id("disks", "data-1") } }],
        },
      },
      FAST_POLL,
    );
    expect(resolve(id("images", "GOLDEN"))).toMatchObject({
      kind: "image",
      location: "westus",
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      osDiskSizeGB: 64,
      dataDisks: [{ lun: 1, sizeGB: 128, sourceId: id("disks", "data-1") }],
    });
  });

  it("describes a VM as Specialized until it is generalized, with its managed disks", async () => {
    const vm = await fx.client.virtualMachines.createOrUpdate(
      RG,
      "builder",
      {
        location: "westus",
        hardwareProfile: { vmSize: "Standard_D2s_v5" },
        storageProfile: {
          imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server-gen2", version: "latest" },
          osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS" } },
          dataDisks: [
            { lun: 0, createOption: "Empty", diskSizeGB: 256, managedDisk: { storageAccountType: "StandardSSD_LRS" } },
          ],
        },
        osProfile: linuxProfile,
      },
      FAST_POLL,
    );
    const source = resolve(id("virtualMachines", "builder"));
    expect(source).toMatchObject({
      kind: "virtualMachine",
      location: "westus",
      osType: "Linux",
      osState: "Specialized",
      hyperVGeneration: "V2",
      osDiskSizeGB: 30,
      dataDisks: [{ lun: 0, sizeGB: 256, sourceId: vm.storageProfile!.dataDisks![0]!.managedDisk!.id }],
    });
    expect(source?.unusableBecause).toBeUndefined();
    await fx.client.virtualMachines.generalize(RG, "builder");
    expect(resolve(id("virtualMachines", "builder"))?.osState).toBe("Generalized");
  });

  it("gives the service's reason for VMs that cannot be captured: ephemeral OS disk, unmanaged disks, UltraSSD", async () => {
    const base = {
      location: "westus",
      hardwareProfile: { vmSize: "Standard_D4s_v5" },
      osProfile: linuxProfile,
    };
    const image = { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" };
    await fx.client.virtualMachines.createOrUpdate(
      RG,
      "ephemeral",
      {
        ...base,
        storageProfile: {
          imageReference: image,
          osDisk: { createOption: "FromImage", caching: "ReadOnly", diffDiskSettings: { option: "Local" } },
        },
      },
      FAST_POLL,
    );
    await fx.client.virtualMachines.createOrUpdate(
      RG,
      "unmanaged",
      {
        ...base,
        storageProfile: {
          imageReference: image,
          osDisk: {
            createOption: "FromImage",
            name: "os",
            vhd: { uri: "https://sa.blob.core.windows.net/vhds/os.vhd" },
          },
        },
      },
      FAST_POLL,
    );
    const ultra = await fx.client.virtualMachines.createOrUpdate(
      RG,
      "ultra",
      {
        ...base,
        additionalCapabilities: { ultraSSDEnabled: true },
        storageProfile: {
          imageReference: image,
          osDisk: { createOption: "FromImage" },
          dataDisks: [
            { lun: 0, createOption: "Empty", diskSizeGB: 64, managedDisk: { storageAccountType: "UltraSSD_LRS" } },
          ],
        },
      },
      FAST_POLL,
    );
    expect(resolve(id("virtualMachines", "ephemeral"))?.unusableBecause?.message).toBe(
      `Source virtual machine ${id("virtualMachines", "ephemeral")} cannot contain an ephemeral OS disk.`,
    );
    expect(resolve(id("virtualMachines", "unmanaged"))?.unusableBecause?.message).toBe(
      `Source virtual machine ${id("virtualMachines", "unmanaged")} must be created from Managed Disks.`,
    );
    expect(resolve(id("virtualMachines", "ultra"))?.unusableBecause?.message).toBe(
      `Source virtual machine ${id("virtualMachines", "ultra")} cannot contain disk ['${ultra.storageProfile!.dataDisks![0]!.managedDisk!.id}'] stored in an UltraSSD account type.`,
    );
  });

  it("leaves gallery image versions and other ids to others", () => {
    expect(
      resolve(
        `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0`,
      ),
    ).toBeUndefined();
    expect(resolve("not an id")).toBeUndefined();
  });
});
