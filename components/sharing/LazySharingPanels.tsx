"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/**
 * The sharing panels of a gallery or definition page in a chunk of their own: they sit below the page's
 * definitions or versions and carry the Authorization SDK and the Compute client set-up (about 140 KB gzipped),
 * which the page's first paint does not need. They read only after sign-in, so nothing is lost by not rendering
 * them on the server.
 */
export const LazySharingPanels = dynamic(
  () => import("@/components/sharing/SharingPanels").then((m) => m.SharingPanels),
  { ssr: false, loading: () => <Spinner label="Loading access and activity…" /> },
);
