"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useMemo, useState } from "react";
import { ListingFailures, ListingStatus, ListingTable } from "@/components/consumer/Listing";
import { useSubscriptionNames } from "@/components/galleries/useSubscriptionName";
import { FilterForm, FilterSelect, HideEndOfLifeFilter, SearchFilter } from "@/components/consumer/ConsumerFilters";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate } from "@/components/ui/format";
import { Tag } from "@/components/ui/StateBadge";
import { pageHref } from "@/lib/azure/routeParams";
import {
  endOfLifeEverywhere,
  filterInventory,
  filterOptions,
  type InventoryFilters,
  type InventoryImage,
} from "@/lib/consumer/inventory";
import { regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";
import { subscriptionQueries } from "@/lib/queries/subscriptions";
import { regionsToSearch, sharedImageHref } from "@/lib/consumer/sharedGalleries";
import { SharedGalleryInvites } from "@/components/consumer/SharedGalleryInvites";
import { CommunityGalleryLookup } from "@/components/consumer/CommunityGalleryLookup";
import { SharedGallerySearch } from "@/components/consumer/SharedGallerySearch";
import { SafeText } from "@/components/ui/SafeText";
import { NewestVersionTrust } from "@/components/trust/NewestVersionTrust";

type Row = InventoryImage & { subscriptionName: string; href: string };

const column = createColumnHelper<Row>();

const columns = [
  column.accessor("name", {
    header: "Image definition",
    meta: { rowHeader: true },
    cell: (info) => (
      <span className="flex flex-col">
        <IntentLink href={info.row.original.href} className="text-brand-700 hover:underline">
          {info.getValue()}
        </IntentLink>
        <SafeText value={info.row.original.description} className="text-xs text-slate-600" />
      </span>
    ),
  }),
  column.accessor((row) => `${row.publisher}/${row.offer}/${row.sku}`, {
    id: "identifier",
    header: "Publisher / offer / SKU",
    cell: (info) => <code className="font-mono text-xs">{info.getValue()}</code>,
  }),
  column.accessor((row) => `${row.osType} ${row.osState}`, {
    id: "os",
    header: "OS",
    cell: (info) => (
      <span className="whitespace-nowrap">
        {info.row.original.osType} · {info.row.original.osState}
      </span>
    ),
  }),
  column.accessor("architecture", { header: "Architecture" }),
  column.accessor((row) => row.versions[0]?.name ?? "", {
    id: "versions",
    header: "Versions",
    enableSorting: false,
    cell: (info) => {
      const versions = info.row.original.versions;
      if (versions.length === 0) return <span className="text-slate-600">None</span>;
      const newest = versions[0]!;
      const ended = versions.filter((v) => v.pastEndOfLife).length;
      return (
        <span className="flex flex-col items-start gap-1">
          <span>
            {versions.length} · newest{" "}
            <IntentLink
              href={info.row.original.access === "directShare" ? info.row.original.href : pageHref(newest.id)}
              className="font-mono text-brand-700 hover:underline"
              aria-label={`Version ${newest.name} of ${info.row.original.name}`}
            >
              {newest.name}
            </IntentLink>
          </span>
          {ended > 0 && <Tag tone="warn">{ended} past end of life</Tag>}
        </span>
      );
    },
  }),
  column.display({
    id: "trust",
    header: "Newest version's trust",
    cell: (info) => <NewestVersionTrust image={info.row.original} />,
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
      const image = info.row.original;
      if (endOfLifeEverywhere(image))
        return <Tag tone="warn">End of life{image.endOfLifeDate ? ` ${formatDate(image.endOfLifeDate)}` : ""}</Tag>;
      return image.endOfLifeDate ? formatDate(image.endOfLifeDate) : "—";
    },
  }),
  column.accessor("galleryName", {
    header: "Gallery",
    cell: (info) => {
      const shared = info.row.original.sharedGallery;
      return (
        <span className="flex flex-col items-start gap-1 text-xs">
          {shared && <Tag tone="brand">Shared directly{shared.sharedTo === "tenant" ? " with your tenant" : ""}</Tag>}
          <span className={shared ? "break-all font-mono" : undefined}>{info.getValue()}</span>
          <span className="text-slate-600">
            {shared ? `through ${info.row.original.subscriptionName}` : info.row.original.subscriptionName}
          </span>
        </span>
      );
    },
  }),
];

