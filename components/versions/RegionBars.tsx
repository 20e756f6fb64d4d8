import { ProgressBar } from "@/components/ui/ProgressBar";
import type { RegionReplication } from "@/components/versions/replicationView";

/** Compact per-region replication: name, replicas, storage, and a labelled progress bar. */
export function RegionBars({ regions, versionName }: { regions: RegionReplication[]; versionName: string }) {
  if (regions.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ul className="min-w-64 space-y-2">
      {regions.map((r) => (
        <li key={r.region}>
          <div className="flex items-baseline justify-between gap-3 text-xs">
            <span className="font-medium text-slate-800">{r.displayName}</span>
            <span className="text-slate-600">
              {r.replicaCount} {r.replicaCount === 1 ? "replica" : "replicas"} · {r.storageAccountType}
            </span>
          </div>
          <div className="mt-1 flex items-center gap-2">
            <ProgressBar
              value={r.progress}
              tone={r.tone}
              label={`Replication of ${versionName} to ${r.displayName}`}
              valueText={r.label}
            />
            <span className="w-28 shrink-0 text-right text-xs text-slate-700">{r.label}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
