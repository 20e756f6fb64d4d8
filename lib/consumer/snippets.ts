import {
  type DeploymentSpec,
  armTemplate,
  imageReferenceProperty,
  isCommunityGalleryImageId,
  isProxyImageId,
  needsAdminCredentials,
} from "./armTemplate";
import {
  bicepAdminParams,
  bicepString,
  bicepVirtualMachineFile,
  bicepVmOsProfile,
  bicepVmParams,
  powershellContext,
  ps,
  sh,
  subscriptionOption,
} from "./snippetSyntax";
import { hcl, hclAttributes, terraform } from "./terraformSyntax";
import { checkRegion, type ImageChoice } from "./usability";

/**
 * Deploy snippets for one VM from a gallery image, in the five forms people deploy with. Each says the same
 * thing: the image id (a version, or the definition for `latest`), the region the user picked, and the
 * administrator account only for generalized images (Compute refuses an osProfile for specialized ones and
 * requires it for generalized ones). An image of a directly shared gallery is named by its shared id
 * (`/SharedGalleries/…`), which `az vm create --image` takes as it is and the others take in their own property.
 */

export const SNIPPET_KINDS = ["azureCli", "powershell", "bicep", "terraform", "armTemplate"] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

export const SNIPPET_LABELS: Record<SnippetKind, string> = {
  azureCli: "Azure CLI",
  powershell: "PowerShell",
  bicep: "Bicep",
  terraform: "Terraform (azurerm)",
  armTemplate: "ARM template",
};

export function azureCliSnippet(spec: DeploymentSpec): string {
  const lines = [
    "az vm create",
    ...subscriptionOption(spec.subscriptionId),
    `--resource-group ${sh(spec.resourceGroup)}`,
    `--name ${sh(spec.vmName)}`,
    `--location ${spec.location}`,
    `--image ${sh(spec.imageId)}`,
    `--size ${spec.vmSize}`,
    ...(spec.securityType ? [`--security-type ${spec.securityType}`] : []),
  ];
  if (!needsAdminCredentials(spec)) lines.push("--specialized");
  else if (spec.osType === "Windows")
    lines.push(`--admin-username ${sh(spec.adminUsername)}`, '--admin-password "$ADMIN_PASSWORD"');
  else lines.push(`--admin-username ${sh(spec.adminUsername)}`, "--generate-ssh-keys");
  const command = lines.join(" \\\n  ");
  return spec.osType === "Windows" && needsAdminCredentials(spec)
    ? `read -rsp "Administrator password: " ADMIN_PASSWORD && echo\n${command}\n`
    : `${command}\n`;
}

export function powershellSnippet(spec: DeploymentSpec): string {
  const proxy = isProxyImageId(spec.imageId);
  const proxyParameter = isCommunityGalleryImageId(spec.imageId) ? "-CommunityGalleryImageId" : "-SharedGalleryImageId";
  const lines = [
    ...powershellContext(spec.subscriptionId),
    `$resourceGroup = ${ps(spec.resourceGroup)}`,
    `$location = ${ps(spec.location)}`,
    `$vmName = ${ps(spec.vmName)}`,
    `$imageId = ${ps(spec.imageId)}`,
    "",
    "$subnet = New-AzVirtualNetworkSubnetConfig -Name 'default' -AddressPrefix '10.0.0.0/24'",
    "$vnet = New-AzVirtualNetwork -ResourceGroupName $resourceGroup -Location $location -Name \"$vmName-vnet\" -AddressPrefix '10.0.0.0/16' -Subnet $subnet",
    '$nic = New-AzNetworkInterface -ResourceGroupName $resourceGroup -Location $location -Name "$vmName-nic" -SubnetId $vnet.Subnets[0].Id',
    "",
    // New-AzVMConfig takes a shared or community gallery's image in -SharedGalleryImageId or -CommunityGalleryImageId;
    // Set-AzVMSourceImage -Id only ARM ids.
    `$vm = New-AzVMConfig -VMName $vmName -VMSize ${ps(spec.vmSize)}${spec.securityType ? ` -SecurityType ${spec.securityType}` : ""}${proxy ? ` ${proxyParameter} $imageId` : ""}`,
  ];
  if (needsAdminCredentials(spec)) {
    lines.push(
      `$cred = Get-Credential -UserName ${ps(spec.adminUsername)} -Message 'Administrator account of the VM'`,
      `$vm = Set-AzVMOperatingSystem -VM $vm -${spec.osType} -ComputerName $vmName -Credential $cred`,
    );
  }
  lines.push(
    ...(proxy ? [] : ["$vm = Set-AzVMSourceImage -VM $vm -Id $imageId"]),
    "$vm = Add-AzVMNetworkInterface -VM $vm -Id $nic.Id",
    "New-AzVM -ResourceGroupName $resourceGroup -Location $location -VM $vm",
  );
  return `${lines.join("\n")}\n`;
}

