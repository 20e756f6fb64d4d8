"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useMemo, useState } from "react";
import { ListingStatus, ListingTable } from "@/components/consumer/Listing";
import { useSubscriptionNames } from "@/components/galleries/useSubscriptionName";
import { FilterForm, FilterSelect, HideEndOfLifeFilter, SearchFilter } from "@/components/consumer/ConsumerFilters";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate } from "@/components/ui/format";
import { SafeText } from "@/components/ui/SafeText";
import { Tag } from "@/components/ui/StateBadge";
import { galleryArtifactHref, galleryArtifactPathOf } from "@/lib/azure/artifactRoutes";
import { type ApplicationFilters, filterApplications, type InventoryApplication } from "@/lib/consumer/applications";
import { regionDisplayName } from "@/lib/gallery/regions";
import { consumerApplicationQueries } from "@/lib/queries/consumerApplications";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

type Row = InventoryApplication & { subscriptionName: string };

const column = createColumnHelper<Row>();
/** Versions linked per row; the rest are counted. */
const SHOWN_VERSIONS = 3;

const versionHref = (id: string) => {
  const path = galleryArtifactPathOf(id);
  return path ? galleryArtifactHref(path) : "/";
};

const columns = [
  column.accessor("name", {
    header: "Application",
    meta: { rowHeader: true },
    cell: (info) => (
      <span className="flex flex-col">
        <span className="font-medium text-slate-900">{info.getValue()}</span>
        <SafeText value={info.row.original.description} className="text-xs text-slate-600" />
      </span>
    ),
  }),
  column.accessor("supportedOSType", { header: "OS" }),
  column.accessor((row) => row.versions[0]?.name ?? "", {
    id: "versions",
    header: "Versions",
    enableSorting: false,
    cell: (info) => {
      const { versions, name } = info.row.original;
      if (versions.length === 0) return <span className="text-slate-600">None</span>;
      return (
        <ul className="flex flex-col items-start gap-1">
          {versions.slice(0, SHOWN_VERSIONS).map((v) => (
            <li key={v.id} className="flex items-center gap-1">
              <IntentLink
                href={versionHref(v.id)}
                className="font-mono text-brand-700 hover:underline"
                aria-label={`Version ${v.name} of ${name}`}
              >
                {v.name}
              </IntentLink>
              {v.excludeFromLatest && <Tag tone="neutral">excluded from latest</Tag>}
              {v.pastEndOfLife && <Tag tone="warn">past end of life</Tag>}
            </li>
          ))}
          {versions.length > SHOWN_VERSIONS && (
            <li className="text-xs text-slate-600">and {versions.length - SHOWN_VERSIONS} older</li>
          )}
        </ul>
      );
    },
  }),
  column.accessor((row) => row.regions.length, {
    id: "regions",
    header: "Regions",
    cell: (info) => (
      <span className="text-xs">{info.row.original.regions.map(regionDisplayName).join(", ") || "—"}</span>
    ),
  }),
  column.accessor((row) => row.endOfLifeDate ?? "", {
    id: "endOfLife",
    header: "End of life",
    cell: (info) => {
      const app = info.row.original;
      if (app.pastEndOfLife) return <Tag tone="warn">End of life {formatDate(app.endOfLifeDate!)}</Tag>;
      return app.endOfLifeDate ? formatDate(app.endOfLifeDate) : "—";
    },
  }),
  column.accessor("galleryName", {
    header: "Gallery",
    cell: (info) => (
      <span className="flex flex-col text-xs">
        <span>{info.getValue()}</span>
        <span className="text-slate-600">{info.row.original.subscriptionName}</span>
      </span>
    ),
  }),
];

/** Every VM Application (and its versions) the signed-in user may read, across the subscriptions they reach. */
export function ApplicationsICanUse() {
  const arm = useArm();
  const [filters, setFilters] = useState<ApplicationFilters>({});
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const subscriptionIds = useMemo(() => (subscriptions.data ?? []).map((s) => s.subscriptionId), [subscriptions.data]);
  const applications = useQuery(consumerApplicationQueries.list(arm, subscriptionIds));

  const subscriptionName = useSubscriptionNames();
  const all: Row[] = (applications.data?.applications ?? []).map((app) => ({
    ...app,
    subscriptionName: subscriptionName(app.subscriptionId),
  }));
  const visible = filterApplications(all, filters);
  const osTypes = [...new Set(all.map((a) => a.supportedOSType).filter(Boolean))].sort();
  const regions = [...new Set(all.flatMap((a) => a.regions))].sort();
  const set = (key: "text" | "osType" | "region") => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value || undefined }));

  return (
    <>
      {subscriptions.isError && (
        <ErrorPanel error={subscriptions.error} title="Your subscriptions could not be listed" />
      )}
      {applications.isError && <ErrorPanel error={applications.error} title="The applications could not be listed" />}
      <FilterForm label="Filter applications">
        <SearchFilter value={filters.text ?? ""} onChange={set("text")} placeholder="Name, gallery, description" />
        <FilterSelect label="OS type" value={filters.osType ?? ""} options={osTypes} onChange={set("osType")} />
        <FilterSelect
          label="Region"
          value={filters.region ?? ""}
          options={regions}
          onChange={set("region")}
          display={regionDisplayName}
        />
        <HideEndOfLifeFilter
          checked={filters.hideEndOfLife ?? false}
          onChange={(hide) => setFilters((f) => ({ ...f, hideEndOfLife: hide }))}
        />
      </FilterForm>
      {applications.data && (
        <ListingStatus
          listing={applications.data}
          shown={visible.length}
          total={all.length}
          noun="applications"
          note="The region filter keeps applications with a version targeting the region; open a version to see where it is usable now."
        />
      )}
      <ListingTable
        finding={
          (subscriptions.isPending || applications.isFetching) && !applications.data
            ? "Finding the applications you can use…"
            : undefined
        }
        data={visible}
        columns={columns}
        caption="Applications I can use"
        empty="No application matches these filters."
      />
    </>
  );
}
