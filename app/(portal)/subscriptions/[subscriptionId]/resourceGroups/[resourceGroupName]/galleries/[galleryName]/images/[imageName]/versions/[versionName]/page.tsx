import type { Metadata } from "next";
import { LazyConsumerVersionPanels } from "@/components/consumer/LazyConsumerPanels";
import { VersionTrustPanel } from "@/components/trust/VersionTrustPanel";
import { ImageVersionDetail } from "@/components/versions/ImageVersionDetail";
import { LazyInUseBy } from "@/components/lifecycle/LazyLifecyclePanels";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { imageName: string; versionName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.imageName} ${path.versionName}` };
}

export default async function ImageVersionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  const version = { ...path, imageName: path.imageName!, versionName: path.versionName! };
  return (
    <>
      <ImageVersionDetail path={version} />
      <VersionTrustPanel path={version} />
      <LazyConsumerVersionPanels path={version} />
      <LazyInUseBy path={version} />
    </>
  );
}
