"use client";

import { useQuery } from "@tanstack/react-query";
import { DeployPanel } from "@/components/consumer/DeployPanel";
import { LatestByRegion } from "@/components/consumer/LatestByRegion";
import { VersionUsability } from "@/components/consumer/VersionUsability";
import { useArm } from "@/components/layout/ArmContext";
import { latestCandidate, latestCandidates } from "@/components/versions/domainAdapters";
import { useVersionsWithReplication } from "@/components/versions/useVersionsWithReplication";
import { imageIdOf, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { versionUsability } from "@/lib/consumer/usability";
import { imageQueries } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

/** What a consumer needs on a definition page: latest per region, and how to deploy latest. */
export function ConsumerDefinitionPanels({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const id = imageIdOf(path);
  const image = useQuery(imageQueries.detail(arm, id));
  const [definition] = useVersionsWithReplication([id]);
  const versions = definition?.versions && definition.complete ? latestCandidates(definition.versions) : undefined;
  return (
    <>
      <LatestByRegion definitionId={id} />
      {image.data && versions && (
        <DeployPanel
          image={{ ...image.data, id: image.data.id ?? id, name: image.data.name ?? path.imageName }}
          versions={versions}
          galleryVersions={definition?.versions}
        />
      )}
    </>
  );
}

/** What a consumer needs on a version page: where it is usable, and how to deploy it (or latest). */
export function ConsumerVersionPanels({ path }: { path: GalleryPath & { imageName: string; versionName: string } }) {
  const arm = useArm();
  const id = versionIdOf(path);
  const version = useQuery(versionQueries.detail(arm, id));
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  const [definition] = useVersionsWithReplication([imageIdOf(path)]);
  const v = version.data;
  if (!v) return null;
  const candidate = latestCandidate(v);
  const versions = definition?.versions && definition.complete ? latestCandidates(definition.versions) : undefined;
  const startedAt = v.publishingProfile?.publishedDate;
  return (
    <>
      <VersionUsability versionName={path.versionName} usability={versionUsability(candidate, new Date(), startedAt)} />
      {image.data && versions && (
        <DeployPanel
          image={{ ...image.data, id: image.data.id ?? imageIdOf(path), name: image.data.name ?? path.imageName }}
          versions={versions}
          version={{ ...candidate, id: v.id ?? id }}
          galleryVersions={definition?.versions}
        />
      )}
    </>
  );
}
