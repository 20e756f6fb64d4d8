"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/**
 * The application version form's storage account pickers in a chunk of their own: listing blobs against Azure takes
 * a storage token, so they carry MSAL's token calls, which kept the form's first load over its target
 * (docs/performance.md). They are a convenience beside the link fields, which are usable at once.
 */
export const LazyBlobPicker = dynamic(() => import("@/components/applications/BlobPicker").then((m) => m.BlobPicker), {
  ssr: false,
  loading: () => <Spinner label="Loading the storage account picker…" />,
});
