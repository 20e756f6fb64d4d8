import { RestError } from "@azure/core-rest-pipeline";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { computeFixture } from "../testing/computeFixture.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-images";
const VM_RG = "rg-vms";
const definitionId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/Images/images/${name}`;
const vmId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/${name}`;
const nicId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Network/networkInterfaces/${name}`;

/** A VM resource as `az vm create --nics` writes it into its template (createOption in lower case, nulls kept). */
function vmResource(name: string, imageId: string, securityProfile?: Record<string, unknown>) {
  return {
    apiVersion: "2022-11-01",
    type: "Microsoft.Compute/virtualMachines",
    name,
    location: "westus",
    tags: {},
    dependsOn: [],
    properties: {
      hardwareProfile: { vmSize: "Standard_DS1_v2" },
      networkProfile: { networkInterfaces: [{ id: nicId(`${name}-nic`), properties: { primary: true } }] },
      storageProfile: {
        osDisk: {
          createOption: "fromImage",
          name: null,
          caching: "ReadWrite",
          managedDisk: { storageAccountType: null },
        },
        imageReference: { id: imageId },
      },
      osProfile: { computerName: name, adminUsername: "azureuser", adminPassword: "[parameters('adminPassword')]" },
      ...(securityProfile ? { securityProfile } : {}),
    },
  };
}

function deployment(resources: unknown[]) {
  return {
    properties: {
      mode: "Incremental" as const,
      template: {
        $schema: "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
        contentVersion: "1.0.0.0",
        parameters: { adminPassword: { type: "securestring" } },
        resources,
      },
      parameters: { adminPassword: { value: "Demo#12345678" } },
    },
  };
}

type Json = Record<string, any>;

describe("PUT …/Microsoft.Resources/deployments/{name}", () => {
  const fx = computeFixture({
    resourceGroups: { [RG]: "westus", [VM_RG]: "westus" },
    stepSeconds: 600,
    lroSeconds: 30,
  });
  // @azure/arm-resources 7 has no deployments group any more: the REST calls the Azure CLI makes (test/azcli).
  const deploymentPath = (name: string, suffix = "") =>
    `/subscriptions/${SUB}/resourcegroups/${VM_RG}/providers/Microsoft.Resources/deployments/${name}${suffix}?api-version=2021-04-01`;
  async function call(path: string, method = "GET", body?: unknown) {
    const res = await fx.em.fetch(path, {
      method,
      as: ADMIN,
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json().catch(() => undefined)) as Json };
  }
  /** PUT, then the status URL polled while the clock moves, then the deployment as the CLI reads it at the end. */
  async function deploy(name: string, body: unknown) {
    const put = await call(deploymentPath(name), "PUT", body);
    if (put.status !== 201) return put;
    const status = new URL(put.headers.get("azure-asyncoperation")!);
    for (let i = 0; i < 10; i++) {
      const poll = await call(`${status.pathname}${status.search}`);
      if (poll.body.status !== "Running") break;
      await fx.em.advance(60);
    }
    return call(deploymentPath(name));
  }

  beforeAll(async () => {
    const source = await fx.imageFromBlob(RG, "golden-gen2", "westus", { hyperVGeneration: "V2" });
    await fx.gallery(RG, "Images", { location: "westus" });
    for (const [name, securityType] of [
      ["supported", "TrustedLaunchSupported"],
      ["trusted-only", "TrustedLaunch"],
      ["standard", "Standard"],
    ] as const) {
      await fx.defineImage(RG, "Images", name, {
        location: "westus",
        hyperVGeneration: "V2",
        features: [{ name: "SecurityType", value: securityType }],
      });
      await fx.publish(RG, "Images", name, "1.0.0", { location: "westus", sourceId: source });
    }
    await fx.em.advance(24 * 3600);
  });

  it("creates the template's VM from a definition id, as a long-running deployment with its operations", async () => {
    const result = await deploy("vm_deploy_a", deployment([vmResource("web-01", definitionId("supported"))]));
    expect(result.status).toBe(200);
    expect(result.body.properties).toMatchObject({
      provisioningState: "Succeeded",
      mode: "Incremental",
      outputResources: [{ id: vmId("web-01") }],
    });
    const vm = await fx.client.virtualMachines.get(VM_RG, "web-01");
    expect(vm.storageProfile?.imageReference).toMatchObject({ id: definitionId("supported"), exactVersion: "1.0.0" });
    expect(vm.securityProfile).toBeUndefined();

    const operations = (await call(deploymentPath("vm_deploy_a", "/operations"))).body.value as Json[];
    expect(operations.map((o) => o.properties)).toEqual([
      expect.objectContaining({
        provisioningOperation: "Create",
        provisioningState: "Succeeded",
        statusCode: "Created",
        targetResource: expect.objectContaining({ id: vmId("web-01"), resourceName: "web-01" }),
      }),
    ]);
    const listed = (await call(deploymentPath("").replace("/deployments/?", "/deployments?"))).body.value as Json[];
    expect(listed.map((d) => d.name)).toContain("vm_deploy_a");
  });

  it("keeps a VM's securityProfile and checks it against the definition's SecurityType", async () => {
    const trusted = { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
    const created = await deploy(
      "vm_deploy_tl",
      deployment([vmResource("tl-01", `${definitionId("trusted-only")}/versions/1.0.0`, trusted)]),
    );
    expect(created.body.properties.provisioningState).toBe("Succeeded");
    expect((await fx.client.virtualMachines.get(VM_RG, "tl-01")).securityProfile).toEqual(trusted);

    // Preflight answers the provider's refusal before anything is created.
    const refused = await deploy("vm_deploy_std", deployment([vmResource("std-01", definitionId("trusted-only"))]));
    expect(refused.status).toBe(400);
    const error = refused.body.error;
    expect(error.code).toBe("InvalidTemplateDeployment");
    expect(error.details).toEqual([
      expect.objectContaining({
        code: "BadRequest",
        message:
          "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.",
      }),
    ]);

    const direct = await fx.client.virtualMachines
      .beginCreateOrUpdateAndWait(VM_RG, "tl-02", {
        location: "westus",
        hardwareProfile: { vmSize: "Standard_D2s_v5" },
        storageProfile: { imageReference: { id: definitionId("standard") }, osDisk: { createOption: "FromImage" } },
        osProfile: { computerName: "tl-02", adminUsername: "azureuser", adminPassword: "Demo#12345678" },
        securityProfile: { securityType: "TrustedLaunch" },
      })
      .catch((e: RestError) => e);
    expect(direct).toMatchObject({ statusCode: 400, code: "BadRequest" });
    expect((direct as RestError).message).toMatch(
      /^Use of TrustedLaunch setting is not supported for the provided image/,
    );
  });

  it("fails the deployment at a resource type the emulator has no provider for, and stops there", async () => {
    const nic = {
      apiVersion: "2022-01-01",
      type: "Microsoft.Network/networkInterfaces",
      name: "web-02-nic",
      location: "westus",
      properties: {},
    };
    const vm = { ...vmResource("web-02", definitionId("supported")), dependsOn: [nicId("web-02-nic")] };
    const shown = (await deploy("vm_deploy_net", deployment([vm, nic]))).body;
    expect(shown.properties.provisioningState).toBe("Failed");
    expect(shown.properties.error).toMatchObject({
      code: "DeploymentFailed",
      details: [expect.objectContaining({ code: "NoRegisteredProviderFound" })],
    });
    const operations = (await call(deploymentPath("vm_deploy_net", "/operations"))).body.value as Json[];
    expect(operations.map((o) => [o.properties.targetResource.resourceName, o.properties.provisioningState])).toEqual([
      ["web-02-nic", "Failed"],
    ]);
    await expect(fx.client.virtualMachines.get(VM_RG, "web-02")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("reads a body with comments, as the Azure CLI sends templates, and answers Azure's errors", async () => {
    // The CLI's JsonCTemplatePolicy: the body without its template, then `template:` (unquoted) and the file's text.
    const { template, ...properties } = deployment([vmResource("web-03", definitionId("supported"))]).properties;
    const file = JSON.stringify(template, null, 2).replace(
      '"resources": [',
      '// the template file\'s comments\n"resources": [ /* one VM */',
    );
    const text = `${JSON.stringify({ properties }).slice(0, -2)}, template:${file}}}`;
    const path = `/subscriptions/${SUB}/resourcegroups/${VM_RG}/providers/Microsoft.Resources/deployments/jsonc?api-version=2021-04-01`;
    const put = await fx.em.fetch(path, { method: "PUT", as: ADMIN, body: text });
    expect(put.status).toBe(201);
    expect(put.headers.get("azure-asyncoperation")).toMatch(
      /\/deployments\/jsonc\/operationStatuses\/[0-9a-f-]+\?api-version=2021-04-01$/,
    );
    expect(((await put.json()) as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      "Accepted",
    );

    const again = await fx.em.fetch(path, { method: "PUT", as: ADMIN, body: text });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("DeploymentActive");

    const missing = await fx.em.fetch(path.replace("/jsonc?", "/nope?"), { as: ADMIN });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("DeploymentNotFound");
  });
});
