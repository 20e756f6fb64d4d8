import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ApplicationCreateForm } from "@/components/applications/ApplicationForm";
import { galleryIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create VM application" };

type Props = { params: Promise<GalleryRouteParams> };

/** Beside `applications/`, not in it, so no application name is ever shadowed. */
export default async function CreateApplicationPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <CapabilityGate scopeId={galleryIdOf(path)} action="Microsoft.Compute/galleries/applications/write">
      <ApplicationCreateForm path={path} />
    </CapabilityGate>
  );
}
