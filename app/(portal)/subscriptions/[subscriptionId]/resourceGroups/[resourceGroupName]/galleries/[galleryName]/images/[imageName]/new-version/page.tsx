import type { Metadata } from "next";
import { ImageVersionCreateForm } from "@/components/publish/ImageVersionCreateForm";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create image version" };

type Props = { params: Promise<GalleryRouteParams & { imageName: string }> };

/** Beside `versions/`, not in it, so no version name is ever shadowed. */
export default async function CreateImageVersionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return <ImageVersionCreateForm path={{ ...path, imageName: path.imageName! }} />;
}
