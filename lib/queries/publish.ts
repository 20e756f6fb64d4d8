import type { QueryClient } from "@tanstack/react-query";
import { galleryQueries } from "@/lib/queries/galleries";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { imageQueries } from "@/lib/queries/galleryImages";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

/**
 * After any publish operation: every gallery, definition and version list and detail, the limits usage and the
 * source list may have changed. The query keys start with each resource's `.all()`, so one call reaches them all.
 */
export async function invalidateAfterPublish(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    [
      galleryQueries.all(),
      imageQueries.all(),
      versionQueries.all(),
      publishQueryRoots.galleryUsage,
      publishQueryRoots.versionSources,
      publishQueryRoots.galleryArtifacts,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
