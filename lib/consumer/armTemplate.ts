/**
 * The ARM template of one VM from a gallery image, with the virtual network and network interface it needs.
 * The "ARM template" snippet shows it and the "check deployment" action sends it to
 * `POST …/deployments/{name}/validate`, so what the user copies is exactly what was validated.
 */

export type OsType = "Windows" | "Linux";
export type OsState = "Generalized" | "Specialized";

export interface DeploymentSpec {
  /**
   * An image version id, or an image definition id (the deployment then takes `latest` in its region); or, for a
   * gallery shared directly with the user, its shared id `/SharedGalleries/{unique}/Images/{i}/Versions/{v|latest}`;
   * for a community gallery `/CommunityGalleries/{publicName}/Images/{i}/Versions/{v|latest}`.
   */
  imageId: string;
  osType: OsType;
  osState: OsState;
  /** From the definition's features (SecurityType=TrustedLaunch…); such images need a matching VM. */
  securityType?: "TrustedLaunch" | "ConfidentialVM";
  /** The region the user picked, canonical (`westeurope`). */
  location: string;
  /**
   * The subscription the user picked for the deployment. The Azure CLI and PowerShell snippets name it (the user's
   * current one may be another) and Terraform's azurerm 4 provider requires it; Bicep and the ARM template are
   * deployed into a resource group by a command of the user's, which names it.
   */
  subscriptionId?: string;
  resourceGroup: string;
  vmName: string;
  vmSize: string;
  adminUsername: string;
  /** VM Applications installed at deployment (`applicationProfile.galleryApplications`), in install order. */
  galleryApplications?: VmGalleryApplication[];
}

/** One entry of `applicationProfile.galleryApplications` (Compute's VMGalleryApplication). */
export interface VmGalleryApplication {
  /** The application version id. */
  packageReferenceId: string;
  order?: number;
  /** A blob that replaces the version's default configuration on this VM. */
  configurationReference?: string;
  treatFailureAsDeploymentFailure?: boolean;
}

export const VM_API_VERSION = "2024-07-01";
export const NETWORK_API_VERSION = "2023-09-01";
export const DEPLOYMENT_TEMPLATE_SCHEMA =
  "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/**
 * Whether the id names an image of a directly shared gallery: Compute takes those in
 * `imageReference.sharedGalleryImageId`, not `imageReference.id`, and every tool spells that differently.
 */
export function isSharedGalleryImageId(imageId: string): boolean {
  return /^\/SharedGalleries\//i.test(imageId);
}

/** Whether the id names an image of a community gallery: `/CommunityGalleries/{publicName}/Images/…`. */
export function isCommunityGalleryImageId(imageId: string): boolean {
  return /^\/CommunityGalleries\//i.test(imageId);
}

/** Whether the id is not an ARM id but a shared or community gallery's proxy id, which tools take apart from ARM ids. */
export function isProxyImageId(imageId: string): boolean {
  return isSharedGalleryImageId(imageId) || isCommunityGalleryImageId(imageId);
}

/** A Marketplace image as `az vm create --image` takes it: `publisher:offer:sku:version`. */
export function marketplaceImageOf(
  imageId: string,
): { publisher: string; offer: string; sku: string; version: string } | undefined {
  const parts = imageId.split(":");
  if (parts.length !== 4 || parts.some((part) => part === "" || part.includes("/"))) return undefined;
  const [publisher, offer, sku, version] = parts as [string, string, string, string];
  return { publisher, offer, sku, version };
}

/** The imageReference property Compute reads this kind of image id from. */
export function imageReferenceProperty(imageId: string): "id" | "sharedGalleryImageId" | "communityGalleryImageId" {
  if (isCommunityGalleryImageId(imageId)) return "communityGalleryImageId";
  return isSharedGalleryImageId(imageId) ? "sharedGalleryImageId" : "id";
}

/**
 * Generalized images need an administrator (the service refuses a VM without osProfile); specialized images
 * carry their accounts inside and the service refuses an osProfile.
 */
