import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ImageVersionCreateForm } from "@/components/publish/ImageVersionCreateForm";
import { galleryPathFromParams, imageIdOf, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create image version" };

type Props = { params: Promise<GalleryRouteParams & { imageName: string }> };

/** Beside `versions/`, not in it, so no version name is ever shadowed. */
export default async function CreateImageVersionPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, imageName: route.imageName! };
  return (
    <CapabilityGate scopeId={imageIdOf(path)} action="Microsoft.Compute/galleries/images/versions/write">
      <ImageVersionCreateForm path={path} />
    </CapabilityGate>
  );
}
