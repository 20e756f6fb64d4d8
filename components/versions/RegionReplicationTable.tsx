"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/DataTable";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { SafeText } from "@/components/ui/SafeText";
import { StateBadge } from "@/components/ui/StateBadge";
import type { ReplicatedArtifactVersion } from "@/components/versions/domainAdapters";
import { LazyReplicationMap } from "@/components/versions/LazyReplicationMap";
import { regionReplications, type RegionReplication } from "@/components/versions/replicationView";

const regionColumn = createColumnHelper<RegionReplication>();

function regionColumns(versionName: string) {
  return [
    regionColumn.accessor("displayName", {
      header: "Region",
      meta: { rowHeader: true },
      cell: (info) => <SafeText value={info.getValue()} />,
    }),
    regionColumn.accessor("replicaCount", { header: "Replicas", meta: { numeric: true } }),
    regionColumn.accessor("storageAccountType", { header: "Storage" }),
    regionColumn.accessor("excludeFromLatest", {
      header: "Exclude from latest",
      cell: (i) => (i.getValue() ? "Yes" : "No"),
    }),
    regionColumn.accessor("progress", {
      header: "Replication",
      cell: (info) => {
        const r = info.row.original;
        return (
          <div className="flex min-w-56 items-center gap-2">
            <ProgressBar
              value={r.progress}
              tone={r.tone}
              label={`Replication of ${versionName} to ${r.displayName}`}
              valueText={r.label}
            />
            <span className="w-28 shrink-0 text-xs text-slate-700">{r.label}</span>
          </div>
        );
      },
    }),
    regionColumn.display({
      id: "guidance",
      header: "For a deployer",
      cell: (info) => {
        const { readiness, state, excludeFromLatest } = info.row.original;
        return (
          <div className="max-w-md text-xs text-slate-700">
            <StateBadge
              state={state}
              label={readiness.usable ? "Usable" : readiness.kind === "stalled" ? "Stalled" : state}
            />
            <p className="mt-1">{readiness.summary}</p>
            {readiness.usable && excludeFromLatest && (
              <p className="mt-1">Excluded from latest here: deploy it by its exact version.</p>
            )}
            {readiness.fix && (
              <p className="mt-1">
                <span className="font-semibold">Fix: </span>
                {readiness.fix}
              </p>
            )}
          </div>
        );
      },
    }),
  ];
}

/**
 * A version's target regions, one row each: replicas, storage, exclusion from latest, replication progress and
 * what it means for a deployer, and below it the same regions on a world map. Image and application versions
 * replicate alike, so both pages show this table.
 */
export function RegionReplicationTable({
  version,
  versionName,
}: {
  version: ReplicatedArtifactVersion;
  versionName: string;
}) {
  const regions = regionReplications(version);
  return (
    // The table keeps the full width (its deployer column is the widest); the map follows it.
    <div className="grid grid-cols-1 gap-4">
      <DataTable
        data={regions}
        columns={regionColumns(versionName)}
        caption={`Replication of ${versionName} per region`}
        getRowId={(row) => row.region}
        empty="This version has no target regions."
      />
      {regions.length > 0 && (
        <div className="max-w-3xl">
          <LazyReplicationMap regions={regions} caption={`Target regions of ${versionName}`} />
        </div>
      )}
    </div>
  );
}