function bicepOsProfile(spec: DeploymentSpec): string[] {
  if (!needsAdminCredentials(spec)) return [];
  if (spec.osType === "Windows") return bicepVmOsProfile(["      adminPassword: adminPassword"]);
  return bicepVmOsProfile([
    "      linuxConfiguration: {",
    "        disablePasswordAuthentication: true",
    "        ssh: {",
    "          publicKeys: [",
    "            {",
    "              path: '/home/${adminUsername}/.ssh/authorized_keys'",
    "              keyData: adminPublicKey",
    "            }",
    "          ]",
    "        }",
    "      }",
  ]);
}

export function bicepSnippet(spec: DeploymentSpec): string {
  const params = [...bicepVmParams(spec), `param imageId string = ${bicepString(spec.imageId)}`];
  if (needsAdminCredentials(spec)) params.push(...bicepAdminParams(spec.osType, spec.adminUsername));
  const security = spec.securityType
    ? [
        "    securityProfile: {",
        `      securityType: '${spec.securityType}'`,
        "      uefiSettings: {",
        "        secureBootEnabled: true",
        "        vTpmEnabled: true",
        "      }",
        "    }",
      ]
    : [];
  return bicepVirtualMachineFile(params, {
    imageReference: [`      imageReference: { ${imageReferenceProperty(spec.imageId)}: imageId }`],
    beforeNetwork: [...bicepOsProfile(spec), ...security],
  });
}

/**
 * azurerm cannot create a VM from a specialized image of a directly shared or community gallery: azurerm_virtual_machine's
 * storage_image_reference takes only ARM ids, and azurerm_linux/windows_virtual_machine (whose source_image_id does
 * take their ids) always send an administrator, which Compute refuses for a specialized image. The snippet says so
 * and deploys the ARM template through azurerm instead.
 */
function terraformTemplateDeployment(spec: DeploymentSpec): string[] {
  return [
    "# azurerm has no VM resource that can use a specialized image of a directly shared or community gallery",
    "# (azurerm_virtual_machine takes only ARM image ids; azurerm_linux/windows_virtual_machine always set an",
    "# administrator account, which Compute refuses for a specialized image), so this deploys the ARM template.",
    'resource "azurerm_resource_group_template_deployment" "vm" {',
    `  name                = ${hcl(`${spec.vmName}-deployment`)}`,
    "  resource_group_name = data.azurerm_resource_group.rg.name",
    '  deployment_mode     = "Incremental"',
    "  template_content    = <<TEMPLATE",
    armTemplateSnippet(spec).trimEnd(),
    "TEMPLATE",
    "}",
  ];
}

function needsTemplateDeployment(spec: DeploymentSpec): boolean {
  return !needsAdminCredentials(spec) && isProxyImageId(spec.imageId);
}

