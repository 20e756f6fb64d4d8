import type { Metadata } from "next";
import { ImageDefinitionDetail } from "@/components/images/ImageDefinitionDetail";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { imageName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.imageName} · ${path.galleryName}` };
}

export default async function ImageDefinitionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return <ImageDefinitionDetail path={{ ...path, imageName: path.imageName! }} />;
}
