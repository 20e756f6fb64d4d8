"use client";

import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { sharingLabel } from "@/components/galleries/sharing";
import { useArm } from "@/components/layout/ArmContext";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { type InventoryChunk, relistSubscription } from "@/lib/inventory/inventory";
import type { InventoryItem } from "@/lib/inventory/item";
import { applyChunk, countsPerGallery, definitionCounts, type InventoryState } from "@/lib/inventory/state";
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
  /**
   * VM applications, scripts and in-VM access control profiles, counted from Resource Graph; "unknown" when the
   * inventory was listed through ARM, which lists only galleries and definitions.
   */
  otherArtifacts: { applications: number; scripts: number; accessControlProfiles: number } | "loading" | "unknown";
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
  /** Reads the whole inventory again (after the stream itself failed). */
  refetch(): void;
  /**
   * Lists one subscription again (after it, or one of its galleries, failed), leaving every other subscription's
   * rows as they are; its rows replace its failures as they arrive. `state.retrying` holds it meanwhile.
   */
  retry(subscriptionId: string): void;
}

/**
 * Streams one subscription's ARM listing into the inventory's cached state, chunk by chunk. Nothing is written
 * once the cached inventory is gone (signed out, or removed meanwhile).
 */
async function relistInto(client: QueryClient, queryKey: readonly unknown[], arm: ArmClients, subscriptionId: string) {
  const apply = (chunk: InventoryChunk) => {
    if (client.getQueryData(queryKey) === undefined) return;
    client.setQueryData<InventoryState>(queryKey, (state) => state && applyChunk(state, chunk));
  };
  const scope = `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`;
  const sub = subscriptionId.toLowerCase();
  try {
    for await (const chunk of relistSubscription({ transport: arm.unretried, endpoint: arm.endpoint, subscriptionId }))
      apply(chunk);
  } catch (error) {
    apply({ type: "failed", scope, subscriptionId: sub, container: sub, error: toAzureError(error, scope) });
    apply({ type: "retried", subscriptionId: sub });
  }
}

/**
 * The galleries of the subscriptions, with their definition counts, from the streamed inventory (one Resource
 * Graph query, or ARM listing when Resource Graph is refused): rows appear as pages arrive.
 */
export function useGalleryInventory(subscriptions: readonly Subscription[]): GalleryInventory {
  const arm = useArm();
  const ids = useMemo(() => subscriptions.map((s) => s.subscriptionId), [subscriptions]);
  const options = inventoryQueries.list(arm, ids);
  const query = useQuery(options);
  const client = useQueryClient();
  const { queryKey } = options;
  const retry = (subscriptionId: string) => {
    if (query.data?.retrying.has(subscriptionId.toLowerCase())) return;
    void relistInto(client, queryKey, arm, subscriptionId);
  };
  const state = query.data;
  const loading = query.isPending ? ids.length > 0 : query.fetchStatus === "fetching";

  const rows = useMemo(() => {
    const names = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]));
    const items = state?.items ?? [];
    const counts = definitionCounts(items);
    const applications = countsPerGallery(items, "application");
    const scripts = countsPerGallery(items, "script");
    const profiles = countsPerGallery(items, "accessControlProfile");
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
          definitionCount:
            state?.listed.has(item.galleryKey) || (!loading && !state?.retrying.has(item.subscriptionId))
              ? (counts.get(item.galleryKey) ?? 0)
              : "loading",
          otherArtifacts:
            state?.source === "armListing"
              ? "unknown"
              : loading
                ? "loading"
                : {
                    applications: applications.get(item.galleryKey) ?? 0,
                    scripts: scripts.get(item.galleryKey) ?? 0,
                    accessControlProfiles: profiles.get(item.galleryKey) ?? 0,
                  },
        };
      });
  }, [state, subscriptions, loading]);

  return {
    rows,
    items: state?.items ?? [],
    state,
    loading,
    error: query.error,
    refetch: () => void query.refetch(),
    retry,
  };
}
