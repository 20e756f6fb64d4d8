"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { galleryReachOf } from "@/lib/lifecycle/usage";
import { galleryQueries } from "@/lib/queries/galleries";
import { imageUsageQueries } from "@/lib/queries/imageUsage";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/** The gallery's consumers in every subscription the user can list; the gallery, definition and version pages share it. */
export function useImageUsage(galleryId: string) {
  const arm = useArm();
  const gallery = useQuery(galleryQueries.detail(arm, galleryId));
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const usage = useQuery(
    imageUsageQueries.byGallery(
      arm,
      gallery.data ? galleryReachOf(gallery.data) : undefined,
      subscriptions.data?.map((s) => s.subscriptionId),
    ),
  );
  return {
    usage: usage.data,
    error: gallery.error ?? subscriptions.error ?? usage.error,
    refetch: () => void usage.refetch(),
    isFetching: usage.isFetching,
  };
}
