import type { Metadata } from "next";
import { SharedImageDetail } from "@/components/consumer/SharedImageDetail";

type Params = { subscriptionId: string; location: string; galleryUniqueName: string; imageName: string };
type Props = { params: Promise<Params>; searchParams: Promise<{ regions?: string; sharedTo?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${decodeURIComponent(p.imageName)} · shared gallery` };
}

/** A directly shared gallery's image, at the ARM path the consumer reads it from. */
export default async function SharedImagePage({ params, searchParams }: Props) {
  const p = await params;
  const query = await searchParams;
  const regions = (query.regions ?? "").split(",").filter(Boolean);
  return (
    <SharedImageDetail
      reference={{
        subscriptionId: decodeURIComponent(p.subscriptionId),
        location: decodeURIComponent(p.location),
        galleryUniqueName: decodeURIComponent(p.galleryUniqueName),
        imageName: decodeURIComponent(p.imageName),
        sharedTo: query.sharedTo === "tenant" ? "tenant" : "subscription",
        regions,
      }}
    />
  );
}
