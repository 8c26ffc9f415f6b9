// A thin wrapper over the HiGHS WebAssembly build: one persistent model per
// linear program, re-solved with a changed objective or bounds so the simplex
// warm-starts from the previous basis (much cheaper than re-parsing LP text).

import highsModule, { type Highs, type Model } from "highs";
import { SdcError } from "./model.ts";

// highs ships CommonJS typings: under NodeNext, TypeScript sees the default
// import as the module object, while Node's ESM entry (build/highs.mjs) gives
// the loader itself. Accept both shapes.
const loadHighs: typeof highsModule.default = (highsModule as unknown as { default?: typeof highsModule.default }).default ?? (highsModule as unknown as typeof highsModule.default);

let cached: Promise<Highs> | undefined;

/** The solver is loaded once per process: compiling the WebAssembly costs ~100 ms. */
export function loadSolver(): Promise<Highs> {
  return (cached ??= loadHighs());
}

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
}

export type Outcome = { status: "optimal"; value: number } | { status: "unbounded"; value: number } | { status: "infeasible"; value: number };

/** Counts solves across models, for statistics. */
export const solveCounter = { count: 0 };

export class Lp {
  readonly highs: Highs;
  readonly model: Model;
  readonly numCols: number;
  /** Columns with a non-zero objective coefficient. */
  private objectiveCols: number[] = [];
  /** Switch to the primal simplex after the first solve (see LinearProgram.primal). */
  private primalAfterFirst: boolean;

  constructor(highs: Highs, program: LinearProgram) {
    this.highs = highs;
    this.numCols = program.lower.length;
    const inf = highs.infinity;
    const rows = Array.isArray(program.rows) ? packRows(program.rows) : (program.rows as PackedRows);
    const numRows = rows.lower.length;
    this.model = highs.createModel({
      numCols: this.numCols,
      numRows,
      colCost: program.cost ? Float64Array.from(program.cost) : new Float64Array(this.numCols),
      colLower: bounded(program.lower, inf),
      colUpper: bounded(program.upper, inf),
      rowLower: bounded(rows.lower, inf),
      rowUpper: bounded(rows.upper, inf),
      matrix: { format: "csr", numRows, numCols: this.numCols, starts: rows.starts, indices: rows.indices, values: rows.values },
    });
    // Presolve off: the programs are small, and without it HiGHS tells
    // "infeasible" from "unbounded" instead of answering "one of the two".
    this.model.options.set({ output_flag: false, presolve: "off" });
    this.primalAfterFirst = program.primal === true;
  }

  /** Solve with the current objective (minimisation). */
  run(): Outcome {
    solveCounter.count++;
    const codes = this.highs.constants.modelStatus;
    const conclusive = (code: number) => code === codes.optimal || code === codes.infeasible || code === codes.unbounded || code === codes.empty;
    let status = this.model.run().modelStatus;
    if (this.primalAfterFirst) {
      this.model.options.set({ simplex_strategy: 4 });
      this.primalAfterFirst = false;
    }
    if (!conclusive(status)) {
      // A warm start can leave the simplex unable to conclude (seen after
      // many bound changes on degenerate programs): retry from scratch.
      this.model.clearSolver();
      status = this.model.run().modelStatus;
    }
    if (status === codes.optimal) return { status: "optimal", value: this.model.getObjectiveValue() };
    if (status === codes.infeasible) return { status: "infeasible", value: NaN };
    if (status === codes.unbounded) return { status: "unbounded", value: -Infinity };
    if (status === codes.empty) return { status: "optimal", value: 0 };
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

  setBounds(col: number, lower: number, upper: number): void {
    const inf = this.highs.infinity;
    this.model.changeColBounds(col, lower === -Infinity ? -inf : lower, upper === Infinity ? inf : upper);
  }

  solution(): Float64Array {
    return Float64Array.from(this.model.getSolution().colValue);
  }

  dispose(): void {
    this.model.dispose();
  }
}
