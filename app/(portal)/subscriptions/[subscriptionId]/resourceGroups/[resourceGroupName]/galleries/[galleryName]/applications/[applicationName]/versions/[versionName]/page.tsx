import type { Metadata } from "next";
import { ApplicationVersionDetail } from "@/components/applications/ApplicationVersionDetail";
import { LazyConsumerApplicationVersionPanels } from "@/components/consumer/LazyConsumerPanels";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { applicationName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.versionName} · ${path.applicationName}` };
}

/** The version as its publisher sees it, then where it can be used and how (what a consumer of it needs). */
export default async function ApplicationVersionPage({ params }: Props) {
  const p = await params;
  const path = galleryPathFromParams(p);
  const artifact = artifactPathFromParams(p, "applications", p.applicationName, p.versionName);
  return (
    <>
      <ApplicationVersionDetail
        path={{ ...path, applicationName: path.applicationName!, versionName: path.versionName! }}
      />
      <LazyConsumerApplicationVersionPanels path={{ ...artifact, versionName: artifact.versionName! }} />
    </>
  );
}
