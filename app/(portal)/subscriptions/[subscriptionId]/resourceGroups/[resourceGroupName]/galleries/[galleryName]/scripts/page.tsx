import type { Metadata } from "next";
import { ScriptsList } from "@/components/scripts/ScriptPages";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `scripts · ${galleryPathFromParams(await params).galleryName}` };
}

export default async function ScriptListPage({ params }: Props) {
  return <ScriptsList gallery={galleryPathFromParams(await params)} />;
}
