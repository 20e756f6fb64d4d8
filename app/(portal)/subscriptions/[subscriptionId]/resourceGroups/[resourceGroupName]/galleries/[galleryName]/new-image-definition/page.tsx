import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ImageDefinitionCreateForm } from "@/components/publish/ImageDefinitionCreateForm";
import { galleryIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create image definition" };

type Props = { params: Promise<GalleryRouteParams> };

/** Beside `images/`, not in it, so no definition name (even "new") is ever shadowed. */
export default async function CreateImageDefinitionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <CapabilityGate scopeId={galleryIdOf(path)} action="Microsoft.Compute/galleries/images/write">
      <ImageDefinitionCreateForm path={path} />
    </CapabilityGate>
  );
}
