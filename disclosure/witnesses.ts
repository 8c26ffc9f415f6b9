// Feasible points of one component's attack system, used as certificates.
//
// Every point the attacker's system admits (the true table, any LP solution)
// shows values each unpublished cell can take. If the points seen so far give
// a cell values from a to b, its interval contains [a, b], so a width of at
// least ⌊b⌋ − ⌈a⌉ is proven without solving anything. Solving the minimum and
// maximum of one cell yields two points that often prove the width of its
// neighbours too, which is why most cells of a large component never need an
// LP of their own. Only a lower bound: a cell the points cannot certify is
// solved exactly.

/** Points are LP solutions: allow for the solver's feasibility tolerance. */
export const POINT_TOLERANCE = 1e-6;

export interface Spread {
  /** Points reaching the smallest and largest value of the column. */
  low: Float64Array;
  high: Float64Array;
  /** ⌊max⌋ − ⌈min⌉ over the points (never negative). */
  width: number;
}

/** Width proven by two points for column j, rounded inward as the audit does. */
export function provenWidth(low: Float64Array, high: Float64Array, j: number): number {
  const max = Math.floor(high[j]! + POINT_TOLERANCE);
  const min = Math.ceil(low[j]! - POINT_TOLERANCE);
  return Math.max(0, max - min);
}

/** The extreme points of column j among `points` (at least one point). */
export function spreadOf(points: readonly Float64Array[], j: number): Spread {
  let low = points[0]!;
  let high = low;
  for (const p of points) {
    if (p[j]! < low[j]!) low = p;
    if (p[j]! > high[j]!) high = p;
  }
  return { low, high, width: provenWidth(low, high, j) };
}

/** Widen a spread with one more point. */
export function widen(spread: Spread, point: Float64Array, j: number): Spread {
  const low = point[j]! < spread.low[j]! ? point : spread.low;
  const high = point[j]! > spread.high[j]! ? point : spread.high;
  return low === spread.low && high === spread.high ? spread : { low, high, width: provenWidth(low, high, j) };
}

/** The points that stay feasible once column j is fixed to `value`. */
export function pointsAt(points: readonly Float64Array[], j: number, value: number): Float64Array[] {
  return points.filter((p) => Math.abs(p[j]! - value) <= POINT_TOLERANCE);
}

/**
 * The first points, in order, that prove `required` for column j; all of
 * them when none do. With points ordered sparsest first, witnesses move few
 * cells, so publishing a cell later rarely invalidates them.
 */
export function sufficientSpread(points: readonly Float64Array[], j: number, required: number): Spread {
  let low = points[0]!;
  let high = low;
  let width = 0;
  for (const p of points) {
    if (p[j]! < low[j]!) low = p;
    else if (p[j]! > high[j]!) high = p;
    else continue;
    width = provenWidth(low, high, j);
    if (width >= required) break;
  }
  return { low, high, width };
}

const moved = new WeakMap<Float64Array, number>();

/** Order points by how many cells they move away from `truth` (the first point), fewest first. */
export function sparsestFirst(points: Float64Array[]): Float64Array[] {
  const truth = points[0]!;
  const count = (p: Float64Array) => {
    let n = moved.get(p);
    if (n === undefined) {
      n = 0;
      for (let k = 0; k < p.length; k++) if (Math.abs(p[k]! - truth[k]!) > POINT_TOLERANCE) n++;
      moved.set(p, n);
    }
    return n;
  };
  return points.sort((a, b) => count(a) - count(b));
}

/**
 * The points feasible once column j is fixed to `value`: those already at
 * it, then every other point moved onto it along the segment to the point
 * lying furthest on the other side. The feasible set is convex, so the mix
 * is feasible too; it keeps most of the point's spread when the partner is
 * far. This saves an LP per cell whose witnesses merely had x_j ≠ value.
 */
export function pointsOnto(points: readonly Float64Array[], j: number, value: number): Float64Array[] {
  const at = pointsAt(points, j, value);
  let lowest = points[0]!;
  let highest = lowest;
  for (const p of points) {
    if (p[j]! < lowest[j]!) lowest = p;
    if (p[j]! > highest[j]!) highest = p;
  }
  const moved: Float64Array[] = [];
  for (const p of points) {
    const x = p[j]!;
    const partner = x > value + POINT_TOLERANCE ? lowest : x < value - POINT_TOLERANCE ? highest : null;
    if (!partner || Math.abs(partner[j]! - value) <= POINT_TOLERANCE || (partner[j]! - value) * (x - value) > 0) continue;
    const weight = (value - partner[j]!) / (x - partner[j]!); // of p, in (0, 1)
    const mix = new Float64Array(p.length);
    for (let k = 0; k < p.length; k++) mix[k] = weight * p[k]! + (1 - weight) * partner[k]!;
    mix[j] = value; // exactly, whatever the rounding
    moved.push(mix);
  }
  return [...at, ...moved];
}
