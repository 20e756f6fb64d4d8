import { describe, expect, it } from "vitest";
import {
  type ApplicationDeploymentSpec,
  applicationArmTemplate,
  applicationAzureCliSnippet,
  applicationBicepSnippet,
  applicationPowershellSnippet,
  applicationSnippets,
  applicationTerraformSnippet,
  applicationVmSpec,
  galleryApplicationEntry,
} from "./applicationSnippets";
import { blockOf, misalignedAttributes, parseHcl, unresolvedReferences } from "../../test/support/hclShape";

const VERSION_ID =
  "/subscriptions/c0000000-0000-4000-8001-000000000001/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/galleries/contoso_vm_apps/applications/log-shipper/versions/2.1.0";

const vm: ApplicationDeploymentSpec = {
  packageReferenceId: VERSION_ID,
  osType: "Linux",
  target: "virtualMachine",
  location: "westeurope",
  resourceGroup: "rg-app",
  vmName: "web-01",
  vmSize: "Standard_D2s_v5",
  adminUsername: "azureuser",
};
const withOptions: ApplicationDeploymentSpec = {
  ...vm,
  order: 2,
  configurationReference: "https://contosoapps.blob.core.windows.net/config/web-01.json",
  treatFailureAsDeploymentFailure: true,
};
const scaleSet: ApplicationDeploymentSpec = { ...withOptions, target: "virtualMachineScaleSet", osType: "Windows" };

type Resource = { type: string; properties: Record<string, unknown> };
const resourceOf = (spec: ApplicationDeploymentSpec, type: string) =>
  (applicationArmTemplate(spec).resources as unknown as Resource[]).find((r) => r.type === type)!;

describe("the applicationProfile entry", () => {
  it("carries only what the user set", () => {
    expect(galleryApplicationEntry(vm)).toEqual({ packageReferenceId: VERSION_ID });
    expect(galleryApplicationEntry(withOptions)).toEqual({
      packageReferenceId: VERSION_ID,
      order: 2,
      configurationReference: withOptions.configurationReference,
      treatFailureAsDeploymentFailure: true,
    });
  });
});

describe("Azure CLI", () => {
  it("sets the application on a VM with its configuration override and order", () => {
    const snippet = applicationAzureCliSnippet(withOptions);
    expect(snippet).toContain("az vm application set");
    expect(snippet).toContain(`--app-version-ids '${VERSION_ID}'`);
    expect(snippet).toContain(`--app-config-overrides '${withOptions.configurationReference}'`);
    expect(snippet).toContain("--order-applications");
    expect(snippet).toContain("--treat-deployment-as-failure true");
    // Order 2 cannot be said by position alone with one id: the snippet says how.
    expect(snippet).toMatch(/position 2/);
  });

  it("leaves order and overrides out when unset, and updates a scale set's instances", () => {
    const plain = applicationAzureCliSnippet(vm);
    expect(plain).not.toContain("--order-applications");
    expect(plain).not.toContain("--app-config-overrides");
    const vmss = applicationAzureCliSnippet(scaleSet);
    expect(vmss).toContain("az vmss application set");
    expect(vmss).toContain("az vmss update-instances");
  });

  it("quotes names for bash", () => {
    expect(applicationAzureCliSnippet({ ...vm, resourceGroup: "it's" })).toContain(`--resource-group 'it'\\''s'`);
  });
});

describe("PowerShell", () => {
  it("adds the application to the VM object and updates the VM", () => {
    const snippet = applicationPowershellSnippet(withOptions);
    expect(snippet).toContain("New-AzVmGalleryApplication -PackageReferenceId $packageId -ConfigReferenceId");
    expect(snippet).toContain(
      "Add-AzVmGalleryApplication -VM $vm -GalleryApplication $app -Order 2 -TreatFailureAsDeploymentFailure",
    );
    expect(snippet).toContain("Update-AzVM");
  });

  it("uses the scale set cmdlets for a scale set", () => {
    const snippet = applicationPowershellSnippet(scaleSet);
    expect(snippet).toContain("Add-AzVmssGalleryApplication -VirtualMachineScaleSetVM $vmss.VirtualMachineProfile");
    expect(snippet).toContain("Update-AzVmss");
  });
});

describe("ARM template and Bicep", () => {
  it("declares a VM from the OS's Marketplace image with applicationProfile.galleryApplications", () => {
    const vmResource = resourceOf(withOptions, "Microsoft.Compute/virtualMachines");
    expect(vmResource.properties.applicationProfile).toEqual({
      galleryApplications: [galleryApplicationEntry(withOptions)],
    });
    expect((vmResource.properties.storageProfile as { imageReference: unknown }).imageReference).toMatchObject({
      publisher: "Canonical",
    });
    expect(applicationVmSpec(withOptions).galleryApplications).toHaveLength(1);
  });

  it("puts a scale set's applications in virtualMachineProfile", () => {
    const vmss = resourceOf(scaleSet, "Microsoft.Compute/virtualMachineScaleSets");
    const profile = vmss.properties.virtualMachineProfile as Record<string, { imageReference?: unknown }>;
    expect(profile.applicationProfile).toEqual({ galleryApplications: [galleryApplicationEntry(scaleSet)] });
    expect(profile.storageProfile!.imageReference).toMatchObject({ publisher: "MicrosoftWindowsServer" });
    // Its own network, as the VM's: the template validates and deploys as it is, with no subnet to look up.
    expect(resourceOf(scaleSet, "Microsoft.Network/virtualNetworks")).toBeDefined();
  });

  it("writes the same entry in Bicep", () => {
    const snippet = applicationBicepSnippet(withOptions);
    expect(snippet).toContain("applicationProfile: {");
    expect(snippet).toContain(`packageReferenceId: '${VERSION_ID}'`);
    expect(snippet).toContain("order: 2");
    expect(snippet).toContain(`configurationReference: '${withOptions.configurationReference}'`);
    expect(applicationBicepSnippet(scaleSet)).toContain("virtualMachineScaleSets@");
  });
});

