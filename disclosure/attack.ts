// The attacker's view of one component: the smallest and largest value of an
// unpublished cell consistent with everything published. Variables are the
// component's unpublished cells, bounded below (1 for a hidden cell when
// zeros are published, else 0), tied by the relations with published values
// substituted. "A part ≤ its published total" needs no row of its own: it
// follows from the equation and the other parts' lower bounds.
//
// Intervals come from the LP relaxation, rounded inward to integers. An
// attacker who also exploits integrality could in principle do better on
// systems that are not totally unimodular (some linked tables); two-way
// tables and hierarchies are unimodular, so there the LP bounds are exact.

import type { BasisMemory } from "./basis-memory.ts";
import { componentSystem, type Component, type ComponentSystem } from "./components.ts";
import { determinedColumns } from "./gauss.ts";
import { Lp, type Outcome } from "./lp.ts";
import { SdcError } from "./model.ts";
import type { Structure } from "./structure.ts";
import type { Solver } from "./lp.ts";

const TOLERANCE = 1e-6;

export type Exactness = false | "equations" | "bounds";

export interface Interval {
  min: number;
  max: number;
  width: number;
  /** Feasible points reaching the (unrounded) minimum and maximum, by column. */
  low: Float64Array;
  high: Float64Array;
}

/** The LP's extremes of a cell rounded inward to integers (the true value is one). */
function rounded(low: number, high: number): { min: number; max: number; width: number } {
  const min = Math.ceil(low - TOLERANCE) + 0; // + 0 turns −0 into 0
  const max = high === Infinity ? Infinity : Math.floor(high + TOLERANCE);
  // min > max only if the cell is pinned to a non-integer: an exact disclosure all the same.
  return { min, max: Math.max(min, max), width: Math.max(0, max - min) };
}

export function roundedWidth(low: number, high: number): number {
  return rounded(low, high).width;
}

export class ComponentAttack {
  readonly system: ComponentSystem;
  private readonly lp: Lp;
  private readonly structure: Structure;
  private determined: Uint8Array | undefined;
  /** Columns fixed by fix(): published since the component was built. */
  private readonly fixed = new Set<number>();
  /** Current bounds of each column. */
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  /** Rows of each column, built on first use. */
  private rowsOf: number[][] | undefined;
  /** The relation behind each row. */
  private readonly relations: readonly number[];

  constructor(highs: Solver, structure: Structure, component: Component, unpublished: Uint8Array, values: ArrayLike<number>, lower: (cell: number) => number, options: { devex?: boolean } = {}) {
    this.structure = structure;
    this.relations = component.relations;
    this.system = componentSystem(structure, component, unpublished, values);
    const n = component.cells.length;
    this.lower = Float64Array.from(component.cells, lower);
    this.upper = new Float64Array(n).fill(Infinity);
    this.lp = new Lp(highs, {
      lower: this.lower,
      upper: this.upper,
      rows: this.system.rows,
      primal: true, // min and max of one cell after another: only the objective changes
      devex: options.devex === true,
    });
  }

  column(cell: number): number {
    const j = this.system.column.get(cell);
    if (j === undefined) throw new SdcError(`cell "${this.structure.ids[cell]}" is not in this component`);
    return j;
  }

  /** Start from the bases of earlier attacks on some of this component's cells (basis-memory.ts); false if none applies. */
  startFrom(memory: BasisMemory): boolean {
    const basis = memory.basisFor(this.system.cells, this.relations);
    return basis !== null && this.lp.startFrom(basis);
  }

  /** Keep the last basis in `memory` (nothing if never solved). */
  rememberBasis(memory: BasisMemory): void {
    const basis = this.lp.basis();
    if (basis) memory.remember(this.system.cells, this.relations, basis);
  }

  private extreme(j: number, sense: 1 | -1): Outcome {
    const outcome = this.lp.extreme(j, sense);
    if (outcome.status === "infeasible") {
      const id = this.structure.ids[this.system.cells[j]!];
      throw new SdcError(`inconsistent release: no non-negative counts fit the published values around "${id}"` + " (with zeros published, every hidden cell is taken as ≥ 1: is a zero hidden?)");
    }
    return outcome;
  }

