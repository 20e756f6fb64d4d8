import { describe, expect, it } from "vitest";
import { type DeploymentSpec, armTemplate, validationParameters } from "./armTemplate";
import {
  azureCliSnippet,
  bicepSnippet,
  deploySnippets,
  powershellSnippet,
  SNIPPET_KINDS,
  terraformSnippet,
} from "./snippets";
import type { ConsumerVersion } from "./usability";
import { hcl } from "./terraformSyntax";
import { blockOf, misalignedAttributes, parseHcl, unresolvedReferences } from "../../test/support/hclShape";

const now = new Date("2026-01-01T00:00:00Z");
const VERSION_ID =
  "/subscriptions/c0000000-0000-4000-8001-000000000003/resourceGroups/rg-shared-images/providers/Microsoft.Compute/galleries/contoso_shared_images/images/base-ubuntu-2204-arm64/versions/1.0.5";

const linux: DeploymentSpec = {
  imageId: VERSION_ID,
  osType: "Linux",
  osState: "Generalized",
  location: "westeurope",
  resourceGroup: "rg-app",
  vmName: "web-01",
  vmSize: "Standard_D2ps_v5",
  adminUsername: "azureuser",
};
const windows: DeploymentSpec = {
  ...linux,
  osType: "Windows",
  securityType: "TrustedLaunch",
  vmSize: "Standard_D2s_v5",
};
const specialized: DeploymentSpec = { ...linux, osState: "Specialized" };

const replicated: ConsumerVersion = {
  name: "1.0.5",
  location: "northeurope",
  publishingProfile: { targetRegions: [{ name: "northeurope" }, { name: "westeurope" }] },
  replicationStatus: {
    summary: [
      { region: "North Europe", state: "Completed", progress: 100 },
      { region: "West Europe", state: "Completed", progress: 100 },
    ],
  },
};

/** The flags of an `az` command line, joined over its `\` continuations. */
function cliFlags(snippet: string): Map<string, string | true> {
  const command = snippet
    .split("\n")
    .filter((line) => !line.startsWith("read "))
    .join(" ")
    .replace(/\\\s+/g, " ");
  expect(command.startsWith("az vm create ")).toBe(true);
  const flags = new Map<string, string | true>();
  const tokens = command.match(/'[^']*'|"[^"]*"|\S+/g)!.slice(3);
  for (let i = 0; i < tokens.length; i++) {
    const flag = tokens[i]!;
    expect(flag).toMatch(/^--[a-z-]+$/);
    const value = tokens[i + 1];
    if (value && !value.startsWith("--")) {
      flags.set(flag, value.replace(/^'(.*)'$/, "$1"));
      i++;
    } else flags.set(flag, true);
  }
  return flags;
}

describe("Azure CLI snippet", () => {
  it("creates the VM from the exact resource id in the picked region, with SSH keys for a generalized Linux image", () => {
    const flags = cliFlags(azureCliSnippet(linux));
    expect(Object.fromEntries(flags)).toEqual({
      "--resource-group": "rg-app",
      "--name": "web-01",
      "--location": "westeurope",
      "--image": VERSION_ID,
      "--size": "Standard_D2ps_v5",
      "--admin-username": "azureuser",
      "--generate-ssh-keys": true,
    });
  });

  it("asks for an administrator password for a generalized Windows image and passes the security type", () => {
    const snippet = azureCliSnippet(windows);
    expect(snippet.startsWith('read -rsp "Administrator password: " ADMIN_PASSWORD')).toBe(true);
    const flags = cliFlags(snippet);
    expect(flags.get("--admin-password")).toBe('"$ADMIN_PASSWORD"');
    expect(flags.get("--security-type")).toBe("TrustedLaunch");
    expect(flags.has("--generate-ssh-keys")).toBe(false);
  });

  it("marks a specialized image and sends no administrator", () => {
    const flags = cliFlags(azureCliSnippet(specialized));
    expect(flags.get("--specialized")).toBe(true);
    expect([...flags.keys()].filter((f) => f.startsWith("--admin") || f === "--generate-ssh-keys")).toEqual([]);
  });

  it("quotes a value with a quote in it so the shell sees it whole", () => {
    expect(azureCliSnippet({ ...linux, resourceGroup: "rg-o'brien" })).toContain(`--resource-group 'rg-o'\\''brien'`);
  });
});

