import type { ComputeManagementClient, VirtualMachine } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-images";
const VM_RG = "rg-vms";
const API = "api-version=2026-04-01";

const linuxProfile = { computerName: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" };
const compute = (type: string, name: string, rg = RG) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/${type}/${name}`;
const definition = (name: string) => compute("galleries", `Images/images/${name}`);
const version = (image: string, name: string) => `${definition(image)}/versions/${name}`;

function vmBody(location: string, imageId: string, extra: Partial<VirtualMachine> = {}): VirtualMachine {
  return {
    location,
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    storageProfile: { imageReference: { id: imageId }, osDisk: { createOption: "FromImage" } },
    osProfile: linuxProfile,
    ...extra,
  };
}

describe("virtual machines created from gallery images", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westus", [VM_RG]: "westus" }, stepSeconds: 600 });

  const publish = (
    image: string,
    name: string,
    sourceId: string,
    regions: string[],
    options: { excludeFromLatest?: boolean } = {},
  ) =>
    fx.publish(RG, "Images", image, name, {
      location: "westus",
      sourceId,
      regions,
      publishingProfile: { excludeFromLatest: options.excludeFromLatest },
    });
  const defineImage = (name: string, osState: "Generalized" | "Specialized", extra: Record<string, unknown> = {}) =>
    // V1: the managed image "golden" they are published from is Gen1 (from 2025-03-03 a definition defaults to V2).
    fx.defineImage(RG, "Images", name, { location: "westus", osState, hyperVGeneration: "V1", ...extra });
  const createVm = (client: ComputeManagementClient, name: string, body: VirtualMachine, rg = VM_RG) =>
    fx.settle(client.virtualMachines.createOrUpdate(rg, name, body, FAST_POLL));

  beforeAll(async () => {
    const golden = await fx.imageFromDisk(RG, "golden", "westus");
    await fx.gallery(RG, "Images", { location: "westus" });

    await defineImage("ubuntu", "Generalized");
    await publish("ubuntu", "1.0.0", golden, ["westus", "eastus"]);
    await publish("ubuntu", "2.0.0", golden, ["westus"]);
    await publish("ubuntu", "3.0.0", golden, ["westus", "eastus"], { excludeFromLatest: true });

    await defineImage("retired", "Generalized");
    await publish("retired", "1.0.0", golden, ["westus"], { excludeFromLatest: true });

    await defineImage("appliance", "Specialized");
    await publish("appliance", "1.0.0", await fx.marketplaceVm(RG, "builder", "westus"), ["westus"]);

    await defineImage("marketplace", "Generalized", {
      purchasePlan: { name: "pro", publisher: "contoso", product: "appliance" },
    });
    await publish("marketplace", "1.0.0", golden, ["westus"]);
    await fx.em.advance(24 * 3600);
  });

  it("resolves a definition id to the latest version replicated to the VM's region and records it as exactVersion", async () => {
    const west = await createVm(fx.client, "web-west", vmBody("westus", definition("ubuntu")));
    expect(west.provisioningState).toBe("Succeeded");
    expect(west.storageProfile?.imageReference).toMatchObject({ id: definition("ubuntu"), exactVersion: "2.0.0" });
    const east = await createVm(fx.client, "web-east", vmBody("East US", definition("ubuntu")));
    expect(east.location).toBe("eastus");
    expect(east.storageProfile?.imageReference?.exactVersion).toBe("1.0.0");
    expect(east.osProfile).toMatchObject({ computerName: "web", adminUsername: "azureuser" });
    expect(east.osProfile?.adminPassword).toBeUndefined();

    const osDisk = await fx.client.disks.get(VM_RG, east.storageProfile!.osDisk!.name!);
    expect(osDisk.managedBy).toBe(compute("virtualMachines", "web-east", VM_RG));
    expect(osDisk.creationData?.galleryImageReference?.id).toBe(version("ubuntu", "1.0.0"));
    expect(osDisk.diskSizeGB).toBe(40);
    expect(osDisk.diskState).toBe("Attached");
  });

  it("creates from an explicit version replicated to the region", async () => {
    const vm = await createVm(fx.client, "pinned", vmBody("eastus", version("ubuntu", "3.0.0")));
    expect(vm.storageProfile?.imageReference).toMatchObject({ id: version("ubuntu", "3.0.0"), exactVersion: "3.0.0" });
  });

  it("refuses a version or definition not replicated to the region with GalleryImageNotFound", async () => {
    await expect(createVm(fx.client, "vm-a", vmBody("eastus", version("ubuntu", "2.0.0")))).rejects.toMatchObject({
      statusCode: 404,
      code: "GalleryImageNotFound",
      message: `The gallery image ${version("ubuntu", "2.0.0")} is not available in eastus region. Please contact image owner to replicate to this region, or change your requested region.`,
    });
    await expect(createVm(fx.client, "vm-b", vmBody("northeurope", definition("ubuntu")))).rejects.toMatchObject({
      statusCode: 404,
      code: "GalleryImageNotFound",
      message: expect.stringContaining(
        `The gallery image ${definition("ubuntu")} is not available in northeurope region.`,
      ),
    });
    await expect(createVm(fx.client, "vm-c", vmBody("westus", version("ubuntu", "9.9.9")))).rejects.toMatchObject({
      code: "GalleryImageNotFound",
    });
  });

  it("refuses a definition none of whose versions may be latest", async () => {
    await expect(createVm(fx.client, "vm-d", vmBody("westus", definition("retired")))).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: `There is no latest image version exists for "${definition("retired")}"`,
    });
  });

  it("refuses an osProfile for a Specialized image and requires one for a Generalized image", async () => {
    await expect(createVm(fx.client, "vm-e", vmBody("westus", definition("appliance")))).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: "Parameter 'osProfile' is not allowed.",
    });
    const specialized = await createVm(
      fx.client,
      "appliance-1",
      vmBody("westus", definition("appliance"), { osProfile: undefined }),
    );
    expect(specialized.osProfile).toBeUndefined();
    expect(specialized.storageProfile?.imageReference?.exactVersion).toBe("1.0.0");

    await expect(
      createVm(fx.client, "vm-f", vmBody("westus", definition("ubuntu"), { osProfile: undefined })),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: "Required parameter 'osProfile' is missing (null).",
    });
  });

  it("requires the VM's purchase plan to match the definition's", async () => {
    const withPlan = { plan: { name: "pro", publisher: "contoso", product: "appliance" } };
    await expect(createVm(fx.client, "vm-g", vmBody("westus", definition("ubuntu"), withPlan))).rejects.toMatchObject({
      statusCode: 400,
      message: `The resource with id ${compute("virtualMachines", "vm-g", VM_RG)} has a different plan ['{"name":"pro","publisher":"contoso","product":"appliance"}'] than the parent gallery image plan ['null'].`,
    });
    await expect(createVm(fx.client, "vm-h", vmBody("westus", definition("marketplace")))).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining(
        `has a different plan ['null'] than the parent gallery image plan ['{"name":"pro","publisher":"contoso","product":"appliance"}']`,
      ),
    });
    const vm = await createVm(fx.client, "licensed", vmBody("westus", definition("marketplace"), withPlan));
    expect(vm.plan).toEqual(withPlan.plan);
  });

  it("answers LinkedAuthorizationFailed when the caller may create VMs but not read the image", async () => {
    const grant = async (scope: string, roleId: string) => {
      const name = crypto.randomUUID();
      const res = await fx.em.fetch(
        `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
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
    const IMAGE_READER = "cf7c76d2-98a3-4358-a134-615aa78bf44d";
    await grant(`/subscriptions/${SUB}/resourceGroups/${VM_RG}`, CONTRIBUTOR);
    const user = fx.em.compute(USER, SUB);

    await expect(createVm(user, "user-vm", vmBody("westus", definition("ubuntu")))).rejects.toMatchObject({
      statusCode: 403,
      code: "LinkedAuthorizationFailed",
      message: expect.stringContaining(
        `does not have permission to perform action(s) 'Microsoft.Compute/galleries/images/versions/read' on the linked scope(s) '${definition("ubuntu")}'`,
      ),
    });
    await grant(compute("galleries", "Images"), IMAGE_READER);
    const vm = await createVm(user, "user-vm", vmBody("westus", definition("ubuntu")));
    expect(vm.storageProfile?.imageReference?.exactVersion).toBe("2.0.0");
  });

  it("answers LinkedAuthorizationFailed for an image in another tenant's subscription", async () => {
    const otherTenant = "72f988bf-0000-4000-8000-00000000e0b2";
    const otherSubscription = "00000000-0000-4000-8000-00000000b002";
    const directory = fx.em.emulator.ctx.directory;
    directory.addTenant({ tenantId: otherTenant, displayName: "Fabrikam", defaultDomain: "fabrikam.onmicrosoft.com" });
    directory.addSubscription({
      subscriptionId: otherSubscription,
      tenantId: otherTenant,
      displayName: "Fabrikam images",
      state: "Enabled",
    });
    const foreign = `/subscriptions/${otherSubscription}/resourceGroups/rg/providers/Microsoft.Compute/galleries/Shared/images/ubuntu`;
    await expect(createVm(fx.client, "foreign", vmBody("westus", foreign))).rejects.toMatchObject({
      statusCode: 403,
      code: "LinkedAuthorizationFailed",
      message:
        `The client has permission to perform action 'Microsoft.Compute/galleries/images/versions/read' on scope '${compute("virtualMachines", "foreign", VM_RG)}', ` +
        `however the current tenant '${EMPTY_SEED.tenantId}' is not authorized to access linked subscription '${otherSubscription}'.`,
    });
  });

  it("refuses malformed VM bodies with Azure's codes over raw HTTP", async () => {
    const put = (name: string, body: unknown) =>
      fx.em.fetch(`${compute("virtualMachines", name, VM_RG)}?${API}`, {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify(body),
      });
    const noSize = await put("vm-i", { location: "westus", properties: { storageProfile: {} } });
    expect(noSize.status).toBe(400);
    expect(await noSize.json()).toMatchObject({
      error: { code: "InvalidParameter", target: "hardwareProfile.vmSize" },
    });
    const badName = await put("-bad-", { location: "westus", properties: {} });
    expect((await badName.json()).error).toMatchObject({ code: "InvalidParameter", target: "vmName" });
    const nowhere = await put("vm-j", { location: "atlantis", properties: {} });
    expect((await nowhere.json()).error.code).toBe("LocationNotAvailableForResourceType");
    const badId = await put(
      "vm-k",
      vmBody("westus", "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z"),
    );
    expect(badId.status).toBe(400);
  });
});
