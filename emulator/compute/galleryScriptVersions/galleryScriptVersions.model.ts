import { targetExtendedLocationView, targetRegionsView } from "../shared/replication.js";
import {
  makeGalleryScriptVersionPropertiesSchema,
  scriptLinkWithoutSas,
  validateScriptVersionRegions,
  type GalleryScriptVersionProperties,
} from "../../../lib/gallery/galleryScript.js";
import { profileReplication } from "../../../lib/gallery/replication.js";
import { galleryScripts, type GalleryScriptRef } from "../galleryScripts/galleryScripts.model.js";
import { parseProperties, trackedEnvelope } from "../shared/body.js";
import { sameInstant } from "../shared/dates.js";
import { replicationStatusOf, type ArtifactRecord } from "../shared/galleryArtifacts.js";
import { galleryChildVersionModel } from "../shared/galleryChildren.js";
import { definedEntries } from "../galleries/galleries.model.js";
import { GALLERY_SCRIPT_VERSION_TYPE } from "../shared/names.js";
import { provisioningStateOf } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/scripts/versions: the model (validation, replication, view). */

export interface GalleryScriptVersionRef extends GalleryScriptRef {
  version: string;
}

interface StoredScriptVersion extends GalleryScriptVersionProperties {
  publishedDate: string;
}

/** The version's ARM JSON at `now`, with Compute's defaults; `replicationStatus` with `$expand=ReplicationStatus`. */
export function galleryScriptVersionView(record: ArtifactRecord, now: number, expandReplication = false) {
  const { publishingProfile, safetyProfile, publishedDate } = record.body.properties as unknown as StoredScriptVersion;
  const { replicaCount } = profileReplication(publishingProfile);
  return {
    ...trackedEnvelope(record.body, GALLERY_SCRIPT_VERSION_TYPE),
    properties: {
      publishingProfile: {
        source: { ...publishingProfile.source, scriptLink: scriptLinkWithoutSas(publishingProfile.source.scriptLink) },
        targetRegions: targetRegionsView(record.body.location, publishingProfile),
        replicaCount,
        excludeFromLatest: publishingProfile.excludeFromLatest ?? false,
        publishedDate,
        ...(publishingProfile.endOfLifeDate !== undefined ? { endOfLifeDate: publishingProfile.endOfLifeDate } : {}),
        ...(publishingProfile.storageAccountStrategy === undefined
          ? { storageAccountType: publishingProfile.storageAccountType ?? "Standard_LRS" }
          : {}),
        ...(publishingProfile.replicationMode !== undefined
          ? { replicationMode: publishingProfile.replicationMode }
          : {}),
        ...(publishingProfile.storageAccountStrategy !== undefined
          ? { storageAccountStrategy: publishingProfile.storageAccountStrategy }
          : {}),
        ...(publishingProfile.targetExtendedLocations !== undefined
          ? { targetExtendedLocations: publishingProfile.targetExtendedLocations.map(targetExtendedLocationView) }
          : {}),
      },
      safetyProfile: { allowDeletionOfReplicatedLocations: safetyProfile?.allowDeletionOfReplicatedLocations ?? false },
      provisioningState: provisioningStateOf(record.state.operation, now),
      ...(expandReplication ? { replicationStatus: replicationStatusOf(record, now) } : {}),
    },
  };
}

export const galleryScriptVersions = galleryChildVersionModel<GalleryScriptVersionRef>({
  type: GALLERY_SCRIPT_VERSION_TYPE,
  kind: "gallery script version",
  parentSegment: "scripts",
  parentNameOf: (ref) => ref.script,
  parent: (ctx, ref) => galleryScripts.get(ctx, ref),
  parse(ctx, raw, existing) {
    const stored = existing?.body.properties as unknown as StoredScriptVersion | undefined;
    const sentEndOfLife = (raw as { publishingProfile?: { endOfLifeDate?: unknown } } | undefined)?.publishingProfile
      ?.endOfLifeDate;
    const keeps = stored !== undefined && sameInstant(sentEndOfLife, stored.publishingProfile.endOfLifeDate);
    const now = ctx.clock.now();
    const properties = parseProperties(
      makeGalleryScriptVersionPropertiesSchema(() => new Date(keeps ? 0 : now)),
      raw,
      "properties",
    );
    return {
      properties: properties as unknown as Record<string, unknown>,
      targetRegions: properties.publishingProfile.targetRegions ?? [],
      regionRules: (context) => validateScriptVersionRegions(properties.publishingProfile, context),
    };
  },
  // The sent profiles merged over the stored ones.
  merge(stored, sent) {
    const { publishingProfile, safetyProfile } = stored as unknown as StoredScriptVersion;
    const patch = sent as Partial<Record<"publishingProfile" | "safetyProfile", Record<string, unknown>>>;
    return {
      publishingProfile: { ...publishingProfile, ...definedEntries(patch.publishingProfile ?? {}) },
      safetyProfile: { ...safetyProfile, ...definedEntries(patch.safetyProfile ?? {}) },
    };
  },
});
