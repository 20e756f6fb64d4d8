import type { Metadata } from "next";
import { ProfilesList } from "@/components/accessControl/ProfilePages";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `inVMAccessControlProfiles · ${galleryPathFromParams(await params).galleryName}` };
}

export default async function ProfileListPage({ params }: Props) {
  return <ProfilesList gallery={galleryPathFromParams(await params)} />;
}
