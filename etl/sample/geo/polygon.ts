/**
 * GeoJSON polygon helpers in lon/lat: rounding and cleaning, area, point containment.
 * Areas are spherical (km²), as Turf and d3 compute them.
 */
import type { MultiPolygon, Polygon, Ring } from "polygon-clipping";
import { round5 } from "./plane.ts";

export type { MultiPolygon, Polygon, Ring };

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Spherical ring area (the formula Turf and d3 use), positive when counter-clockwise. */
function signedRingArea(ring: Ring): number {
  const n = ring.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const prev = ring[(i + n - 1) % n] as [number, number];
    const here = ring[i] as [number, number];
    const next = ring[(i + 1) % n] as [number, number];
    sum += (next[0] - prev[0]) * RAD * Math.sin(here[1] * RAD);
  }
  return (sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2;
}

/** Area in km² (outer rings minus holes). */
export function areaKm2(multi: MultiPolygon): number {
  let total = 0;
  for (const poly of multi) {
    poly.forEach((ring, i) => {
      const a = Math.abs(signedRingArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Even-odd test over all rings, so holes are excluded. */
export function containsPoint(multi: MultiPolygon, lon: number, lat: number): boolean {
  for (const poly of multi) {
    let inside = false;
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

function roundRing(ring: Ring): Ring | null {
  const r: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [round5(x), round5(y)];
    const last = r[r.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
  }
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
  return r.length >= 4 && signedRingArea(r) !== 0 ? r : null;
}

/** Rounds to 5 decimals and drops what rounding made degenerate (repeated points, slivers). */
export function roundMultiPolygon(multi: MultiPolygon): MultiPolygon {
  const out: MultiPolygon = [];
  for (const [outer, ...holes] of multi) {
    const shell = outer ? roundRing(outer) : null;
    if (!shell) continue;
    out.push([shell, ...holes.map(roundRing).filter((r): r is Ring => r !== null)]);
  }
  return out;
}
