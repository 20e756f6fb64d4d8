import { parseResourceId } from "../../../lib/azure/resourceId.js";
import { normalizeLocation } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import type { GalleryImageBody } from "../galleryImages/galleryImages.model.js";
import type { GalleryImageVersionBody, GalleryImageVersionState } from "./galleryImageVersions.model.js";
import { regionStatusAt } from "../shared/replication.js";
import { resolveComputeSource } from "../sources/versionSources.js";
import type { VersionSource } from "./versionSource.js";

/**
 * Another gallery image version as a source. It can be used in any region where its replication has completed,
 * so its location is the requested one when a replica is there, and its own region otherwise.
 */
function resolveGalleryImageVersion(
  ctx: EmulatorContext,
  id: string,
  wantedLocation: string,
): VersionSource | undefined {
  const parsed = parseResourceId(id);
  if (parsed?.kind !== "galleryImageVersion") return undefined;
  const record = ctx.resources.get<GalleryImageVersionBody, GalleryImageVersionState>(parsed.id);
  if (!record?.parentKey) return undefined;
  const definition = ctx.resources.get<GalleryImageBody>(record.parentKey);
  if (!definition) return undefined;
  const now = ctx.clock.now();
  const replicatedHere = record.state.replication.some(
    (plan) =>
      normalizeLocation(plan.region) === normalizeLocation(wantedLocation) &&
      regionStatusAt(plan, now).state === "Completed",
  );
  const { osType, osState, hyperVGeneration, architecture } = definition.body.properties;
  const storage = record.body.properties.storageProfile;
  return {
    id: record.id,
    kind: "galleryImageVersion",
    location: replicatedHere ? wantedLocation : (record.location ?? ""),
    osType,
    osState,
    hyperVGeneration,
    architecture,
    osDiskSizeGB: storage.osDiskImage.sizeInGB,
    dataDisks: storage.dataDiskImages.map((disk) => ({ lun: disk.lun, sizeGB: disk.sizeInGB })),
  };
}

/** Any source of an image version: gallery image versions here, managed images, VMs, disks and snapshots from sources/versionSources.ts. */
export function resolveVersionSource(
  ctx: EmulatorContext,
  id: string,
  versionLocation: string,
): VersionSource | undefined {
  return parseResourceId(id)?.kind === "galleryImageVersion"
    ? resolveGalleryImageVersion(ctx, id, versionLocation)
    : resolveComputeSource(ctx, id);
}