export function needsAdminCredentials(spec: Pick<DeploymentSpec, "osState">): boolean {
  return spec.osState === "Generalized";
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type ArmTemplate = { [key: string]: Json };

/** The administrator's credential in an osProfile: a password on Windows, an SSH key on Linux. */
export function adminCredential(osType: OsType): Record<string, Json> {
  if (osType === "Windows") return { adminPassword: "[parameters('adminPassword')]" };
  return {
    linuxConfiguration: {
      disablePasswordAuthentication: true,
      ssh: {
        publicKeys: [
          {
            path: "[concat('/home/', parameters('adminUsername'), '/.ssh/authorized_keys')]",
            keyData: "[parameters('adminPublicKey')]",
          },
        ],
      },
    },
  };
}

function osProfile(spec: DeploymentSpec): Record<string, Json> {
  return {
    computerName: "[parameters('vmName')]",
    adminUsername: "[parameters('adminUsername')]",
    ...adminCredential(spec.osType),
  };
}

/** The template parameters of the administrator's name and credential (see adminCredential). */
export function adminParameters(osType: OsType, adminUsername: string): Record<string, Json> {
  return {
    adminUsername: { type: "string", defaultValue: adminUsername },
    ...(osType === "Windows"
      ? { adminPassword: { type: "securestring", metadata: { description: "Password of the VM's administrator." } } }
      : { adminPublicKey: { type: "string", metadata: { description: "SSH public key of the VM's administrator." } } }),
  };
}

function credentialParameters(spec: DeploymentSpec): Record<string, Json> {
  return needsAdminCredentials(spec) ? adminParameters(spec.osType, spec.adminUsername) : {};
}

/** The template's virtual network (its name in the variable `vnetName`), whose `default` subnet the VMs join. */
export function virtualNetworkResource(): ArmTemplate {
  return {
    type: "Microsoft.Network/virtualNetworks",
    apiVersion: NETWORK_API_VERSION,
    name: "[variables('vnetName')]",
    location: "[parameters('location')]",
    properties: {
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      subnets: [{ name: "default", properties: { addressPrefix: "10.0.0.0/24" } }],
    },
  };
}

export const VNET_ID = "[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]";
export const SUBNET_ID = "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('vnetName'), 'default')]";

export function armTemplate(spec: DeploymentSpec): ArmTemplate {
  const nicId = "[resourceId('Microsoft.Network/networkInterfaces', variables('nicName'))]";
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: "1.0.0.0",
    parameters: {
      vmName: { type: "string", defaultValue: spec.vmName },
      location: { type: "string", defaultValue: spec.location },
      vmSize: { type: "string", defaultValue: spec.vmSize },
      ...credentialParameters(spec),
    },
    variables: {
      imageId: spec.imageId,
      vnetName: "[concat(parameters('vmName'), '-vnet')]",
      nicName: "[concat(parameters('vmName'), '-nic')]",
    },
    resources: [
      virtualNetworkResource(),
      {
        type: "Microsoft.Network/networkInterfaces",
        apiVersion: NETWORK_API_VERSION,
        name: "[variables('nicName')]",
        location: "[parameters('location')]",
        dependsOn: [VNET_ID],
        properties: {
          ipConfigurations: [
            {
              name: "ipconfig1",
              properties: {
                privateIPAllocationMethod: "Dynamic",
                subnet: { id: SUBNET_ID },
              },
            },
          ],
        },
      },
      {
        type: "Microsoft.Compute/virtualMachines",
        apiVersion: VM_API_VERSION,
        name: "[parameters('vmName')]",
        location: "[parameters('location')]",
        dependsOn: [nicId],
        properties: {
          hardwareProfile: { vmSize: "[parameters('vmSize')]" },
          storageProfile: {
            imageReference: marketplaceImageOf(spec.imageId) ?? {
              [imageReferenceProperty(spec.imageId)]: "[variables('imageId')]",
            },
            osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS" } },
          },
          ...(needsAdminCredentials(spec) ? { osProfile: osProfile(spec) } : {}),
          ...(spec.securityType
            ? {
                securityProfile: {
                  securityType: spec.securityType,
                  uefiSettings: { secureBootEnabled: true, vTpmEnabled: true },
                },
              }
            : {}),
          networkProfile: { networkInterfaces: [{ id: nicId }] },
          ...(spec.galleryApplications?.length
            ? { applicationProfile: { galleryApplications: spec.galleryApplications as unknown as Json[] } }
            : {}),
        },
      },
    ],
  };
}

/**
 * Parameter values for validating the template: validation creates nothing, so the credentials are throwaway
 * values of the right shape, made fresh each time (never a fixed password).
 */
export function validationParameters(spec: DeploymentSpec, random: () => string): Record<string, { value: string }> {
  if (!needsAdminCredentials(spec)) return {};
  if (spec.osType === "Windows") return { adminPassword: { value: `Va1!${random()}` } };
  return { adminPublicKey: { value: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${random()} validation-only` } };
}

/** A template with its validation parameters, in the region and resource group the check runs in. */
export interface CheckedDeployment {
  location: string;
  resourceGroup: string;
  template: ArmTemplate;
  parameters: (random: () => string) => Record<string, { value: string }>;
}

export function checkedDeployment(spec: DeploymentSpec): CheckedDeployment {
  return {
    location: spec.location,
    resourceGroup: spec.resourceGroup,
    template: armTemplate(spec),
    parameters: (random) => validationParameters(spec, random),
  };
}