describe("Terraform", () => {
  it("declares gallery_application on the OS's VM resource", () => {
    const root = parseHcl(applicationTerraformSnippet(withOptions));
    expect(blockOf(root, "resource", "azurerm_linux_virtual_machine", "this").blocks.at(-1)).toEqual({
      type: "gallery_application",
      labels: [],
      attributes: {
        version_id: `"${VERSION_ID}"`,
        order: "2",
        configuration_blob_uri: `"${withOptions.configurationReference}"`,
        treat_failure_as_deployment_failure_enabled: "true",
      },
      blocks: [],
    });
    expect(applicationTerraformSnippet(scaleSet)).toContain('resource "azurerm_windows_virtual_machine_scale_set"');
  });

  it.each([
    ["a VM", vm],
    ["a VM with every option", withOptions],
    ["a scale set", scaleSet],
    ["a Linux scale set", { ...vm, target: "virtualMachineScaleSet" as const }],
  ])("applies as written for %s: every reference declared, formatted as terraform fmt", (_, spec) => {
    const text = applicationTerraformSnippet(spec);
    const root = parseHcl(text);
    expect(unresolvedReferences(root)).toEqual([]);
    expect(misalignedAttributes(text)).toEqual([]);
    // Nothing to supply but a Windows administrator's password, which Terraform asks for.
    const variables = root.blocks.filter((block) => block.type === "variable");
    expect(variables.map((block) => block.labels[0])).toEqual(spec.osType === "Windows" ? ["admin_password"] : []);
    expect(variables.every((block) => block.attributes.sensitive === "true")).toBe(true);
    expect(blockOf(root, "data", "azurerm_resource_group", "rg").attributes.name).toBe('"rg-app"');
  });

  it("puts the scale set's instances in the snippet's own subnet, and the VM's network interface", () => {
    const scaleSetRoot = parseHcl(applicationTerraformSnippet(scaleSet));
    const vmss = blockOf(scaleSetRoot, "resource", "azurerm_windows_virtual_machine_scale_set", "this");
    const nic = vmss.blocks.find((block) => block.type === "network_interface")!;
    expect(nic.blocks[0]!.attributes.subnet_id).toBe("azurerm_subnet.default.id");
    expect(scaleSetRoot.blocks.some((block) => block.labels[0] === "azurerm_network_interface")).toBe(false);

    const vmRoot = parseHcl(applicationTerraformSnippet(vm));
    expect(blockOf(vmRoot, "resource", "azurerm_linux_virtual_machine", "this").attributes.network_interface_ids).toBe(
      "[azurerm_network_interface.nic.id]",
    );
    expect(blockOf(vmRoot, "resource", "azurerm_network_interface", "nic").blocks[0]!.attributes.subnet_id).toBe(
      "azurerm_subnet.default.id",
    );
  });
});

describe("snippets per region", () => {
  const version = {
    name: "2.1.0",
    location: "eastus",
    publishingProfile: { targetRegions: [{ name: "eastus" }, { name: "westeurope" }, { name: "northeurope" }] },
    replicationStatus: {
      summary: [
        { region: "East US", state: "Completed" as const, progress: 100 },
        { region: "West Europe", state: "Completed" as const, progress: 100 },
        { region: "North Europe", state: "Replicating" as const, progress: 40 },
      ],
    },
  };
  const now = new Date("2026-06-01T00:00:00Z");

  it("gives every snippet where replication has completed, and the reason elsewhere", () => {
    const ok = applicationSnippets(vm, version, now);
    expect(ok.ok && Object.keys(ok.snippets)).toEqual(["azureCli", "powershell", "bicep", "armTemplate", "terraform"]);
    const replicating = applicationSnippets({ ...vm, location: "northeurope" }, version, now);
    expect(!replicating.ok && replicating.reason).toMatch(/still replicating to North Europe \(40%\)/);
    const untargeted = applicationSnippets({ ...vm, location: "japaneast" }, version, now);
    expect(!untargeted.ok && untargeted.reason).toMatch(/not one of its target regions/);
  });
});

describe("the subscription the user picked", () => {
  const subscriptionId = "c0000000-0000-4000-8001-000000000002";

  it("is named by every Azure CLI command, PowerShell's context and Terraform's provider", () => {
    const cli = applicationAzureCliSnippet({ ...scaleSet, subscriptionId });
    expect(cli).toContain(`az vmss application set \\\n  --subscription '${subscriptionId}' \\\n`);
    expect(cli).toContain(`az vmss update-instances --subscription '${subscriptionId}' --resource-group 'rg-app'`);
    expect(applicationPowershellSnippet({ ...vm, subscriptionId }).split("\n")[0]).toBe(
      `Set-AzContext -Subscription '${subscriptionId}' | Out-Null`,
    );
    const root = parseHcl(applicationTerraformSnippet({ ...vm, subscriptionId }));
    expect(blockOf(root, "provider", "azurerm").attributes.subscription_id).toBe(`"${subscriptionId}"`);
  });

  it("is left to the tool's current context when none was picked", () => {
    expect(applicationAzureCliSnippet(scaleSet)).not.toContain("--subscription");
    expect(applicationPowershellSnippet(vm)).not.toContain("Set-AzContext");
  });
});
