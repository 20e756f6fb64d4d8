import type { Metadata } from "next";
import { ApplicationVersionDetail } from "@/components/applications/ApplicationVersionDetail";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { applicationName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.versionName} · ${path.applicationName}` };
}

export default async function ApplicationVersionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <ApplicationVersionDetail
      path={{ ...path, applicationName: path.applicationName!, versionName: path.versionName! }}
    />
  );
}
