import type { Metadata } from "next";
import { LazyConsumerDefinitionPanels } from "@/components/consumer/LazyConsumerPanels";
import { DefinitionFeatures } from "@/components/images/DefinitionFeatures";
import { ImageDefinitionDetail } from "@/components/images/ImageDefinitionDetail";
import { LazyInUseBy } from "@/components/lifecycle/LazyLifecyclePanels";
import { galleryPathFromParams, type GalleryRouteParams } from "@/lib/azure/routeParams";

type Props = { params: Promise<GalleryRouteParams & { imageName: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = galleryPathFromParams(await params);
  return { title: `${path.imageName} · ${path.galleryName}` };
}

export default async function ImageDefinitionPage({ params }: Props) {
  const path = galleryPathFromParams(await params);
  const definition = { ...path, imageName: path.imageName! };
  return (
    <>
      <ImageDefinitionDetail path={definition} />
      <DefinitionFeatures path={definition} />
      <LazyConsumerDefinitionPanels path={definition} />
      <LazyInUseBy path={definition} />
    </>
  );
}
