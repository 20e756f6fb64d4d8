"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/**
 * The consumer's panels of a definition or version page (latest per region, usability, the deploy panel with its
 * snippets, size picker and deployment check) in a chunk of their own: they sit below the versions or the
 * replication table, and their weight kept the definition page over its first-load target (docs/performance.md).
 * They read only after sign-in, so nothing is lost by not rendering them on the server.
 */
export const LazyConsumerDefinitionPanels = dynamic(
  () => import("@/components/consumer/ConsumerPanels").then((m) => m.ConsumerDefinitionPanels),
  { ssr: false, loading: () => <Spinner label="Loading the deploy panel…" /> },
);

export const LazyConsumerVersionPanels = dynamic(
  () => import("@/components/consumer/ConsumerPanels").then((m) => m.ConsumerVersionPanels),
  { ssr: false, loading: () => <Spinner label="Loading the deploy panel…" /> },
);

/** The same for an application version: where it is usable, and the panel that adds it to a VM or scale set. */
export const LazyConsumerApplicationVersionPanels = dynamic(
  () => import("@/components/consumer/ApplicationVersionPanels").then((m) => m.ConsumerApplicationVersionPanels),
  { ssr: false, loading: () => <Spinner label="Loading the deploy panel…" /> },
);
