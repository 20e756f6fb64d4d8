import { galleryView } from "../compute/galleries/galleries.model.js";
import { galleryImageView } from "../compute/galleryImages/galleryImages.model.js";
import {
  type GalleryImageVersionRecord,
  galleryImageVersionView,
} from "../compute/galleryImageVersions/galleryImageVersions.model.js";
import {
  GALLERY_APPLICATION_TYPE,
  GALLERY_APPLICATION_VERSION_TYPE,
  GALLERY_IMAGE_TYPE,
  GALLERY_IMAGE_VERSION_TYPE,
  GALLERY_TYPE,
} from "../compute/shared/names.js";
import { galleryApplicationView } from "../compute/galleryApplications/galleryApplications.model.js";
import { galleryApplicationVersionView } from "../compute/galleryApplicationVersions/galleryApplicationVersions.model.js";
import { provisioningStateOf, type TrackedOperation } from "../compute/shared/provisioning.js";
import { galleryScripts } from "../compute/galleryScripts/galleryScripts.model.js";
import { galleryScriptVersionView } from "../compute/galleryScriptVersions/galleryScriptVersions.model.js";
import { inVMAccessControlProfiles } from "../compute/galleryInVMAccessControlProfiles/galleryInVMAccessControlProfiles.model.js";
import { profileVersionView } from "../compute/galleryInVMAccessControlProfileVersions/galleryInVMAccessControlProfileVersions.model.js";
import type { ArtifactRecord } from "../compute/shared/galleryArtifacts.js";
import {
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE,
  GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE,
  GALLERY_SCRIPT_TYPE,
  GALLERY_SCRIPT_VERSION_TYPE,
} from "../compute/shared/names.js";
import { type ArmResourceBody, isOfType, type ResourceRecord } from "../store/resources.js";

/** A resource as its own GET shows it; Resource Graph rows carry the same properties. */
export type ArmView = Partial<ArmResourceBody> & { properties?: Record<string, unknown> };

type View = (record: ResourceRecord, now: number) => ArmView;

/** A provider's own view for records of its type (others take the stored view). */
function viewOf<B extends ArmResourceBody, S>(
  type: string,
  view: (record: ResourceRecord<B, S>, now: number) => ArmView,
): [string, View] {
  return [type.toLowerCase(), (r, now) => (isOfType<B, S>(r, type) ? view(r, now) : storedView(r, now))];
}

// The resource providers' own views, by lower-cased type, so a row's properties match the resource's GET.
const VIEWS = new Map<string, View>([
  viewOf(GALLERY_TYPE, galleryView),
  viewOf(GALLERY_IMAGE_TYPE, galleryImageView),
  viewOf(GALLERY_IMAGE_VERSION_TYPE, (r: GalleryImageVersionRecord, now) => galleryImageVersionView(r, now)),
  viewOf(GALLERY_SCRIPT_TYPE, (r: ArtifactRecord, now) => galleryScripts.view(r, now)),
  viewOf(GALLERY_SCRIPT_VERSION_TYPE, (r: ArtifactRecord, now) => galleryScriptVersionView(r, now)),
  viewOf(GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_TYPE, (r: ArtifactRecord, now) => inVMAccessControlProfiles.view(r, now)),
  viewOf(GALLERY_IN_VM_ACCESS_CONTROL_PROFILE_VERSION_TYPE, (r: ArtifactRecord, now) => profileVersionView(r, now)),
  viewOf(GALLERY_APPLICATION_TYPE, galleryApplicationView),
  viewOf(GALLERY_APPLICATION_VERSION_TYPE, galleryApplicationVersionView),
]);

/**
 * Types without a registered view: the stored body, with provisioningState derived from the resource's last
 * tracked operation as every Compute model derives it.
 */
function storedView(record: ResourceRecord, now: number): ArmView {
  const operation = (record.state as { operation?: TrackedOperation }).operation;
  const properties = (record.body.properties ?? {}) as Record<string, unknown>;
  const provisioningState = operation
    ? provisioningStateOf(operation, now)
    : (properties.provisioningState ?? "Succeeded");
  return { ...record.body, properties: { ...properties, provisioningState } };
}

export function armView(record: ResourceRecord, now: number): ArmView {
  return (VIEWS.get(record.type.toLowerCase()) ?? storedView)(record, now);
}

/**
 * When the view of a record may next change by the clock alone: the earliest future timestamp in its state
 * (operation ends, replication milestones) or its deletion. State transitions are derived from stored
 * timestamps (see DESIGN.md), so no other input can change a view between writes.
 */
export function viewChangesAt(record: ResourceRecord, now: number): number {
  let next = record.goneAt !== undefined && record.goneAt > now ? record.goneAt : Infinity;
  const visit = (value: unknown) => {
    if (typeof value === "number") {
      if (value > now && value < next && value > EPOCH_MS_FLOOR) next = value;
    } else if (value && typeof value === "object") {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(record.state);
  return next;
}

// Numbers below this (year 2001 in epoch ms) are counts or sizes, not timestamps.
const EPOCH_MS_FLOOR = 1_000_000_000_000;
