import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ApplicationEditForm } from "@/components/applications/ApplicationForm";
import { applicationIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit VM application" };

type Props = { params: Promise<GalleryRouteParams & { applicationName: string }> };

export default async function EditApplicationPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, applicationName: route.applicationName! };
  return (
    <CapabilityGate scopeId={applicationIdOf(path)} action="Microsoft.Compute/galleries/applications/write">
      <ApplicationEditForm path={path} />
    </CapabilityGate>
  );
}
