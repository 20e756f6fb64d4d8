"use client";

import type { GalleryApplicationVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { ApplicationDeployPanel } from "@/components/consumer/ApplicationDeployPanel";
import { VersionUsability } from "@/components/consumer/VersionUsability";
import { useArm } from "@/components/layout/ArmContext";
import { regionalStatuses } from "@/components/versions/domainAdapters";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { type ConsumerVersion, versionUsability } from "@/lib/consumer/usability";
import { consumerApplicationQueries } from "@/lib/queries/consumerApplications";

/** The domain's view of an application version: its regions and their replication, as for an image version. */
function applicationVersionCandidate(version: GalleryApplicationVersion): ConsumerVersion {
  const profile = version.publishingProfile;
  return {
    name: version.name ?? "",
    location: version.location,
    publishingProfile: {
      ...(profile?.excludeFromLatest !== undefined ? { excludeFromLatest: profile.excludeFromLatest } : {}),
      ...(profile?.endOfLifeDate ? { endOfLifeDate: profile.endOfLifeDate.toISOString() } : {}),
      targetRegions: (profile?.targetRegions ?? []).map((t) => ({
        name: t.name,
        ...(t.excludeFromLatest !== undefined ? { excludeFromLatest: t.excludeFromLatest } : {}),
      })),
    },
    replicationStatus: { summary: regionalStatuses(version) },
  };
}

/** What a consumer needs on an application version page: where it is usable now, and how to add it to a VM. */
export function ConsumerApplicationVersionPanels({ path }: { path: GalleryArtifactPath & { versionName: string } }) {
  const arm = useArm();
  const id = galleryArtifactId(path);
  const version = useQuery(consumerApplicationQueries.version(arm, id));
  const application = useQuery(
    consumerApplicationQueries.application(arm, galleryArtifactId({ ...path, versionName: undefined })),
  );
  if (version.isError) return <ErrorPanel error={version.error} title="The application version could not be read" />;
  if (application.isError) return <ErrorPanel error={application.error} title="The application could not be read" />;
  if (!version.data || !application.data) return <Spinner label="Reading the application version…" />;
  const candidate = applicationVersionCandidate(version.data);
  return (
    <>
      <VersionUsability
        versionName={path.versionName}
        usability={versionUsability(candidate, new Date(), version.data.publishingProfile?.publishedDate)}
      />
      <ApplicationDeployPanel
        versionId={version.data.id ?? id}
        version={candidate}
        osType={application.data.supportedOSType === "Windows" ? "Windows" : "Linux"}
      />
    </>
  );
}
