"use client";

import type { QueryKey } from "@tanstack/react-query";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DataTable } from "@/components/ui/DataTable";
import { GroupedErrors } from "@/components/ui/GroupedErrors";
import { formatDate, isPast } from "@/components/ui/format";
import { Tag } from "@/components/ui/StateBadge";
import type { ReplicatedArtifactVersion } from "@/components/versions/domainAdapters";
import {
  ReplicationRegionsCell,
  ReplicationStateCell,
  type ReplicationRead,
} from "@/components/versions/ReplicationCells";
import { pageHref } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";

/** The columns the version tables of image definitions and VM applications share. */

export interface VersionRow<V> {
  id: string;
  name: string;
  version: V;
}

/**
 * The version `latest` resolves to where the table is shown. The name cells read it, so resolving latest (once
 * every version has been listed) re-renders the cells on screen, not the table's rows.
 */
const LatestVersionContext = createContext<string | undefined>(undefined);

const rowOf = new WeakMap<object, VersionRow<unknown>>();

/**
 * The table rows of a version list, one per version object for as long as it lives: a list that grows page by page
 * or takes a version's replication read keeps the other rows, so the table builds only the new ones.
 */
function versionRows<V extends ReplicatedArtifactVersion>(versions: readonly V[]): VersionRow<V>[] {
  return versions.map((version) => {
    let row = rowOf.get(version) as VersionRow<V> | undefined;
    if (!row) {
      row = { id: version.id ?? "", name: version.name ?? "", version };
      rowOf.set(version, row);
    }
    return row;
  });
}

/**
 * The version table of a definition or application, newest first, `latest` marked, with the versions whose
 * replication could not be read named above it. `versions` is the hook's array (kept while unchanged), so rows are
 * built again only when it changes.
 */
export function VersionsTable<V extends ReplicatedArtifactVersion>({
  versions,
  detailErrors,
  columns,
  caption,
  latest,
  empty,
  filterLabel,
}: {
  versions: readonly V[] | undefined;
  detailErrors: readonly { version: V; error: unknown }[];
  // Column value types differ per column, as in DataTable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<VersionRow<V>, any>[];
  caption: string;
  latest: string | undefined;
  empty: ReactNode;
  filterLabel?: string;
}) {
  const rows = useMemo(() => versionRows(versions ?? []), [versions]);
  return (
    <>
      <GroupedErrors
        failures={detailErrors.map(({ version, error }) => ({ name: version.name ?? "", error }))}
        describe={(names) => `The replication status of ${names} could not be read`}
      />
      <LatestVersionContext.Provider value={latest}>
        <DataTable
          data={rows}
          columns={columns}
          caption={caption}
          getRowId={(row) => row.id}
          initialSorting={[{ id: "name", desc: true }]}
          empty={empty}
          filterLabel={filterLabel}
        />
      </LatestVersionContext.Provider>
    </>
  );
}

function VersionName({ id, name }: { id: string; name: string }) {
  const latest = useContext(LatestVersionContext);
  return (
    <span className="inline-flex items-center gap-2">
      <IntentLink href={pageHref(id)} className="font-mono text-brand-700 hover:underline">
        {name}
      </IntentLink>
      {latest === name && <Tag tone="brand">latest</Tag>}
    </span>
  );
}

/** An end-of-life date, marked once it has passed. */
export function EndOfLifeValue({ date }: { date: Date | undefined }) {
  if (!date) return <>—</>;
  return isPast(date) ? <Tag tone="warn">Ended {formatDate(date)}</Tag> : <>{formatDate(date)}</>;
}

/**
 * `leading`: the version (linked, `latest` marked as LatestVersionContext says), published, end of life, excluded from latest; `replication`:
 * target regions and state, read per row through `read` as the row is rendered.
 */
export function versionColumns<V extends ReplicatedArtifactVersion, K extends QueryKey>(read: ReplicationRead<V, K>) {
  const column = createColumnHelper<VersionRow<V>>();
  return {
    column,
    leading: [
      column.accessor("name", {
        header: "Version",
        meta: { rowHeader: true },
        sortingFn: (a, b) => compareVersionNames(a.original.name, b.original.name),
        cell: (info) => <VersionName id={info.row.original.id} name={info.row.original.name} />,
      }),
      column.accessor((row) => row.version.publishingProfile?.publishedDate?.getTime() ?? 0, {
        id: "published",
        header: "Published",
        cell: (info) => formatDate(info.row.original.version.publishingProfile?.publishedDate),
      }),
      column.accessor((row) => row.version.publishingProfile?.endOfLifeDate?.getTime() ?? Number.MAX_SAFE_INTEGER, {
        id: "endOfLife",
        header: "End of life",
        cell: (info) => <EndOfLifeValue date={info.row.original.version.publishingProfile?.endOfLifeDate} />,
      }),
      column.accessor((row) => Boolean(row.version.publishingProfile?.excludeFromLatest), {
        id: "excludeFromLatest",
        header: "Exclude from latest",
        cell: (info) => (info.getValue() ? "Yes" : "No"),
      }),
    ],
    replication: [
      column.display({
        id: "regions",
        header: "Target regions",
        cell: (info) => <ReplicationRegionsCell version={info.row.original.version} read={read} />,
      }),
      column.accessor((row) => row.version.replicationStatus?.aggregatedState ?? row.version.provisioningState ?? "", {
        id: "state",
        header: "Replication",
        cell: (info) => <ReplicationStateCell version={info.row.original.version} read={read} />,
      }),
    ],
  };
}
