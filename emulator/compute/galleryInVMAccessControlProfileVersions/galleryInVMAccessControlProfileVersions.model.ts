import { targetRegionsView } from "../shared/replication.js";
import {
  makeInVMAccessControlProfileVersionPropertiesSchema,
  validateProfileVersionRegions,
  type InVMAccessControlProfileVersionProperties,
} from "../../../lib/gallery/inVMAccessControl.js";
import { definedEntries } from "../galleries/galleries.model.js";
import {
  inVMAccessControlProfiles,
  type ProfileRef,
} from "../galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { parseProperties, trackedEnvelope } from "../shared/body.js";
import { replicationStatusOf, type ArtifactRecord } from "../shared/galleryArtifacts.js";
import { galleryChildVersionModel } from "../shared/galleryChildren.js";
import { GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE } from "../shared/names.js";
import { provisioningStateOf } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/inVMAccessControlProfiles/versions: the model (rules, replication, view). */

export interface ProfileVersionRef extends ProfileRef {
  version: string;
}

interface StoredProfileVersion extends InVMAccessControlProfileVersionProperties {
  publishedDate: string;
}

/**
 * The version's ARM JSON at `now`. The SDK offers no `$expand` for these versions, so `replicationStatus` (read-only in
 * GalleryResourceProfileVersionPropertiesBase) is always returned.
 */
export function profileVersionView(record: ArtifactRecord, now: number) {
  const { targetLocations, excludeFromLatest, publishedDate, mode, defaultAccess, rules } = record.body
    .properties as unknown as StoredProfileVersion;
  return {
    ...trackedEnvelope(record.body, GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE),
    properties: {
      targetLocations: targetRegionsView(record.body.location, { targetRegions: targetLocations }),
      excludeFromLatest: excludeFromLatest ?? false,
      publishedDate,
      mode,
      defaultAccess,
      ...(rules !== undefined ? { rules } : {}),
      provisioningState: provisioningStateOf(record.state.operation, now),
      replicationStatus: replicationStatusOf(record, now),
    },
  };
}

export const profileVersions = galleryChildVersionModel<ProfileVersionRef>({
  type: GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  kind: "in-VM access control profile version",
  parentSegment: "inVMAccessControlProfiles",
  parentNameOf: (ref) => ref.profile,
  parent: (ctx, ref) => inVMAccessControlProfiles.get(ctx, ref),
  parse(_ctx, raw) {
    const properties = parseProperties(makeInVMAccessControlProfileVersionPropertiesSchema(), raw, "properties");
    // Target locations follow the image version's region rules.
    return {
      properties: properties as unknown as Record<string, unknown>,
      targetRegions: properties.targetLocations ?? [],
      regionRules: (context) => validateProfileVersionRegions(properties, context),
    };
  },
  // The sent properties over the stored ones; rules replace the stored rules whole.
  merge(stored, sent) {
    const { publishedDate: _published, ...kept } = stored as unknown as StoredProfileVersion;
    return { ...kept, ...definedEntries(sent) };
  },
});
