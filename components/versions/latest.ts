import type { GalleryImageVersion } from "@azure/arm-compute";
import { compareVersionNames } from "@/lib/gallery/names";

/**
 * The version `latest` resolves to for a deployment with no region in mind: the highest version whose
 * excludeFromLatest is false. Region-specific resolution is the domain's (lib/gallery/latest.ts).
 */
export function latestVersionName(versions: readonly GalleryImageVersion[]): string | undefined {
  return versions
    .filter((v) => v.name && !v.publishingProfile?.excludeFromLatest && (v.provisioningState ?? "Succeeded") !== "Failed")
    .map((v) => v.name!)
    .sort(compareVersionNames)
    .at(-1);
}
