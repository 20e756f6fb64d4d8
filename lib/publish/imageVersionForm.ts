import { z } from "zod";
import {
  makeGalleryImageVersionPropertiesSchema,
  removedTargetRegions,
  type GalleryImageVersionProperties,
} from "@/lib/gallery/galleryImageVersion";
import { checkGalleryQuota } from "@/lib/gallery/limits";
import { checkImageVersionName, parseVersionName } from "@/lib/gallery/names";
import { withoutBlanks, ruleString, tagRowsSchema, type TagRow } from "@/lib/publish/formRules";
import type { SourceCandidate } from "@/lib/queries/versionSources";

export interface TargetRegionRow {
  name: string;
  regionalReplicaCount?: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
}

export interface DataDiskRow {
  lun?: number;
  hostCaching: string;
  source: { id: string };
}

export interface PublishingProfileValues {
  targetRegions: TargetRegionRow[];
  replicaCount?: number;
  storageAccountType: string;
  /** PreferStandard_ZRS or DefaultStandard_LRS; "" leaves it to the api-version (create form only). */
  storageAccountStrategy?: string;
  excludeFromLatest: boolean;
  endOfLifeDate: string;
  replicationMode: string;
}

/** "source": an image, VM or other version as a whole; "disks": an OS disk (and data disks) from disks/snapshots. */
export type SourceMode = "source" | "disks";

export interface ImageVersionCreatePropertiesValues {
  sourceMode: SourceMode;
  publishingProfile: PublishingProfileValues;
  storageProfile: {
    source: { id: string };
    osDiskImage: { hostCaching: string; source: { id: string } };
    dataDiskImages: DataDiskRow[];
  };
  safetyProfile: { blockDeletionBeforeEndOfLife: boolean };
}

export interface ImageVersionCreateValues {
  name: string;
  properties: ImageVersionCreatePropertiesValues;
  tags: TagRow[];
}

function publishingProfileBody(profile: PublishingProfileValues) {
  const { targetRegions, ...rest } = profile;
  return {
    ...((withoutBlanks(rest) ?? {}) as object),
    // Rows stay at their index, so the service's `targetRegions[i]` targets land on the row the user sees.
    targetRegions: targetRegions.map((region) => withoutBlanks(region) ?? {}),
  };
}

/** The PUT body's `properties` for the form's values: only the source mode chosen is sent. */
export function imageVersionPropertiesBody(values: ImageVersionCreatePropertiesValues): Record<string, unknown> {
  const { publishingProfile, storageProfile, safetyProfile } = values;
  const hostCaching = storageProfile.osDiskImage.hostCaching || undefined;
  const storage =
    values.sourceMode === "source"
      ? {
          ...(storageProfile.source.id ? { source: { id: storageProfile.source.id.trim() } } : {}),
          ...(hostCaching ? { osDiskImage: { hostCaching } } : {}),
        }
      : {
          ...(storageProfile.osDiskImage.source.id || hostCaching
            ? {
                osDiskImage: {
                  ...(hostCaching ? { hostCaching } : {}),
                  ...(storageProfile.osDiskImage.source.id
                    ? { source: { id: storageProfile.osDiskImage.source.id.trim() } }
                    : {}),
                },
              }
            : {}),
          ...(storageProfile.dataDiskImages.length > 0
            ? { dataDiskImages: storageProfile.dataDiskImages.map((disk) => withoutBlanks(disk) ?? {}) }
            : {}),
        };
  return {
    publishingProfile: publishingProfileBody(publishingProfile),
    storageProfile: storage,
    ...(safetyProfile.blockDeletionBeforeEndOfLife ? { safetyProfile: { blockDeletionBeforeEndOfLife: true } } : {}),
  };
}

export interface ImageVersionCreateContext {
  /** The version's location: its gallery's region, which is also the source region. */
  location: string;
  now: () => Date;
  existingVersionNames: readonly string[];
  /** Versions already counted in the subscription and region (undefined while unknown). */
  versionsInRegion?: () => number | undefined;
  /** The candidate a source id names, when the picker knows it. */
  findSource?: (id: string) => SourceCandidate | undefined;
}

