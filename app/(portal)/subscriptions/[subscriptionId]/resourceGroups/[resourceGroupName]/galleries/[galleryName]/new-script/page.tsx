import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ScriptForm } from "@/components/scripts/ScriptForms";
import { galleryIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create gallery script" };

type Props = { params: Promise<GalleryRouteParams> };

/** Beside `scripts/`, not in it, so no name (even "new") is ever shadowed. */
export default async function CreateScriptPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <CapabilityGate scopeId={galleryIdOf(path)} action="Microsoft.Compute/galleries/scripts/write">
      <ScriptForm gallery={path} />
    </CapabilityGate>
  );
}
