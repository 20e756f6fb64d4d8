import type { Metadata } from "next";
import { ImageDefinitionCreateForm } from "@/components/publish/ImageDefinitionCreateForm";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create image definition" };

type Props = { params: Promise<GalleryRouteParams> };

/** Beside `images/`, not in it, so no definition name (even "new") is ever shadowed. */
export default async function CreateImageDefinitionPage({ params }: Props) {
  return <ImageDefinitionCreateForm path={galleryPathFromParams(await params)} />;
}
