import { createGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryApplication } from "../compute/galleryApplications/galleryApplications.model.js";
import { createGalleryApplicationVersion } from "../compute/galleryApplicationVersions/galleryApplicationVersions.model.js";
import type { EmulatorContext } from "../context.js";
import { asOf, DAY_MS } from "./demoCatalogue.js";
import { demoSubscriptionId } from "./demoData.js";
import { seedDemoResourceGroup } from "./demoDirectory.js";

/**
 * VM Applications for the demo: a gallery of its own (contoso_vm_apps in rg-vm-apps, Contoso Production), so the
 * image catalogue and what the e2e specs read of it stay as they are. A Windows and a Linux application, several
 * versions each; the newest Windows version is still replicating at seeding (twenty replicas in North Europe take
 * about twelve emulated minutes).
 */

const SUBSCRIPTION = "contosoProduction" as const;
export const DEMO_APPLICATIONS_RESOURCE_GROUP = "rg-vm-apps";
export const DEMO_APPLICATIONS_GALLERY = "contoso_vm_apps";
const LOCATION = "eastus";
const PACKAGES = "https://contosoapps.blob.core.windows.net/packages";

interface DemoApplicationVersion {
  name: string;
  publishedDaysAgo: number;
  regions: { name: string; regionalReplicaCount?: number }[];
  excludeFromLatest?: boolean;
}

interface DemoApplication {
  name: string;
  properties: Record<string, unknown>;
  packageFileName: string;
  install: string;
  remove: string;
  update?: string;
  versions: DemoApplicationVersion[];
}

const APPLICATIONS: DemoApplication[] = [
  {
    name: "monitoring-agent",
    properties: {
      supportedOSType: "Windows",
      description: "Contoso's monitoring agent for Windows Server.",
      eula: "Internal use only.",
      privacyStatementUri: "https://contoso.example/privacy",
      releaseNoteUri: "https://contoso.example/monitoring-agent/notes",
      customActions: [
        {
          name: "collect-logs",
          script: "powershell -File collect.ps1 -Output $logs",
          description: "Uploads the agent's logs.",
          parameters: [{ name: "logs", required: true, type: "LogOutputBlob", description: "Where the logs go." }],
        },
      ],
    },
    packageFileName: "monitoring-agent.msi",
    install: "msiexec /i monitoring-agent.msi /qn",
    remove: "msiexec /x monitoring-agent.msi /qn",
    versions: [
      { name: "1.0.0", publishedDaysAgo: 60, regions: [{ name: "eastus" }, { name: "westus2" }] },
      { name: "1.1.0", publishedDaysAgo: 20, regions: [{ name: "eastus" }, { name: "westus2" }] },
      {
        name: "1.2.0",
        publishedDaysAgo: 0,
        regions: [{ name: "eastus" }, { name: "northeurope", regionalReplicaCount: 20 }],
      },
    ],
  },
  {
    name: "log-shipper",
    properties: {
      supportedOSType: "Linux",
      description: "Ships system logs to the central workspace.",
    },
    packageFileName: "log-shipper.tar.gz",
    install: "tar -xzf log-shipper.tar.gz && ./log-shipper/install.sh",
    remove: "./log-shipper/uninstall.sh",
    update: "./log-shipper/upgrade.sh",
    versions: [
      { name: "2.0.0", publishedDaysAgo: 45, regions: [{ name: "eastus" }] },
      { name: "2.1.0", publishedDaysAgo: 10, regions: [{ name: "eastus" }, { name: "westeurope" }] },
      { name: "2.2.0", publishedDaysAgo: 2, regions: [{ name: "eastus" }], excludeFromLatest: true },
    ],
  },
];

/** The package each demo version points at; demoApplicationBlobs.ts registers them in the blob registry. */
export const DEMO_APPLICATION_PACKAGES: readonly string[] = APPLICATIONS.flatMap((app) =>
  app.versions.map((version) => packageLink(app, version)),
);

function packageLink(app: DemoApplication, version: DemoApplicationVersion): string {
  return `${PACKAGES}/${app.name}/${version.name}/${app.packageFileName}`;
}

export function seedDemoApplications(ctx: EmulatorContext, seededAt: number): void {
  const subscriptionId = demoSubscriptionId(SUBSCRIPTION);
  const ref = { subscriptionId, resourceGroup: DEMO_APPLICATIONS_RESOURCE_GROUP, gallery: DEMO_APPLICATIONS_GALLERY };
  seedDemoResourceGroup(ctx, {
    subscription: SUBSCRIPTION,
    name: DEMO_APPLICATIONS_RESOURCE_GROUP,
    location: LOCATION,
  });
  const createdAt = seededAt - 90 * DAY_MS;
  createGallery(asOf(ctx, createdAt), {
    ...ref,
    location: LOCATION,
    description: "VM Applications for Contoso's fleet.",
  });
  for (const app of APPLICATIONS) {
    createGalleryApplication(asOf(ctx, createdAt), { ...ref, application: app.name, properties: app.properties });
    for (const version of app.versions) {
      const startedAt = seededAt - version.publishedDaysAgo * DAY_MS;
      createGalleryApplicationVersion(asOf(ctx, startedAt), {
        ...ref,
        application: app.name,
        version: version.name,
        startedAt,
        properties: {
          publishingProfile: {
            source: { mediaLink: packageLink(app, version) },
            manageActions: { install: app.install, remove: app.remove, ...(app.update ? { update: app.update } : {}) },
            settings: { packageFileName: app.packageFileName, scriptBehaviorAfterReboot: "None" },
            targetRegions: version.regions,
            ...(version.excludeFromLatest ? { excludeFromLatest: true } : {}),
          },
        },
      });
    }
  }
}
