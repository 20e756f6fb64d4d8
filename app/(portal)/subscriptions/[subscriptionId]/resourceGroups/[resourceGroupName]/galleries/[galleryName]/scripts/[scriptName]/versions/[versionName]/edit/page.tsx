import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ScriptVersionEdit } from "@/components/scripts/ScriptEditPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit script version" };

type Props = { params: Promise<GalleryRouteParams & { scriptName: string; versionName: string }> };

export default async function EditScriptVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName, p.versionName);
  return (
    <CapabilityGate scopeId={galleryArtifactId(path)} action="Microsoft.Compute/galleries/scripts/versions/write">
      <ScriptVersionEdit path={{ ...path, versionName: path.versionName! }} />
    </CapabilityGate>
  );
}
