import type { ResourceSku, VirtualMachine, VirtualMachineScaleSet } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-images";
const VM_RG = "rg-vms";
const REGION = "westeurope";

const definition = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/Images/images/${name}`;
const capability = (sku: ResourceSku, name: string) => sku.capabilities?.find((c) => c.name === name)?.value;

function vmBody(vmSize: string, imageId: string, extra: Record<string, unknown> = {}): VirtualMachine {
  return {
    location: REGION,
    hardwareProfile: { vmSize },
    storageProfile: { imageReference: { id: imageId }, osDisk: { createOption: "FromImage" } },
    osProfile: { computerName: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
    ...extra,
  };
}

describe("Microsoft.Compute/skus and the VM size checks of VM, scale set and deployment writes", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: REGION, [VM_RG]: REGION }, stepSeconds: 600 });
  const createVm = (name: string, body: VirtualMachine) =>
    fx.settle(fx.client.virtualMachines.createOrUpdate(VM_RG, name, body, FAST_POLL));

  beforeAll(async () => {
    await fx.gallery(RG, "Images", { location: REGION });
    const gen2 = await fx.imageFromBlob(RG, "gen2", REGION, { hyperVGeneration: "V2" });
    const gen1 = await fx.imageFromBlob(RG, "gen1", REGION, { hyperVGeneration: "V1" });
    // Named after the example GalleryImage_Create_WithFeatures: features SecurityType and DiskControllerTypes.
    await fx.defineImage(RG, "Images", "scsi", { location: REGION, hyperVGeneration: "V2" });
    await fx.defineImage(RG, "Images", "nvme", {
      location: REGION,
      hyperVGeneration: "V2",
      features: [{ name: "DiskControllerTypes", value: "SCSI, NVMe" }],
    });
    await fx.defineImage(RG, "Images", "legacy", { location: REGION, hyperVGeneration: "V1" });
    await fx.publish(RG, "Images", "scsi", "1.0.0", { location: REGION, sourceId: gen2 });
    await fx.publish(RG, "Images", "nvme", "1.0.0", { location: REGION, sourceId: gen2 });
    await fx.publish(RG, "Images", "legacy", "1.0.0", { location: REGION, sourceId: gen1 });
    await fx.em.advance(24 * 3600);
  });

  it("lists one entry per size and region with Azure's capability names through resourceSkus.list", async () => {
    const all = await collect(fx.client.resourceSkus.list());
    const inWestEurope = await collect(fx.client.resourceSkus.list({ filter: `location eq '${REGION}'` }));
    expect(all.length).toBeGreaterThan(inWestEurope.length);
    expect(inWestEurope.every((s) => s.locations?.[0] === REGION && s.resourceType === "virtualMachines")).toBe(true);

    const byName = new Map(inWestEurope.map((s) => [s.name, s]));
    const v6 = byName.get("Standard_D2s_v6")!;
    expect(v6).toMatchObject({ tier: "Standard", size: "D2s_v6", family: "standardDSv6Family" });
    expect(v6.locationInfo?.[0]).toMatchObject({ location: REGION, zones: ["1", "2", "3"] });
    expect(capability(v6, "DiskControllerTypes")).toBe("NVMe");
    expect(capability(v6, "HyperVGenerations")).toBe("V2");
    expect(capability(v6, "vCPUs")).toBe("2");
    expect(capability(v6, "MemoryGB")).toBe("8");
    expect(capability(byName.get("Standard_D2s_v5")!, "DiskControllerTypes")).toBeUndefined();
    expect(capability(byName.get("Standard_D2ps_v6")!, "CpuArchitectureType")).toBe("Arm64");
    expect(capability(byName.get("Standard_DC2as_v5")!, "ConfidentialComputingType")).toBe("SNP");
    expect(capability(byName.get("Standard_A2_v2")!, "TrustedLaunchDisabled")).toBe("True");
    expect(byName.get("Standard_D8s_v6")!.restrictions).toEqual([
      {
        type: "Location",
        values: [REGION],
        restrictionInfo: { locations: [REGION] },
        reasonCode: "NotAvailableForSubscription",
      },
    ]);
    // Offered in some regions only.
    const westus = await collect(fx.client.resourceSkus.list({ filter: "location eq 'westus'" }));
    expect(westus.some((s) => s.name === "Standard_D2s_v6")).toBe(false);
    expect(westus.some((s) => s.name === "Standard_D2s_v5")).toBe(true);
  });

  it("answers a filter it does not support and an unknown api-version with ARM's errors", async () => {
    const path = `/subscriptions/${SUB}/providers/Microsoft.Compute/skus`;
    const badFilter = await fx.em.fetch(`${path}?api-version=2021-07-01&$filter=${encodeURIComponent("name eq 'x'")}`, {
      as: ADMIN,
    });
    expect(badFilter.status).toBe(400);
    expect((await badFilter.json()).error).toMatchObject({ code: "InvalidParameter", target: "$filter" });
    const badVersion = await fx.em.fetch(`${path}?api-version=2099-01-01`, { as: ADMIN });
    expect(badVersion.status).toBe(400);
    expect((await badVersion.json()).error.code).toBe("InvalidApiVersionParameter");
  });

  it("refuses an NVMe-only size for an image without NVMe support, and creates it for one with", async () => {
    await expect(createVm("v6-scsi", vmBody("Standard_D2s_v6", definition("scsi")))).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message:
        "The VM size 'Standard_D2s_v6' cannot boot with OS image or disk. Please check that disk controller types supported by the OS image or disk is one of the supported disk controller types for the VM size 'Standard_D2s_v6'.",
    });
    const vm = await createVm("v6-nvme", vmBody("Standard_D2s_v6", definition("nvme")));
    expect(vm.provisioningState).toBe("Succeeded");
    await expect(
      createVm(
        "v5-nvme",
        vmBody("Standard_D2s_v5", definition("nvme"), {
          storageProfile: {
            imageReference: { id: definition("nvme") },
            osDisk: { createOption: "FromImage" },
            diskControllerType: "NVMe",
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("DiskControllerType 'NVMe'"),
    });
  });

  it("refuses a Gen1 image on a Gen2-only size, an x64 image on an Arm64 size, and a restricted size", async () => {
    await expect(createVm("gen1", vmBody("Standard_D2ads_v6", definition("legacy")))).rejects.toMatchObject({
      statusCode: 400,
      code: "BadRequest",
      message: expect.stringMatching(
        /^The selected VM size 'Standard_D2ads_v6' cannot boot Hypervisor Generation '1'\./,
      ),
    });
    await expect(createVm("arm", vmBody("Standard_D2ps_v5", definition("scsi")))).rejects.toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("only supports a CPU Architecture of 'Arm64'"),
    });
    await expect(createVm("restricted", vmBody("Standard_D8s_v6", definition("nvme")))).rejects.toMatchObject({
      statusCode: 409,
      code: "SkuNotAvailable",
      message: expect.stringContaining(`is currently not available in location '${REGION}'`),
    });
  });

  it("refuses a confidential size for a VM that is not confidential", async () => {
    await expect(createVm("dc", vmBody("Standard_DC2as_v5", definition("scsi")))).rejects.toMatchObject({
      code: "BadRequest",
      message:
        "The VM size 'Standard_DC2as_v5' is not supported for creation of VMs and Virtual Machine Scale Set with '<NULL>' security type.",
    });
  });

  it("checks a resize by PATCH or PUT as it checks a create, even after the image is gone", async () => {
    const source = await fx.imageFromBlob(RG, "gen2-resized", REGION, { hyperVGeneration: "V2" });
    await fx.defineImage(RG, "Images", "resized", { location: REGION, hyperVGeneration: "V2" });
    await fx.publish(RG, "Images", "resized", "1.0.0", { location: REGION, sourceId: source });
    await createVm("resized", vmBody("Standard_D2s_v5", definition("resized")));
    const resize = (vmSize: string) =>
      fx.settle(fx.client.virtualMachines.update(VM_RG, "resized", { hardwareProfile: { vmSize } }, FAST_POLL));
    const nvmeOnly = {
      statusCode: 400,
      code: "InvalidParameter",
      message: expect.stringContaining("The VM size 'Standard_D2s_v6' cannot boot with OS image or disk."),
    };
    await expect(resize("Standard_D2s_v6")).rejects.toMatchObject(nvmeOnly);
    await expect(resize("Standard_D2ps_v5")).rejects.toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("only supports a CPU Architecture of 'Arm64'"),
    });
    await expect(resize("Standard_D8s_v6")).rejects.toMatchObject({ statusCode: 409, code: "SkuNotAvailable" });
    const bigger = await resize("Standard_E4s_v5");
    expect(bigger.hardwareProfile?.vmSize).toBe("Standard_E4s_v5");
    expect((await fx.client.virtualMachines.get(VM_RG, "resized")).hardwareProfile?.vmSize).toBe("Standard_E4s_v5");

    // The definition's versions may be deleted since; the VM's OS disk still needs a compatible size.
    const stored = await fx.client.virtualMachines.get(VM_RG, "resized");
    await expect(
      createVm("resized", { ...stored, hardwareProfile: { vmSize: "Standard_D2s_v6" } }),
    ).rejects.toMatchObject(nvmeOnly);
    await fx.settle(fx.client.galleryImageVersions.delete(RG, "Images", "resized", "1.0.0", FAST_POLL));
    await expect(resize("Standard_D2s_v6")).rejects.toMatchObject(nvmeOnly);
    // Tags alone are no resize.
    const tagged = await fx.settle(
      fx.client.virtualMachines.update(VM_RG, "resized", { tags: { team: "web" } }, FAST_POLL),
    );
    expect(tagged).toMatchObject({ tags: { team: "web" }, hardwareProfile: { vmSize: "Standard_E4s_v5" } });

    const nvme = await createVm("nvme-resized", vmBody("Standard_D2s_v6", definition("nvme")));
    expect(nvme.hardwareProfile?.vmSize).toBe("Standard_D2s_v6");
    const nvmeBigger = await fx.settle(
      fx.client.virtualMachines.update(
        VM_RG,
        "nvme-resized",
        { hardwareProfile: { vmSize: "Standard_D4s_v6" } },
        FAST_POLL,
      ),
    );
    expect(nvmeBigger.hardwareProfile?.vmSize).toBe("Standard_D4s_v6");
  });

  it("answers a PATCH of a VM that does not exist with ResourceNotFound", async () => {
    await expect(
      fx.settle(
        fx.client.virtualMachines.update(
          VM_RG,
          "nowhere",
          { hardwareProfile: { vmSize: "Standard_E4s_v5" } },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
  });

  it("refuses a scale set whose size cannot boot the image", async () => {
    const body: VirtualMachineScaleSet = {
      location: REGION,
      sku: { name: "Standard_D4s_v6", capacity: 2 },
      upgradePolicy: { mode: "Manual" },
      virtualMachineProfile: {
        storageProfile: { imageReference: { id: definition("scsi") }, osDisk: { createOption: "FromImage" } },
        osProfile: { computerNamePrefix: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
      },
    };
    await expect(
      fx.settle(fx.client.virtualMachineScaleSets.createOrUpdate(VM_RG, "ss", body, FAST_POLL)),
    ).rejects.toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("cannot boot with OS image"),
    });
  });

  it("reports the size's refusal in a deployment's preflight validation", async () => {
    const res = await fx.em.fetch(
      `/subscriptions/${SUB}/resourcegroups/${VM_RG}/providers/Microsoft.Resources/deployments/d1/validate?api-version=2025-04-01`,
      {
        method: "POST",
        as: ADMIN,
        body: JSON.stringify({
          properties: {
            mode: "Incremental",
            template: {
              $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              contentVersion: "1.0.0.0",
              resources: [
                {
                  type: "Microsoft.Compute/virtualMachines",
                  apiVersion: "2024-07-01",
                  name: "checked",
                  location: REGION,
                  properties: vmBody("Standard_D2s_v6", definition("scsi")),
                },
              ],
            },
          },
        }),
      },
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("InvalidTemplateDeployment");
    expect(error.details[0]).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("The VM size 'Standard_D2s_v6' cannot boot with OS image or disk."),
    });
  });
});
