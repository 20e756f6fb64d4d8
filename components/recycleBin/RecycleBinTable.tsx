"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useEffect, useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { OperationStatus } from "@/components/publish/OperationStatus";
import { useOperation } from "@/components/publish/useOperation";
import { DataTable } from "@/components/ui/DataTable";
import { formatDateTime } from "@/components/ui/format";
import { Tag } from "@/components/ui/StateBadge";
import { galleryIdOf, imageIdOf, pageHref } from "@/lib/azure/routeParams";
import { purgeCountdown, purgeTimeOf } from "@/lib/gallery/softDelete";
import { restoreSoftDeletedVersion, type SoftDeletedVersion } from "@/lib/queries/softDeletedVersions";

/** The clock the countdowns read, moved once a minute: they count in minutes at the finest. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function RestoreButton({ version }: { version: SoftDeletedVersion }) {
  const arm = useArm();
  const operation = useOperation();
  const name = `${version.path.imageName} ${version.path.versionName}`;
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={operation.busy || operation.state.phase === "succeeded"}
        aria-label={`Restore ${name} in ${version.path.galleryName}`}
        onClick={() =>
          operation.run(`Restoring ${name}`, () => restoreSoftDeletedVersion(arm, version), {
            resourceId: version.versionId,
          })
        }
      >
        Restore
      </button>
      <OperationStatus state={operation.state} showRefusal />
    </div>
  );
}

interface Row extends SoftDeletedVersion {
  key: string;
  deleted: number;
}

const column = createColumnHelper<Row>();

function columnsFor(now: number, showGallery: boolean) {
  return [
    column.accessor((row) => row.path.versionName, {
      id: "version",
      header: "Version",
      meta: { rowHeader: true },
      cell: (info) => <span className="font-mono">{info.getValue()}</span>,
    }),
    column.accessor((row) => row.path.imageName, {
      id: "definition",
      header: "Image definition",
      cell: (info) => (
        <IntentLink className={buttonClass.link} href={pageHref(imageIdOf(info.row.original.path))}>
          {info.getValue()}
        </IntentLink>
      ),
    }),
    ...(showGallery
      ? [
          column.accessor((row) => row.path.galleryName, {
            id: "gallery",
            header: "Gallery",
            cell: (info) => (
              <span>
                <IntentLink className={buttonClass.link} href={pageHref(galleryIdOf(info.row.original.path))}>
                  {info.getValue()}
                </IntentLink>
                <span className="block text-xs text-slate-600">{info.row.original.path.resourceGroupName}</span>
              </span>
            ),
          }),
        ]
      : []),
    column.accessor("deleted", {
      header: "Deleted",
      cell: (info) => formatDateTime(info.row.original.softDeletedTime),
    }),
    column.accessor((row) => (row.softDeletedTime ? purgeTimeOf(row.softDeletedTime).getTime() : 0), {
      id: "purge",
      header: "Purged",
      cell: (info) => {
        const deleted = info.row.original.softDeletedTime;
        if (!deleted) return "—";
        const countdown = purgeCountdown(deleted, now);
        return (
          <span>
            {formatDateTime(purgeTimeOf(deleted))}
            <span className="block text-xs">
              {countdown.expired ? <Tag tone="warn">being purged</Tag> : `in ${countdown.label}`}
            </span>
          </span>
        );
      },
    }),
    column.display({
      id: "actions",
      header: "Actions",
      cell: (info) => <RestoreButton version={info.row.original} />,
    }),
  ];
}

/** Soft-deleted versions with when they were deleted, when they are purged, and a restore for each. */
export function RecycleBinTable({
  versions,
  caption,
  showGallery = false,
  empty,
}: {
  versions: SoftDeletedVersion[];
  caption: string;
  showGallery?: boolean;
  empty: string;
}) {
  const now = useNow();
  const rows: Row[] = versions.map((version) => ({
    ...version,
    key: version.id.toLowerCase(),
    deleted: version.softDeletedTime?.getTime() ?? 0,
  }));
  return (
    <DataTable
      data={rows}
      columns={columnsFor(now, showGallery)}
      caption={caption}
      getRowId={(row) => row.key}
      initialSorting={[{ id: "purge", desc: false }]}
      empty={empty}
    />
  );
}