function terraformVm(spec: DeploymentSpec): string[] {
  if (!needsAdminCredentials(spec)) {
    // The azurerm_*_virtual_machine resources always send an administrator; a specialized image needs the
    // azurerm_virtual_machine resource, which can leave os_profile out.
    return [
      'resource "azurerm_virtual_machine" "vm" {',
      ...hclAttributes("  ", [
        ...terraform.placement(spec.vmName, spec.location),
        ["vm_size", hcl(spec.vmSize)],
        ["network_interface_ids", "[azurerm_network_interface.nic.id]"],
      ]),
      "",
      "  storage_image_reference {",
      `    id = ${hcl(spec.imageId)}`,
      "  }",
      "",
      "  storage_os_disk {",
      ...hclAttributes("    ", [
        ["name", hcl(`${spec.vmName}-osdisk`)],
        ["create_option", '"FromImage"'],
        ["managed_disk_type", '"Premium_LRS"'],
      ]),
      "  }",
      "}",
    ];
  }
  const kind = spec.osType === "Windows" ? "windows" : "linux";
  const credentials = terraform.credentials(spec.osType, spec.adminUsername);
  return [
    `resource "azurerm_${kind}_virtual_machine" "vm" {`,
    ...hclAttributes("  ", [
      ...terraform.placement(spec.vmName, spec.location),
      ["size", hcl(spec.vmSize)],
      ["network_interface_ids", "[azurerm_network_interface.nic.id]"],
      // source_image_id takes gallery ids and a shared or community gallery's /SharedGalleries/… or /CommunityGalleries/… ids alike.
      ["source_image_id", hcl(spec.imageId)],
      ...credentials.attributes,
      ...(spec.securityType === "TrustedLaunch"
        ? ([
            ["secure_boot_enabled", "true"],
            ["vtpm_enabled", "true"],
          ] as const)
        : []),
    ]),
    ...credentials.blocks,
    "",
    ...terraform.OS_DISK,
    "}",
  ];
}

export function terraformSnippet(spec: DeploymentSpec): string {
  return [
    ...terraform.preamble(spec.osType === "Windows" && needsAdminCredentials(spec), spec.subscriptionId),
    ...terraform.resourceGroup(spec.resourceGroup),
    "",
    // The template brings its own network.
    ...(needsTemplateDeployment(spec)
      ? terraformTemplateDeployment(spec)
      : [...terraform.network(spec.vmName, spec.location, { nic: true }), "", ...terraformVm(spec)]),
    "",
  ].join("\n");
}

export function armTemplateSnippet(spec: DeploymentSpec): string {
  return `${JSON.stringify(armTemplate(spec), null, 2)}\n`;
}

/** The snippet of each tool for one deployment, for callers that show one tool at a time. */
export const SNIPPET_GENERATORS: Record<SnippetKind, (spec: DeploymentSpec) => string> = {
  azureCli: azureCliSnippet,
  powershell: powershellSnippet,
  bicep: bicepSnippet,
  terraform: terraformSnippet,
  armTemplate: armTemplateSnippet,
};

export type DeploySnippets =
  | { ok: true; snippets: Record<SnippetKind, string>; resolvedVersion: string; pastEndOfLife: boolean }
  | { ok: false; reason: string };

/**
 * A snippet that carries warnings about the version it deploys (a policy report, a failed validation), in the
 * snippet itself so that they travel with a copy: comments where the language has them, the template's `metadata`
 * in an ARM template.
 */
export function withWarnings(kind: SnippetKind, snippet: string, warnings: readonly string[]): string {
  if (warnings.length === 0) return snippet;
  if (kind === "armTemplate") {
    const { $schema, contentVersion, ...rest } = JSON.parse(snippet) as Record<string, unknown>;
    return `${JSON.stringify({ $schema, contentVersion, metadata: { warnings }, ...rest }, null, 2)}\n`;
  }
  const comment = kind === "bicep" ? "//" : "#";
  return `${warnings.map((warning) => `${comment} WARNING: ${warning}`).join("\n")}\n${snippet}`;
}

/** Every tool's snippet for one deployment, each carrying the warnings about the version it deploys. */
export function allSnippets(spec: DeploymentSpec, warnings: readonly string[] = []): Record<SnippetKind, string> {
  return Object.fromEntries(
    SNIPPET_KINDS.map((kind) => [kind, withWarnings(kind, SNIPPET_GENERATORS[kind](spec), warnings)]),
  ) as Record<SnippetKind, string>;
}

/**
 * The five snippets for the choice in the spec's region, or why there are none: a region where the version (or
 * `latest`) cannot be deployed gets no snippet, since the service would refuse it. `warningsOf` gives the warnings
 * about the version the choice resolves to.
 */
export function deploySnippets(
  choice: ImageChoice,
  spec: DeploymentSpec,
  now: Date,
  warningsOf: (version: string) => readonly string[] = () => [],
): DeploySnippets {
  const check = checkRegion(choice, spec.location, now);
  if (!check.usable) return { ok: false, reason: check.reason };
  const snippets = allSnippets(spec, warningsOf(check.version));
  return { ok: true, snippets, resolvedVersion: check.version, pastEndOfLife: check.pastEndOfLife };
}
