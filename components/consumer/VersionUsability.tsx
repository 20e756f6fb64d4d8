"use client";

import { formatDate } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { Card, Section } from "@/components/ui/Section";
import type { VersionUsability as Usability } from "@/lib/consumer/usability";

function RegionList({ title, children, empty }: { title: string; children: React.ReactNode[]; empty: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1.5 text-sm">{children}</ul>
      )}
    </div>
  );
}

/** For an image version: where a VM can be created from it now, where it is still on its way, and where never. */
export function VersionUsability({ versionName, usability }: { versionName: string; usability: Usability }) {
  return (
    <Section
      title="Where you can deploy it"
      description="A region is usable only once replication there has completed; Succeeded alone does not mean your region has it."
    >
      {usability.pastEndOfLife && (
        <div role="alert" className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">
            {versionName} reached its end of life on {formatDate(usability.endOfLifeDate)}.
          </p>
          <p className="mt-1">
            It can still be deployed, but the publisher no longer intends it for new VMs: choose a newer version, or
            deploy latest.
          </p>
        </div>
      )}
      <Card>
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <RegionList title="Deployable now" empty="No region yet: replication has not completed anywhere.">
            {usability.deployable.map((r) => (
              <li key={r.region}>{r.displayName}</li>
            ))}
          </RegionList>
          <RegionList title="In progress" empty="Nothing still replicating.">
            {usability.inProgress.map((r) => (
              <li key={r.region} className="flex flex-wrap items-center gap-2">
                <span className="w-40 shrink-0">{r.displayName}</span>
                <ProgressBar
                  value={r.progress}
                  label={`Replication of ${versionName} to ${r.displayName}`}
                  valueText={`${r.progress}%`}
                />
                <span className="w-24 shrink-0 text-xs text-slate-700">
                  {r.stalled ? `Stalled, ${r.progress}%` : `${r.progress}%`}
                </span>
              </li>
            ))}
          </RegionList>
          <RegionList title="Failed" empty="No failed region.">
            {usability.failed.map((r) => (
              <li key={r.region}>
                <span className="font-medium">{r.displayName}</span>: {r.summary}
                {r.fix && <span className="block text-xs text-slate-700">Fix: {r.fix}</span>}
              </li>
            ))}
          </RegionList>
          <RegionList title="State not known yet" empty="Every target region reports its state.">
            {usability.unknown.map((r) => (
              <li key={r.region}>{r.displayName}</li>
            ))}
          </RegionList>
        </div>
        <p className="mt-4 text-sm text-slate-700">
          <span className="font-semibold">Not targeted:</span> every other region. VMs there are refused until the
          publisher adds the region to this version.
        </p>
      </Card>
    </Section>
  );
}