/**
 * Every image definition (and its versions) the signed-in user may read, across subscriptions and tenants the
 * token reaches, with the filters a consumer picks an image by. Shown by WhatICanUse when the type is images.
 */
export function ImagesICanUse() {
  const arm = useArm();
  const [filters, setFilters] = useState<InventoryFilters>({});
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const subscriptionIds = useMemo(() => (subscriptions.data ?? []).map((s) => s.subscriptionId), [subscriptions.data]);
  const images = useQuery(consumerQueries.images(arm, subscriptionIds));
  // Galleries shared directly are read per region: the regions the user picks, then where their own images are.
  const [addedRegions, setAddedRegions] = useState<string[]>([]);
  const sharedRegions = useMemo(
    () => regionsToSearch(images.data?.images ?? [], [...(filters.region ? [filters.region] : []), ...addedRegions]),
    [images.data, filters.region, addedRegions],
  );
  const shared = useQuery(consumerQueries.sharedImages(arm, subscriptions.data ?? [], sharedRegions));

  const subscriptionName = useSubscriptionNames();
  const all: Row[] = [...(images.data?.images ?? []), ...(shared.data?.images ?? [])].map((image) => ({
    ...image,
    subscriptionName: subscriptionName(image.subscriptionId),
    href: image.access === "directShare" ? sharedImageHref(image, sharedRegions) : pageHref(image.id),
  }));
  const options = filterOptions(all);
  const visible = filterInventory(all, filters);
  const set = (key: keyof InventoryFilters) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value || undefined }));

  return (
    <>
      {subscriptions.isError && (
        <ErrorPanel error={subscriptions.error} title="Your subscriptions could not be listed" />
      )}
      {subscriptions.data?.length === 0 && (
        <p className="mt-4 text-sm text-slate-700">
          You have no access to any subscription, so there is no image you can use yet.
        </p>
      )}
      {images.isError && <ErrorPanel error={images.error} title="The images could not be listed" />}

      <FilterForm label="Filter images">
        <SearchFilter value={filters.text ?? ""} onChange={set("text")} placeholder="Name, identifier, description" />
        <FilterSelect label="OS type" value={filters.osType ?? ""} options={options.osType} onChange={set("osType")} />
        <FilterSelect
          label="Architecture"
          value={filters.architecture ?? ""}
          options={options.architecture}
          onChange={set("architecture")}
        />
        <FilterSelect
          label="Region"
          value={filters.region ?? ""}
          options={options.region}
          onChange={set("region")}
          display={regionDisplayName}
        />
        <FilterSelect
          label="Publisher"
          value={filters.publisher ?? ""}
          options={options.publisher}
          onChange={set("publisher")}
        />
        <FilterSelect label="Offer" value={filters.offer ?? ""} options={options.offer} onChange={set("offer")} />
        <FilterSelect label="SKU" value={filters.sku ?? ""} options={options.sku} onChange={set("sku")} />
        <HideEndOfLifeFilter
          checked={filters.hideEndOfLife ?? false}
          onChange={(hide) => setFilters((f) => ({ ...f, hideEndOfLife: hide }))}
        />
      </FilterForm>

      {images.data && (
        <ListingStatus
          listing={images.data}
          shown={visible.length}
          total={all.length}
          noun="image definitions"
          fallbackNote="; definitions shared on their own are not found by listing"
          note="The region filter keeps images with a version targeting the region; open a version to see where it is usable now."
        />
      )}
      {images.data && (
        <SharedGallerySearch
          subscriptionId={subscriptionIds[0] ?? ""}
          regions={sharedRegions}
          onAdd={(region) => setAddedRegions((r) => (r.includes(region) ? r : [...r, region]))}
          status={
            shared.isFetching
              ? "searching"
              : shared.data
                ? `${shared.data.images.length} shared image definitions found`
                : ""
          }
        />
      )}
      {shared.isError && <ErrorPanel error={shared.error} title="Directly shared galleries could not be listed" />}
      {shared.data && <ListingFailures failures={shared.data.failures} />}

      <ListingTable
        finding={
          (subscriptions.isPending || images.isFetching) && !images.data ? "Finding the images you can use…" : undefined
        }
        data={visible}
        columns={columns}
        caption="Images I can use"
        empty="No image matches these filters."
      />
      {subscriptionIds[0] && <CommunityGalleryLookup subscriptionId={subscriptionIds[0]} />}
      {subscriptions.data && <SharedGalleryInvites subscriptions={subscriptions.data} />}
    </>
  );
}
