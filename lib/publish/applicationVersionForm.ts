import type { GalleryApplicationVersion } from "@azure/arm-compute";
import { z } from "zod";
import {
  checkApplicationVersionUpdate,
  galleryApplicationVersionPropertiesShape,
  validateApplicationVersionRules,
  type GalleryApplicationVersionProperties,
} from "@/lib/gallery/galleryApplicationVersion";
import { checkImageVersionName, parseVersionName } from "@/lib/gallery/names";
import {
  addSharedIssues,
  customActionRowsOf,
  customActionsBody,
  type CustomActionRow,
} from "@/lib/publish/applicationForm";
import { addViolation } from "@/lib/publish/fieldErrors";
import { ruleString, tagRowsOf, tagRowsSchema, withoutBlanks, type TagRow } from "@/lib/publish/formRules";
import { edgeZoneRowOf, edgeZonesBody, type EdgeZoneRow, type TargetRegionRow } from "@/lib/publish/imageVersionForm";

/** The publish form of gallery application versions: every property of GalleryApplicationVersionPublishingProfile. */

export interface ApplicationVersionPropertiesValues {
  publishingProfile: {
    source: { mediaLink: string; defaultConfigurationLink: string };
    manageActions: { install: string; remove: string; update: string };
    settings: { packageFileName: string; configFileName: string; scriptBehaviorAfterReboot: string };
    advancedSettings: TagRow[];
    enableHealthCheck: boolean;
    customActions: CustomActionRow[];
    targetRegions: TargetRegionRow[];
    targetExtendedLocations: EdgeZoneRow[];
    replicaCount?: number;
    storageAccountType: string;
    replicationMode: string;
    excludeFromLatest: boolean;
    endOfLifeDate: string;
  };
  safetyProfile: { allowDeletionOfReplicatedLocations: boolean };
}

export interface ApplicationVersionValues {
  name: string;
  properties: ApplicationVersionPropertiesValues;
  tags: TagRow[];
}

/**
 * The fields the form requires before the service's rules can be checked, with fresh paths on every call: zod's
 * interpreted parsers (the browser's, see lib/security/zodWithoutEval.ts) prefix an issue's path in place, so a
 * path shared between parses would come back as `properties.publishingProfile…` and point at nothing.
 */
function missingFieldIssues(profile: ApplicationVersionPropertiesValues["publishingProfile"]) {
  const required = [
    [profile.source.mediaLink, ["source", "mediaLink"], "Choose or enter the package's blob."],
    [profile.manageActions.install, ["manageActions", "install"], "Enter the install command."],
    [profile.manageActions.remove, ["manageActions", "remove"], "Enter the remove command."],
  ] as const;
  return required
    .filter(([value]) => value.trim() === "")
    .map(([, path, message]) => ({ path: ["publishingProfile", ...path], message }));
}

/** The PUT body's `properties`: blanks left out; target regions keep their index so the service's targets match rows. */
export function applicationVersionPropertiesBody(values: ApplicationVersionPropertiesValues): Record<string, unknown> {
  const {
    source,
    manageActions,
    settings,
    advancedSettings,
    customActions,
    targetRegions,
    targetExtendedLocations,
    ...rest
  } = values.publishingProfile;
  const advanced = Object.fromEntries(
    advancedSettings.filter((row) => row.key.trim() !== "").map((row) => [row.key.trim(), row.value]),
  );
  return {
    publishingProfile: {
      ...((withoutBlanks(rest) as object | undefined) ?? {}),
      source: {
        mediaLink: source.mediaLink.trim(),
        ...(source.defaultConfigurationLink.trim()
          ? { defaultConfigurationLink: source.defaultConfigurationLink.trim() }
          : {}),
      },
      manageActions: {
        install: manageActions.install,
        remove: manageActions.remove,
        ...(manageActions.update ? { update: manageActions.update } : {}),
      },
      ...(withoutBlanks(settings) ? { settings: withoutBlanks(settings) } : {}),
      ...(Object.keys(advanced).length > 0 ? { advancedSettings: advanced } : {}),
      customActions: customActionsBody(customActions),
      targetRegions: targetRegions.map((region) => withoutBlanks(region) ?? {}),
      ...edgeZonesBody(targetExtendedLocations),
    },
    ...(values.safetyProfile.allowDeletionOfReplicatedLocations
      ? { safetyProfile: { allowDeletionOfReplicatedLocations: true } }
      : {}),
  };
}

export interface ApplicationVersionFormContext {
  /** The version's location: its gallery's region, always one of its target regions. */
  location: string;
  now: () => Date;
  /** Create: the versions already in the application. Update: undefined (the name is fixed). */
  existingVersionNames?: readonly string[];
  /** Update: the regions that hold replicas now (display or short names). */
  replicatedRegions?: readonly string[];
  /** Update: the stored end-of-life date as the form shows it (yyyy-MM-dd); unchanged, it need not lie ahead. */
  storedEndOfLife?: string;
}

