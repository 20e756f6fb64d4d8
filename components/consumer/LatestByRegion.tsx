"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useArm } from "@/components/layout/ArmContext";
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { latestCandidates } from "@/components/versions/domainAdapters";
import { useVersionsWithReplication } from "@/components/versions/useVersionsWithReplication";
import { latestByRegion, type LatestInRegion } from "@/lib/consumer/usability";
import type { VersionTrust } from "@/lib/gallery/trust";
import { imageQueries } from "@/lib/queries/galleryImages";
import { SafeText } from "@/components/ui/SafeText";

const REASON_LABEL = {
  excludedGlobally: "Excluded from latest",
  excludedInRegion: "Excluded here",
  notTargeted: "Not replicated here",
  replicating: "Still replicating",
  failed: "Replication failed",
  notReplicated: "Not replicated yet",
} as const;

/** A region's latest, with the trust signals of the version it resolves to. */
type LatestRow = LatestInRegion & { trust?: VersionTrust };

const column = createColumnHelper<LatestRow>();
const columns = [
  column.accessor("displayName", {
    header: "Region",
    meta: { rowHeader: true },
    cell: (info) => <SafeText value={info.getValue()} />,
  }),
  column.accessor((row) => row.latest ?? "", {
    id: "latest",
    header: "latest resolves to",
    cell: (info) => {
      const row = info.row.original;
      if (!row.latest) return <Tag tone="warn">No version</Tag>;
      return (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span className="font-mono">{row.latest}</span>
          {row.latestIsPastEndOfLife && <Tag tone="warn">past end of life</Tag>}
          {row.trust?.warnings.map((warning) => (
            <span key={warning} className="basis-full text-xs text-amber-900">
              <Tag tone="warn">check first</Tag> {warning} latest still resolves to it: exclude it from latest or
              publish a newer version.
            </span>
          ))}
        </span>
      );
    },
  }),
  column.display({
    id: "passedOver",
    header: "Newer versions passed over, and why",
    cell: (info) => {
      const passed = info.row.original.passedOver;
      if (passed.length === 0) return <span className="text-slate-600">None: it is the newest version.</span>;
      return (
        <ul className="space-y-1 text-xs">
          {passed.map((p) => (
            <li key={p.name}>
              <span className="font-mono font-semibold">{p.name}</span> <Tag>{REASON_LABEL[p.reason]}</Tag>{" "}
              <span className="text-slate-700">{p.explanation}</span>
            </li>
          ))}
        </ul>
      );
    },
  }),
];

/**
 * For an image definition: what a deployment of `latest` (the definition id, no version) gets in each region,
 * and why each newer version is not it there. Users of the portal and `az` trip over exactly this.
 */
export function LatestByRegion({ definitionId }: { definitionId: string }) {
  const arm = useArm();
  const image = useQuery(imageQueries.detail(arm, definitionId));
  const [definition] = useVersionsWithReplication([definitionId]);
  const resolutions =
    definition?.versions && definition.complete
      ? latestByRegion(latestCandidates(definition.versions), new Date())
      : undefined;
  const latestNames = new Set((resolutions ?? []).map((row) => row.latest));
  const trust = useVersionTrust(
    (definition?.versions ?? []).filter((version) => latestNames.has(version.name)),
    image.data?.features,
  );
  const rows: LatestRow[] | undefined = resolutions?.map((row) => ({
    ...row,
    ...(row.latest && trust.get(row.latest) ? { trust: trust.get(row.latest) } : {}),
  }));
  return (
    <Section
      title="Latest in each region"
      description="A VM created from the definition (no version) gets the highest version not excluded from latest whose replication to its region has completed."
    >
      {definition?.listError !== undefined && (
        <ErrorPanel error={definition.listError} title="The versions could not be listed" />
      )}
      {definition && !definition.listError && !rows && <Spinner label="Reading each version's replication…" />}
      {rows && (
        <DataTable
          data={rows}
          columns={columns}
          caption="What latest resolves to in each region"
          getRowId={(row) => row.region}
          empty="This definition has no versions, so latest resolves nowhere."
        />
      )}
    </Section>
  );
}
