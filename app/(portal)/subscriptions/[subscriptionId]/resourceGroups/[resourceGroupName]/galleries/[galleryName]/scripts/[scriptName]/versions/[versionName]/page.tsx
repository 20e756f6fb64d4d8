import type { Metadata } from "next";
import { ScriptVersionDetail } from "@/components/scripts/ScriptPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { scriptName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName, p.versionName);
  return { title: `${path.artifactName} ${path.versionName}` };
}

export default async function ScriptVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName, p.versionName);
  return <ScriptVersionDetail path={{ ...path, versionName: path.versionName! }} />;
}
