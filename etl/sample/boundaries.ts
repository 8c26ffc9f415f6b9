/**
 * Approximate boundaries for the synthetic geography: Voronoi cells of the municipality
 * points clipped to Belgium's outline (Natural Earth 1:10m). A split municipality is
 * the union of its sectors' cells, so its sectors tile it exactly. Not official
 * boundaries: Statbel publishes those.
 */
import { Delaunay } from "d3-delaunay";
import polygonClipping from "polygon-clipping";
import type { Geography } from "../geography/types.ts";
import { belgiumOutline } from "./geo/outline.ts";
import { project, toLonLat, type XY } from "./geo/plane.ts";
import { roundMultiPolygon, type MultiPolygon, type Polygon } from "./geo/polygon.ts";

export type Position = [lon: number, lat: number];

export type BoundaryGeometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

export interface BoundaryProperties {
  level: "municipality" | "sector";
  /** NIS code of a municipality, or sector code. */
  code: string;
  /** French name (the Geography holds the others). */
  name: string;
}

export interface BoundaryFeature {
  type: "Feature";
  properties: BoundaryProperties;
  geometry: BoundaryGeometry;
}

export interface BoundaryCollection {
  type: "FeatureCollection";
  name: string;
  description: string;
  features: BoundaryFeature[];
}

export const BOUNDARIES_NAME = "Boussole synthetic boundaries";
export const BOUNDARIES_DESCRIPTION =
  "Synthetic, approximate boundaries of the synthetic sample geography: Voronoi cells of invented municipality " +
  "and sector points clipped to Belgium's outline (Natural Earth 1:10m). They are NOT official boundaries and " +
  "most municipalities are fictional; Statbel publishes the official municipality and statistical-sector boundaries.";

const toGeometry = (multi: MultiPolygon): BoundaryGeometry =>
  multi.length === 1
    ? { type: "Polygon", coordinates: multi[0] as Position[][] }
    : { type: "MultiPolygon", coordinates: multi as Position[][][] };

const toLonLatMulti = (multi: MultiPolygon): MultiPolygon => multi.map((poly) => poly.map((ring) => ring.map((p) => toLonLat(p))));

/**
 * One feature per municipality, then one per sector. Pure function of the geography's
 * points: `seed` is accepted for symmetry with the other generators and not drawn from.
 */
export function drawBoundaries(geo: Geography, seed: number | string): BoundaryCollection {
  void seed;
  const outline = belgiumOutline();
  const land: Polygon = [outline.plane];
  const sitesByMunicipality = new Map<string, number[]>();
  const sites: XY[] = [];
  const addSite = (nisCode: string, lat: number, lon: number): void => {
    const list = sitesByMunicipality.get(nisCode) ?? [];
    list.push(sites.length);
    sitesByMunicipality.set(nisCode, list);
    sites.push(project(lat, lon));
  };
  const split = new Set(geo.sectors.map((s) => s.nisCode));
  for (const m of geo.municipalities) if (!split.has(m.nisCode)) addSite(m.nisCode, m.lat, m.lon);
  for (const s of geo.sectors) addSite(s.nisCode, s.lat, s.lon);

  const [minX, minY, maxX, maxY] = outline.bounds;
  const voronoi = Delaunay.from(sites).voronoi([minX - 0.1, minY - 0.1, maxX + 0.1, maxY + 0.1]);
  const cells = sites.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as XY[] | null;
    if (!cell) throw new Error(`no Voronoi cell for site ${i} (duplicate point?)`);
    // Clipping is the slow part: skip it for cells the border cannot reach (their site is inside).
    return crossesBorder(cell) ? polygonClipping.intersection([cell], land) : [[counterClockwise(cell)]];
  });

  const features: BoundaryFeature[] = [];
  for (const m of geo.municipalities) {
    const own = (sitesByMunicipality.get(m.nisCode) ?? []).map((i) => cells[i] as MultiPolygon);
    const [first, ...rest] = own;
    if (!first) throw new Error(`no site for municipality ${m.nisCode}`);
    const shape = rest.length === 0 ? first : polygonClipping.union(first, ...rest);
    features.push(feature("municipality", m.nisCode, m.nameFr, shape));
  }
  geo.sectors.forEach((s, k) => {
    const site = sites.length - geo.sectors.length + k;
    features.push(feature("sector", s.sectorCode, s.nameFr, cells[site] as MultiPolygon));
  });
  return { type: "FeatureCollection", name: BOUNDARIES_NAME, description: BOUNDARIES_DESCRIPTION, features };
}

/** Could the border pass through this cell? (Does any border edge's box meet the cell's box?) */
function crossesBorder(cell: readonly XY[]): boolean {
  const xs = cell.map((p) => p[0]);
  const ys = cell.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return borderBoxes().some(([a0, b0, a1, b1]) => a0 <= x1 && a1 >= x0 && b0 <= y1 && b1 >= y0);
}

let boxes: [number, number, number, number][] | undefined;
function borderBoxes(): [number, number, number, number][] {
  if (boxes) return boxes;
  const ring = belgiumOutline().plane;
  boxes = ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length] as XY;
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  });
  return boxes;
}

/** GeoJSON wants exterior rings counter-clockwise, as polygon-clipping returns them. */
function counterClockwise(ring: XY[]): XY[] {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += (ring[j] as XY)[0] * (ring[i] as XY)[1] - (ring[i] as XY)[0] * (ring[j] as XY)[1];
  return twice >= 0 ? ring : ring.slice().reverse();
}

function feature(level: BoundaryProperties["level"], code: string, name: string, plane: MultiPolygon): BoundaryFeature {
  const multi = roundMultiPolygon(toLonLatMulti(plane));
  if (multi.length === 0) throw new Error(`empty boundary for ${level} ${code}`);
  return { type: "Feature", properties: { level, code, name }, geometry: toGeometry(multi) };
}
