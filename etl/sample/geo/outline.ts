/**
 * Belgium's outline from Natural Earth 1:10m (world-atlas), in lon/lat and in the
 * local plane, with the point tests placement needs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { project, type XY } from "./plane.ts";

export const BELGIUM_ID = "056";

interface Outline {
  lonLat: XY[];
  plane: XY[];
  /** Plane bounding box [minX, minY, maxX, maxY]. */
  bounds: [number, number, number, number];
}

let cached: Outline | undefined;

export function belgiumOutline(): Outline {
  if (cached) return cached;
  // fs + JSON.parse: a JSON import of the 3 MB atlas would slow the type checker.
  const path = createRequire(import.meta.url).resolve("world-atlas/countries-10m.json");
  const topo = JSON.parse(readFileSync(path, "utf8")) as Topology<{ countries: GeometryCollection }>;
  // Converting only Belgium's arcs, not the whole world's.
  const object = topo.objects.countries.geometries.find((g) => g.id === BELGIUM_ID);
  if (!object || object.type !== "Polygon") throw new Error("Belgium (056) not found as a Polygon in world-atlas");
  const ring = feature(topo, object).geometry.coordinates[0];
  if (!ring) throw new Error("Belgium's outline has no ring");
  const lonLat = ring.map((p) => [p[0], p[1]] as XY);
  const plane = lonLat.map(([lon, lat]) => project(lat, lon));
  const xs = plane.map((p) => p[0]);
  const ys = plane.map((p) => p[1]);
  cached = { lonLat, plane, bounds: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  return cached;
}

/** Even-odd ray casting; ring may be closed or not. */
export function inRing(ring: readonly XY[], p: XY): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as XY;
    const [xj, yj] = ring[j] as XY;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Squared distance from p to segment ab. */
function segmentDistance2(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2;
}

/** Border edges bucketed on a coarse grid: margin tests look at a handful of edges, not 644. */
const BUCKET = 0.02;
/** Largest margin the bucket index answers exactly (plane units, ~2.2 km). */
export const MAX_MARGIN = BUCKET;
let buckets: Map<string, [XY, XY][]> | undefined;

function edgeBuckets(): Map<string, [XY, XY][]> {
  if (buckets) return buckets;
  const { plane } = belgiumOutline();
  buckets = new Map();
  for (let i = 0, j = plane.length - 1; i < plane.length; j = i++) {
    const a = plane[j] as XY;
    const b = plane[i] as XY;
    const [x0, x1] = [Math.min(a[0], b[0]) - MAX_MARGIN, Math.max(a[0], b[0]) + MAX_MARGIN];
    const [y0, y1] = [Math.min(a[1], b[1]) - MAX_MARGIN, Math.max(a[1], b[1]) + MAX_MARGIN];
    for (let bx = Math.floor(x0 / BUCKET); bx <= Math.floor(x1 / BUCKET); bx++) {
      for (let by = Math.floor(y0 / BUCKET); by <= Math.floor(y1 / BUCKET); by++) {
        const key = `${bx},${by}`;
        const list = buckets.get(key);
        if (list) list.push([a, b]);
        else buckets.set(key, [[a, b]]);
      }
    }
  }
  return buckets;
}

/** Is p at least `margin` (≤ MAX_MARGIN) from Belgium's border? */
export function farFromBorder(p: XY, margin: number): boolean {
  if (margin > MAX_MARGIN) throw new Error(`farFromBorder answers margins up to ${MAX_MARGIN}`);
  const edges = edgeBuckets().get(`${Math.floor(p[0] / BUCKET)},${Math.floor(p[1] / BUCKET)}`) ?? [];
  return edges.every(([a, b]) => segmentDistance2(p, a, b) >= margin * margin);
}

/** Inside Belgium and at least `margin` plane units from its border. */
export function insideBelgium(p: XY, margin = 0): boolean {
  return inRing(belgiumOutline().plane, p) && (margin <= 0 || farFromBorder(p, margin));
}
