import {
  adminCredential,
  adminParameters,
  armTemplate,
  type ArmTemplate,
  type CheckedDeployment,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  type DeploymentSpec,
  marketplaceImageOf,
  type OsType,
  SUBNET_ID,
  validationParameters,
  virtualNetworkResource,
  VM_API_VERSION,
  VNET_ID,
  type VmGalleryApplication,
} from "./armTemplate";
import { SNIPPET_LABELS } from "./snippets";
import {
  BICEP_OS_DISK,
  BICEP_VIRTUAL_NETWORK,
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
import { checkRegion, type ConsumerVersion } from "./usability";

/**
 * Snippets that add one VM Application version to a VM or a scale set, in the forms people use: the Azure CLI and
 * PowerShell add it to an existing VM or scale set (`az vm application set`, `Add-AzVmGalleryApplication`); Bicep, the
 * ARM template and Terraform declare a new VM or scale set with it in `applicationProfile.galleryApplications`
 * (Terraform's `gallery_application` block). The VM of the declarative forms starts from a Marketplace image of the
 * application's OS, so the ARM template can be validated as it is (see DeploymentCheck).
 */

export type ApplicationTarget = "virtualMachine" | "virtualMachineScaleSet";

export const APPLICATION_TARGET_LABELS: Record<ApplicationTarget, string> = {
  virtualMachine: "Virtual machine",
  virtualMachineScaleSet: "Virtual machine scale set",
};

/** A Marketplace image per OS for the new VM of the declarative snippets, as `publisher:offer:sku:version`. */
export const BASE_IMAGES: Record<OsType, string> = {
  Windows: "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest",
  Linux: "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest",
};

export interface ApplicationDeploymentSpec {
  /** The application version id (`…/galleries/{g}/applications/{a}/versions/{v}`). */
  packageReferenceId: string;
  /** The application's supportedOSType: the VM must run it. */
  osType: OsType;
  target: ApplicationTarget;
  /** Canonical region name. */
  location: string;
  /** As DeploymentSpec's: named by the CLI, PowerShell and Terraform snippets. */
  subscriptionId?: string;
  resourceGroup: string;
  /** The VM's or scale set's name. */
  vmName: string;
  vmSize: string;
  adminUsername: string;
  /** Install order among the VM's applications (1 is first); unset installs in no particular order. */
  order?: number;
  /** A blob replacing the version's default configuration on this VM. */
  configurationReference?: string;
  treatFailureAsDeploymentFailure?: boolean;
}

export const APPLICATION_SNIPPET_KINDS = ["azureCli", "powershell", "bicep", "armTemplate", "terraform"] as const;
export type ApplicationSnippetKind = (typeof APPLICATION_SNIPPET_KINDS)[number];

/** The same tools as an image's snippets, so the tool the user last chose carries over between them. */
export const APPLICATION_SNIPPET_LABELS: Record<ApplicationSnippetKind, string> = SNIPPET_LABELS;

/** The `applicationProfile.galleryApplications` entry of the spec, with only the properties the user set. */
export function galleryApplicationEntry(spec: ApplicationDeploymentSpec): VmGalleryApplication {
  return {
    packageReferenceId: spec.packageReferenceId,
    ...(spec.order !== undefined ? { order: spec.order } : {}),
    ...(spec.configurationReference ? { configurationReference: spec.configurationReference } : {}),
    ...(spec.treatFailureAsDeploymentFailure ? { treatFailureAsDeploymentFailure: true } : {}),
  };
}

const isScaleSet = (spec: ApplicationDeploymentSpec) => spec.target === "virtualMachineScaleSet";

export function applicationAzureCliSnippet(spec: ApplicationDeploymentSpec): string {
  const group = isScaleSet(spec) ? "vmss" : "vm";
  const lines = [
    `az ${group} application set`,
    ...subscriptionOption(spec.subscriptionId),
    `--resource-group ${sh(spec.resourceGroup)}`,
    `--name ${sh(spec.vmName)}`,
    `--app-version-ids ${sh(spec.packageReferenceId)}`,
    ...(spec.configurationReference ? [`--app-config-overrides ${sh(spec.configurationReference)}`] : []),
    // The CLI numbers applications by their position in --app-version-ids, so one application gets order 1.
    ...(spec.order !== undefined ? ["--order-applications"] : []),
    ...(spec.treatFailureAsDeploymentFailure ? ["--treat-deployment-as-failure true"] : []),
  ];
  const notes =
    spec.order !== undefined && spec.order !== 1
      ? [
          `# --order-applications numbers the applications by their position in --app-version-ids: list the ids of the`,
          `# VM's other applications too, this one at position ${spec.order}, for it to install in that place.`,
        ]
      : [];
  const command = lines.join(" \\\n  ");
  // A scale set's instances pick up the new model when they are updated.
  const upgrade = isScaleSet(spec)
    ? [
        [
          "az vmss update-instances",
          ...subscriptionOption(spec.subscriptionId),
          `--resource-group ${sh(spec.resourceGroup)}`,
          `--name ${sh(spec.vmName)}`,
          "--instance-ids '*'",
        ].join(" "),
      ]
    : [];
  return `${[...notes, command, ...upgrade].join("\n")}\n`;
}

export function applicationPowershellSnippet(spec: ApplicationDeploymentSpec): string {
  const scaleSet = isScaleSet(spec);
  const options = [
    ...(spec.order !== undefined ? [`-Order ${spec.order}`] : []),
    ...(spec.treatFailureAsDeploymentFailure ? ["-TreatFailureAsDeploymentFailure"] : []),
  ].join(" ");
  const config = spec.configurationReference ? ` -ConfigReferenceId ${ps(spec.configurationReference)}` : "";
  const lines = [
    ...powershellContext(spec.subscriptionId),
    `$resourceGroup = ${ps(spec.resourceGroup)}`,
    `$packageId = ${ps(spec.packageReferenceId)}`,
    "",
    ...(scaleSet
      ? [
          `$vmss = Get-AzVmss -ResourceGroupName $resourceGroup -VMScaleSetName ${ps(spec.vmName)}`,
          `$app = New-AzVmssGalleryApplication -PackageReferenceId $packageId${config}`,
          `Add-AzVmssGalleryApplication -VirtualMachineScaleSetVM $vmss.VirtualMachineProfile -GalleryApplication $app${options ? ` ${options}` : ""}`,
          "Update-AzVmss -ResourceGroupName $resourceGroup -VMScaleSetName $vmss.Name -VirtualMachineScaleSet $vmss",
        ]
      : [
          `$vm = Get-AzVM -ResourceGroupName $resourceGroup -Name ${ps(spec.vmName)}`,
          `$app = New-AzVmGalleryApplication -PackageReferenceId $packageId${config}`,
          `Add-AzVmGalleryApplication -VM $vm -GalleryApplication $app${options ? ` ${options}` : ""}`,
          "Update-AzVM -ResourceGroupName $resourceGroup -VM $vm",
        ]),
  ];
  return `${lines.join("\n")}\n`;
}

/** The VM of the declarative snippets: the Marketplace image of the application's OS, with the application. */
export function applicationVmSpec(spec: ApplicationDeploymentSpec): DeploymentSpec {
  return {
    imageId: BASE_IMAGES[spec.osType],
    osType: spec.osType,
    osState: "Generalized",
    location: spec.location,
    resourceGroup: spec.resourceGroup,
    vmName: spec.vmName,
    vmSize: spec.vmSize,
    adminUsername: spec.adminUsername,
    galleryApplications: [galleryApplicationEntry(spec)],
  };
}

type Json = ArmTemplate[string];

function scaleSetTemplate(spec: ApplicationDeploymentSpec): ArmTemplate {
  const image = marketplaceImageOf(BASE_IMAGES[spec.osType])!;
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: "1.0.0.0",
    parameters: {
      vmssName: { type: "string", defaultValue: spec.vmName },
      location: { type: "string", defaultValue: spec.location },
      vmSize: { type: "string", defaultValue: spec.vmSize },
      ...adminParameters(spec.osType, spec.adminUsername),
    },
    variables: { vnetName: "[concat(parameters('vmssName'), '-vnet')]" },
    resources: [
      virtualNetworkResource(),
      {
        type: "Microsoft.Compute/virtualMachineScaleSets",
        apiVersion: VM_API_VERSION,
        name: "[parameters('vmssName')]",
        location: "[parameters('location')]",
        dependsOn: [VNET_ID],
        sku: { name: "[parameters('vmSize')]", capacity: 2 },
        properties: {
          orchestrationMode: "Uniform",
          upgradePolicy: { mode: "Manual" },
          virtualMachineProfile: {
            storageProfile: {
              imageReference: image,
              osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS" } },
            },
            osProfile: {
              computerNamePrefix: "[parameters('vmssName')]",
              adminUsername: "[parameters('adminUsername')]",
              ...adminCredential(spec.osType),
            },
            networkProfile: {
              networkInterfaceConfigurations: [
                {
                  name: "nic",
                  properties: {
                    primary: true,
                    ipConfigurations: [{ name: "ipconfig1", properties: { subnet: { id: SUBNET_ID } } }],
                  },
                },
              ],
            },
            applicationProfile: { galleryApplications: [galleryApplicationEntry(spec) as unknown as Json] },
          },
        },
      },
    ],
  };
}

