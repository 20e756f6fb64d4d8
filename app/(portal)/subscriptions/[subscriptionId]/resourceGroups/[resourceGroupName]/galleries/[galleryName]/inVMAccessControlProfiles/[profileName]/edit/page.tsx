import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ProfileEdit } from "@/components/accessControl/ProfileEditPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit access control profile" };

type Props = { params: Promise<GalleryRouteParams & { profileName: string }> };

export default async function EditProfilePage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName);
  return (
    <CapabilityGate
      scopeId={galleryArtifactId(path)}
      action="Microsoft.Compute/galleries/inVMAccessControlProfiles/write"
    >
      <ProfileEdit path={path} />
    </CapabilityGate>
  );
}
