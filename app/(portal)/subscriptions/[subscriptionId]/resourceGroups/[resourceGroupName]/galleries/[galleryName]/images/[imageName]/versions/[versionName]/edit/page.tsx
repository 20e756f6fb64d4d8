import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ImageVersionEditForm } from "@/components/publish/ImageVersionEditForm";
import { galleryPathFromParams, versionIdOf, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit image version" };

type Props = { params: Promise<GalleryRouteParams & { imageName: string; versionName: string }> };

export default async function EditImageVersionPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, imageName: route.imageName!, versionName: route.versionName! };
  return (
    <CapabilityGate scopeId={versionIdOf(path)} capability="write">
      <ImageVersionEditForm path={path} />
    </CapabilityGate>
  );
}
