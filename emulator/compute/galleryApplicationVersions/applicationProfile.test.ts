import type { ComputeManagementClient, VirtualMachine, VMGalleryApplication } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

/** `applicationProfile.galleryApplications` of VMs and scale sets: existence, readability, OS type and region. */

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-vm-apps";
const GALLERY = "VmApps";
const MEDIA = "https://contosoapps.blob.core.windows.net/packages/pkg.tgz";

const versionId = (app: string, version: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/applications/${app}/versions/${version}`;

function linuxVm(galleryApplications: VMGalleryApplication[]): VirtualMachine {
  return {
    location: "westus",
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    storageProfile: {
      imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
      osDisk: { createOption: "FromImage" },
    },
    osProfile: { computerName: "app-vm", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
    applicationProfile: { galleryApplications },
  };
}

describe("VMs and scale sets with gallery applications", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westus", "rg-user": "westus" } });
  const createVm = (client: ComputeManagementClient, name: string, body: VirtualMachine) =>
    fx.settle(client.virtualMachines.createOrUpdate(RG, name, body, FAST_POLL));

  const application = (name: string, supportedOSType: "Windows" | "Linux") =>
    fx.settle(
      fx.client.galleryApplications.createOrUpdate(
        RG,
        GALLERY,
        name,
        { location: "westus", supportedOSType },
        FAST_POLL,
      ),
    );
  const version = (app: string, name: string, regions: string[]) =>
    fx.client.galleryApplicationVersions.createOrUpdate(
      RG,
      GALLERY,
      app,
      name,
      {
        location: "westus",
        publishingProfile: {
          source: { mediaLink: MEDIA },
          manageActions: { install: "./install.sh", remove: "./remove.sh" },
          targetRegions: regions.map((region) => ({ name: region })),
        },
      },
      FAST_POLL,
    );

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westus" });
    await fx.blob(RG, "westus", MEDIA);
    await application("linux-agent", "Linux");
    await application("win-agent", "Windows");
    await fx.settle(version("linux-agent", "1.0.0", ["westus"]));
    await fx.settle(version("win-agent", "1.0.0", ["westus"]));
  });

  it("accepts replicated Linux applications on a Linux VM and keeps every field", async () => {
    const vm = await createVm(
      fx.client,
      "with-apps",
      linuxVm([
        {
          packageReferenceId: versionId("linux-agent", "1.0.0"),
          order: 1,
          configurationReference: "https://contosoapps.blob.core.windows.net/config/agent.json",
          tags: "team=ops",
          treatFailureAsDeploymentFailure: true,
          enableAutomaticUpgrade: false,
        },
      ]),
    );
    expect(vm.applicationProfile?.galleryApplications).toEqual([
      {
        packageReferenceId: versionId("linux-agent", "1.0.0"),
        order: 1,
        configurationReference: "https://contosoapps.blob.core.windows.net/config/agent.json",
        tags: "team=ops",
        treatFailureAsDeploymentFailure: true,
        enableAutomaticUpgrade: false,
      },
    ]);
    const read = await fx.client.virtualMachines.get(RG, "with-apps");
    expect(read.applicationProfile?.galleryApplications?.[0]?.order).toBe(1);
  });

  it("refuses a missing version, another OS, a region not replicated to, a duplicate and a malformed entry", async () => {
    const refused = (name: string, apps: VMGalleryApplication[]) => createVm(fx.client, name, linuxVm(apps));
    await expect(refused("missing", [{ packageReferenceId: versionId("linux-agent", "9.9.9") }])).rejects.toMatchObject(
      {
        statusCode: 404,
        code: "GalleryApplicationVersionNotFound",
      },
    );
    await expect(refused("windows", [{ packageReferenceId: versionId("win-agent", "1.0.0") }])).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: expect.stringContaining("supports Windows"),
    });
    const east = version("linux-agent", "2.0.0", ["westus", "eastus"]);
    await east.submitted();
    const elsewhere = linuxVm([{ packageReferenceId: versionId("linux-agent", "2.0.0") }]);
    await expect(createVm(fx.client, "east", { ...elsewhere, location: "eastus" })).rejects.toMatchObject({
      statusCode: 404,
      code: "GalleryApplicationVersionNotFound",
    });
    await fx.settle(east);
    const inEast = await createVm(fx.client, "east", { ...elsewhere, location: "eastus" });
    expect(inEast.applicationProfile?.galleryApplications?.[0]?.packageReferenceId).toBe(
      versionId("linux-agent", "2.0.0"),
    );

    await expect(
      refused("twice", [
        { packageReferenceId: versionId("linux-agent", "1.0.0") },
        { packageReferenceId: versionId("linux-agent", "2.0.0") },
      ]),
    ).rejects.toMatchObject({ statusCode: 400, code: "InvalidParameter" });

    const raw = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/raw?api-version=2024-07-01`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({
          location: "westus",
          properties: {
            hardwareProfile: { vmSize: "Standard_D2s_v5" },
            storageProfile: linuxVm([]).storageProfile,
            osProfile: linuxVm([]).osProfile,
            applicationProfile: { galleryApplications: [{ packageReferenceId: 42 }] },
          },
        }),
      },
    );
    expect(raw.status).toBe(400);
    expect((await raw.json()).error.code).toBe("InvalidParameter");
  });

  it("answers LinkedAuthorizationFailed when the caller may create VMs but not read the application", async () => {
    const name = crypto.randomUUID();
    const contributor = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/rg-user/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({
          properties: {
            roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
            principalId: EMPTY_SEED.user.objectId,
            principalType: "User",
          },
        }),
      },
    );
    expect(contributor.status).toBe(201);
    const user = fx.em.compute(USER, SUB);
    await expect(
      fx.settle(
        user.virtualMachines.createOrUpdate(
          "rg-user",
          "user-vm",
          linuxVm([{ packageReferenceId: versionId("linux-agent", "1.0.0") }]),
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({
      statusCode: 403,
      code: "LinkedAuthorizationFailed",
      message: expect.stringContaining("Microsoft.Compute/galleries/applications/versions/read"),
    });
  });

  it("checks a scale set's applications as a VM's", async () => {
    const scaleSet = (apps: VMGalleryApplication[]) =>
      fx.settle(
        fx.client.virtualMachineScaleSets.createOrUpdate(
          RG,
          "app-vmss",
          {
            location: "westus",
            sku: { name: "Standard_D2s_v5", capacity: 1 },
            virtualMachineProfile: {
              storageProfile: {
                imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
              },
              osProfile: { computerNamePrefix: "app", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
              applicationProfile: { galleryApplications: apps },
            },
          },
          FAST_POLL,
        ),
      );
    await expect(scaleSet([{ packageReferenceId: versionId("win-agent", "1.0.0") }])).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
    });
    const created = await scaleSet([{ packageReferenceId: versionId("linux-agent", "1.0.0"), order: 2 }]);
    expect(created.virtualMachineProfile?.applicationProfile?.galleryApplications).toEqual([
      { packageReferenceId: versionId("linux-agent", "1.0.0"), order: 2 },
    ]);
  });
});
