import type { Metadata } from "next";
import { GalleryOverview } from "@/components/galleries/GalleryOverview";

export const metadata: Metadata = { title: "Galleries" };

export default function GalleriesPage() {
  return <GalleryOverview />;
}
