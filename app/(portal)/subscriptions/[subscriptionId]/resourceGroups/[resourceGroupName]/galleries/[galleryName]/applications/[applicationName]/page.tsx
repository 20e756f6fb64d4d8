import type { Metadata } from "next";
import { ApplicationDetail } from "@/components/applications/ApplicationDetail";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { applicationName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.applicationName} · ${path.galleryName}` };
}

export default async function ApplicationPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return <ApplicationDetail path={{ ...path, applicationName: path.applicationName! }} />;
}
