"use client";

import dynamic from "next/dynamic";
import { PageStatus } from "@/components/ui/PageStatus";

/**
 * The portal providers loaded in their own chunk, after the page's first load: they carry MSAL, MSAL React and the
 * Compute SDK (about 150 KB gzipped), and MSAL needs window and crypto.subtle, so nothing under them renders on the
 * server anyway. The server and the first paint show the same "Starting Gallerist…" status PortalProviders shows
 * while MSAL starts.
 */
// Asked for as soon as this module runs in the browser, before the page hydrates: the chunk then loads while
// React hydrates instead of after, and MSAL (and the page's first ARM read behind it) starts that much sooner.
if (typeof window !== "undefined") void import("@/components/layout/PortalProviders");

export const LazyPortalProviders = dynamic(
  () => import("@/components/layout/PortalProviders").then((m) => m.PortalProviders),
  { ssr: false, loading: () => <PageStatus kind="loading" title="Starting Gallerist…" /> },
);
