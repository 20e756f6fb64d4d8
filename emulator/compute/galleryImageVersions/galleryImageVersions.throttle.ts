import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { GALLERY_IMAGE_VERSION_TYPE } from "../shared/names.js";
import { isInFlight } from "../shared/provisioning.js";
import type {
  GalleryImageVersionBody,
  GalleryImageVersionState,
  StoredStorageProfile,
} from "./galleryImageVersions.model.js";

/**
 * Compute throttles a source that many new versions are still copying: past this many creations replicating
 * at once from one source, another is refused with 429 until one of them finishes.
 */
export const MAX_REPLICATING_VERSIONS_PER_SOURCE = 5;

/** The one source a stored version was made from (a managed image, VM, version, or its OS disk's source). */
export function sourceIdOf(storage: StoredStorageProfile): string | undefined {
  return storage.source?.id ?? storage.source?.virtualMachineId ?? storage.osDiskImage.source?.id;
}

export function checkSourceThrottle(ctx: EmulatorContext, storage: StoredStorageProfile): void {
  const sourceId = sourceIdOf(storage);
  if (!sourceId) return;
  const now = ctx.clock.now();
  const replicating = ctx.resources
    .allOfType<GalleryImageVersionBody, GalleryImageVersionState>(GALLERY_IMAGE_VERSION_TYPE)
    .filter((version) => {
      const operation = version.state.operation;
      return (
        operation?.kind === "Create" &&
        isInFlight(operation, now) &&
        sourceIdOf(version.body.properties.storageProfile)?.toLowerCase() === sourceId.toLowerCase()
      );
    });
  if (replicating.length < MAX_REPLICATING_VERSIONS_PER_SOURCE) return;
  const firstDone = Math.min(...replicating.map((version) => version.state.operation!.endsAt));
  throw ArmErrors.tooManyRequestsOnSource(sourceId, Math.max(1, Math.ceil((firstDone - now) / 1000)));
}
