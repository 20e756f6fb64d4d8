import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ApplicationVersionCreateForm } from "@/components/applications/ApplicationVersionForm";
import { applicationIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create application version" };

type Props = { params: Promise<GalleryRouteParams & { applicationName: string }> };

/** Beside `versions/`, not in it, so no version name is ever shadowed. */
export default async function CreateApplicationVersionPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, applicationName: route.applicationName! };
  return (
    <CapabilityGate scopeId={applicationIdOf(path)} action="Microsoft.Compute/galleries/applications/versions/write">
      <ApplicationVersionCreateForm path={path} />
    </CapabilityGate>
  );
}
