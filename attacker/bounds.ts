/**
 * Feasible intervals of a component's targets. Cheap first: every LP solution is a feasible
 * point, and two points where a target differs by at least the width prove its interval wide
 * enough without an LP of its own (witness pairs). Only targets left unproven get their own
 * minimum and maximum. Primary knowledge (a cell known to hold a small count) is used when
 * only one of its counts can be small: that count is then in [1, minCount − 1], and the
 * component is solved again with it.
 */
import type { Highs } from "highs";
import { AttackerLp, type Expression } from "./solver.ts";
import type { Component } from "./components.ts";

export interface Interval {
  min: number;
  max: number;
  /** True when min and max come from the target's own LPs; false when only witnesses bound it. */
  exact: boolean;
}

export interface ComponentResult {
  intervals: Interval[];
  solves: number;
  inconsistent: boolean;
}

const valueAt = (e: Expression & { offset?: number }, x: Float64Array) => e.idx.reduce((s, c, k) => s + e.val[k]! * x[c]!, e.offset ?? 0);

/** Counts are whole numbers: an LP interval [0.3, 4.6] means [1, 4]. */
const roundIn = (min: number, max: number, integer: boolean): [number, number] => (integer ? [Math.ceil(min - 1e-6), Math.floor(max + 1e-6)] : [min, max]);

export function solveComponent(highs: Highs, c: Component, width: number, facts: readonly number[][], minCount: number): ComponentResult {
  const lp = new AttackerLp(highs, c.numVars, c.rows);
  try {
    let result = intervals(lp, c, width);
    if (result === null) return { intervals: [], solves: lp.solves, inconsistent: true };
    // Primary knowledge: a known-small cell whose other counts cannot be small.
    let added = false;
    for (const fact of facts) {
      const candidates = fact.filter((t) => {
        const i = exactInterval(lp, c, result!, t);
        return !(i.max < 1 - 1e-6 || i.min > minCount - 1 + 1e-6);
      });
      if (candidates.length !== 1) continue;
      const t = c.targets[candidates[0]!]!;
      const off = t.offset ?? 0;
      lp.addRow({ idx: t.idx, val: t.val, lo: 1 - off, hi: minCount - 1 - off });
      added = true;
    }
    if (added) result = intervals(lp, c, width);
    if (result === null) return { intervals: [], solves: lp.solves, inconsistent: true };
    return { intervals: result, solves: lp.solves, inconsistent: false };
  } finally {
    lp.dispose();
  }
}

function exactInterval(lp: AttackerLp, c: Component, result: Interval[], t: number): Interval {
  const i = result[t]!;
  if (i.exact) return i;
  const target = c.targets[t]!;
  const off = target.offset ?? 0;
  const [min, max] = roundIn(lp.optimise(target, 1) + off, lp.optimise(target, -1) + off, target.counted);
  return (result[t] = { min, max, exact: true });
}

/** Intervals of every target, or null when the component has no feasible point. */
function intervals(lp: AttackerLp, c: Component, width: number): Interval[] | null {
  const n = c.targets.length;
  const lo = new Float64Array(n).fill(Infinity);
  const hi = new Float64Array(n).fill(-Infinity);
  const open = new Set<number>(c.targets.keys());
  const observe = () => {
    const x = lp.solution();
    for (const t of open) {
      const v = valueAt(c.targets[t]!, x);
      if (v < lo[t]!) lo[t] = v;
      if (v > hi[t]!) hi[t] = v;
      const [a, b] = roundIn(lo[t]!, hi[t]!, c.targets[t]!.counted);
      if (b - a >= width - 1e-6) open.delete(t);
    }
  };
  const all: Expression = { idx: c.targets.flatMap((t) => t.idx), val: c.targets.flatMap((t) => t.val) };
  // Witnesses: all targets as low as possible, then each pushed up in turn by the objective sum.
  const low = lp.optimise(all, 1);
  if (Number.isNaN(low)) return null;
  observe();
  const high = lp.optimise(all, -1);
  if (Number.isFinite(high)) observe();
  const exact = new Map<number, Interval>();
  for (let k = 0; k < n; k++) {
    if (!open.has(k)) continue; // proven wide by the points seen so far
    const t = c.targets[k]!;
    const min = lp.optimise(t, 1);
    observe();
    const max = lp.optimise(t, -1);
    if (Number.isFinite(max)) observe();
    const [a, b] = roundIn(min + (t.offset ?? 0), max + (t.offset ?? 0), t.counted);
    exact.set(k, { min: a, max: b, exact: true });
    open.delete(k);
  }
  // Targets without LPs of their own: the range of the points seen (inside the true interval).
  const result = c.targets.map((t, k) => {
    const [min, max] = roundIn(lo[k]!, hi[k]!, t.counted);
    return exact.get(k) ?? { min, max, exact: false };
  });
  return result;
}
