import type { Metadata } from "next";
import { GalleryOverview } from "@/components/galleries/GalleryOverview";
import { OverviewPublish } from "@/components/publish/OverviewPublish";
import { NeedsAttention } from "@/components/attention/NeedsAttention";

export const metadata: Metadata = { title: "Galleries" };

export default function GalleriesPage() {
  return (
    <>
      <GalleryOverview />
      <NeedsAttention />
      <OverviewPublish />
    </>
  );
}
