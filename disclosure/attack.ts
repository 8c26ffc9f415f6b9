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

import { componentSystem, type Component, type ComponentSystem } from "./components.ts";
import { determinedColumns } from "./gauss.ts";
import { Lp, type Outcome } from "./lp.ts";
import { SdcError } from "./model.ts";
import type { Structure } from "./structure.ts";
import type { Highs } from "highs";

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

export class ComponentAttack {
  readonly system: ComponentSystem;
  private readonly lp: Lp;
  private readonly structure: Structure;
  private determined: Uint8Array | undefined;
  /** Columns fixed by fix(): published since the component was built. */
  private readonly fixed = new Set<number>();

  constructor(
    highs: Highs,
    structure: Structure,
    component: Component,
    unpublished: Uint8Array,
    values: ArrayLike<number>,
    lower: (cell: number) => number,
  ) {
    this.structure = structure;
    this.system = componentSystem(structure, component, unpublished, values);
    const n = component.cells.length;
    this.lp = new Lp(highs, {
      lower: Float64Array.from(component.cells, lower),
      upper: new Float64Array(n).fill(Infinity),
      rows: this.system.rows,
      primal: true, // min and max of one cell after another: only the objective changes
    });
  }

  column(cell: number): number {
    const j = this.system.column.get(cell);
    if (j === undefined) throw new SdcError(`cell "${this.structure.ids[cell]}" is not in this component`);
    return j;
  }

  private extreme(j: number, sense: 1 | -1): Outcome {
    const outcome = this.lp.extreme(j, sense);
    if (outcome.status === "infeasible") {
      const id = this.structure.ids[this.system.cells[j]!];
      throw new SdcError(
        `inconsistent release: no non-negative counts fit the published values around "${id}"` +
          " (with zeros published, every hidden cell is taken as ≥ 1: is a zero hidden?)",
      );
    }
    return outcome;
  }

  /** The interval an attacker can compute for a cell, rounded inward to integers. */
  interval(cell: number): Interval {
    const j = this.column(cell);
    const lo = this.extreme(j, 1);
    const low = this.lp.solution();
    const hi = this.extreme(j, -1);
    const high = hi.status === "optimal" ? this.lp.solution() : low;
    const min = Math.ceil(lo.value - TOLERANCE) + 0; // + 0 turns −0 into 0
    const max = hi.value === Infinity ? Infinity : Math.floor(hi.value + TOLERANCE);
    // min > max only if the cell is pinned to a non-integer: an exact disclosure all the same.
    return { min, max: Math.max(min, max), width: Math.max(0, max - min), low, high };
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
    this.fixed.add(j);
    this.determined = undefined;
  }

  release(cell: number, lower: number): void {
    const j = this.column(cell);
    this.lp.setBounds(j, lower, Infinity);
    this.fixed.delete(j);
    this.determined = undefined;
  }

  dispose(): void {
    this.lp.dispose();
  }
}
