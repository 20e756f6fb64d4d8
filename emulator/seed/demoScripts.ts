import { createGallery } from "../compute/galleries/galleries.model.js";
import { inVMAccessControlProfiles } from "../compute/galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { profileVersions } from "../compute/galleryInVMAccessControlProfileVersions/galleryInVMAccessControlProfileVersions.model.js";
import { galleryScripts } from "../compute/galleryScripts/galleryScripts.model.js";
import { galleryScriptVersions } from "../compute/galleryScriptVersions/galleryScriptVersions.model.js";
import type { EmulatorContext } from "../context.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";

/**
 * The demo's gallery scripts and in-VM access control profiles, in a gallery of their own so that the image
 * galleries (and what the e2e specs expect of them) stay as they are: a Windows script with a replicated version,
 * and a WireServer profile whose version audits the guest agent's access.
 */

export const DEMO_AUTOMATION_GALLERY = "contoso_automation";

const REF = {
  subscriptionId: demoSubscriptionId("contosoDevelopment"),
  resourceGroup: "rg-images-dev",
  gallery: DEMO_AUTOMATION_GALLERY,
};

export function seedDemoScriptsAndProfiles(ctx: EmulatorContext, seededAt: number): void {
  const created = asOf(ctx, seededAt - 30 * DAY_MS);
  createGallery(created, {
    ...REF,
    location: "westus2",
    description: "Scripts and in-VM access control profiles shared by the platform team.",
  });
  galleryScripts.create(created, {
    ...REF,
    script: "join-domain",
    properties: {
      description: "Joins a Windows VM to the corp.contoso.com domain.",
      eula: "Internal use only.",
      supportedOSType: "Windows",
    },
  });
  galleryScriptVersions.create(asOf(ctx, seededAt - 10 * DAY_MS), {
    ...REF,
    script: "join-domain",
    version: "1.0.0",
    startedAt: seededAt - 10 * DAY_MS,
    properties: {
      publishingProfile: {
        source: {
          scriptLink: "https://contososcripts.blob.core.windows.net/scripts/join-domain.ps1",
          parameters: [
            { name: "domain", required: true, type: "String", defaultValue: "corp.contoso.com" },
            { name: "retries", type: "Int", defaultValue: "3", minValue: "1", maxValue: "10" },
            { name: "ouPath", type: "Enum", defaultValue: "Servers", enumValues: ["Servers", "Workstations"] },
          ],
        },
        targetRegions: [{ name: "westus2" }, { name: "eastus", regionalReplicaCount: 2 }],
      },
    },
  });
  inVMAccessControlProfiles.create(created, {
    ...REF,
    profile: "wireserver-agents",
    properties: {
      osType: "Windows",
      applicableHostEndpoint: "WireServer",
      description: "Only the guest agent may reach WireServer.",
    },
  });
  profileVersions.create(asOf(ctx, seededAt - 5 * DAY_MS), {
    ...REF,
    profile: "wireserver-agents",
    version: "1.0.0",
    startedAt: seededAt - 5 * DAY_MS,
    properties: {
      mode: "Audit",
      defaultAccess: "Deny",
      rules: {
        privileges: [{ name: "GoalState", path: "/machine", queryParameters: { comp: "goalstate" } }],
        roles: [{ name: "Provisioning", privileges: ["GoalState"] }],
        identities: [{ name: "GuestAgent", userName: "SYSTEM", processName: "WindowsAzureGuestAgent.exe" }],
        roleAssignments: [{ role: "Provisioning", identities: ["GuestAgent"] }],
      },
      targetLocations: [{ name: "westus2" }],
    },
  });
}
