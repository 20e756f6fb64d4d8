import type { QueryClient } from "@tanstack/react-query";
import { galleryQueries } from "@/lib/queries/galleries";
import { applicationQueries, applicationVersionQueries } from "@/lib/queries/galleryApplications";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { noteVersionListWrite } from "@/lib/queries/versionLists";
import { imageQueries } from "@/lib/queries/galleryImages";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";

/**
 * After any publish operation: every gallery, definition, application and version list and detail, the limits usage,
 * the source list and the recycle bins may have changed. The query keys start with each resource's `.all()`, so one
 * call reaches them all.
 */
export async function invalidateAfterPublish(queryClient: QueryClient): Promise<void> {
  noteVersionListWrite();
  await Promise.all(
    [
      galleryQueries.all(),
      imageQueries.all(),
      versionQueries.all(),
      applicationQueries.all(),
      applicationVersionQueries.all(),
      publishQueryRoots.galleryUsage,
      publishQueryRoots.versionSources,
      publishQueryRoots.softDeletedVersions,
      publishQueryRoots.galleryArtifacts,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
