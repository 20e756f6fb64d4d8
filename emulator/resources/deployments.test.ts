import { beforeAll, describe, expect, it } from "vitest";
import { armTemplate, type DeploymentSpec, validationParameters } from "../../lib/consumer/armTemplate.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { computeFixture } from "../testing/computeFixture.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-images";
const VM_RG = "rg-vms";
const compute = (type: string, name: string, rg = RG) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/${type}/${name}`;
const definition = (name: string) => compute("galleries", `Images/images/${name}`);
const version = (image: string, name: string) => `${definition(image)}/versions/${name}`;
const validatePath = (name: string, rg = VM_RG, api = "2025-04-01") =>
  `/subscriptions/${SUB}/resourcegroups/${rg}/providers/Microsoft.Resources/deployments/${name}/validate?api-version=${api}`;

function spec(imageId: string, location: string, osState: DeploymentSpec["osState"] = "Generalized"): DeploymentSpec {
  return {
    imageId,
    osType: "Linux",
    osState,
    location,
    resourceGroup: VM_RG,
    vmName: "web-01",
    vmSize: "Standard_D2s_v5",
    adminUsername: "azureuser",
  };
}

describe("POST …/deployments/{name}/validate", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westus", [VM_RG]: "westus" }, stepSeconds: 600 });

  async function validate(name: string, body: unknown, as: string = ADMIN, rg = VM_RG) {
    const res = await fx.em.fetch(validatePath(name, rg), { method: "POST", as, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const deployment = (s: DeploymentSpec, parameters = validationParameters(s, () => "abc123")) => ({
    properties: { mode: "Incremental", template: armTemplate(s), parameters },
  });

  beforeAll(async () => {
    const golden = await fx.imageFromDisk(RG, "golden", "westus");
    await fx.gallery(RG, "Images", { location: "westus" });
    const publish = (image: string, name: string, sourceId: string, regions: string[]) =>
      fx.publish(RG, "Images", image, name, { location: "westus", sourceId, regions });
    // The sources are Gen1 managed images; the definitions say so (the api-version's default is Gen2).
    await fx.defineImage(RG, "Images", "ubuntu", { location: "westus", hyperVGeneration: "V1" });
    await publish("ubuntu", "1.0.0", golden, ["westus", "eastus"]);
    await publish("ubuntu", "2.0.0", golden, ["westus"]);
    await fx.defineImage(RG, "Images", "appliance", {
      location: "westus",
      osState: "Specialized",
      hyperVGeneration: "V1",
    });
    await publish("appliance", "1.0.0", await fx.marketplaceVm(RG, "builder", "westus"), ["westus"]);
    await fx.em.advance(24 * 3600);
  });

  it("accepts a VM from a version replicated to the region, listing what it validated", async () => {
    const s = spec(version("ubuntu", "2.0.0"), "westus");
    const { status, body } = await validate("check-west", deployment(s));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: `/subscriptions/${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Resources/deployments/check-west`,
      name: "check-west",
      type: "Microsoft.Resources/deployments",
      properties: {
        provisioningState: "Succeeded",
        mode: "Incremental",
        parameters: { location: { type: "string", value: "westus" }, adminPublicKey: { type: "string" } },
      },
    });
    expect(body.properties.validatedResources).toEqual([
      { id: `/subscriptions/${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Network/virtualNetworks/web-01-vnet` },
      { id: `/subscriptions/${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Network/networkInterfaces/web-01-nic` },
      { id: compute("virtualMachines", "web-01", VM_RG) },
    ]);
    expect(body.properties.dependencies).toContainEqual(
      expect.objectContaining({
        resourceName: "web-01",
        dependsOn: [
          expect.objectContaining({ resourceType: "Microsoft.Network/networkInterfaces", resourceName: "web-01-nic" }),
        ],
      }),
    );
    // Validation creates nothing.
    await expect(fx.client.virtualMachines.get(VM_RG, "web-01")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("answers InvalidTemplateDeployment with Compute's GalleryImageNotFound for a region the version has not reached", async () => {
    const { status, body } = await validate("check-east", deployment(spec(version("ubuntu", "2.0.0"), "eastus")));
    expect(status).toBe(400);
    expect(body.error.code).toBe("InvalidTemplateDeployment");
    expect(body.error.message).toMatch(
      /^The template deployment 'check-east' is not valid according to the validation procedure\. The tracking id is '[0-9a-f-]{36}'\. See inner errors for details\.$/,
    );
    expect(body.error.details).toEqual([
      {
        code: "GalleryImageNotFound",
        target: "imageReference",
        message: `The gallery image ${version("ubuntu", "2.0.0")} is not available in eastus region. Please contact image owner to replicate to this region, or change your requested region.`,
      },
    ]);
  });

  it("resolves a definition id to latest in the region, as a VM PUT does", async () => {
    expect((await validate("latest-east", deployment(spec(definition("ubuntu"), "eastus")))).status).toBe(200);
    const nowhere = await validate("latest-japan", deployment(spec(definition("ubuntu"), "japaneast")));
    expect(nowhere.body.error.details[0]).toMatchObject({ code: "GalleryImageNotFound" });
  });

  it("refuses an osProfile for a specialized image and requires one for a generalized image", async () => {
    const specialized = spec(version("appliance", "1.0.0"), "westus", "Specialized");
    expect((await validate("appliance-ok", deployment(specialized))).status).toBe(200);

    const withProfile = { ...specialized, osState: "Generalized" as const };
    const refused = await validate("appliance-profile", deployment(withProfile));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: "InvalidTemplateDeployment",
      details: [{ code: "InvalidParameter", target: "osProfile", message: "Parameter 'osProfile' is not allowed." }],
    });

    const noProfile = await validate(
      "ubuntu-no-profile",
      deployment({ ...spec(version("ubuntu", "2.0.0"), "westus"), osState: "Specialized" }),
    );
    expect(noProfile.body.error.details).toEqual([
      { code: "InvalidParameter", target: "osProfile", message: "Required parameter 'osProfile' is missing (null)." },
    ]);
  });

  it("evaluates parameters, variables, concat, resourceGroup() and resourceId()", async () => {
    const template = {
      $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      contentVersion: "1.0.0.0",
      parameters: {
        location: { type: "string", defaultValue: "[resourceGroup().location]" },
        prefix: { type: "string" },
      },
      variables: {
        vmName: "[concat(parameters('prefix'), '-vm')]",
        image: "[concat(resourceGroup().id, '/../rg-images')]",
      },
      resources: [
        {
          type: "Microsoft.Compute/virtualMachines",
          apiVersion: "2024-07-01",
          name: "[variables('vmName')]",
          location: "[parameters('location')]",
          properties: {
            hardwareProfile: { vmSize: "Standard_D2s_v5" },
            storageProfile: {
              imageReference: {
                id: `[resourceId('rg-images', 'Microsoft.Compute/galleries/images/versions', 'Images', 'ubuntu', '2.0.0')]`,
              },
              osDisk: { createOption: "FromImage" },
            },
            osProfile: {
              computerName: "[variables('vmName')]",
              adminUsername: "azureuser",
              adminPassword: "[[not-an-expression]",
            },
          },
        },
      ],
    };
    const { status, body } = await validate("expressions", {
      properties: { mode: "Incremental", template, parameters: { prefix: { value: "api" } } },
    });
    expect(status).toBe(200);
    expect(body.properties.validatedResources).toEqual([{ id: compute("virtualMachines", "api-vm", VM_RG) }]);
    expect(body.properties.parameters.location).toEqual({ type: "string", value: "westus" });
  });

  it("answers InvalidTemplate for template-language errors", async () => {
    const s = spec(version("ubuntu", "2.0.0"), "westus");
    const missing = await validate("no-key", deployment(s, {}));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: "InvalidTemplate",
      message:
        "Deployment template validation failed: 'The value for the template parameter 'adminPublicKey' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.'.",
    });
    const extra = await validate(
      "extra",
      deployment(s, { ...validationParameters(s, () => "x"), colour: { value: "blue" } }),
    );
    expect(extra.body.error.message).toContain("The template parameter 'colour' is not found.");
    const template = armTemplate(s) as Record<string, any>;
    template.variables.nicName = "[uniqueString(resourceGroup().id)]";
    const unsupported = await validate("fn", {
      properties: { mode: "Incremental", template, parameters: validationParameters(s, () => "x") },
    });
    expect(unsupported.body.error).toMatchObject({
      code: "InvalidTemplate",
      message: expect.stringContaining("The template function 'uniqueString' is not valid."),
    });
  });

  it("refuses a body without template or mode", async () => {
    expect((await validate("empty", { properties: { mode: "Incremental" } })).body.error.code).toBe(
      "InvalidRequestContent",
    );
    expect(
      (await validate("no-mode", { properties: { template: armTemplate(spec(version("ubuntu", "2.0.0"), "westus")) } }))
        .body.error.message,
    ).toContain("'mode'");
  });

  it("needs deployments/validate/action on the resource group, and the group must exist", async () => {
    const denied = await validate("user", deployment(spec(version("ubuntu", "2.0.0"), "westus")), USER);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      code: "AuthorizationFailed",
      message: expect.stringContaining("'Microsoft.Resources/deployments/validate/action'"),
    });
    const gone = await validate("nowhere", deployment(spec(version("ubuntu", "2.0.0"), "westus")), ADMIN, "rg-missing");
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("ResourceGroupNotFound");
  });
});
