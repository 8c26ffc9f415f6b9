/**
 * Scatters points inside Belgium by best-candidate sampling (well spread, no clumps)
 * and evens them out with Lloyd relaxation, keeping every point inside its own region.
 */
import { Delaunay } from "d3-delaunay";
import type { Random } from "../random.ts";
import { belgiumOutline, farFromBorder, insideBelgium } from "./outline.ts";
import { KM_PER_UNIT, type XY } from "./plane.ts";

/** Points keep this far from the border, so rounding never pushes one out of Belgium. */
export const BORDER_MARGIN = 0.8 / KM_PER_UNIT;

export interface Unit {
  /** A real or chosen position that never moves. */
  fixed: XY | null;
  /** Cheap membership test (province, discs, language border); the border margin is checked apart. */
  region: (p: XY) => boolean;
}

const allowed = (u: Unit, p: XY): boolean => u.region(p) && insideBelgium(p, BORDER_MARGIN);

/** Cell centres of a regular grid that fall inside Belgium (scanline, even-odd). */
export function belgiumGrid(step: number): XY[] {
  const { plane, bounds } = belgiumOutline();
  const [minX, minY, maxX, maxY] = bounds;
  const out: XY[] = [];
  for (let y = minY + step / 2; y < maxY; y += step) {
    const xs: number[] = [];
    for (let i = 0, j = plane.length - 1; i < plane.length; j = i++) {
      const [xi, yi] = plane[i] as XY;
      const [xj, yj] = plane[j] as XY;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = minX + step / 2 + Math.ceil(((xs[k] as number) - minX - step / 2) / step) * step;
      for (let x = from; x < (xs[k + 1] as number) && x < maxX; x += step) out.push([x, y]);
    }
  }
  return out;
}

/** Positions for all units: fixed ones as given, others best-of-`candidates` spread. */
export function scatter(units: readonly Unit[], step: number, rng: Random, candidates = 10): XY[] {
  const deep = belgiumGrid(step).filter((p) => farFromBorder(p, BORDER_MARGIN));
  const pools = new Map<Unit["region"], XY[]>();
  const placed: XY[] = units.filter((u) => u.fixed).map((u) => u.fixed as XY);
  return units.map((u) => {
    if (u.fixed) return u.fixed;
    let pool = pools.get(u.region);
    if (!pool) {
      pool = deep.filter(u.region);
      if (pool.length === 0) throw new Error("scatter: a unit's region holds no grid point");
      pools.set(u.region, pool);
    }
    let best: XY | null = null;
    let bestDist = -1;
    for (let c = 0, tries = 0; c < candidates && tries < 50 * candidates; tries++) {
      const g = rng.pick(pool);
      const p: XY = [g[0] + rng.uniform(-step / 2, step / 2), g[1] + rng.uniform(-step / 2, step / 2)];
      if (!allowed(u, p)) continue;
      c++;
      let dist = Infinity;
      for (const q of placed) dist = Math.min(dist, (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2);
      if (dist > bestDist) [best, bestDist] = [p, dist];
    }
    if (!best) throw new Error("scatter: no allowed position found");
    placed.push(best);
    return best;
  });
}

/**
 * Lloyd relaxation: each movable site goes to the centroid of its Voronoi cell within
 * Belgium (integrated on a grid), or halfway there, or stays when both leave its region.
 * `units[i]` null marks a site that never moves.
 */
export function relax(sites: readonly XY[], units: readonly (Unit | null)[], step: number, iterations: number): XY[] {
  const grid = belgiumGrid(step);
  let current = sites.slice();
  for (let it = 0; it < iterations; it++) {
    const delaunay = Delaunay.from(current);
    const sx = new Float64Array(current.length);
    const sy = new Float64Array(current.length);
    const n = new Float64Array(current.length);
    let hint = 0;
    for (const [x, y] of grid) {
      hint = delaunay.find(x, y, hint);
      sx[hint] = (sx[hint] as number) + x;
      sy[hint] = (sy[hint] as number) + y;
      n[hint] = (n[hint] as number) + 1;
    }
    current = current.map((p, i) => {
      const u = units[i];
      const count = n[i] as number;
      if (!u || u.fixed || count === 0) return p;
      const c: XY = [(sx[i] as number) / count, (sy[i] as number) / count];
      if (allowed(u, c)) return c;
      const mid: XY = [(p[0] + c[0]) / 2, (p[1] + c[1]) / 2];
      return allowed(u, mid) ? mid : p;
    });
  }
  return current;
}
