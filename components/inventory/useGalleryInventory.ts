"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { sharingLabel } from "@/components/galleries/sharing";
import { useArm } from "@/components/layout/ArmContext";
import type { InventoryItem } from "@/lib/inventory/item";
import { definitionCounts, type InventoryState } from "@/lib/inventory/state";
import { inventoryQueries } from "@/lib/queries/inventory";
import type { Subscription } from "@/lib/queries/subscriptions";

export interface InventoryGalleryRow {
  id: string;
  name: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroup: string;
  location: string;
  description: string;
  sharing: string;
  /** "loading" until every definition of the gallery has arrived. */
  definitionCount: number | "loading";
}

export interface GalleryInventory {
  rows: InventoryGalleryRow[];
  /** Every item (galleries, definitions, versions), for views beyond the gallery list. */
  items: InventoryItem[];
  state: InventoryState | undefined;
  /** True until the last page or list has arrived. */
  loading: boolean;
  /** The stream itself failed (not one subscription: those are in state.failures). */
  error: unknown;
  refetch(): void;
}

/**
 * The galleries of the subscriptions, with their definition counts, from the streamed inventory (one Resource
 * Graph query, or ARM listing when Resource Graph is refused): rows appear as pages arrive.
 */
export function useGalleryInventory(subscriptions: readonly Subscription[]): GalleryInventory {
  const arm = useArm();
  const ids = useMemo(() => subscriptions.map((s) => s.subscriptionId), [subscriptions]);
  const query = useQuery(inventoryQueries.list(arm, ids));
  const state = query.data;
  const loading = query.isPending ? ids.length > 0 : query.fetchStatus === "fetching";

  const rows = useMemo(() => {
    const names = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]));
    const counts = definitionCounts(state?.items ?? []);
    return (state?.items ?? [])
      .filter((item) => item.kind === "gallery")
      .map((item): InventoryGalleryRow => {
        const subscription = names.get(item.subscriptionId);
        return {
          id: item.id,
          name: item.name,
          subscriptionId: subscription?.subscriptionId ?? item.subscriptionId,
          subscriptionName: subscription?.displayName ?? item.subscriptionId,
          resourceGroup: item.resourceGroup,
          location: item.location,
          description: item.description ?? "",
          sharing: sharingLabel(item.sharingPermissions),
          definitionCount: !loading || state?.listed.has(item.galleryKey) ? (counts.get(item.galleryKey) ?? 0) : "loading",
        };
      });
  }, [state, subscriptions, loading]);

  return { rows, items: state?.items ?? [], state, loading, error: query.error, refetch: () => void query.refetch() };
}
