import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ProfileVersionEdit } from "@/components/accessControl/ProfileEditPages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import { galleryArtifactId } from "@/lib/azure/artifactRoutes";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Edit access control profile version" };

type Props = { params: Promise<GalleryRouteParams & { profileName: string; versionName: string }> };

export default async function EditProfileVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName, p.versionName);
  return (
    <CapabilityGate
      scopeId={galleryArtifactId(path)}
      action="Microsoft.Compute/galleries/inVMAccessControlProfiles/versions/write"
    >
      <ProfileVersionEdit path={{ ...path, versionName: path.versionName! }} />
    </CapabilityGate>
  );
}
