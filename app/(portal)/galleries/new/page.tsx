import type { Metadata } from "next";
import { GalleryCreatePage } from "@/components/publish/GalleryCreatePage";

export const metadata: Metadata = { title: "Create gallery" };

type Props = { searchParams: Promise<{ subscription?: string }> };

/** `?subscription=` preselects the subscription, so a link from a subscription's context stays bookmarkable. */
export default async function CreateGalleryPage({ searchParams }: Props) {
  const { subscription } = await searchParams;
  return <GalleryCreatePage initialSubscriptionId={subscription ?? ""} />;
}
