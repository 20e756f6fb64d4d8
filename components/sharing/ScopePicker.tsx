"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { InventoryFailures } from "@/components/inventory/InventoryFailures";
import { useGalleryInventory } from "@/components/inventory/useGalleryInventory";
import { useArm } from "@/components/layout/ArmContext";
import { accessHref, shareHref } from "@/components/sharing/scopeLabels";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Card, PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { parseResourceId } from "@/lib/azure/resourceId";
import type { InventoryItem } from "@/lib/inventory/item";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

const PURPOSE = {
  share: { kind: "Grant access", title: "Choose what to share", verb: "Share", href: shareHref },
  access: { kind: "Access", title: "Choose a scope", verb: "See the access to", href: accessHref },
} as const;

interface GalleryGroup {
  key: string;
  name: string;
  /** Undefined when only some of its definitions are readable (a role assigned at the definition). */
  gallery?: InventoryItem;
  definitions: InventoryItem[];
}

function groupByGallery(items: readonly InventoryItem[]): GalleryGroup[] {
  const groups = new Map<string, GalleryGroup>();
  const groupOf = (item: InventoryItem) => {
    let group = groups.get(item.galleryKey);
    if (!group) {
      group = { key: item.galleryKey, name: parseResourceId(item.id)?.gallery ?? item.galleryKey, definitions: [] };
      groups.set(item.galleryKey, group);
    }
    return group;
  };
  for (const item of items) {
    if (item.kind === "gallery") groupOf(item).gallery = item;
    else if (item.kind === "definition") groupOf(item).definitions.push(item);
  }
  for (const group of groups.values()) group.definitions.sort((a, b) => a.name.localeCompare(b.name));
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** Keeps a gallery when its name matches (with every definition) or when one of its definitions does. */
function matching(groups: readonly GalleryGroup[], filter: string): GalleryGroup[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...groups];
  return groups.flatMap((group) => {
    if (group.name.toLowerCase().includes(needle)) return [group];
    const definitions = group.definitions.filter((definition) => definition.name.toLowerCase().includes(needle));
    return definitions.length > 0 ? [{ ...group, definitions }] : [];
  });
}

/**
 * `/share` and `/access` opened without a scope: the galleries and image definitions the user can read (the
 * inventory's Resource Graph query only returns those), each a link to the wizard or the access panel for it.
 */
export function ScopePicker({ purpose }: { purpose: keyof typeof PURPOSE }) {
  const arm = useArm();
  const { kind, title, verb, href } = PURPOSE[purpose];
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const inventory = useGalleryInventory(subscriptions.data ?? []);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const groups = matching(groupByGallery(inventory.items), filter);
  const loading = subscriptions.isPending || inventory.loading;

  return (
    <>
      <PageHeader
        kind={kind}
        title={title}
        subtitle="The galleries and image definitions you can read, in every subscription you can see."
      />
      {subscriptions.isError && (
        <ErrorPanel
          error={subscriptions.error}
          title="Your subscriptions could not be listed"
          onRetry={() => void subscriptions.refetch()}
        />
      )}
      {inventory.error !== null && (
        <ErrorPanel error={inventory.error} title="The galleries could not be listed" onRetry={inventory.refetch} />
      )}
      <InventoryFailures inventory={inventory} />
      <Card>
        <label htmlFor={filterId} className="block text-sm font-medium text-slate-900">
          Filter galleries and image definitions
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="mt-1 w-full max-w-md rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
        {loading && <Spinner label="Loading your galleries…" className="mt-3" />}
        {!loading && groups.length === 0 && (
          <p className="mt-3 text-sm text-slate-700">
            {filter ? "Nothing matches the filter." : "You cannot read any gallery or image definition."}
          </p>
        )}
        <ul aria-label={title} className="mt-3 space-y-3">
          {groups.map((group) => (
            <li key={group.key}>
              {group.gallery ? (
                <Link
                  href={href(group.gallery.id)}
                  aria-label={`${verb} gallery ${group.name}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  Gallery {group.name}
                </Link>
              ) : (
                <span className="font-medium text-slate-900">Gallery {group.name}</span>
              )}
              {group.definitions.length > 0 && (
                <ul aria-label={`Image definitions in ${group.name}`} className="ml-5 mt-1 list-disc space-y-1 text-sm">
                  {group.definitions.map((definition) => (
                    <li key={definition.id}>
                      <Link
                        href={href(definition.id)}
                        aria-label={`${verb} image definition ${definition.name} in ${group.name}`}
                        className="text-brand-700 hover:underline"
                      >
                        {definition.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
