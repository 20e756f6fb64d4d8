import { NETWORK_API_VERSION, type OsType } from "./armTemplate";

/** What the image and application snippets write alike: quoted values per language, and the network per tool. */

/** A value inside single quotes in bash and PowerShell (both double a quote differently). */
export const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
export const ps = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Bicep and HCL strings. */
export const bicepString = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
/** JSON's escapes are HCL's; HCL alone reads `${` and `%{` in a string as a template, which `$${` and `%%{` escape. */
export const hcl = (value: string) =>
  JSON.stringify(value).replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);

/** A run of HCL attributes, their `=` aligned as `terraform fmt` aligns consecutive single-line attributes. */
export function hclAttributes(indent: string, attributes: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...attributes.map(([name]) => name.length));
  return attributes.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

/** The provider, and the administrator's password as a sensitive variable (asked by `terraform apply`) when needed. */
export function terraformPreamble(adminPassword: boolean): string[] {
  return [
    'provider "azurerm" {',
    "  features {}",
    "}",
    "",
    ...(adminPassword ? ['variable "admin_password" {', "  type      = string", "  sensitive = true", "}", ""] : []),
  ];
}

/** The administrator of a Windows VM or scale set (an attribute), or of a Linux one (an SSH key block). */
export function terraformCredentials(
  osType: OsType,
  adminUsername: string,
): { attributes: (readonly [string, string])[]; blocks: string[] } {
  const username = ["admin_username", hcl(adminUsername)] as const;
  if (osType === "Windows") return { attributes: [username, ["admin_password", "var.admin_password"]], blocks: [] };
  return {
    attributes: [username],
    blocks: [
      "",
      "  admin_ssh_key {",
      ...hclAttributes("    ", [
        ["username", hcl(adminUsername)],
        ["public_key", 'file("~/.ssh/id_rsa.pub")'],
      ]),
      "  }",
    ],
  };
}

export const TERRAFORM_OS_DISK: readonly string[] = [
  "  os_disk {",
  '    caching              = "ReadWrite"',
  '    storage_account_type = "Premium_LRS"',
  "  }",
];

/** The existing resource group the snippets deploy into, read by name (`data.azurerm_resource_group.rg`). */
export function terraformResourceGroup(name: string): string[] {
  return ['data "azurerm_resource_group" "rg" {', ...hclAttributes("  ", [["name", hcl(name)]]), "}"];
}

const TERRAFORM_GROUP = "data.azurerm_resource_group.rg.name";

/** A resource's name and region, in the resource group of terraformResourceGroup: the first attributes of each. */
export function terraformPlacement(name: string, location: string): (readonly [string, string])[] {
  return [
    ["name", hcl(name)],
    ["location", hcl(location)],
    ["resource_group_name", TERRAFORM_GROUP],
  ];
}

/**
 * The Terraform of the ARM template's virtual network and `default` subnet (`azurerm_subnet.default`), named after
 * the VM as the Bicep's, in the resource group of terraformResourceGroup; with `nic`, a VM's network interface
 * (`azurerm_network_interface.nic`) in that subnet.
 */
export function terraformNetwork(vmName: string, location: string, { nic }: { nic: boolean }): string[] {
  return [
    'resource "azurerm_virtual_network" "vnet" {',
    ...hclAttributes("  ", [...terraformPlacement(`${vmName}-vnet`, location), ["address_space", '["10.0.0.0/16"]']]),
    "}",
    "",
    'resource "azurerm_subnet" "default" {',
    ...hclAttributes("  ", [
      ["name", '"default"'],
      ["resource_group_name", TERRAFORM_GROUP],
      ["virtual_network_name", "azurerm_virtual_network.vnet.name"],
      ["address_prefixes", '["10.0.0.0/24"]'],
    ]),
    "}",
    ...(nic
      ? [
          "",
          'resource "azurerm_network_interface" "nic" {',
          ...hclAttributes("  ", [...terraformPlacement(`${vmName}-nic`, location)]),
          "",
          "  ip_configuration {",
          ...hclAttributes("    ", [
            ["name", '"ipconfig1"'],
            ["subnet_id", "azurerm_subnet.default.id"],
            ["private_ip_address_allocation", '"Dynamic"'],
          ]),
          "  }",
          "}",
        ]
      : []),
  ];
}

/** The Bicep of the ARM template's virtual network (armTemplate's virtualNetworkResource), named after `vmName`. */
export const BICEP_VIRTUAL_NETWORK: readonly string[] = [
  `resource vnet 'Microsoft.Network/virtualNetworks@${NETWORK_API_VERSION}' = {`,
  "  name: '${vmName}-vnet'",
  "  location: location",
  "  properties: {",
  "    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }",
  "    subnets: [ { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } } ]",
  "  }",
  "}",
];

/** The virtual network and a VM's network interface in its default subnet. */
export const BICEP_VM_NETWORK: readonly string[] = [
  ...BICEP_VIRTUAL_NETWORK,
  "",
  `resource nic 'Microsoft.Network/networkInterfaces@${NETWORK_API_VERSION}' = {`,
  "  name: '${vmName}-nic'",
  "  location: location",
  "  properties: {",
  "    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: vnet.properties.subnets[0].id } } } ]",
  "  }",
  "}",
];