  /** The smallest (sense 1) or largest (sense −1) value of a cell and a point reaching it; null when unbounded. */
  side(cell: number, sense: 1 | -1): { value: number; point: Float64Array } | null {
    const outcome = this.extreme(this.column(cell), sense);
    return outcome.status === "optimal" ? { value: outcome.value, point: this.lp.solution() } : null;
  }

  /**
   * Bounds of a cell that need no LP: its own bounds, and for each equation
   * whose other unknowns all move against it, what is left when they sit at
   * their lower bounds (a part is at most its published total minus the
   * other parts' minimums). Valid, though not always reached.
   */
  simpleBounds(cell: number): { lower: number; upper: number } {
    const j = this.column(cell);
    if (!this.rowsOf) {
      this.rowsOf = this.system.cells.map(() => []);
      this.system.rows.forEach((row, r) => row.indices.forEach((k) => this.rowsOf![k]!.push(r)));
    }
    let upper = this.upper[j]!;
    for (const r of this.rowsOf[j]!) {
      const row = this.system.rows[r]!;
      const a = row.values[row.indices.indexOf(j)]!;
      let rest = row.lower / a; // x_j = rhs/a − Σ (a_k/a) x_k
      for (let k = 0; k < row.indices.length && rest < Infinity; k++) {
        const col = row.indices[k]!;
        if (col === j) continue;
        const ratio = row.values[k]! / a;
        rest = ratio > 0 ? rest - ratio * this.lower[col]! : Infinity; // an opposite sign lets x_j grow
      }
      upper = Math.min(upper, rest);
    }
    return { lower: this.lower[j]!, upper };
  }

  /** The interval an attacker can compute for a cell, rounded inward to integers. */
  interval(cell: number): Interval {
    const j = this.column(cell);
    const lo = this.extreme(j, 1);
    const low = this.lp.solution();
    const hi = this.extreme(j, -1);
    const high = hi.status === "optimal" ? this.lp.solution() : low;
    const { min, max, width } = rounded(lo.value, hi.value);
    return { min, max, width, low, high };
  }

  /**
   * Two feasible points that push many cells apart at once: the minimiser and
   * the maximiser of their sum (an unbounded side gives no point). Cheaper
   * than two LPs per cell when the points prove most widths on their own.
   */
  spreadPoints(cells: readonly number[], signs?: readonly number[]): Float64Array[] {
    const columns = cells.map((c) => this.column(c));
    const points: Float64Array[] = [];
    for (const sense of [1, -1] as const) {
      const outcome = this.lp.minimiseSum(columns, sense, signs);
      if (outcome.status === "infeasible") this.extreme(columns[0]!, sense); // throws with the cell's name
      if (outcome.status === "optimal") points.push(this.lp.solution());
    }
    return points;
  }

  /** Why a width-0 cell is exact: the equations alone, or equations and bounds together. */
  exactness(cell: number): "equations" | "bounds" {
    const j = this.column(cell);
    // A fixed column is one more equation, x_j = value.
    const pins = [...this.fixed].map((k) => ({ indices: [k], values: [1] }));
    this.determined ??= determinedColumns([...this.system.rows, ...pins], this.system.cells.length);
    return this.determined[j] ? "equations" : "bounds";
  }

  /** Publish (fix) or re-hide a cell of the component; the LP is updated in place. */
  fix(cell: number, value: number): void {
    const j = this.column(cell);
    this.lp.setBounds(j, value, value);
    [this.lower[j], this.upper[j]] = [value, value];
    this.fixed.add(j);
    this.determined = undefined;
  }

  release(cell: number, lower: number): void {
    const j = this.column(cell);
    this.lp.setBounds(j, lower, Infinity);
    [this.lower[j], this.upper[j]] = [lower, Infinity];
    this.fixed.delete(j);
    this.determined = undefined;
  }

  dispose(): void {
    this.lp.dispose();
  }
}