/** The ARM template of a new VM (with its network) or scale set that installs the application. */
export function applicationArmTemplate(spec: ApplicationDeploymentSpec): ArmTemplate {
  return isScaleSet(spec) ? scaleSetTemplate(spec) : armTemplate(applicationVmSpec(spec));
}

/** What the deployment check validates: the ARM template snippet, a VM or a scale set. */
export function applicationCheckedDeployment(spec: ApplicationDeploymentSpec): CheckedDeployment {
  return {
    location: spec.location,
    resourceGroup: spec.resourceGroup,
    template: applicationArmTemplate(spec),
    parameters: (random) => validationParameters(applicationVmSpec(spec), random),
  };
}

export function applicationArmTemplateSnippet(spec: ApplicationDeploymentSpec): string {
  return `${JSON.stringify(applicationArmTemplate(spec), null, 2)}\n`;
}

function bicepApplicationProfile(spec: ApplicationDeploymentSpec, indent: string): string[] {
  const entry = galleryApplicationEntry(spec);
  return [
    `${indent}applicationProfile: {`,
    `${indent}  galleryApplications: [`,
    `${indent}    {`,
    `${indent}      packageReferenceId: ${bicepString(entry.packageReferenceId)}`,
    ...(entry.order !== undefined ? [`${indent}      order: ${entry.order}`] : []),
    ...(entry.configurationReference
      ? [`${indent}      configurationReference: ${bicepString(entry.configurationReference)}`]
      : []),
    ...(entry.treatFailureAsDeploymentFailure ? [`${indent}      treatFailureAsDeploymentFailure: true`] : []),
    `${indent}    }`,
    `${indent}  ]`,
    `${indent}}`,
  ];
}

