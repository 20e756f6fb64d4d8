/**
 * The first segment of the publish queries' keys, apart from the modules that run those queries: code that only
 * invalidates them after a write (the delete buttons on every detail page) must not pull the source judging and
 * Resource Graph client into the page's first load.
 */
export const publishQueryRoots = {
  versionSources: ["versionSources"] as const,
  galleryUsage: ["galleryUsage"] as const,
  softDeletedVersions: ["softDeletedVersions"] as const,
  /** Applications, scripts and in-VM access control profiles, with their versions. */
  galleryArtifacts: ["galleryArtifacts"] as const,
};
