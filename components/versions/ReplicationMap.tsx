"use client";

import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { RegionReplication, RegionTone } from "@/components/versions/replicationView";
import { findRegion } from "@/lib/gallery/regions";

const WIDTH = 640;
const HEIGHT = 320;

/** The same colours as the table's progress bars, so map and table read alike. */
const FILL: Record<RegionTone, string> = {
  success: "fill-emerald-600",
  progress: "fill-brand-600",
  failure: "fill-red-600",
  unknown: "fill-slate-400",
};

const TONE_WORD: Record<RegionTone, string> = {
  success: "usable",
  progress: "replicating",
  failure: "failed",
  unknown: "unknown",
};

type Land = FeatureCollection<Polygon | MultiPolygon>;

/** Natural Earth's land at 1:110m (world-atlas), about 50 KB, fetched only when a map is shown. */
async function loadLand(): Promise<Land> {
  const topology = (await import("world-atlas/land-110m.json")).default as unknown as Topology<{
    land: GeometryCollection;
  }>;
  return feature(topology, topology.objects.land) as unknown as Land;
}

/** One sentence a screen reader hears for the whole map; the table beside it holds the details. */
export function mapSummary(regions: RegionReplication[]): string {
  const counts = new Map<RegionTone, number>();
  for (const r of regions) counts.set(r.tone, (counts.get(r.tone) ?? 0) + 1);
  const parts = (["success", "progress", "failure", "unknown"] as const)
    .filter((tone) => counts.get(tone))
    .map((tone) => `${counts.get(tone)} ${TONE_WORD[tone]}`);
  return `Map of ${regions.length} target region${regions.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/**
 * A version's target regions on a world map (Equal Earth projection), each dot coloured by its replication state
 * and titled with the region and its label. Regions without known coordinates are left off the map (the table
 * shows every region).
 */
export function ReplicationMap({ regions, caption }: { regions: RegionReplication[]; caption: string }) {
  const [land, setLand] = useState<Land>();
  useEffect(() => {
    let live = true;
    void loadLand().then((l) => live && setLand(l));
    return () => {
      live = false;
    };
  }, []);
  const projection = useMemo(() => geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const placed = regions.flatMap((r) => {
    const known = findRegion(r.region);
    const point = known ? projection([Number(known.longitude), Number(known.latitude)]) : null;
    return point ? [{ r, x: point[0], y: point[1] }] : [];
  });
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={mapSummary(regions)}
        className="h-auto w-full"
        data-testid="replication-map"
      >
        <path d={path({ type: "Sphere" }) ?? undefined} className="fill-slate-50 stroke-slate-200" />
        {land && <path d={path(land) ?? undefined} className="fill-slate-200 stroke-slate-300" strokeWidth={0.5} />}
        {placed.map(({ r, x, y }) => (
          <g key={r.region} data-region={r.region} data-tone={r.tone}>
            <title>{`${r.displayName}: ${r.label}`}</title>
            <circle cx={x} cy={y} r={7} className={`${FILL[r.tone]} stroke-white`} strokeWidth={2} />
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span>{caption}</span>
        {(["success", "progress", "failure", "unknown"] as const).map((tone) => (
          <span key={tone} className="inline-flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="5" className={FILL[tone]} />
            </svg>
            {TONE_WORD[tone]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
