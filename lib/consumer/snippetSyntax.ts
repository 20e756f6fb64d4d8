import { NETWORK_API_VERSION } from "./armTemplate";

/** What the image and application snippets write alike: quoted values per language, and the Bicep network (Terraform's parts are in terraformSyntax). */

/** A value inside single quotes in bash and PowerShell (both double a quote differently). */
export const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
export const ps = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Bicep strings. */
/** The Azure CLI's `--subscription` for a command, when the user picked one (else the CLI's current subscription). */
export const subscriptionOption = (subscriptionId?: string): string[] =>
  subscriptionId ? [`--subscription ${sh(subscriptionId)}`] : [];

/** PowerShell's context set to the subscription the user picked, before the commands that deploy into it. */
export const powershellContext = (subscriptionId?: string): string[] =>
  subscriptionId ? [`Set-AzContext -Subscription ${ps(subscriptionId)} | Out-Null`] : [];

export const bicepString = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
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
