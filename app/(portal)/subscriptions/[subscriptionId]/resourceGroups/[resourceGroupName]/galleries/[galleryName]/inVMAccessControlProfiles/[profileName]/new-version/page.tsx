import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ProfileVersionForm } from "@/components/accessControl/ProfileForms";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create access control profile version" };

type Props = { params: Promise<GalleryRouteParams & { profileName: string }> };

/** Beside `versions/`, not in it, so no version name is ever shadowed. */
export default async function CreateProfileVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName);
  return (
    <CapabilityGate
      scopeId={galleryArtifactId(path)}
      action="Microsoft.Compute/galleries/inVMAccessControlProfiles/versions/write"
    >
      <ProfileVersionForm profile={path} />
    </CapabilityGate>
  );
}
