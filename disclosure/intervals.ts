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
