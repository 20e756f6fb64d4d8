import type { OsType } from "./armTemplate";

/**
 * The HCL the image and application snippets' Terraform writes alike: strings, attribute runs aligned as
 * `terraform fmt` aligns them, and the parts of a VM or scale set around the resource itself (provider, resource
 * group read by name, its own network, administrator, OS disk), as `terraform.<part>`.
 */

/** JSON's escapes are HCL's; HCL alone reads `${` and `%{` in a string as a template, which `$${` and `%%{` escape. */
export const hcl = (value: string) =>
  JSON.stringify(value).replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);

/** A run of HCL attributes, their `=` aligned as `terraform fmt` aligns consecutive single-line attributes. */
export function hclAttributes(indent: string, attributes: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...attributes.map(([name]) => name.length));
  return attributes.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

/**
 * The provider, in the subscription picked when known (azurerm 4 refuses to plan without one, from here or
 * `ARM_SUBSCRIPTION_ID`), and the administrator's password as a sensitive variable (asked by `terraform apply`)
 * when needed.
 */
function preamble(adminPassword: boolean, subscriptionId?: string): string[] {
  return [
    'provider "azurerm" {',
    "  features {}",
    ...(subscriptionId ? [`  subscription_id = ${hcl(subscriptionId)}`] : []),
    "}",
    "",
    ...(adminPassword ? ['variable "admin_password" {', "  type      = string", "  sensitive = true", "}", ""] : []),
  ];
}

/** The administrator of a Windows VM or scale set (an attribute), or of a Linux one (an SSH key block). */
function credentials(
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

const OS_DISK: readonly string[] = [
  "  os_disk {",
  '    caching              = "ReadWrite"',
  '    storage_account_type = "Premium_LRS"',
  "  }",
];

/** The existing resource group the snippets deploy into, read by name (`data.azurerm_resource_group.rg`). */
function resourceGroup(name: string): string[] {
  return ['data "azurerm_resource_group" "rg" {', ...hclAttributes("  ", [["name", hcl(name)]]), "}"];
}

const TERRAFORM_GROUP = "data.azurerm_resource_group.rg.name";

/** A resource's name and region, in the resource group read by `resourceGroup`: the first attributes of each. */
function placement(name: string, location: string): (readonly [string, string])[] {
  return [
    ["name", hcl(name)],
    ["location", hcl(location)],
    ["resource_group_name", TERRAFORM_GROUP],
  ];
}

/**
 * The Terraform of the ARM template's virtual network and `default` subnet (`azurerm_subnet.default`), named after
 * the VM as the Bicep's, in the resource group read by `resourceGroup`; with `nic`, a VM's network interface
 * (`azurerm_network_interface.nic`) in that subnet.
 */
function network(vmName: string, location: string, { nic }: { nic: boolean }): string[] {
  return [
    'resource "azurerm_virtual_network" "vnet" {',
    ...hclAttributes("  ", [...placement(`${vmName}-vnet`, location), ["address_space", '["10.0.0.0/16"]']]),
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
          ...hclAttributes("  ", [...placement(`${vmName}-nic`, location)]),
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

export const terraform = { preamble, resourceGroup, placement, network, credentials, OS_DISK };
