import type { Metadata } from "next";
import { ConsumerApplicationVersionPanels } from "@/components/consumer/ApplicationVersionPanels";
import { PageHeader } from "@/components/ui/Section";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { applicationName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const path = artifactPathFromParams(p, "applications", p.applicationName, p.versionName);
  return { title: `${path.artifactName} ${path.versionName}` };
}

export default async function ApplicationVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "applications", p.applicationName, p.versionName);
  return (
    <>
      <PageHeader
        kind="VM Application version"
        title={`${path.artifactName} ${path.versionName}`}
        subtitle={`In gallery ${path.galleryName}`}
      />
      <ConsumerApplicationVersionPanels path={{ ...path, versionName: path.versionName! }} />
    </>
  );
}