export function makeApplicationVersionSchema(context: ApplicationVersionFormContext) {
  const creating = context.existingVersionNames !== undefined;
  return z.object({
    name: creating
      ? ruleString(checkImageVersionName, "Enter a version number (Major.Minor.Patch).").superRefine((name, zod) => {
          if (parseVersionName(name) && context.existingVersionNames!.includes(name))
            zod.addIssue({
              code: "custom",
              message: `Version ${name} already exists in this application; a PUT would replace it. Choose a new version number.`,
            });
        })
      : z.string(),
    properties: z
      .custom<ApplicationVersionPropertiesValues>((value) => typeof value === "object" && value !== null)
      .transform((values, zod): GalleryApplicationVersionProperties => {
        const body = applicationVersionPropertiesBody(values);
        const missing = missingFieldIssues(values.publishingProfile);
        for (const { path, message } of missing) zod.addIssue({ code: "custom", message, path });
        const parsed = galleryApplicationVersionPropertiesShape.safeParse(body);
        if (!parsed.success) {
          const known = new Set(missing.map(({ path }) => path.join(".")));
          addSharedIssues(
            zod,
            parsed.error.issues.filter((issue) => !known.has(issue.path.join("."))),
            [],
          );
          return z.NEVER;
        }
        if (missing.length > 0) return z.NEVER;
        const unchangedEndOfLife =
          context.storedEndOfLife !== undefined && values.publishingProfile.endOfLifeDate === context.storedEndOfLife;
        const violations = validateApplicationVersionRules(parsed.data, {
          location: context.location,
          now: unchangedEndOfLife ? new Date(0) : context.now(),
        });
        for (const violation of violations) addViolation(zod, violation);
        const removal = context.replicatedRegions
          ? checkApplicationVersionUpdate(context.replicatedRegions, parsed.data, context.location)
          : undefined;
        if (removal)
          zod.addIssue({
            code: "custom",
            message: removal.message,
            path: ["safetyProfile", "allowDeletionOfReplicatedLocations"],
          });
        return violations.length > 0 || removal ? z.NEVER : parsed.data;
      }),
    tags: tagRowsSchema,
  });
}

export type ApplicationVersionOutput = z.output<ReturnType<typeof makeApplicationVersionSchema>>;

const dateInput = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

/** The form's values for a stored version (the edit form), or a new one in `location` (the create form). */
export function applicationVersionValuesOf(
  version: GalleryApplicationVersion | undefined,
  location: string,
  name = "",
): ApplicationVersionValues {
  const profile = version?.publishingProfile;
  return {
    name: version?.name ?? name,
    properties: {
      publishingProfile: {
        source: {
          mediaLink: profile?.source.mediaLink ?? "",
          defaultConfigurationLink: profile?.source.defaultConfigurationLink ?? "",
        },
        manageActions: {
          install: profile?.manageActions?.install ?? "",
          remove: profile?.manageActions?.remove ?? "",
          update: profile?.manageActions?.update ?? "",
        },
        settings: {
          packageFileName: profile?.settings?.packageFileName ?? "",
          configFileName: profile?.settings?.configFileName ?? "",
          scriptBehaviorAfterReboot: profile?.settings?.scriptBehaviorAfterReboot ?? "",
        },
        advancedSettings: tagRowsOf(profile?.advancedSettings),
        enableHealthCheck: profile?.enableHealthCheck ?? false,
        customActions: customActionRowsOf(profile?.customActions),
        targetRegions: (profile?.targetRegions?.length ? profile.targetRegions : [{ name: location }]).map(
          (region) => ({
            name: region.name,
            regionalReplicaCount: region.regionalReplicaCount ?? Number.NaN,
            storageAccountType: region.storageAccountType ?? "",
            excludeFromLatest: region.excludeFromLatest ?? false,
          }),
        ),
        targetExtendedLocations: (profile?.targetExtendedLocations ?? []).map(edgeZoneRowOf),
        replicaCount: profile?.replicaCount ?? Number.NaN,
        storageAccountType: version ? (profile?.storageAccountType ?? "") : "",
        replicationMode: profile?.replicationMode ?? "",
        excludeFromLatest: profile?.excludeFromLatest ?? false,
        endOfLifeDate: dateInput(profile?.endOfLifeDate),
      },
      safetyProfile: {
        allowDeletionOfReplicatedLocations: version?.safetyProfile?.allowDeletionOfReplicatedLocations ?? false,
      },
    },
    tags: tagRowsOf(version?.tags),
  };
}
