"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { RegionBars } from "@/components/versions/RegionBars";
import { regionReplications } from "@/components/versions/replicationView";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

/**
 * A version row's replication, read by the row's own cells when they are rendered: in a virtualized table that
 * is exactly the rows on screen, and an arriving read re-renders its row's cells, not 10,000 rows.
 */
function useReplication(version: GalleryImageVersion) {
  const read = useQuery(versionQueries.replication(useArm(), version.id ?? ""));
  return { version: read.data ?? version, settled: read.data !== undefined || read.isError, error: read.error };
}

export function ReplicationRegionsCell({ version }: { version: GalleryImageVersion }) {
  const replication = useReplication(version);
  if (!replication.settled) return <Spinner label="Reading replication…" />;
  if (replication.error)
    return (
      <span title={String((replication.error as Error).message ?? replication.error)}>
        Replication status could not be read
      </span>
    );
  return <RegionBars regions={regionReplications(replication.version)} versionName={version.name ?? ""} />;
}

export function ReplicationStateCell({ version }: { version: GalleryImageVersion }) {
  const v = useReplication(version).version;
  return (
    <span className="flex flex-col items-start gap-1">
      <StateBadge state={v.replicationStatus?.aggregatedState ?? "Unknown"} />
      {v.provisioningState && v.provisioningState !== "Succeeded" && (
        <span className="text-xs text-slate-600">Provisioning: {v.provisioningState}</span>
      )}
    </span>
  );
}
