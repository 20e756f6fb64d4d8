import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ApplicationVersionEditForm } from "@/components/applications/ApplicationVersionForm";
import { applicationVersionIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit application version" };

type Props = { params: Promise<GalleryRouteParams & { applicationName: string; versionName: string }> };

export default async function EditApplicationVersionPage({ params }: Props) {
  const route = galleryPathFromParams(await params);
  const path = { ...route, applicationName: route.applicationName!, versionName: route.versionName! };
  return (
    <CapabilityGate
      scopeId={applicationVersionIdOf(path)}
      action="Microsoft.Compute/galleries/applications/versions/write"
    >
      <ApplicationVersionEditForm path={path} />
    </CapabilityGate>
  );
}
