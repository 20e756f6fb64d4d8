import type { Metadata } from "next";
import { CapabilityGate } from "@/components/access/CapabilityGate";
import { ProfileForm } from "@/components/accessControl/ProfileForms";
import { galleryIdOf, galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

export const metadata: Metadata = { title: "Create access control profile" };

type Props = { params: Promise<GalleryRouteParams> };

/** Beside `inVMAccessControlProfiles/`, not in it, so no name (even "new") is ever shadowed. */
export default async function CreateProfilePage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  return (
    <CapabilityGate scopeId={galleryIdOf(path)} action="Microsoft.Compute/galleries/inVMAccessControlProfiles/write">
      <ProfileForm gallery={path} />
    </CapabilityGate>
  );
}
