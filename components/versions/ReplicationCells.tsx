"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { RegionBars } from "@/components/versions/RegionBars";
import type { ReplicatedArtifactVersion } from "@/components/versions/domainAdapters";
import { regionReplications } from "@/components/versions/replicationView";
import type { ArmClients } from "@/lib/azure/clients";

/** The `$expand=ReplicationStatus` read of one version: image versions' by default, application versions' too. */
export type ReplicationRead<T extends ReplicatedArtifactVersion, K extends QueryKey> = (
  arm: ArmClients,
  id: string,
) => UseQueryOptions<T, Error, T, K>;

interface CellProps<T extends ReplicatedArtifactVersion, K extends QueryKey> {
  version: T;
  /** The version's replication read (versionQueries.replication for image versions). */
  read: ReplicationRead<T, K>;
}

/**
 * A version row's replication, read by the row's own cells when they are rendered: in a virtualized table that
 * is exactly the rows on screen, and an arriving read re-renders its row's cells, not 10,000 rows.
 */
function useReplication<T extends ReplicatedArtifactVersion, K extends QueryKey>(
  version: T,
  read: ReplicationRead<T, K>,
) {
  const replication = useQuery(read(useArm(), version.id ?? ""));
  return {
    version: replication.data ?? version,
    settled: replication.data !== undefined || replication.isError,
    error: replication.error,
  };
}

export function ReplicationRegionsCell<T extends ReplicatedArtifactVersion, K extends QueryKey>({
  version,
  read,
}: CellProps<T, K>) {
  const replication = useReplication(version, read);
  if (!replication.settled) return <Spinner label="Reading replication…" />;
  if (replication.error)
    return (
      <span title={String((replication.error as Error).message ?? replication.error)}>
        Replication status could not be read
      </span>
    );
  return <RegionBars regions={regionReplications(replication.version)} versionName={version.name ?? ""} />;
}

export function ReplicationStateCell<T extends ReplicatedArtifactVersion, K extends QueryKey>({
  version,
  read,
}: CellProps<T, K>) {
  const v = useReplication(version, read).version;
  return (
    <span className="flex flex-col items-start gap-1">
      <StateBadge state={v.replicationStatus?.aggregatedState ?? "Unknown"} />
      {v.provisioningState && v.provisioningState !== "Succeeded" && (
        <span className="text-xs text-slate-600">Provisioning: {v.provisioningState}</span>
      )}
    </span>
  );
}
