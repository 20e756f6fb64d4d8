"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/**
 * Parts of the version forms in chunks of their own: those only some versions need (a VHD or community image as the
 * source, UEFI settings for definitions that boot with Secure Boot) and the advisory side panels (replica planner,
 * quota usage). The new-version page is the form, and these kept its first load over its target
 * (docs/performance.md). They sit under the form's FormProvider, so they render on the client only, like the form.
 */
export const LazyVhdSourcePicker = dynamic(
  () => import("@/components/publish/VhdSourcePicker").then((m) => m.VhdSourcePicker),
  { ssr: false, loading: () => <Spinner label="Loading the VHD picker…" /> },
);

export const LazyCommunitySourcePicker = dynamic(
  () => import("@/components/publish/CommunitySourcePicker").then((m) => m.CommunitySourcePicker),
  { ssr: false, loading: () => <Spinner label="Loading the community image lookup…" /> },
);

export const LazyUefiSettingsEditor = dynamic(
  () => import("@/components/publish/UefiSettingsEditor").then((m) => m.UefiSettingsEditor),
  { ssr: false, loading: () => <Spinner label="Loading the UEFI settings…" /> },
);

export const LazyReplicaPlanner = dynamic(
  () => import("@/components/publish/ReplicaPlanner").then((m) => m.ReplicaPlanner),
  { ssr: false, loading: () => <Spinner label="Loading the replica planner…" /> },
);

export const LazyLimitUsagePanel = dynamic(
  () => import("@/components/publish/LimitUsage").then((m) => m.LimitUsagePanel),
  { ssr: false, loading: () => <Spinner label="Loading quota usage…" /> },
);
