import { z } from "zod";
import { customActionsSchema, checkCustomActions } from "./galleryApplication";
import {
  MAX_REPLICA_COUNT,
  MIN_REPLICA_COUNT,
  REPLICATION_MODES,
  STORAGE_ACCOUNT_TYPES,
  targetExtendedLocationSchema,
  underVersionFamily,
  validateVersionRegions,
} from "./galleryImageVersion";
import { azureDate, azureEnum, azureInt, requiredParameterMessage } from "./schemaParts";
import { normalizeLocation } from "./regions";
import { effectiveTargetRegions } from "./replication";
import type { RuleViolation } from "./violation";

/**
 * Gallery application versions (Microsoft.Compute/galleries/applications/versions): GalleryRP.json's
 * GalleryApplicationVersionPublishingProfile, UserArtifactSource, UserArtifactManage and UserArtifactSettings,
 * with the limits of the "VM Applications overview" docs.
 */

export const APPLICATION_VERSION_RESOURCE_TYPE = "Microsoft.Compute/galleries/applications/versions";
export const SCRIPT_BEHAVIORS_AFTER_REBOOT = ["None", "Rerun"] as const;
/** "VM Applications overview": the install, remove and update commands are at most 4096 characters each. */
export const MAX_MANAGE_ACTION_LENGTH = 4096;
/** UserArtifactSettings: packageFileName and configFileName are "limited to 4096 characters" (GalleryRP.json). */
export const MAX_SETTINGS_FILE_NAME_LENGTH = 4096;
export const MANAGE_ACTIONS = ["install", "remove", "update"] as const;
export type ManageAction = (typeof MANAGE_ACTIONS)[number];

const PROPERTIES = "galleryApplicationVersion.properties";
const PROFILE = `${PROPERTIES}.publishingProfile`;

const requiredString = (path: string) => z.string({ error: () => requiredParameterMessage(path) });

const replicaCount = (jsonPath: string, parameter: string) =>
  azureInt(jsonPath, { min: MIN_REPLICA_COUNT, max: MAX_REPLICA_COUNT, parameter });

function settingsFileName(name: "packageFileName" | "configFileName") {
  const path = `${PROFILE}.settings.${name}`;
  return z.string().refine((value) => value.length <= MAX_SETTINGS_FILE_NAME_LENGTH, {
    error: () => `The length of '${path}' must not exceed ${MAX_SETTINGS_FILE_NAME_LENGTH} characters.`,
  });
}

function manageAction(name: ManageAction) {
  const path = `${PROFILE}.manageActions.${name}`;
  return requiredString(path).refine((command) => command.length <= MAX_MANAGE_ACTION_LENGTH, {
    error: () => `The length of '${path}' must not exceed ${MAX_MANAGE_ACTION_LENGTH} characters.`,
  });
}

export const MEDIA_LINK_MESSAGE =
  "The mediaLink must be an https URI of a blob that the service can read: a public blob or one with a SAS token.";

/**
 * A package or configuration link: an absolute https URI. Azure downloads it (a SAS or a public blob), so a
 * relative path or another scheme can never work; whether the blob exists is not checked here.
 */
export function isArtifactLink(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && url.hostname.length > 0 && url.pathname.length > 1;
}

function artifactLink(path: string, required: boolean) {
  const base = required ? requiredString(path) : z.string();
  return base.refine(isArtifactLink, { error: () => invalidLinkMessage(path) });
}

function invalidLinkMessage(path: string): string {
  return `The value of parameter '${path}' is invalid. ${MEDIA_LINK_MESSAGE}`;
}

const targetRegionSchema = z.object({
  name: z.string({ error: () => "Required parameter 'targetRegions.name' is missing (null)." }),
  regionalReplicaCount: replicaCount(
    "properties.publishingProfile.targetRegions.regionalReplicaCount",
    `${PROFILE}.targetRegions.regionalReplicaCount`,
  ).optional(),
  storageAccountType: azureEnum(STORAGE_ACCOUNT_TYPES, `${PROFILE}.targetRegions.storageAccountType`).optional(),
  excludeFromLatest: z.boolean().optional(),
});

