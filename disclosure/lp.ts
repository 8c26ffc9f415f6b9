// A thin wrapper over HiGHS (solver.ts): one persistent model per linear program, re-solved
// with a changed objective or bounds so the simplex warm-starts from the previous basis (much
// cheaper than building the program again).

import { HighsModel, MODEL_STATUS, type Solver } from "./solver.ts";
import { SdcError } from "./model.ts";

export { loadSolver, type Solver } from "./solver.ts";

export interface SparseRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

/** Rows already packed (compressed sparse rows): what large programs are built as, to spare copies. */
export interface PackedRows {
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/** Bounds with ±Infinity as HiGHS's ±infinity (a plain loop: tens of thousands per program). */
function bounded(values: ArrayLike<number>, inf: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    out[i] = x === Infinity ? inf : x === -Infinity ? -inf : x;
  }
  return out;
}

/** Pack rows given one by one. */
export function packRows(rows: readonly SparseRow[]): PackedRows {
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (starts[r + 1] = starts[r]! + row.indices.length));
  const indices = new Int32Array(starts[rows.length]!);
  const values = new Float64Array(indices.length);
  rows.forEach((row, r) => {
    indices.set(row.indices, starts[r]!);
    values.set(row.values, starts[r]!);
  });
  return {
    starts,
    indices,
    values,
    lower: Float64Array.from(rows, (r) => r.lower),
    upper: Float64Array.from(rows, (r) => r.upper),
  };
}

export interface LinearProgram {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  rows: readonly SparseRow[] | PackedRows;
  cost?: ArrayLike<number>;
  /**
   * Use the primal simplex after the first solve. Right for a model re-solved
   * with changing objectives: the previous basis stays primal feasible, so
   * each solve starts where the last one ended (about twice as fast as the
   * dual). Wrong for the first solve, from scratch, where the dual is much
   * faster (three times, on a component of 10,000 cells).
   */
  primal?: boolean;
  /**
   * Devex weights for the dual simplex instead of HiGHS's default (steepest edge, whose exact
   * weights cost a solve of their own whenever the basis is rebuilt). Right for an attack's
   * model that is re-solved after bounds change, as cells are published again (verify.ts,
   * audit.ts): the demo's 2022 deaths table 17.8 → 16.1 s with the same cells hidden. Wrong for
   * the protection LPs and probes (the 2022 BIM-share table 4.2 → 6.0 s), which keep the default.
   */
  devex?: boolean;
}

export type Outcome = { status: "optimal"; value: number } | { status: "unbounded"; value: number } | { status: "infeasible"; value: number };

/**
 * Counts solves, their simplex iterations and the milliseconds HiGHS spent in them (model
 * building excluded), across models, for statistics: what the LPs alone cost.
 */
export const solveCounter = { count: 0, iterations: 0, milliseconds: 0 };

export class Lp {
  readonly solver: Solver;
  readonly model: HighsModel;
  readonly numCols: number;
  /** Columns with a non-zero objective coefficient. */
  private objectiveCols: number[] = [];
  /** Switch to the primal simplex after the first solve (see LinearProgram.primal). */
  private primalAfterFirst: boolean;
  private solved = false;

  constructor(solver: Solver, program: LinearProgram) {
    this.solver = solver;
    this.numCols = program.lower.length;
    const inf = solver.infinity;
    const rows = Array.isArray(program.rows) ? packRows(program.rows) : (program.rows as PackedRows);
    this.model = new HighsModel(solver, {
      cost: program.cost ? Float64Array.from(program.cost) : new Float64Array(this.numCols),
      colLower: bounded(program.lower, inf),
      colUpper: bounded(program.upper, inf),
      rowLower: bounded(rows.lower, inf),
      rowUpper: bounded(rows.upper, inf),
      starts: rows.starts,
      indices: rows.indices,
      values: rows.values,
    });
    this.primalAfterFirst = program.primal === true;
    if (program.devex) this.model.option("int", "simplex_dual_edge_weight_strategy", 1);
  }

  /** Solve with the current objective (minimisation). */
  run(): Outcome {
    solveCounter.count++;
    this.solved = true;
    const started = performance.now();
    const conclusive = (code: number) => code === MODEL_STATUS.optimal || code === MODEL_STATUS.infeasible || code === MODEL_STATUS.unbounded || code === MODEL_STATUS.empty;
    let status = this.model.run();
    if (this.primalAfterFirst) {
      this.model.option("int", "simplex_strategy", 4);
      this.primalAfterFirst = false;
    }
    solveCounter.iterations += this.model.iterations();
    if (!conclusive(status)) {
      // A warm start can leave the simplex unable to conclude (seen after
      // many bound changes on degenerate programs): retry from scratch.
      this.model.clearSolver();
      status = this.model.run();
      solveCounter.iterations += this.model.iterations();
    }
    solveCounter.milliseconds += performance.now() - started;
    if (status === MODEL_STATUS.optimal) return { status: "optimal", value: this.model.objectiveValue() };
    if (status === MODEL_STATUS.infeasible) return { status: "infeasible", value: NaN };
    if (status === MODEL_STATUS.unbounded) return { status: "unbounded", value: -Infinity };
    if (status === MODEL_STATUS.empty) return { status: "optimal", value: 0 };
    throw new SdcError(`LP solver stopped with status ${status}`);
  }

  /** Minimise (sense 1) or maximise (sense −1) a single column. */
  extreme(col: number, sense: 1 | -1): Outcome {
    const outcome = this.minimiseSum([col], sense);
    if (outcome.status === "optimal") return { status: "optimal", value: sense * outcome.value };
    if (outcome.status === "unbounded") return { status: "unbounded", value: sense === 1 ? -Infinity : Infinity };
    return outcome;
  }

  /**
   * Minimise sense · Σ weight·x[cols] (weights default to 1); only the
   * objective changes, so the basis is kept.
   */
  minimiseSum(cols: readonly number[], sense: 1 | -1, weights?: readonly number[]): Outcome {
    // Maximise by minimising −x: changing the sense would drop the warm start.
    const next = new Set(cols);
    for (const c of this.objectiveCols) if (!next.has(c)) this.model.changeColCost(c, 0);
    cols.forEach((c, k) => this.model.changeColCost(c, sense * (weights?.[k] ?? 1)));
    this.objectiveCols = [...cols];
    return this.run();
  }

  /** The basis of the last solve (HiGHS's statuses of columns and rows); null before any. */
  basis(): { cols: Int32Array; rows: Int32Array } | null {
    return this.solved ? this.model.basis() : null;
  }

  /**
   * Start the next solve from a basis of a related program, by the primal simplex (such a
   * basis is near primal feasible, seldom dual feasible). False if HiGHS refuses it.
   */
  startFrom(basis: { cols: Int32Array; rows: Int32Array }): boolean {
    if (!this.model.setBasis(basis.cols, basis.rows)) return false;
    this.model.option("int", "simplex_strategy", 4);
    this.primalAfterFirst = false;
    return true;
  }

  setBounds(col: number, lower: number, upper: number): void {
    const inf = this.solver.infinity;
    this.model.changeColBounds(col, lower === -Infinity ? -inf : lower, upper === Infinity ? inf : upper);
  }

  solution(): Float64Array {
    return this.model.solution();
  }

  dispose(): void {
    this.model.dispose();
  }
}
