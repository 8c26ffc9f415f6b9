// The protection LP for one sensitive cell s: find the cheapest set of cells
// to hide so that s can move by `target` in total.
//
// We look for two perturbations of the true table, one raising s by u and
// one lowering it by l, with u + l ≥ target. Each must keep every relation
// true and every cell at or above the attacker's lower bound; a perturbed
// cell must then be unpublished. Once the perturbed cells are hidden, both
// perturbed tables are consistent with the release, so the attacker's
// interval for s contains [x_s − l, x_s + u]: the pattern is protected by
// construction (a certificate, not a hope). Minimising Σ cost·|deviation| is
// the linear relaxation of "hide as little as possible" used by the network
// heuristics of τ-ARGUS; cells already unpublished cost almost nothing, so
// patterns are reused.
//
// The LP is local: only cells within `depth` relation steps of s may move,
// which keeps it small; a local certificate is still a global one, since a
// cell that may move brings every relation it belongs to into the LP.

import { Lp, type PackedRows } from "./lp.ts";
import { coefficient, type Structure } from "./structure.ts";
import type { SparsePoint } from "./reach.ts";
import type { SuppressionState } from "./state.ts";

/** Moving an already unpublished cell costs this fraction of the cheapest cell: not zero, so paths stay short. */
const REUSE = 1e-3;
const TOLERANCE = 1e-7;

export interface Neighbourhood {
  movable: number[];
  relations: number[];
  /** Nothing more is reachable: a larger depth would give the same LP. */
  complete: boolean;
}

export function neighbourhood(state: SuppressionState, s: number, depth: number): Neighbourhood {
  const { structure } = state;
  // Typed marks instead of a Map and a Set (called once per protection LP on tables of ~20,000
  // cells); the lists keep the order of discovery, which the LP's columns and rows follow.
  const levelPlusOne = new Int32Array(structure.ids.length);
  const seenRelation = new Uint8Array(structure.relations.length);
  const order = [s];
  const relations: number[] = [];
  levelPlusOne[s] = 1;
  let frontier = [s];
  for (let k = 1; k <= depth && frontier.length > 0; k++) {
    const next: number[] = [];
    for (const cell of frontier) {
      if (state.alwaysKnown[cell]) continue;
      for (const r of structure.cellRelations[cell]!) {
        if (seenRelation[r]) continue;
        seenRelation[r] = 1;
        relations.push(r);
        for (const c of structure.relations[r]!) {
          if (levelPlusOne[c]) continue;
          levelPlusOne[c] = k + 1;
          order.push(c);
          next.push(c);
        }
      }
    }
    frontier = next;
  }
  const complete = frontier.every((c) => state.alwaysKnown[c] || structure.cellRelations[c]!.every((r) => seenRelation[r] === 1));
  const movable = order.filter((c) => levelPlusOne[c]! - 1 < depth && !state.alwaysKnown[c]);
  if (complete) for (const c of frontier) if (!state.alwaysKnown[c]) movable.push(c);
  return { movable, relations, complete };
}

export interface Pattern {
  /** Published cells to hide. */
  hide: number[];
  /**
   * The two perturbed tables, raising and lowering s. Once `hide` is hidden
   * both are feasible for the attacker, so they prove a width for every
   * cell they move, not only for s (see reach.ts).
   */
  raised: SparsePoint;
  lowered: SparsePoint;
}

/**
 * Each relation holds in both perturbations: Σ ±(plus − minus) = 0 over its
 * movable cells, at column offsets 0 (raising s) and 2 (lowering s); then the
 * target row, rise + fall of s ≥ target. Built packed: these programs have
 * tens of thousands of entries, and one object per row cost more than the solve.
 */
function perturbationRows(structure: Structure, relations: readonly number[], column: Int32Array, js: number, target: number): PackedRows {
  let rowCount = 1;
  let entries = 2;
  for (const r of relations) {
    let movable = 0;
    for (const c of structure.relations[r]!) if (column[c]! >= 0) movable++;
    if (movable > 0) [rowCount, entries] = [rowCount + 2, entries + 4 * movable];
  }
  const starts = new Int32Array(rowCount + 1);
  const indices = new Int32Array(entries);
  const values = new Float64Array(entries);
  let row = 0;
  let at = 0;
  for (const r of relations) {
    const cells = structure.relations[r]!;
    for (const offset of [0, 2]) {
      const begin = at;
      cells.forEach((c, position) => {
        const j = column[c]!;
        if (j < 0) return;
        const a = coefficient(position);
        indices[at] = j + offset;
        values[at++] = a;
        indices[at] = j + offset + 1;
        values[at++] = -a;
      });
      if (at > begin) starts[++row] = at;
    }
  }
  indices.set([js, js + 3], at);
  values.set([1, 1], at);
  starts[++row] = at + 2;
  const lower = new Float64Array(rowCount);
  const upper = new Float64Array(rowCount);
  lower[rowCount - 1] = target;
  upper[rowCount - 1] = Infinity;
  return { starts, indices, values, lower, upper };
}

/**
 * Cells to hide so that s gets a total movement of `target`, or null when
 * no such perturbation exists within the neighbourhood.
 */
export function protectionPattern(state: SuppressionState, s: number, target: number, area: Neighbourhood): Pattern | null {
  const { structure, values } = state;
  const { movable } = area;
  const column = new Int32Array(structure.ids.length).fill(-1);
  movable.forEach((c, k) => (column[c] = 4 * k));
  // Columns per movable cell: up+, up−, down+, down− (the two perturbations).
  const lower = new Float64Array(4 * movable.length);
  const upper = new Float64Array(4 * movable.length);
  const cost = new Float64Array(4 * movable.length);
  movable.forEach((c, k) => {
    const slack = values[c]! - state.lowerBound(c);
    const unit = c === s ? 0 : (state.isUnpublished(c) ? REUSE * state.cheapest : state.cost[c]!) / target;
    upper.set([Infinity, slack, Infinity, slack], 4 * k);
    cost.fill(unit, 4 * k, 4 * k + 4);
  });
  const js = column[s]!;
  upper[js + 1] = 0; // s only goes up in the first perturbation…
  upper[js + 2] = 0; // …and only down in the second.

  const rows = perturbationRows(structure, area.relations, column, js, target);
  const lp = new Lp(state.highs, { lower, upper, rows, cost });
  try {
    const outcome = lp.run();
    if (outcome.status !== "optimal") return null;
    const x = lp.solution();
    const hide: number[] = [];
    const moved: number[] = [];
    const up: number[] = [];
    const down: number[] = [];
    movable.forEach((c, k) => {
      const rise = x[4 * k]! - x[4 * k + 1]!;
      const fall = x[4 * k + 2]! - x[4 * k + 3]!;
      if (Math.abs(rise) + Math.abs(fall) <= TOLERANCE) return;
      if (!state.isUnpublished(c)) hide.push(c);
      moved.push(c);
      up.push(rise);
      down.push(fall);
    });
    const cells = Int32Array.from(moved);
    return { hide, raised: { cells, deltas: Float64Array.from(up) }, lowered: { cells, deltas: Float64Array.from(down) } };
  } finally {
    lp.dispose();
  }
}