export const galleryApplicationVersionPropertiesShape = z.object({
  publishingProfile: z.object(
    {
      source: z.object(
        {
          mediaLink: artifactLink(`${PROFILE}.source.mediaLink`, true),
          defaultConfigurationLink: artifactLink(`${PROFILE}.source.defaultConfigurationLink`, false).optional(),
        },
        { error: () => requiredParameterMessage(`${PROFILE}.source`) },
      ),
      manageActions: z.object(
        {
          install: manageAction("install"),
          remove: manageAction("remove"),
          update: manageAction("update").optional(),
        },
        { error: () => requiredParameterMessage(`${PROFILE}.manageActions`) },
      ),
      settings: z
        .object({
          packageFileName: settingsFileName("packageFileName").optional(),
          configFileName: settingsFileName("configFileName").optional(),
          scriptBehaviorAfterReboot: azureEnum(
            SCRIPT_BEHAVIORS_AFTER_REBOOT,
            `${PROFILE}.settings.scriptBehaviorAfterReboot`,
          ).optional(),
        })
        .optional(),
      advancedSettings: z.record(z.string(), z.string()).optional(),
      enableHealthCheck: z.boolean().optional(),
      customActions: customActionsSchema(PROFILE).optional(),
      targetRegions: z.array(targetRegionSchema).optional(),
      replicaCount: replicaCount("properties.publishingProfile.replicaCount", `${PROFILE}.replicaCount`).optional(),
      storageAccountType: azureEnum(STORAGE_ACCOUNT_TYPES, `${PROFILE}.storageAccountType`).optional(),
      excludeFromLatest: z.boolean().optional(),
      endOfLifeDate: azureDate("properties.publishingProfile.endOfLifeDate").optional(),
      replicationMode: azureEnum(REPLICATION_MODES, `${PROFILE}.replicationMode`).optional(),
      targetExtendedLocations: z.array(targetExtendedLocationSchema).optional(),
    },
    { error: () => requiredParameterMessage(`${PROFILE}`) },
  ),
  safetyProfile: z.object({ allowDeletionOfReplicatedLocations: z.boolean().optional() }).optional(),
});

export type GalleryApplicationVersionProperties = z.output<typeof galleryApplicationVersionPropertiesShape>;
export type ApplicationPublishingProfile = GalleryApplicationVersionProperties["publishingProfile"];

/**
 * Image versions' target-region rules (known, distinct regions including the source one; ZRS where zoned; EOL
 * ahead) and edge-zone rules (known home regions, named zones, none twice).
 */
export function validateApplicationVersionRules(
  properties: GalleryApplicationVersionProperties,
  context: { location: string; now: Date },
): RuleViolation[] {
  const regionRules = validateVersionRegions(
    properties.publishingProfile,
    context,
    underVersionFamily("galleryApplicationVersion"),
  );
  const actions = checkCustomActions(properties.publishingProfile.customActions, PROFILE);
  return [...regionRules, ...(actions ? [actions] : [])];
}

/**
 * An update may not drop regions that hold replicas unless safetyProfile.allowDeletionOfReplicatedLocations is
 * true, as for image versions; `replicated` are the display names of those regions.
 */
export function checkApplicationVersionUpdate(
  replicated: readonly string[],
  incoming: GalleryApplicationVersionProperties,
  location: string,
): RuleViolation | undefined {
  const kept = new Set(
    effectiveTargetRegions({ location, publishingProfile: incoming.publishingProfile }).map((region) =>
      normalizeLocation(region.name),
    ),
  );
  const removed = replicated.filter((region) => !kept.has(normalizeLocation(region)));
  if (removed.length === 0 || incoming.safetyProfile?.allowDeletionOfReplicatedLocations === true) return undefined;
  return {
    status: 409,
    code: "OperationNotAllowed",
    message:
      `Removing replicated locations ${removed.map((region) => `'${region}'`).join(", ")} from a gallery application version is not allowed ` +
      "unless safetyProfile.allowDeletionOfReplicatedLocations is set to true.",
    target: `${PROFILE}.targetRegions`,
  };
}

/**
 * What the VM Application agent does with the package, per OS ("VM Applications overview"): it downloads the
 * package and the configuration into one directory, named after the application (or packageFileName /
 * configFileName), without their extensions; the commands run there, in cmd on Windows and in a shell on Linux.
 * The examples rename the download first, the step most first versions miss.
 */
export function manageActionHints(
  osType: string | undefined,
  names: { application: string; packageFileName?: string | undefined },
): Record<ManageAction, string> & { where: string } {
  const file = names.packageFileName || names.application;
  if (osType === "Linux") {
    return {
      where: `The package is downloaded as '${file}' and the commands run in a shell (bash) in its directory, as root.`,
      install: `e.g. mv ${file} ${file}.tar.gz && tar -xzf ${file}.tar.gz && ./install.sh`,
      remove: `e.g. ./uninstall.sh (or rm -rf /opt/${names.application})`,
      update: "e.g. ./upgrade.sh; when empty, the old version's remove then this version's install run instead.",
    };
  }
  return {
    where: `The package is downloaded as '${file}' and the commands run in cmd.exe in its directory, as SYSTEM.`,
    install: `e.g. move .\\${file} .\\${file}.msi & msiexec /i ${file}.msi /qn /l*v install.log`,
    remove: `e.g. msiexec /x ${file}.msi /qn`,
    update: `e.g. msiexec /i ${file}.msi /qn REINSTALL=ALL; when empty, the old version's remove then this version's install run instead.`,
  };
}