describe("the other snippets", () => {
  const result = deploySnippets({ kind: "version", version: replicated }, linux, now);
  if (!result.ok) throw new Error(result.reason);

  it("produce an ARM template that parses, targets the region and names the image", () => {
    const template = JSON.parse(result.snippets.armTemplate);
    expect(template.$schema).toContain("deploymentTemplate.json");
    expect(template.parameters.location.defaultValue).toBe("westeurope");
    expect(template.variables.imageId).toBe(VERSION_ID);
    const vm = template.resources.find((r: { type: string }) => r.type === "Microsoft.Compute/virtualMachines");
    expect(vm.properties.storageProfile.imageReference.id).toBe("[variables('imageId')]");
    expect(vm.properties.osProfile.linuxConfiguration.ssh.publicKeys[0].keyData).toBe("[parameters('adminPublicKey')]");
  });

  it("put the id and the region into Bicep, Terraform and PowerShell", () => {
    expect(result.snippets.bicep).toContain(`param imageId string = '${VERSION_ID}'`);
    expect(result.snippets.bicep).toContain("param location string = 'westeurope'");
    expect(result.snippets.bicep).toMatch(/resource vm 'Microsoft\.Compute\/virtualMachines@\d{4}-\d{2}-\d{2}' = \{/);
    expect(result.snippets.terraform).toContain(`source_image_id       = "${VERSION_ID}"`);
    expect(result.snippets.terraform).toContain('location              = "westeurope"');
    expect(result.snippets.terraform).toContain("admin_ssh_key {");
    expect(result.snippets.powershell).toContain(`$imageId = '${VERSION_ID}'`);
    expect(result.snippets.powershell).toContain("$location = 'westeurope'");
    expect(result.snippets.powershell).toContain("Set-AzVMOperatingSystem -VM $vm -Linux");
  });

  it("balance their braces (Bicep, Terraform)", () => {
    for (const kind of ["bicep", "terraform"] as const) {
      const text = result.snippets[kind];
      expect(text.split("{").length, kind).toBe(text.split("}").length);
      expect(text.split("[").length, kind).toBe(text.split("]").length);
    }
  });

  it("leave the administrator out of every form for a specialized image", () => {
    const special = deploySnippets({ kind: "version", version: replicated }, specialized, now);
    if (!special.ok) throw new Error(special.reason);
    const vm = armTemplate(specialized).resources as { type: string; properties: Record<string, unknown> }[];
    expect(vm.find((r) => r.type === "Microsoft.Compute/virtualMachines")!.properties.osProfile).toBeUndefined();
    expect(JSON.parse(special.snippets.armTemplate).parameters.adminUsername).toBeUndefined();
    expect(special.snippets.bicep).not.toContain("osProfile");
    expect(special.snippets.terraform).toContain('resource "azurerm_virtual_machine" "vm"');
    expect(special.snippets.terraform).not.toMatch(/admin_|os_profile/);
    expect(special.snippets.powershell).not.toContain("Set-AzVMOperatingSystem");
    expect(validationParameters(specialized, () => "x")).toEqual({});
  });

  it("give Windows a secure password parameter and a Windows VM resource", () => {
    const win = deploySnippets({ kind: "version", version: replicated }, windows, now);
    if (!win.ok) throw new Error(win.reason);
    expect(JSON.parse(win.snippets.armTemplate).parameters.adminPassword.type).toBe("securestring");
    expect(win.snippets.bicep).toContain("@secure()\nparam adminPassword string");
    expect(win.snippets.terraform).toContain('resource "azurerm_windows_virtual_machine" "vm"');
    expect(win.snippets.powershell).toContain("-SecurityType TrustedLaunch");
    expect(validationParameters(windows, () => "abc").adminPassword?.value).toMatch(/^Va1!abc$/);
  });

  it("cover the five kinds", () => {
    expect(Object.keys(result.snippets).sort()).toEqual([...SNIPPET_KINDS].sort());
    expect(result.resolvedVersion).toBe("1.0.5");
  });
});

describe("snippet region check", () => {
  it("refuses a region where the image is not usable, with the reason", () => {
    expect(deploySnippets({ kind: "version", version: replicated }, { ...linux, location: "eastus" }, now)).toEqual({
      ok: false,
      reason: "1.0.5 is not replicated to East US: it is not one of its target regions.",
    });
  });

  it("resolves latest for the region when the spec names the definition", () => {
    const definitionId = VERSION_ID.replace(/\/versions\/.*$/, "");
    const result = deploySnippets({ kind: "latest", versions: [replicated] }, { ...linux, imageId: definitionId }, now);
    expect(result).toMatchObject({ ok: true, resolvedVersion: "1.0.5" });
    if (result.ok) expect(cliFlags(result.snippets.azureCli).get("--image")).toBe(definitionId);
  });
});

describe("snippets for an image of a directly shared gallery", () => {
  const SHARED_ID =
    "/SharedGalleries/c0000000-0000-4000-8001-000000000001-CONTOSO_EU_IMAGES/Images/ubuntu-2204-gen2-eu/Versions/latest";
  const shared: DeploymentSpec = { ...linux, imageId: SHARED_ID };
  const sharedSpecialized: DeploymentSpec = { ...shared, osState: "Specialized" };

  it("az vm create takes the shared id in --image, as it does an ARM id", () => {
    const flags = cliFlags(azureCliSnippet(shared));
    expect(flags.get("--image")).toBe(SHARED_ID);
    expect(flags.get("--admin-username")).toBe("azureuser");
  });

  it("PowerShell names it with New-AzVMConfig -SharedGalleryImageId, not Set-AzVMSourceImage -Id", () => {
    const snippet = powershellSnippet(shared);
    expect(snippet).toContain(`$imageId = '${SHARED_ID}'`);
    expect(snippet).toMatch(/New-AzVMConfig [^\n]*-SharedGalleryImageId \$imageId/);
    expect(snippet).not.toContain("Set-AzVMSourceImage");
    expect(powershellSnippet(linux)).toContain("Set-AzVMSourceImage -VM $vm -Id $imageId");
  });

  it("Bicep and the ARM template put it in imageReference.sharedGalleryImageId", () => {
    expect(bicepSnippet(shared)).toContain("imageReference: { sharedGalleryImageId: imageId }");
    const vm = (
      armTemplate(shared).resources as { type: string; properties: { storageProfile: { imageReference: unknown } } }[]
    ).find((r) => r.type === "Microsoft.Compute/virtualMachines")!;
    expect(vm.properties.storageProfile.imageReference).toEqual({ sharedGalleryImageId: "[variables('imageId')]" });
    expect((armTemplate(shared).variables as Record<string, string>).imageId).toBe(SHARED_ID);
    const own = (
      armTemplate(linux).resources as { type: string; properties: { storageProfile: { imageReference: unknown } } }[]
    ).find((r) => r.type === "Microsoft.Compute/virtualMachines")!;
    expect(own.properties.storageProfile.imageReference).toEqual({ id: "[variables('imageId')]" });
  });

  it("Terraform uses source_image_id for a generalized image, and deploys the ARM template for a specialized one, saying why", () => {
    const generalized = terraformSnippet(shared);
    expect(generalized).toContain(`source_image_id       = "${SHARED_ID}"`);
    expect(generalized).toContain('resource "azurerm_linux_virtual_machine" "vm"');

    const specializedSnippet = terraformSnippet(sharedSpecialized);
    expect(specializedSnippet).toContain(
      "# azurerm has no VM resource that can use a specialized image of a directly shared or community gallery",
    );
    expect(specializedSnippet).not.toContain('resource "azurerm_virtual_machine"');
    expect(specializedSnippet).not.toContain("azurerm_network_interface");
    const template = /template_content {4}= <<TEMPLATE\n([\s\S]*)\nTEMPLATE/.exec(specializedSnippet)![1]!;
    expect(JSON.parse(template)).toEqual(armTemplate(sharedSpecialized));
  });

  it("deploySnippets gives all five with the shared id for a usable region", () => {
    const result = deploySnippets(
      { kind: "version", version: replicated },
      { ...shared, imageId: SHARED_ID.replace("latest", "1.0.5") },
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const kind of SNIPPET_KINDS) expect(result.snippets[kind]).toContain(SHARED_ID.replace("latest", "1.0.5"));
  });
});

describe("snippets for an image of a community gallery", () => {
  const COMMUNITY_ID =
    "/CommunityGalleries/ContosoEU-5f0c1e1a-0000-4000-8000-000000000001/Images/ubuntu-2204-gen2-eu/Versions/1.0.5";
  const community: DeploymentSpec = { ...linux, imageId: COMMUNITY_ID };

  it("az vm create takes the community id in --image", () => {
    expect(cliFlags(azureCliSnippet(community)).get("--image")).toBe(COMMUNITY_ID);
  });

  it("PowerShell names it with New-AzVMConfig -CommunityGalleryImageId, not Set-AzVMSourceImage -Id", () => {
    const snippet = powershellSnippet(community);
    expect(snippet).toMatch(/New-AzVMConfig [^\n]*-CommunityGalleryImageId \$imageId/);
    expect(snippet).not.toContain("-SharedGalleryImageId");
    expect(snippet).not.toContain("Set-AzVMSourceImage");
  });

  it("Bicep and the ARM template put it in imageReference.communityGalleryImageId; Terraform in source_image_id", () => {
    expect(bicepSnippet(community)).toContain("imageReference: { communityGalleryImageId: imageId }");
    const vm = (
      armTemplate(community).resources as {
        type: string;
        properties: { storageProfile: { imageReference: unknown } };
      }[]
    ).find((r) => r.type === "Microsoft.Compute/virtualMachines")!;
    expect(vm.properties.storageProfile.imageReference).toEqual({ communityGalleryImageId: "[variables('imageId')]" });
    expect(terraformSnippet(community)).toContain(`source_image_id       = "${COMMUNITY_ID}"`);
    expect(terraformSnippet({ ...community, osState: "Specialized" })).toContain("deploys the ARM template");
  });
});

describe("snippets of a version with warnings", () => {
  const warning = "Version 1.0.5 is reported for a policy violation (flagged unsafe).";
  const result = deploySnippets({ kind: "version", version: replicated }, linux, now, (version) =>
    version === "1.0.5" ? [warning] : [],
  );

  it("carries the warning in every snippet, as a comment or the template's metadata", () => {
    if (!result.ok) throw new Error(result.reason);
    for (const kind of ["azureCli", "powershell", "terraform"] as const) {
      expect(result.snippets[kind].startsWith(`# WARNING: ${warning}\n`)).toBe(true);
    }
    expect(result.snippets.bicep.startsWith(`// WARNING: ${warning}\n`)).toBe(true);
    const template = JSON.parse(result.snippets.armTemplate);
    expect(template.metadata).toEqual({ warnings: [warning] });
    expect(template.resources).toEqual(armTemplate(linux).resources);
  });

  it("leaves the snippets of a version without warnings as they are", () => {
    const plain = deploySnippets({ kind: "version", version: replicated }, linux, now, () => []);
    if (!plain.ok) throw new Error(plain.reason);
    expect(plain.snippets.azureCli).toBe(azureCliSnippet(linux));
  });
});

describe("Terraform applies as written", () => {
  const sharedSpecialized: DeploymentSpec = {
    ...specialized,
    imageId: "/SharedGalleries/c0000000-0000-4000-8001-000000000003-CONTOSO/Images/base/Versions/latest",
  };
  const cases = { linux, windows, specialized, sharedSpecialized };

  it.each(Object.entries(cases))("%s: every reference declared, formatted as terraform fmt", (_, spec) => {
    const text = terraformSnippet(spec);
    const root = parseHcl(text);
    expect(unresolvedReferences(root)).toEqual([]);
    expect(misalignedAttributes(text)).toEqual([]);
    expect(blockOf(root, "data", "azurerm_resource_group", "rg").attributes.name).toBe('"rg-app"');
    // Nothing to supply but a Windows administrator's password, which Terraform asks for.
    const variables = root.blocks.filter((block) => block.type === "variable");
    expect(variables.map((block) => block.labels[0])).toEqual(spec === windows ? ["admin_password"] : []);
    expect(variables.every((block) => block.attributes.sensitive === "true")).toBe(true);
  });

  it("puts the VM's network interface in the snippet's own subnet", () => {
    const root = parseHcl(terraformSnippet(windows));
    expect(blockOf(root, "resource", "azurerm_windows_virtual_machine", "vm").attributes.network_interface_ids).toBe(
      "[azurerm_network_interface.nic.id]",
    );
    const nic = blockOf(root, "resource", "azurerm_network_interface", "nic");
    expect(nic.blocks[0]!.attributes.subnet_id).toBe("azurerm_subnet.default.id");
    expect(blockOf(root, "resource", "azurerm_subnet", "default").attributes.virtual_network_name).toBe(
      "azurerm_virtual_network.vnet.name",
    );
  });

  it("escapes HCL's template sequences in strings", () => {
    expect(hcl('a${b}%{c}"')).toBe('"a$${b}%%{c}\\""');
  });
});

describe("the subscription the user picked", () => {
  const subscriptionId = "c0000000-0000-4000-8001-000000000002";
  const picked: DeploymentSpec = { ...linux, subscriptionId };

  it("is named by the Azure CLI, PowerShell and Terraform's provider", () => {
    expect(azureCliSnippet(picked)).toContain(`az vm create \\\n  --subscription '${subscriptionId}' \\\n`);
    expect(powershellSnippet(picked).split("\n")[0]).toBe(`Set-AzContext -Subscription '${subscriptionId}' | Out-Null`);
    const text = terraformSnippet(picked);
    expect(blockOf(parseHcl(text), "provider", "azurerm").attributes.subscription_id).toBe(`"${subscriptionId}"`);
    expect(misalignedAttributes(text)).toEqual([]);
  });

  it("is left to the tool's current context when none was picked", () => {
    expect(azureCliSnippet(linux)).not.toContain("--subscription");
    expect(powershellSnippet(linux)).not.toContain("Set-AzContext");
    expect(
      blockOf(parseHcl(terraformSnippet(linux)), "provider", "azurerm").attributes.subscription_id,
    ).toBeUndefined();
  });
});
