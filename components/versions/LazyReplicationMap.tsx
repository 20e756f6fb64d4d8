"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/Spinner";

/** The replication map in a chunk of its own (d3-geo, topojson and the land outline load only with it). */
export const LazyReplicationMap = dynamic(
  () => import("@/components/versions/ReplicationMap").then((m) => m.ReplicationMap),
  { ssr: false, loading: () => <Spinner label="Loading the map…" /> },
);