function bicepImage(spec: ApplicationDeploymentSpec, indent: string): string[] {
  const image = marketplaceImageOf(BASE_IMAGES[spec.osType])!;
  return [
    `${indent}imageReference: {`,
    `${indent}  publisher: '${image.publisher}'`,
    `${indent}  offer: '${image.offer}'`,
    `${indent}  sku: '${image.sku}'`,
    `${indent}  version: '${image.version}'`,
    `${indent}}`,
  ];
}

function bicepCredentials(spec: ApplicationDeploymentSpec, indent: string): string[] {
  if (spec.osType === "Windows") return [`${indent}adminPassword: adminPassword`];
  return [
    `${indent}linuxConfiguration: {`,
    `${indent}  disablePasswordAuthentication: true`,
    `${indent}  ssh: { publicKeys: [ { path: '/home/\${adminUsername}/.ssh/authorized_keys', keyData: adminPublicKey } ] }`,
    `${indent}}`,
  ];
}

export function applicationBicepSnippet(spec: ApplicationDeploymentSpec): string {
  const params = [...bicepVmParams(spec), ...bicepAdminParams(spec.osType, spec.adminUsername)];
  if (isScaleSet(spec)) {
    return [
      ...params,
      "",
      ...BICEP_VIRTUAL_NETWORK,
      "",
      `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@${VM_API_VERSION}' = {`,
      "  name: vmName",
      "  location: location",
      "  sku: { name: vmSize, capacity: 2 }",
      "  properties: {",
      "    orchestrationMode: 'Uniform'",
      "    upgradePolicy: { mode: 'Manual' }",
      "    virtualMachineProfile: {",
      "      storageProfile: {",
      ...bicepImage(spec, "        "),
      `        ${BICEP_OS_DISK}`,
      "      }",
      "      osProfile: {",
      "        computerNamePrefix: vmName",
      "        adminUsername: adminUsername",
      ...bicepCredentials(spec, "        "),
      "      }",
      "      networkProfile: {",
      "        networkInterfaceConfigurations: [ { name: 'nic', properties: { primary: true, ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: vnet.properties.subnets[0].id } } } ] } } ]",
      "      }",
      ...bicepApplicationProfile(spec, "      "),
      "    }",
      "  }",
      "}",
      "",
    ].join("\n");
  }
  return bicepVirtualMachineFile(params, {
    imageReference: bicepImage(spec, "      "),
    beforeNetwork: bicepVmOsProfile(bicepCredentials(spec, "      ")),
    afterNetwork: bicepApplicationProfile(spec, "    "),
  });
}

