import { geoEqualEarth } from "d3-geo";
import { describe, expect, it } from "vitest";
import { type MapPoint, type PlacedDot, spreadDots } from "@/components/versions/mapLayout";
import { findRegion } from "@/lib/gallery/regions";

const SPACING = 17;

function closestPair(dots: PlacedDot<string>[]): number {
  let least = Infinity;
  for (let i = 0; i < dots.length; i++)
    for (let j = i + 1; j < dots.length; j++)
      least = Math.min(least, Math.hypot(dots[i]!.x - dots[j]!.x, dots[i]!.y - dots[j]!.y));
  return least;
}

/** Regions where the replication map puts them (the same projection and size). */
function projected(regions: string[]): MapPoint<string>[] {
  const projection = geoEqualEarth().fitSize([640, 320], { type: "Sphere" });
  return regions.map((name) => {
    const region = findRegion(name)!;
    const [x, y] = projection([Number(region.longitude), Number(region.latitude)])!;
    return { item: name, x, y };
  });
}

describe("spreading the map's dots", () => {
  it("leaves dots that do not touch where they are", () => {
    const points = [
      { item: "a", x: 10, y: 10 },
      { item: "b", x: 100, y: 10 },
      { item: "c", x: 10, y: 100 },
    ];
    expect(spreadDots(points, SPACING)).toEqual(points.map((p) => ({ ...p, anchorX: p.x, anchorY: p.y })));
  });

  it("spreads East US and East US 2 (both Virginia), each keeping the place it stands for", () => {
    const points = projected(["eastus", "eastus2", "westeurope"]);
    expect(Math.hypot(points[0]!.x - points[1]!.x, points[0]!.y - points[1]!.y)).toBeLessThan(SPACING);
    const dots = spreadDots(points, SPACING);
    expect(closestPair(dots)).toBeGreaterThanOrEqual(SPACING - 1e-9);
    for (const point of points) {
      const dot = dots.find((d) => d.item === point.item)!;
      expect([dot.anchorX, dot.anchorY]).toEqual([point.x, point.y]);
    }
    const europe = dots.find((d) => d.item === "westeurope")!;
    expect([europe.x, europe.y]).toEqual([europe.anchorX, europe.anchorY]);
  });

  it("spreads regions in the very same place, in the order they came", () => {
    const dots = spreadDots(
      ["first", "second", "third"].map((item) => ({ item, x: 50, y: 50 })),
      SPACING,
    );
    expect(closestPair(dots)).toBeGreaterThanOrEqual(SPACING - 1e-9);
    expect(dots.map((d) => d.item)).toEqual(["first", "second", "third"]);
    expect(dots[0]!.y).toBeLessThan(50);
  });

  it("merges clusters whose rings would touch, so a crowded continent has no overlapping dots", () => {
    const europe = projected([
      "westeurope",
      "northeurope",
      "uksouth",
      "ukwest",
      "francecentral",
      "germanywestcentral",
      "switzerlandnorth",
      "swedencentral",
      "norwayeast",
      "polandcentral",
      "italynorth",
    ]);
    expect(closestPair(spreadDots(europe, SPACING))).toBeGreaterThanOrEqual(SPACING - 1e-9);
  });
});
