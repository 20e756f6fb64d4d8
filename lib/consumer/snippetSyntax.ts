import { NETWORK_API_VERSION, VM_API_VERSION } from "./armTemplate";

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

/** The Bicep parameters every VM snippet starts with: the region, the VM's name and its size. */
export const bicepVmParams = (spec: { location: string; vmName: string; vmSize: string }): string[] => [
  `param location string = ${bicepString(spec.location)}`,
  `param vmName string = ${bicepString(spec.vmName)}`,
  `param vmSize string = ${bicepString(spec.vmSize)}`,
];

/** The administrator's parameters: a secure password on Windows, an SSH public key on Linux. */
export const bicepAdminParams = (osType: string | undefined, adminUsername: string): string[] => [
  `param adminUsername string = ${bicepString(adminUsername)}`,
  osType === "Windows" ? "@secure()\nparam adminPassword string" : "param adminPublicKey string",
];

/** The OS disk created from the image on premium storage, as the ARM templates create it. */
export const BICEP_OS_DISK =
  "osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } }";

/** A VM's osProfile named after the VM, for the administrator: `credentials` are its password or SSH lines. */
export const bicepVmOsProfile = (credentials: readonly string[]): string[] => [
  "    osProfile: {",
  "      computerName: vmName",
  "      adminUsername: adminUsername",
  ...credentials,
  "    }",
];

/**
 * A Bicep file that deploys one VM on BICEP_VM_NETWORK's interface: the `params`, the network, then the VM whose
 * storage profile takes the `imageReference` lines; `beforeNetwork` and `afterNetwork` are its other properties
 * (osProfile and securityProfile; applicationProfile), indented as properties of the VM.
 */
export function bicepVirtualMachineFile(
  params: readonly string[],
  vm: { imageReference: readonly string[]; beforeNetwork: readonly string[]; afterNetwork?: readonly string[] },
): string {
  return [
    ...params,
    "",
    ...BICEP_VM_NETWORK,
    "",
    `resource vm 'Microsoft.Compute/virtualMachines@${VM_API_VERSION}' = {`,
    "  name: vmName",
    "  location: location",
    "  properties: {",
    "    hardwareProfile: { vmSize: vmSize }",
    "    storageProfile: {",
    ...vm.imageReference,
    `      ${BICEP_OS_DISK}`,
    "    }",
    ...vm.beforeNetwork,
    "    networkProfile: { networkInterfaces: [ { id: nic.id } ] }",
    ...(vm.afterNetwork ?? []),
    "  }",
    "}",
    "",
  ].join("\n");
}
