"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useId, useMemo, useState } from "react";
import { SharedDefinitions } from "@/components/access/SharedDefinitions";
import { type InventoryGalleryRow, useGalleryInventory } from "@/components/inventory/useGalleryInventory";
import { useArm } from "@/components/layout/ArmContext";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DataTable } from "@/components/ui/DataTable";
import { descriptionColumn } from "@/components/ui/resourceColumns";
import { resourceNameColumn } from "@/components/ui/resourceNameColumn";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { regionDisplayName } from "@/lib/gallery/regions";
import type { InventoryFailure } from "@/lib/inventory/state";
import { subscriptionQueries, type Subscription } from "@/lib/queries/subscriptions";
import { visibleText } from "@/lib/security/safeLink";

interface GalleryRow extends Omit<InventoryGalleryRow, "definitionCount"> {
  definitionCount: InventoryGalleryRow["definitionCount"] | "error";
}

const column = createColumnHelper<GalleryRow>();

const columns = [
  resourceNameColumn<GalleryRow>(),
  column.accessor("subscriptionName", {
    header: "Subscription",
    cell: (info) => <span title={info.row.original.subscriptionId}>{info.getValue()}</span>,
  }),
  column.accessor("resourceGroup", { header: "Resource group" }),
  column.accessor("location", { header: "Region", cell: (info) => regionDisplayName(info.getValue()) }),
  descriptionColumn<GalleryRow>((row) => row.description),
  column.accessor((row) => (typeof row.definitionCount === "number" ? row.definitionCount : -1), {
    id: "definitions",
    header: "Definitions",
    meta: { numeric: true },
    cell: (info) => {
      const count = info.row.original.definitionCount;
      if (count === "loading") return <Spinner label="" className="justify-end" />;
      if (count === "error") return <span title="The definitions of this gallery could not be listed">—</span>;
      return count;
    },
  }),
  column.accessor((row) => (typeof row.otherArtifacts === "object" ? row.otherArtifacts.applications : -1), {
    id: "applications",
    header: "VM applications",
    meta: { numeric: true },
    cell: (info) => {
      const other = info.row.original.otherArtifacts;
      if (other === "loading") return <Spinner label="" className="justify-end" />;
      if (other === "unknown") return <span title="Listed on the gallery's page">—</span>;
      return other.applications;
    },
  }),
  column.accessor(
    (row) =>
      typeof row.otherArtifacts === "object"
        ? row.otherArtifacts.scripts + row.otherArtifacts.accessControlProfiles
        : -1,
    {
      id: "scriptsAndProfiles",
      header: "Scripts and access profiles",
      meta: { numeric: true },
      cell: (info) => {
        const other = info.row.original.otherArtifacts;
        if (other === "loading") return <Spinner label="" className="justify-end" />;
        if (other === "unknown") return <span title="Listed on the gallery's page">—</span>;
        return (
          <span title={`${other.scripts} scripts, ${other.accessControlProfiles} in-VM access control profiles`}>
            {other.scripts} · {other.accessControlProfiles}
          </span>
        );
      },
    },
  ),
  column.accessor("sharing", {
    header: "Sharing",
    cell: (info) => <Tag tone={info.getValue() === "Private (RBAC)" ? "neutral" : "brand"}>{info.getValue()}</Tag>,
  }),
];

/** The scope the ARM fallback names when a gallery's image definitions could not be listed. */
const definitionsScope = (galleryId: string) => `${galleryId}/images`.toLowerCase();

/**
 * Inline failures of the ARM fallback (Resource Graph answers for every subscription or not at all): a
 * subscription whose galleries could not be listed, titled by its display name, or a gallery whose definitions
 * could not be listed.
 */
function failureTitle(failure: InventoryFailure, subscriptions: readonly Subscription[]): string {
  const subscription = subscriptions.find(
    (s) => s.subscriptionId.toLowerCase() === failure.subscriptionId.toLowerCase(),
  );
  const gallery = /\/galleries\/([^/]+)\/images$/i.exec(failure.scope)?.[1];
  if (gallery) return `Image definitions of gallery “${gallery}” could not be listed`;
  return `Galleries in subscription “${subscription?.displayName ?? failure.subscriptionId}” could not be listed`;
}

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

