import type { Metadata } from "next";
import { ProfileVersionDetail } from "@/components/accessControl/ProfilePages";
import { artifactPathFromParams } from "@/lib/azure/artifactRouteParams";
import type { GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { profileName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName, p.versionName);
  return { title: `${path.artifactName} ${path.versionName}` };
}

export default async function ProfileVersionPage({ params }: Props) {
  const p = await params;
  const path = artifactPathFromParams(p, "inVMAccessControlProfiles", p.profileName, p.versionName);
  return <ProfileVersionDetail path={{ ...path, versionName: path.versionName! }} />;
}
