"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQueries } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { versionTrust, type VersionTrust } from "@/lib/gallery/trust";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

type Features = readonly { name?: string; value?: string; startsAtVersion?: string }[] | undefined;

/**
 * The trust signals of the given versions, by version name: each read with `$expand=ValidationProfile` (policy
 * reports come with it). A version whose read has not arrived (or failed) is judged from what the caller passes.
 */
export function useVersionTrust(versions: readonly GalleryImageVersion[], features: Features) {
  const arm = useArm();
  const reads = useQueries({
    queries: versions.map((version) => ({
      ...versionQueries.validation(arm, version.id ?? ""),
      enabled: !!version.id,
    })),
  });
  const trust = new Map<string, VersionTrust>();
  versions.forEach((version, index) => {
    const read = reads[index]?.data ?? version;
    trust.set(version.name ?? "", versionTrust({ ...read, name: version.name ?? "" }, features));
  });
  return trust;
}
