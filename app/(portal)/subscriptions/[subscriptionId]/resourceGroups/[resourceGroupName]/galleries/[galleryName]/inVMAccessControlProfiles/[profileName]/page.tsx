import type { Metadata } from "next";
import { ProfileDetail } from "@/components/accessControl/ProfilePages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { profileName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName);
  return { title: `${path.artifactName} · ${path.galleryName}` };
}

export default async function ProfilePage({ params }: Props) {
  const p = await params;
  return <ProfileDetail path={artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName)} />;
}
