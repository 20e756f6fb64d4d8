import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ScriptEdit } from "@/components/scripts/ScriptEditPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit gallery script" };

type Props = { params: Promise<GalleryRouteParams & { scriptName: string }> };

export default async function EditScriptPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName);
  return (
    <CapabilityGate scopeId={galleryArtifactId(path)} action="Microsoft.Compute/galleries/scripts/write">
      <ScriptEdit path={path} />
    </CapabilityGate>
  );
}
