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

/**
 * The /access and /share pages' own content, the same way: the Authorization SDK and the wizard's forms load in a
 * chunk after the page, keeping every route's first-load JS under its target (docs/performance.md).
 */
export const LazyAccessPanel = dynamic(() => import("@/components/sharing/AccessPanel").then((m) => m.AccessPanel), {
  ssr: false,
  loading: () => <Spinner label="Loading role assignments…" />,
});

export const LazyShareWizard = dynamic(() => import("@/components/sharing/ShareWizard").then((m) => m.ShareWizard), {
  ssr: false,
  loading: () => <Spinner label="Loading the sharing wizard…" />,
});
