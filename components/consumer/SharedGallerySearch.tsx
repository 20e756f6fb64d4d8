"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";

const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

/**
 * Which regions "Images I can use" searches for galleries shared directly with the user, and a way to add one:
 * the service answers sharedGalleries per region, so the search is bounded (see regionsToSearch) and the user
 * widens it where they mean to deploy. The regions offered are the subscription's own (`GET …/locations`).
 */
export function SharedGallerySearch({
  subscriptionId,
  regions,
  onAdd,
  status,
}: {
  subscriptionId: string;
  regions: readonly string[];
  onAdd: (region: string) => void;
  status: string;
}) {
  const arm = useArm();
  const id = useId();
  const locations = useQuery(consumerQueries.locations(arm, subscriptionId));
  const addable = (locations.data ?? []).filter((l) => !regions.includes(l.name));
  return (
    <div
      className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700"
      aria-label="Directly shared galleries"
    >
      <span>
        Galleries shared directly with your subscriptions or tenant are searched in{" "}
        <span className="font-medium">
          {regions.length > 0 ? regions.map(regionDisplayName).join(", ") : "no region yet"}
        </span>
        {status && <span role="status"> · {status === "searching" ? "searching…" : status}</span>}.
      </span>
      <label htmlFor={id} className="sr-only">
        Look up shared galleries in another location
      </label>
      <select
        id={id}
        className={control}
        value=""
        onChange={(e) => e.target.value && onAdd(e.target.value)}
        disabled={addable.length === 0}
      >
        <option value="">Add a location…</option>
        {addable.map((l) => (
          <option key={l.name} value={l.name}>
            {l.displayName ?? regionDisplayName(l.name)}
          </option>
        ))}
      </select>
    </div>
  );
}