/** Every gallery in every subscription the signed-in user can read, with per-subscription failures inline. */
export function GalleryOverview() {
  const arm = useArm();
  const ids = { search: useId(), subscription: useId(), region: useId() };
  const [search, setSearch] = useState("");
  const [subscriptionFilter, setSubscriptionFilter] = useState("");
  const [regionFilter, setRegionFilter] = useState("");

  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const subscriptionList = useMemo(() => subscriptions.data ?? [], [subscriptions.data]);
  const inventory = useGalleryInventory(subscriptionList);
  const failures = inventory.state?.failures ?? [];
  const failedDefinitions = new Set(failures.map((f) => f.scope.toLowerCase()));
  const rows: GalleryRow[] = inventory.rows.map((row) =>
    failedDefinitions.has(definitionsScope(row.id)) && row.definitionCount === 0
      ? { ...row, definitionCount: "error" }
      : row,
  );

  const regions = useMemo(() => [...new Set(rows.map((r) => r.location.toLowerCase()))].sort(), [rows]);
  const needle = search.trim().toLowerCase();
  const visible = rows.filter(
    (row) =>
      (!subscriptionFilter || row.subscriptionId === subscriptionFilter) &&
      (!regionFilter || row.location.toLowerCase() === regionFilter) &&
      (!needle ||
        [row.name, row.description, row.resourceGroup, row.subscriptionName].some((v) =>
          v.toLowerCase().includes(needle),
        )),
  );
  const stillLoading = subscriptions.isPending || inventory.loading;

  return (
    <>
      <Breadcrumbs items={[{ label: "Galleries", kind: "Home" }]} />
      <PageHeader
        kind="Azure Compute Gallery"
        title="Galleries"
        subtitle={
          subscriptions.data
            ? `${rows.length} ${rows.length === 1 ? "gallery" : "galleries"} in ${subscriptionList.length} ${subscriptionList.length === 1 ? "subscription" : "subscriptions"}`
            : undefined
        }
      />

      {subscriptions.isError ? (
        <div className="mt-4">
          <ErrorPanel
            error={subscriptions.error}
            title="Your subscriptions could not be listed"
            onRetry={() => void subscriptions.refetch()}
            retrying={subscriptions.isFetching}
          />
        </div>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter galleries">
            <div className="flex flex-col gap-1">
              <label htmlFor={ids.search} className="text-xs font-medium text-slate-700">
                Search
              </label>
              <input
                id={ids.search}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder="Name, description, resource group…"
                className={`${selectClass} w-72`}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={ids.subscription} className="text-xs font-medium text-slate-700">
                Subscription
              </label>
              <select
                id={ids.subscription}
                value={subscriptionFilter}
                onChange={(e) => setSubscriptionFilter(e.target.value)}
                className={selectClass}
              >
                <option value="">All subscriptions</option>
                {subscriptionList.map((s) => (
                  <option key={s.subscriptionId} value={s.subscriptionId}>
                    {visibleText(s.displayName)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={ids.region} className="text-xs font-medium text-slate-700">
                Region
              </label>
              <select
                id={ids.region}
                value={regionFilter}
                onChange={(e) => setRegionFilter(e.target.value)}
                className={selectClass}
              >
                <option value="">All regions</option>
                {regions.map((r) => (
                  <option key={r} value={r}>
                    {regionDisplayName(r)}
                  </option>
                ))}
              </select>
            </div>
            {stillLoading && <Spinner label="Loading galleries…" className="mb-1.5" />}
          </div>

          {inventory.error !== null && (
            <div className="mt-4">
              <ErrorPanel
                error={inventory.error}
                title="The galleries could not be listed"
                onRetry={inventory.refetch}
                retrying={inventory.loading}
              />
            </div>
          )}
          {failures.length > 0 && (
            <div className="mt-4 space-y-3">
              {failures.map((failure) => (
                <ErrorPanel
                  key={failure.scope}
                  error={failure.error}
                  title={failureTitle(failure, subscriptionList)}
                  onRetry={() => inventory.retry(failure.subscriptionId)}
                  retrying={failure.retrying === true}
                />
              ))}
            </div>
          )}

          <div className="mt-4">
            <DataTable
              data={visible}
              columns={columns}
              caption="Galleries"
              getRowId={(row) => row.id}
              initialSorting={[{ id: "name", desc: false }]}
              empty={
                stillLoading
                  ? "Loading…"
                  : rows.length === 0
                    ? subscriptionList.length === 0
                      ? "You cannot see any subscription. Ask an administrator for a role assignment (for example Reader) on a subscription."
                      : "No galleries in the subscriptions you can read."
                    : "No gallery matches these filters."
              }
            />
          </div>
          {!stillLoading && (
            <SharedDefinitions subscriptions={subscriptionList} readableGalleryIds={rows.map((row) => row.id)} />
          )}
        </>
      )}
    </>
  );
}
