"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useArm } from "@/components/layout/ArmContext";
import { InventoryFailures } from "@/components/inventory/InventoryFailures";
import { useGalleryInventory } from "@/components/inventory/useGalleryInventory";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { pageHref } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import type { InventoryItem, InventoryKind } from "@/lib/inventory/item";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

const KIND_LABEL: Record<InventoryKind, string> = {
  gallery: "Gallery",
  definition: "Image definition",
  version: "Image version",
  application: "VM application",
  applicationVersion: "Application version",
  script: "Script",
  accessControlProfile: "In-VM access control profile",
};

interface InventoryRow extends InventoryItem {
  kindLabel: string;
  /** `gallery/definition/version`, the name a platform team searches for. */
  path: string;
  subscriptionName: string;
  identifier: string;
}

const column = createColumnHelper<InventoryRow>();
const columns = [
  column.accessor("path", {
    header: "Name",
    meta: { rowHeader: true },
    cell: (info) => (
      <IntentLink href={pageHref(info.row.original.id)} className="font-mono text-brand-700 hover:underline">
        {info.getValue()}
      </IntentLink>
    ),
  }),
  column.accessor("kindLabel", { header: "Type" }),
  column.accessor("subscriptionName", { header: "Subscription" }),
  column.accessor("resourceGroup", { header: "Resource group" }),
  column.accessor("location", { header: "Region", cell: (info) => regionDisplayName(info.getValue()) }),
  column.accessor("identifier", { header: "Publisher / offer / SKU", cell: (info) => info.getValue() || "—" }),
];

function pathOf(item: InventoryItem): string {
  const parts = item.id.split("/");
  const at = parts.findIndex((p) => p.toLowerCase() === "galleries");
  return parts
    .slice(at + 1)
    .filter((_, i) => i % 2 === 0)
    .join("/");
}

/** ", 2 VM applications, 1 script" for the kinds beyond images that the inventory holds. */
function otherCounts(count: (kind: InventoryKind) => number): string {
  const kinds: [InventoryKind, string][] = [
    ["application", "VM applications"],
    ["applicationVersion", "application versions"],
    ["script", "scripts"],
    ["accessControlProfile", "in-VM access control profiles"],
  ];
  return kinds
    .filter(([kind]) => count(kind) > 0)
    .map(([kind, label]) => `, ${count(kind)} ${label}`)
    .join("");
}

/**
 * Every gallery, image definition and image version in every subscription the user can read, in one table:
 * one Resource Graph query (ARM listing per subscription when Resource Graph refuses), rows appearing as pages
 * arrive. The table is virtualized, so tens of thousands of rows stay responsive.
 */
export function InventoryTable() {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const inventory = useGalleryInventory(subscriptions.data ?? []);
  const names = new Map((subscriptions.data ?? []).map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const rows: InventoryRow[] = inventory.items.map((item) => ({
    ...item,
    kindLabel: KIND_LABEL[item.kind],
    path: pathOf(item),
    subscriptionName: names.get(item.subscriptionId) ?? item.subscriptionId,
    identifier: item.publisher ? `${item.publisher} / ${item.offer ?? ""} / ${item.sku ?? ""}` : "",
  }));
  const state = inventory.state;
  const count = (kind: InventoryKind) => inventory.items.filter((i) => i.kind === kind).length;

  return (
    <>
      <Breadcrumbs items={[{ label: "Inventory", kind: "Home" }]} />
      <PageHeader
        kind="Azure Compute Gallery"
        title="Inventory"
        subtitle={
          subscriptions.data &&
          `${count("gallery")} galleries, ${count("definition")} image definitions, ${count("version")} image versions${otherCounts(count)} in ${subscriptions.data.length} subscriptions` +
            (state?.source === "resourceGraph"
              ? " · from Resource Graph"
              : state?.source === "armListing"
                ? " · listed per subscription"
                : "")
        }
      />
      {subscriptions.isError && (
        <ErrorPanel error={subscriptions.error} title="Your subscriptions could not be listed" />
      )}
      {inventory.error !== null && (
        <ErrorPanel error={inventory.error} title="The inventory could not be read" onRetry={inventory.refetch} />
      )}
      {state?.fallbackReason && (
        <p className="mt-2 text-sm text-slate-600">
          Resource Graph answered {state.fallbackReason.code} ({state.fallbackReason.message}); listed per subscription
          instead. Image versions are listed on each definition&apos;s page; applications, scripts and access control
          profiles on each gallery&apos;s page.
        </p>
      )}
      <InventoryFailures inventory={inventory} />
      {inventory.loading && <Spinner label={`Loading the inventory… ${rows.length} so far`} className="mt-3" />}
      <div className="mt-4">
        <DataTable
          data={rows}
          columns={columns}
          caption="Inventory"
          getRowId={(row) => row.id}
          initialSorting={[{ id: "path", desc: false }]}
          filterLabel="Filter the inventory"
          empty={
            inventory.loading || subscriptions.isPending
              ? "Loading…"
              : "No galleries in the subscriptions you can read."
          }
        />
      </div>
    </>
  );
}
