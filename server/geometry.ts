import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** A ring with coordinates rounded to 4 decimals (about 10 m) and repeated points dropped; null once it has collapsed. */
function ring(points: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of points) {
    const q = [round(p[0] ?? 0), round(p[1] ?? 0)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0] ?? 0, first[1] ?? 0]);
  return out.length >= 4 ? out : null;
}

function polygon(rings: Position[][]): Position[][] | null {
  const outer = rings[0] && ring(rings[0]);
  if (!outer) return null;
  return [
    outer,
    ...rings
      .slice(1)
      .map(ring)
      .filter((r): r is Position[] => r !== null),
  ];
}

/**
 * Boundaries for the web: the release's are already simplified in shape, this only trims the
 * precision that a 1,000-pixel map cannot show and the points that rounding makes repeat.
 */
export function webGeometry(geometry: Geometry): Geometry | null {
  if (geometry.type === "Polygon") {
    const p = polygon(geometry.coordinates);
    return p ? { type: "Polygon", coordinates: p } : null;
  }
  if (geometry.type === "MultiPolygon") {
    const parts = geometry.coordinates.map(polygon).filter((p): p is Position[][] => p !== null);
    return parts.length ? { type: "MultiPolygon", coordinates: parts } : null;
  }
  return geometry;
}

export type AreaFeature = Feature<Geometry, { level: string; system_code: string | null; area_code: string; name_fr: string; name_nl: string; name_de: string; name_en: string }>;
export type AreaCollection = FeatureCollection<Geometry, AreaFeature["properties"]>;
