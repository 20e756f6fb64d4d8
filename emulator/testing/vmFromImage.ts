/**
 * Request bodies for a VM made from an image reference, and for validating a deployment of one, as the consumer's
 * snippets send them: a Trusted Launch VM with an administrator account (the images the tests use are generalized).
 */

export function vmFromImage(location: string, imageReference: Record<string, string>) {
  return {
    location,
    properties: {
      hardwareProfile: { vmSize: "Standard_D2s_v5" },
      storageProfile: { imageReference, osDisk: { createOption: "FromImage" } },
      osProfile: { computerName: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
      securityProfile: { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
    },
  };
}

/** `POST …/deployments/{name}/validate` body: a template holding that VM, named `checked`. */
export function deploymentOfVm(location: string, imageReference: Record<string, string>) {
  return {
    properties: {
      mode: "Incremental",
      template: {
        $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        contentVersion: "1.0.0.0",
        resources: [
          {
            type: "Microsoft.Compute/virtualMachines",
            apiVersion: "2024-07-01",
            name: "checked",
            location,
            properties: vmFromImage(location, imageReference).properties,
          },
        ],
      },
    },
  };
}