export function makeImageVersionCreateSchema(context: ImageVersionCreateContext) {
  const shared = makeGalleryImageVersionPropertiesSchema(() => ({ location: context.location, now: context.now() }));
  // Each field is judged on its own, so every broken rule shows at once rather than one field after another.
  return z.object({
    name: ruleString(checkImageVersionName, "Enter a version number (Major.Minor.Patch).").superRefine((name, zod) => {
      if (parseVersionName(name) && context.existingVersionNames.includes(name)) {
        zod.addIssue({
          code: "custom",
          message: `Version ${name} already exists in this image definition; a PUT would update it. Choose a new version number.`,
        });
      }
      const used = context.versionsInRegion?.();
      const quota = used === undefined ? undefined : checkGalleryQuota("imageVersions", used, context.location);
      if (quota) zod.addIssue({ code: "custom", message: quota.message });
    }),
    properties: z
      .custom<ImageVersionCreatePropertiesValues>((value) => typeof value === "object" && value !== null)
      .transform((values, zod) => {
        const parsed = shared.safeParse(imageVersionPropertiesBody(values));
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            zod.addIssue({ code: "custom", message: issue.message, path: issue.path as (string | number)[] });
          return z.NEVER;
        }
        const storage = parsed.data.storageProfile;
        const chosen = [
          { id: storage.source?.id, path: ["storageProfile", "source", "id"] },
          { id: storage.osDiskImage?.source?.id, path: ["storageProfile", "osDiskImage", "source", "id"] },
        ];
        for (const { id, path } of chosen) {
          const candidate = id ? context.findSource?.(id) : undefined;
          if (candidate && candidate.reasons.length > 0)
            zod.addIssue({ code: "custom", path, message: candidate.reasons.join(" ") });
        }
        return parsed.data;
      }),
    tags: tagRowsSchema,
  });
}

export type ImageVersionCreateOutput = z.output<ReturnType<typeof makeImageVersionCreateSchema>>;

export interface ImageVersionUpdateValues {
  properties: {
    publishingProfile: Omit<PublishingProfileValues, "replicationMode">;
  };
  /** Set by the explicit confirmation a removal of replicated regions needs. */
  confirmRemoval: boolean;
}

export interface ImageVersionUpdateContext {
  location: string;
  now: () => Date;
  stored: GalleryImageVersionProperties;
  /** The stored end-of-life date as the form shows it (yyyy-MM-dd): unchanged, it is not sent again. */
  storedEndOfLife: string;
}

/**
 * An update changes only the publishing profile (regions, replica counts, storage types, exclusion from latest,
 * end of life); the storage profile is fixed at creation. Removing a region that holds replicas needs the
 * confirmation, which sets safetyProfile.allowDeletionOfReplicatedLocations.
 */
export function makeImageVersionUpdateSchema(context: ImageVersionUpdateContext) {
  const shared = makeGalleryImageVersionPropertiesSchema(() => ({ location: context.location, now: context.now() }));
  return z
    .object({
      properties: z.custom<ImageVersionUpdateValues["properties"]>(
        (value) => typeof value === "object" && value !== null,
      ),
      confirmRemoval: z.boolean(),
    })
    .transform((values, zod) => {
      const profile = publishingProfileBody({ ...values.properties.publishingProfile, replicationMode: "" }) as Record<
        string,
        unknown
      >;
      if (values.properties.publishingProfile.endOfLifeDate === context.storedEndOfLife) delete profile.endOfLifeDate;
      const body = { publishingProfile: profile, storageProfile: context.stored.storageProfile };
      const parsed = shared.safeParse(body);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          zod.addIssue({
            code: "custom",
            message: issue.message,
            path: ["properties", ...issue.path] as (string | number)[],
          });
        return z.NEVER;
      }
      const removed = removedTargetRegions(context.stored, parsed.data, context.location);
      if (removed.length > 0 && !values.confirmRemoval) {
        zod.addIssue({
          code: "custom",
          path: ["confirmRemoval"],
          message: `Removing ${removed.join(", ")} deletes the replicas there. Confirm the removal to continue.`,
        });
        return z.NEVER;
      }
      return {
        publishingProfile: parsed.data.publishingProfile!,
        ...(removed.length > 0 ? { safetyProfile: { allowDeletionOfReplicatedLocations: true } } : {}),
        removedRegions: removed,
      };
    });
}

export type ImageVersionUpdateOutput = z.output<ReturnType<typeof makeImageVersionUpdateSchema>>;

/** The stored regions the form's rows leave out (display names), for the confirmation before submit. */
export function removedTargetRegionsOf(
  stored: GalleryImageVersionProperties,
  rows: readonly TargetRegionRow[],
  location: string,
): string[] {
  return removedTargetRegions(
    stored,
    { ...stored, publishingProfile: { targetRegions: rows.map((row) => ({ name: row.name })) } },
    location,
  );
}
