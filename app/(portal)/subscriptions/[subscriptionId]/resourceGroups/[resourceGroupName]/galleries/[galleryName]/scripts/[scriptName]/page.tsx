import type { Metadata } from "next";
import { ScriptDetail } from "@/components/scripts/ScriptPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { scriptName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName);
  return { title: `${path.artifactName} · ${path.galleryName}` };
}

export default async function ScriptPage({ params }: Props) {
  const p = await params;
  return <ScriptDetail path={artifactPathFromParams(p, "scripts", p.scriptName)} />;
}
