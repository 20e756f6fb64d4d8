"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/**
 * "In use by" in chunks of their own: they carry the Resource Graph client, which the read-only pages' first paint
 * does not need (see docs/performance.md), and read only after sign-in.
 */
export const LazyInUseBy = dynamic(() => import("@/components/lifecycle/InUseBy").then((m) => m.InUseBy), {
  ssr: false,
  loading: () => <Spinner label="Loading what uses this image…" />,
});

export const LazyGalleryImageUsage = dynamic(
  () => import("@/components/lifecycle/GalleryImageUsage").then((m) => m.GalleryImageUsage),
  { ssr: false, loading: () => <Spinner label="Loading what uses this gallery's images…" /> },
);

/**
 * The retention policy, its dry run and apply: the page without a scope (the scope choice) does not need its form
 * and virtualised tables, and with a scope it reads only after sign-in.
 */
export const LazyRetentionPanel = dynamic(
  () => import("@/components/lifecycle/RetentionPanel").then((m) => m.RetentionPanel),
  { ssr: false, loading: () => <Spinner label="Loading the retention policy…" /> },
);
