import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ImageDefinitionEditForm } from "@/components/publish/ImageDefinitionEditForm";
import { galleryPathFromParams, imageIdOf, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit image definition" };

type Props = { params: Promise<GalleryRouteParams & { imageName: string }> };

export default async function EditImageDefinitionPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, imageName: route.imageName! };
  return (
    <CapabilityGate scopeId={imageIdOf(path)} capability="write">
      <ImageDefinitionEditForm path={path} />
    </CapabilityGate>
  );
}
