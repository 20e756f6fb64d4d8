import type { Metadata } from "next";
import { GalleryDetail } from "@/components/galleries/GalleryDetail";
import { LazyGalleryImageUsage } from "@/components/lifecycle/LazyLifecyclePanels";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: galleryPathFromParams(await params).galleryName };
}

export default async function GalleryPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <>
      <GalleryDetail path={path} />
      <LazyGalleryImageUsage path={path} />
    </>
  );
}
