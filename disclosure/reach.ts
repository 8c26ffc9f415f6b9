// Widths proven so far during complementary suppression, from feasible points.
//
// While cells are only being hidden, the attacker's set of feasible tables
// only grows: a point found feasible for an earlier pattern (a perturbed
// table of a protection LP, the minimiser of an attack LP) stays feasible for
// every later one. So each protected cell's interval contains the values that
// every point found so far gives it, and once those span the required width
// the cell needs neither a protection LP nor an attack of its own. This
// generalises "a pattern certifies the cells it moves": points of different
// patterns combine.
//
// Points are kept as sparse deviations from the true table, and only while
// they are a protected cell's extreme, so they can seed the verifier's
// witnesses later (verify.ts). Pruning publishes cells again, which breaks
// the premise: a Reach is for the hiding passes only.

import { POINT_TOLERANCE } from "./witnesses.ts";

/** A feasible table as its deviation from the true one, on the cells it moves. */
export interface SparsePoint {
  cells: Int32Array;
  deltas: Float64Array;
}

/** Deviations below this are solver noise. */
const NOISE = 1e-9;

export class Reach {
  /** Largest rise and fall seen for each protected cell, and the points showing them. */
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  private readonly upPoint: Int32Array;
  private readonly downPoint: Int32Array;
  private readonly points: (SparsePoint | undefined)[] = [];

  constructor(
    cellCount: number,
    private readonly isTarget: (cell: number) => boolean,
  ) {
    this.up = new Float64Array(cellCount);
    this.down = new Float64Array(cellCount);
    this.upPoint = new Int32Array(cellCount).fill(-1);
    this.downPoint = new Int32Array(cellCount).fill(-1);
  }

  /** Proven width of a protected cell: the true value is integer, so each side rounds down on its own. */
  width(cell: number): number {
    return Math.floor(this.up[cell]! + POINT_TOLERANCE) + Math.floor(this.down[cell]! + POINT_TOLERANCE);
  }

  /** Record a feasible point; it is kept only if it widens some protected cell. */
  add(point: SparsePoint): void {
    const id = this.points.length;
    let useful = false;
    point.cells.forEach((cell, k) => {
      if (!this.isTarget(cell)) return;
      const d = point.deltas[k]!;
      if (d > this.up[cell]!) [this.up[cell], this.upPoint[cell], useful] = [d, id, true];
      else if (-d > this.down[cell]!) [this.down[cell], this.downPoint[cell], useful] = [-d, id, true];
    });
    this.points.push(useful ? point : undefined);
  }

  /** Record a dense point over `cells` (an attack LP's solution), given the true values. */
  addDense(cells: readonly number[], point: Float64Array, values: ArrayLike<number>): void {
    const moved: number[] = [];
    const deltas: number[] = [];
    cells.forEach((cell, j) => {
      const d = point[j]! - values[cell]!;
      if (Math.abs(d) > NOISE) (moved.push(cell), deltas.push(d));
    });
    if (moved.length > 0) this.add({ cells: Int32Array.from(moved), deltas: Float64Array.from(deltas) });
  }

  /**
   * The points that are extremes of the given protected cells, restricted to
   * `cells` (column j is cells[j]) and written out in full. Restricting is
   * sound: a component's equations involve its own cells only.
   */
  witnesses(targets: readonly number[], cells: readonly number[], values: ArrayLike<number>): Float64Array[] {
    const ids = new Set<number>();
    for (const t of targets) for (const id of [this.upPoint[t]!, this.downPoint[t]!]) if (id >= 0) ids.add(id);
    const column = new Map(cells.map((cell, j) => [cell, j]));
    return [...ids].map((id) => {
      const point = Float64Array.from(cells, (cell) => values[cell]!);
      const { cells: moved, deltas } = this.points[id]!;
      moved.forEach((cell, k) => {
        const j = column.get(cell);
        if (j !== undefined) point[j] = values[cell]! + deltas[k]!;
      });
      return point;
    });
  }
}
