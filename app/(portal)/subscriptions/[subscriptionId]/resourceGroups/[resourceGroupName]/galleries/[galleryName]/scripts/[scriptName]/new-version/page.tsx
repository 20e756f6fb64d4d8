import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ScriptVersionForm } from "@/components/scripts/ScriptForms";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create script version" };

type Props = { params: Promise<GalleryRouteParams & { scriptName: string }> };

/** Beside `versions/`, not in it, so no version name is ever shadowed. */
export default async function CreateScriptVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "scripts", p.scriptName);
  return (
    <CapabilityGate scopeId={galleryArtifactId(path)} action="Microsoft.Compute/galleries/scripts/versions/write">
      <ScriptVersionForm script={path} />
    </CapabilityGate>
  );
}