/**
 * The Terraform of a new VM or scale set with the application, in the form's resource group (read by name, as the
 * Bicep and ARM template deploy into it) with its own network, as the other declarative snippets: it applies as it is.
 */
export function applicationTerraformSnippet(spec: ApplicationDeploymentSpec): string {
  const image = marketplaceImageOf(BASE_IMAGES[spec.osType])!;
  const kind = spec.osType === "Windows" ? "windows" : "linux";
  const scaleSet = isScaleSet(spec);
  const resource = scaleSet ? `azurerm_${kind}_virtual_machine_scale_set` : `azurerm_${kind}_virtual_machine`;
  const entry = galleryApplicationEntry(spec);
  const credentials = terraform.credentials(spec.osType, spec.adminUsername);
  return [
    ...terraform.preamble(spec.osType === "Windows", spec.subscriptionId),
    ...terraform.resourceGroup(spec.resourceGroup),
    "",
    ...terraform.network(spec.vmName, spec.location, { nic: !scaleSet }),
    "",
    `resource ${hcl(resource)} "this" {`,
    ...hclAttributes("  ", [
      ...terraform.placement(spec.vmName, spec.location),
      ...(scaleSet
        ? ([
            ["sku", hcl(spec.vmSize)],
            ["instances", "2"],
          ] as const)
        : ([
            ["size", hcl(spec.vmSize)],
            ["network_interface_ids", "[azurerm_network_interface.nic.id]"],
          ] as const)),
      ...credentials.attributes,
    ]),
    ...credentials.blocks,
    "",
    "  source_image_reference {",
    ...hclAttributes("    ", [
      ["publisher", hcl(image.publisher)],
      ["offer", hcl(image.offer)],
      ["sku", hcl(image.sku)],
      ["version", hcl(image.version)],
    ]),
    "  }",
    "",
    ...terraform.OS_DISK,
    ...(scaleSet
      ? [
          "",
          "  network_interface {",
          ...hclAttributes("    ", [
            ["name", '"nic"'],
            ["primary", "true"],
          ]),
          "",
          "    ip_configuration {",
          ...hclAttributes("      ", [
            ["name", '"ipconfig1"'],
            ["primary", "true"],
            ["subnet_id", "azurerm_subnet.default.id"],
          ]),
          "    }",
          "  }",
        ]
      : []),
    "",
    "  gallery_application {",
    ...hclAttributes("    ", [
      ["version_id", hcl(entry.packageReferenceId)],
      ...(entry.order !== undefined ? ([["order", String(entry.order)]] as const) : []),
      ...(entry.configurationReference
        ? ([["configuration_blob_uri", hcl(entry.configurationReference)]] as const)
        : []),
      ...(entry.treatFailureAsDeploymentFailure
        ? ([["treat_failure_as_deployment_failure_enabled", "true"]] as const)
        : []),
    ]),
    "  }",
    "}",
    "",
  ].join("\n");
}

export const APPLICATION_SNIPPET_GENERATORS: Record<
  ApplicationSnippetKind,
  (spec: ApplicationDeploymentSpec) => string
> = {
  azureCli: applicationAzureCliSnippet,
  powershell: applicationPowershellSnippet,
  bicep: applicationBicepSnippet,
  armTemplate: applicationArmTemplateSnippet,
  terraform: applicationTerraformSnippet,
};

export type ApplicationSnippets =
  | { ok: true; snippets: Record<ApplicationSnippetKind, string>; pastEndOfLife: boolean }
  | { ok: false; reason: string };

/**
 * The snippets for the spec's region, or why there are none: Compute refuses a VM whose application version has
 * not completed replication to the VM's region (GalleryApplicationVersionNotAvailableInRegion), the same rule as
 * for an image version.
 */
export function applicationSnippets(
  spec: ApplicationDeploymentSpec,
  version: ConsumerVersion,
  now: Date,
): ApplicationSnippets {
  const check = checkRegion({ kind: "version", version }, spec.location, now);
  if (!check.usable) return { ok: false, reason: check.reason };
  const snippets = Object.fromEntries(
    APPLICATION_SNIPPET_KINDS.map((kind) => [kind, APPLICATION_SNIPPET_GENERATORS[kind](spec)]),
  ) as Record<ApplicationSnippetKind, string>;
  return { ok: true, snippets, pastEndOfLife: check.pastEndOfLife };
}
