// Exact intervals of many cells of one component, with fewer LPs than two
// per cell.
//
// A side of a cell's interval needs no LP when some feasible point already
// reaches a bound that holds for every feasible point: the cell's lower bound
// (1 for a hidden cell, 0 for a latent one), or the bound one equation gives
// (a part is at most its published total minus the other parts' minimums).
// The point proves the bound is reached, so it is the exact extreme. Points
// come from two LPs pushing all the cells down, then up, together, and from
// every LP solved on the way. Small cells sit at their lower bound in many
// feasible tables, so most minimums come free.

import type { ComponentAttack } from "./attack.ts";
import { bulkPoints } from "./bulk-points.ts";
import { POINT_TOLERANCE } from "./witnesses.ts";

export interface ExactInterval {
  /** Rounded inward to integers, as the audit reports them; max may be Infinity. */
  min: number;
  max: number;
  width: number;
}

export function exactIntervals(attack: ComponentAttack, cells: readonly number[]): Map<number, ExactInterval> {
  const bounds = new Map(cells.map((c) => [c, attack.simpleBounds(c)]));
  const lowest = new Map<number, number>();
  const highest = new Map<number, number>();
  const see = (point: Float64Array) => {
    for (const c of cells) {
      const x = point[attack.column(c)]!;
      const { lower, upper } = bounds.get(c)!;
      if (!lowest.has(c) && x <= lower + POINT_TOLERANCE) lowest.set(c, lower);
      if (!highest.has(c) && x >= upper - POINT_TOLERANCE) highest.set(c, upper);
    }
  };
  if (cells.length > 1) attack.spreadPoints(cells).forEach(see);

  const result = new Map<number, ExactInterval>();
  for (const c of cells) {
    if (!lowest.has(c)) {
      const side = attack.side(c, 1)!; // bounded below: every cell has a lower bound
      lowest.set(c, side.value);
      see(side.point);
    }
    if (!highest.has(c)) {
      const side = attack.side(c, -1);
      highest.set(c, side ? side.value : Infinity);
      if (side) see(side.point);
    }
    const min = Math.ceil(lowest.get(c)! - POINT_TOLERANCE) + 0; // + 0 turns −0 into 0
    const top = highest.get(c)!;
    const max = top === Infinity ? Infinity : Math.floor(top + POINT_TOLERANCE);
    // min > max only if the cell is pinned to a non-integer: an exact disclosure all the same.
    result.set(c, { min, max: Math.max(min, max), width: Math.max(0, max - min) });
  }
  return result;
}

export interface AuditedInterval extends ExactInterval {
  /**
   * False when the width is only proven: two feasible points give the cell `min` and `max`, so
   * its interval is at least that wide. True when min and max are the attacker's exact extremes.
   */
  exact: boolean;
}

/**
 * What an audit needs, with far fewer LPs than exact intervals: every cell's width proven up to
 * `required(cell)` by feasible points (bulk points first), exact intervals for the cells the
 * points cannot prove (so a failing cell's interval is exact), and the narrowest width exact
 * too: a cell whose proven width is below the narrowest exact width found is solved exactly, in
 * increasing order, until no proven width is below it. Widths only matter up to the requirement
 * and the narrowest, so a cell proven wide enough is not solved.
 */
export function auditIntervals(attack: ComponentAttack, cells: readonly number[], required: (cell: number) => number): Map<number, AuditedInterval> {
  const bounds = new Map(cells.map((c) => [c, attack.simpleBounds(c)]));
  // Extremes reached by the points seen, per cell (unrounded), and the sides proven exact.
  const low = new Map<number, number>();
  const high = new Map<number, number>();
  const exactLow = new Set<number>();
  const exactHigh = new Set<number>();
  const see = (point: Float64Array) => {
    for (const c of cells) {
      const x = point[attack.column(c)]!;
      const { lower, upper } = bounds.get(c)!;
      if (!exactLow.has(c) && !(x >= low.get(c)!)) low.set(c, x);
      if (!exactHigh.has(c) && !(x <= high.get(c)!)) high.set(c, x);
      // A point at a bound valid for every point: that side is exact.
      if (!exactLow.has(c) && x <= lower + POINT_TOLERANCE) (low.set(c, lower), exactLow.add(c));
      if (!exactHigh.has(c) && x >= upper - POINT_TOLERANCE) (high.set(c, upper), exactHigh.add(c));
    }
  };
  const interval = (c: number): AuditedInterval => {
    const exact = exactLow.has(c) && exactHigh.has(c);
    const bottom = low.get(c)!;
    const top = high.get(c)!;
    const min = Math.ceil(bottom - POINT_TOLERANCE) + 0; // + 0 turns −0 into 0
    const max = top === Infinity ? Infinity : Math.floor(top + POINT_TOLERANCE);
    return { min, max: Math.max(min, max), width: Math.max(0, max - min), exact };
  };
  const solve = (c: number) => {
    if (!exactLow.has(c)) {
      const side = attack.side(c, 1)!; // bounded below: every cell has a lower bound
      see(side.point);
      low.set(c, side.value);
      exactLow.add(c);
    }
    if (!exactHigh.has(c)) {
      const side = attack.side(c, -1);
      if (side) see(side.point);
      high.set(c, side ? side.value : Infinity);
      exactHigh.add(c);
    }
  };
  const proven = (c: number) => low.has(c) && interval(c).width >= required(c);
  bulkPoints(attack, [...cells], (points) => points.forEach(see), proven);
  for (const c of cells) if (!proven(c)) solve(c);

  // The narrowest width, exact: only a cell proven narrower than the narrowest exact width can beat it.
  let narrowest = Infinity;
  for (const c of cells) if (exactLow.has(c) && exactHigh.has(c)) narrowest = Math.min(narrowest, interval(c).width);
  const open = cells.filter((c) => !(exactLow.has(c) && exactHigh.has(c)));
  const provenWidth = new Map(open.map((c) => [c, interval(c).width]));
  open.sort((a, b) => provenWidth.get(a)! - provenWidth.get(b)!);
  for (const c of open) {
    if (exactLow.has(c) && exactHigh.has(c)) continue;
    // Widths only grow as points are seen, so the order is a lower bound: check each, don't stop.
    if (interval(c).width >= narrowest) continue;
    solve(c);
    narrowest = Math.min(narrowest, interval(c).width);
  }
  return new Map(cells.map((c) => [c, interval(c)]));
}
