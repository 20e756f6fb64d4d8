import type { VirtualMachineScaleSet } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { MAX_INSTANCES } from "./virtualMachineScaleSets.model.js";

const SUB = EMPTY_SEED.subscriptionId;
const RG = "rg-images";
const SS_RG = "rg-scalesets";

const osProfile = { computerNamePrefix: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" };
const compute = (type: string, name: string, rg = RG) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/${type}/${name}`;
const definition = (name: string) => compute("galleries", `Images/images/${name}`);

function scaleSet(imageId: string, capacity: number, withOsProfile = true): VirtualMachineScaleSet {
  return {
    location: "westus",
    sku: { name: "Standard_D2s_v5", capacity },
    upgradePolicy: { mode: "Manual" },
    virtualMachineProfile: {
      storageProfile: { imageReference: { id: imageId }, osDisk: { createOption: "FromImage" } },
      ...(withOsProfile ? { osProfile } : {}),
    },
  };
}

describe("virtual machine scale sets created from gallery images", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westus", [SS_RG]: "westus" }, stepSeconds: 600 });

  async function defineAndPublish(name: string, osState: "Generalized" | "Specialized", sourceId: string) {
    // V1, as the Gen1 sources published here (from 2025-03-03 a definition defaults to V2).
    await fx.defineImage(RG, "Images", name, { location: "westus", osState, hyperVGeneration: "V1" });
    await fx.publish(RG, "Images", name, "1.0.0", { location: "westus", sourceId });
  }

  const put = (name: string, body: VirtualMachineScaleSet) =>
    fx.settle(fx.client.virtualMachineScaleSets.createOrUpdate(SS_RG, name, body, FAST_POLL));

  beforeAll(async () => {
    await fx.gallery(RG, "Images", { location: "westus" });
    await defineAndPublish("ubuntu", "Generalized", await fx.imageFromDisk(RG, "golden", "westus"));
    await defineAndPublish("appliance", "Specialized", await fx.marketplaceVm(RG, "builder", "westus"));
    await fx.em.advance(24 * 3600);
  });

  it("creates, reads and deletes a scale set from a gallery definition's latest version", async () => {
    const created = await put("web", scaleSet(definition("ubuntu"), 3));
    expect(created).toMatchObject({ provisioningState: "Succeeded", sku: { name: "Standard_D2s_v5", capacity: 3 } });
    expect(created.virtualMachineProfile?.storageProfile?.imageReference).toMatchObject({
      id: definition("ubuntu"),
      exactVersion: "1.0.0",
    });
    expect(created.virtualMachineProfile?.osProfile).toMatchObject({
      computerNamePrefix: "web",
      adminUsername: "azureuser",
    });
    expect(created.virtualMachineProfile?.osProfile?.adminPassword).toBeUndefined();
    expect((await fx.client.virtualMachineScaleSets.get(SS_RG, "web")).uniqueId).toBe(created.uniqueId);
    await fx.settle(fx.client.virtualMachineScaleSets.delete(SS_RG, "web", FAST_POLL));
    await expect(fx.client.virtualMachineScaleSets.get(SS_RG, "web")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("applies a VM's osProfile rules: required for a Generalized image, refused for a Specialized one", async () => {
    await expect(put("bare", scaleSet(definition("ubuntu"), 1, false))).rejects.toMatchObject({
      statusCode: 400,
      message: "Required parameter 'osProfile' is missing (null).",
    });
    await expect(put("special", scaleSet(definition("appliance"), 1))).rejects.toMatchObject({
      statusCode: 400,
      message: "Parameter 'osProfile' is not allowed.",
    });
    expect((await put("special", scaleSet(definition("appliance"), 2, false))).provisioningState).toBe("Succeeded");
  });

  it("allows 1,000 instances from a gallery image and 600 from a managed image, refusing one more", async () => {
    expect((await put("big", scaleSet(definition("ubuntu"), MAX_INSTANCES.galleryOrPlatformImage))).sku?.capacity).toBe(
      1000,
    );
    await expect(put("big", scaleSet(definition("ubuntu"), 1001))).rejects.toMatchObject({
      statusCode: 409,
      code: "OperationNotAllowed",
      message:
        "Unable to create or update Virtual Machine Scale Set 'big' as it exceeds the total limit of '1000' Virtual Machine instances.",
    });
    expect((await put("managed", scaleSet(compute("images", "golden"), 600))).sku?.capacity).toBe(600);
    await expect(put("managed", scaleSet(compute("images", "golden"), 601))).rejects.toMatchObject({
      statusCode: 409,
      message:
        "Unable to create or update Virtual Machine Scale Set 'managed' as it exceeds the total limit of '600' Virtual Machine instances.",
    });
  });

  it("refuses switching an existing scale set's image between Generalized and Specialized", async () => {
    await put("switch", scaleSet(definition("ubuntu"), 2));
    await expect(put("switch", scaleSet(definition("appliance"), 2, false))).rejects.toMatchObject({
      statusCode: 409,
      code: "OperationNotAllowed",
      message:
        "Cannot update Virtual Machine Scale Set switch as the current OS state of the VM Scale Set is Generalized which is different from the updated gallery image OS state which is Specialized.",
    });
    await expect(put("special", scaleSet(definition("ubuntu"), 2))).rejects.toMatchObject({
      statusCode: 409,
      code: "OperationNotAllowed",
      message:
        "Cannot update Virtual Machine Scale Set special as the current OS state of the VM Scale Set is Specialized which is different from the updated gallery image OS state which is Generalized.",
    });
    // Another Generalized image is a valid swap, and the stored osProfile stays when the update leaves it out.
    const swapped = await put("switch", scaleSet(compute("images", "golden"), 4, false));
    expect(swapped.virtualMachineProfile?.storageProfile?.imageReference?.id).toBe(compute("images", "golden"));
    expect(swapped.virtualMachineProfile?.osProfile?.adminUsername).toBe("azureuser");
  });
});
