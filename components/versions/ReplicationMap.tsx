"use client";

import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { RegionReplication, RegionTone } from "@/components/versions/replicationView";
import { spreadDots } from "@/components/versions/mapLayout";
import { findRegion } from "@/lib/gallery/regions";
import { visibleText } from "@/lib/security/safeLink";

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

/** A dot's region and state, as its name, tooltip and caption; a region's name is the resource's text. */
const dotName = (r: RegionReplication) => visibleText(`${r.displayName}: ${r.label}`);

/** One sentence a screen reader hears for the whole map; the table beside it holds the details. */
export function mapSummary(regions: RegionReplication[]): string {
  const counts = new Map<RegionTone, number>();
  for (const r of regions) counts.set(r.tone, (counts.get(r.tone) ?? 0) + 1);
  const parts = (["success", "progress", "failure", "unknown"] as const)
    .filter((tone) => counts.get(tone))
    .map((tone) => `${counts.get(tone)} ${TONE_WORD[tone]}`);
  return `Map of ${regions.length} target region${regions.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/** Dot radius and the least distance between two dots' centres, in the map's 640 × 320 units. */
const DOT_RADIUS = 7;
const DOT_SPACING = 2 * DOT_RADIUS + 3;

/**
 * A version's target regions on a world map (Equal Earth projection), each dot coloured by its replication state.
 * Regions in one place (East US and East US 2, both Virginia) are spread around it, with a line to where they are,
 * so no dot hides another's state. Each dot is a tab stop named with its region and state, which also show in the
 * caption while the dot is hovered or focused. Regions without known coordinates are left off the map (the table
 * shows every region).
 */
export function ReplicationMap({ regions, caption }: { regions: RegionReplication[]; caption: string }) {
  const [land, setLand] = useState<Land>();
  const [hovered, setHovered] = useState<RegionReplication>();
  const [focused, setFocused] = useState<RegionReplication>();
  const active = hovered ?? focused;
  useEffect(() => {
    let live = true;
    void loadLand().then((l) => live && setLand(l));
    return () => {
      live = false;
    };
  }, []);
  const projection = useMemo(() => geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const dots = spreadDots(
    regions.flatMap((r) => {
      const known = findRegion(r.region);
      const point = known ? projection([Number(known.longitude), Number(known.latitude)]) : null;
      return point ? [{ item: r, x: point[0], y: point[1] }] : [];
    }),
    DOT_SPACING,
  );
  const spread = dots.filter((d) => d.x !== d.anchorX || d.y !== d.anchorY);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={mapSummary(regions)}
        className="h-auto w-full"
        data-testid="replication-map"
      >
        <path d={path({ type: "Sphere" }) ?? undefined} className="fill-slate-50 stroke-slate-200" />
        {land && <path d={path(land) ?? undefined} className="fill-slate-200 stroke-slate-300" strokeWidth={0.5} />}
        {spread.map((d) => (
          <g key={d.item.region} aria-hidden="true" className="stroke-slate-500">
            <line x1={d.anchorX} y1={d.anchorY} x2={d.x} y2={d.y} strokeWidth={1} />
            <circle cx={d.anchorX} cy={d.anchorY} r={1.5} className="fill-slate-500" strokeWidth={0} />
          </g>
        ))}
        {dots.map(({ item: r, x, y }) => (
          <g
            key={r.region}
            data-region={r.region}
            data-tone={r.tone}
            role="img"
            aria-label={dotName(r)}
            tabIndex={0}
            className="cursor-default outline-none"
            onMouseEnter={() => setHovered(r)}
            onMouseLeave={() => setHovered(undefined)}
            onFocus={() => setFocused(r)}
            onBlur={() => setFocused(undefined)}
          >
            <title>{dotName(r)}</title>
            {(focused?.region === r.region || hovered?.region === r.region) && (
              <circle cx={x} cy={y} r={DOT_RADIUS + 3} className="fill-none stroke-slate-900" strokeWidth={2} />
            )}
            <circle cx={x} cy={y} r={DOT_RADIUS} className={`${FILL[r.tone]} stroke-white`} strokeWidth={2} />
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
        {/* What a pointer or keyboard user has on a dot, for sighted users; screen readers hear the dot's name. */}
        <span aria-hidden="true" data-testid="replication-map-active" className="w-full font-medium text-slate-900">
          {active ? dotName(active) : "Hover or tab to a dot for its region and state."}
        </span>
      </figcaption>
    </figure>
  );
}
