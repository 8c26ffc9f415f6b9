/** GeoJSON polygon geometry helpers (WGS84, longitude then latitude). Pure. */
import polygonClipping, { type MultiPolygon as ClipMulti } from "polygon-clipping";

export type Position = [lon: number, lat: number];
export type Geometry = { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };

export const asMulti = (g: Geometry): Position[][][] => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
export const fromMulti = (m: Position[][][]): Geometry => (m.length === 1 ? { type: "Polygon", coordinates: m[0] as Position[][] } : { type: "MultiPolygon", coordinates: m });

const r5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/** Coordinates to 5 decimals (about 1 m), dropping points that round onto their predecessor. */
export function rounded(g: Geometry): Geometry {
  const multi = asMulti(g)
    .map((poly) =>
      poly
        .map((ring) => {
          const out: Position[] = [];
          for (const [x, y] of ring) {
            const p: Position = [r5(x), r5(y)];
            const last = out[out.length - 1];
            if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
          }
          return out;
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((poly) => poly.length > 0);
  return fromMulti(multi);
}

/** Area-weighted centre of the outer rings (planar, good enough for a label point). */
export function centre(g: Geometry): { lat: number; lon: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of asMulti(g)) {
    const ring = poly[0] as Position[];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as Position;
      const [x1, y1] = ring[i] as Position;
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
  }
  return { lon: Math.round((cx / (3 * a)) * 1e4) / 1e4, lat: Math.round((cy / (3 * a)) * 1e4) / 1e4 };
}

/** The part of a shape between two latitudes. */
export function latitudeBand(g: Geometry, south: number, north: number): Geometry {
  const box: Position[][] = [
    [
      [-180, south],
      [180, south],
      [180, Math.min(north, 89)],
      [-180, Math.min(north, 89)],
      [-180, south],
    ],
  ];
  return fromMulti(polygonClipping.intersection(asMulti(g) as ClipMulti, [box] as ClipMulti) as Position[][][]);
}
