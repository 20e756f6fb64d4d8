"use client";

import type { ReactNode } from "react";
import { artifactCrumbs } from "@/components/galleryArtifacts/artifactCrumbs";
import type { ArtifactKind } from "@/components/galleryArtifacts/ArtifactToolbars";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import type { GalleryArtifactPath } from "@/lib/azure/artifactRoutes";

/**
 * The top of a script's or access control profile's page, or of one of their versions' (`path.versionName`): crumbs,
 * the one heading, why the read failed, and the toolbar.
 */
export function ArtifactPageHeader({
  path,
  artifact,
  kind,
  read,
  toolbar,
}: {
  path: GalleryArtifactPath & { versionName?: string };
  artifact: ArtifactKind;
  /** "Gallery script", "Script version". */
  kind: string;
  read: { isError: boolean; error: unknown };
  toolbar: ReactNode;
}) {
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const noun = path.versionName ? artifact.versionNoun : artifact.shortNoun;
  return (
    <>
      <Breadcrumbs items={artifactCrumbs(path, subscriptionName)} />
      <PageHeader
        kind={kind}
        title={path.versionName ? `${path.artifactName} ${path.versionName}` : path.artifactName}
        subtitle={`In gallery ${path.galleryName}`}
      />
      {read.isError && <ErrorPanel error={read.error} title={`The ${noun} could not be read`} />}
      {toolbar}
    </>
  );
}
