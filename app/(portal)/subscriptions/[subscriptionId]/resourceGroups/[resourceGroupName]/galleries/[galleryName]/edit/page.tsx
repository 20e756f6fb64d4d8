import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { GalleryEditForm } from "@/components/publish/GalleryEditForm";
import { galleryIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit gallery" };

type Props = { params: Promise<GalleryRouteParams> };

export default async function EditGalleryPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <CapabilityGate scopeId={galleryIdOf(path)} capability="write">
      <GalleryEditForm path={path} />
    </CapabilityGate>
  );
}
