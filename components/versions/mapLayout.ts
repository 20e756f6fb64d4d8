/** A point on the map where something belongs, before any spreading. */
export interface MapPoint<T> {
  item: T;
  x: number;
  y: number;
}

/** Where a dot is drawn (x, y) and the place it stands for (anchorX, anchorY), which differ for a spread dot. */
export interface PlacedDot<T> extends MapPoint<T> {
  anchorX: number;
  anchorY: number;
}

interface Cluster<T> {
  members: MapPoint<T>[];
  cx: number;
  cy: number;
}

/** The radius of a ring of n dots whose neighbours lie `spacing` apart (0 for a dot alone). */
function ringRadius(n: number, spacing: number): number {
  return n < 2 ? 0 : spacing / (2 * Math.sin(Math.PI / n));
}

function clusterOf<T>(members: MapPoint<T>[]): Cluster<T> {
  return {
    members,
    cx: members.reduce((sum, p) => sum + p.x, 0) / members.length,
    cy: members.reduce((sum, p) => sum + p.y, 0) / members.length,
  };
}

/**
 * Spreads dots that would overlap: regions in one metro (East US and East US 2 both sit in Virginia) would draw one
 * dot on top of another and hide its state. Dots closer than `spacing` form a cluster drawn on a ring around the
 * cluster's centre, neighbours `spacing` apart, in the order they lie around it (so the ring keeps their rough
 * geography); clusters whose rings would touch merge, until no two dots are closer than `spacing`.
 */
export function spreadDots<T>(points: readonly MapPoint<T>[], spacing: number): PlacedDot<T>[] {
  let clusters = points.map((p) => clusterOf([p]));
  for (let merged = true; merged;) {
    merged = false;
    search: for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const [a, b] = [clusters[i]!, clusters[j]!];
        const reach = ringRadius(a.members.length, spacing) + ringRadius(b.members.length, spacing) + spacing;
        if (Math.hypot(a.cx - b.cx, a.cy - b.cy) < reach) {
          clusters = [
            ...clusters.slice(0, i),
            clusterOf([...a.members, ...b.members]),
            ...clusters.slice(i + 1, j),
            ...clusters.slice(j + 1),
          ];
          merged = true;
          break search;
        }
      }
    }
  }
  return clusters.flatMap(({ members, cx, cy }) => {
    if (members.length === 1) return members.map((p) => ({ ...p, anchorX: p.x, anchorY: p.y }));
    const radius = ringRadius(members.length, spacing);
    // Around the centre from the top, clockwise on screen; points in one place keep the order they came in.
    const angle = (p: MapPoint<T>) =>
      p.x === cx && p.y === cy ? 0 : (Math.atan2(p.x - cx, cy - p.y) + 2 * Math.PI) % (2 * Math.PI);
    const ordered = members.map((p, index) => ({ p, index, angle: angle(p) }));
    ordered.sort((a, b) => a.angle - b.angle || a.index - b.index);
    return ordered.map(({ p }, k) => {
      const theta = (2 * Math.PI * k) / members.length;
      return { ...p, x: cx + radius * Math.sin(theta), y: cy - radius * Math.cos(theta), anchorX: p.x, anchorY: p.y };
    });
  });
}
