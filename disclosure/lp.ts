// A thin wrapper over the HiGHS WebAssembly build: one persistent model per
// linear program, re-solved with a changed objective or bounds so the simplex
// warm-starts from the previous basis (much cheaper than re-parsing LP text).

import highsModule, { type Highs, type Model } from "highs";
import { SdcError } from "./model.ts";

// highs ships CommonJS typings: under NodeNext, TypeScript sees the default
// import as the module object, while Node's ESM entry (build/highs.mjs) gives
// the loader itself. Accept both shapes.
const loadHighs: typeof highsModule.default =
  (highsModule as unknown as { default?: typeof highsModule.default }).default ??
  (highsModule as unknown as typeof highsModule.default);

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

export interface LinearProgram {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  rows: readonly SparseRow[];
  cost?: ArrayLike<number>;
  /**
   * Use the primal simplex. Right for a model re-solved with changing
   * objectives: the previous basis stays primal feasible, so each solve
   * starts where the last one ended (about twice as fast as the dual). Wrong
   * for a one-shot solve from scratch, where the dual is much faster.
   */
  primal?: boolean;
}

export type Outcome =
  | { status: "optimal"; value: number }
  | { status: "unbounded"; value: number }
  | { status: "infeasible"; value: number };

/** Counts solves across models, for statistics. */
export const solveCounter = { count: 0 };

export class Lp {
  readonly highs: Highs;
  readonly model: Model;
  readonly numCols: number;
  private objectiveCol = -1;

  constructor(highs: Highs, program: LinearProgram) {
    this.highs = highs;
    this.numCols = program.lower.length;
    const inf = highs.infinity;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of program.rows) {
      indices.push(...row.indices);
      values.push(...row.values);
      starts.push(indices.length);
    }
    const bound = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    this.model = highs.createModel({
      numCols: this.numCols,
      numRows: program.rows.length,
      colCost: program.cost ? Float64Array.from(program.cost) : new Float64Array(this.numCols),
      colLower: Float64Array.from(program.lower, bound),
      colUpper: Float64Array.from(program.upper, bound),
      rowLower: Float64Array.from(program.rows, (r) => bound(r.lower)),
      rowUpper: Float64Array.from(program.rows, (r) => bound(r.upper)),
      matrix: { format: "csr", numRows: program.rows.length, numCols: this.numCols, starts, indices, values },
    });
    // Presolve off: the programs are small, and without it HiGHS tells
    // "infeasible" from "unbounded" instead of answering "one of the two".
    this.model.options.set({ output_flag: false, presolve: "off", ...(program.primal ? { simplex_strategy: 4 } : {}) });
  }

  /** Solve with the current objective (minimisation). */
  run(): Outcome {
    solveCounter.count++;
    const codes = this.highs.constants.modelStatus;
    const conclusive = (code: number) =>
      code === codes.optimal || code === codes.infeasible || code === codes.unbounded || code === codes.empty;
    let status = this.model.run().modelStatus;
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
    if (this.objectiveCol !== col) {
      if (this.objectiveCol >= 0) this.model.changeColCost(this.objectiveCol, 0);
      this.objectiveCol = col;
    }
    // Maximise by minimising −x: changing the sense would drop the warm start.
    this.model.changeColCost(col, sense);
    const outcome = this.run();
    if (outcome.status === "optimal") return { status: "optimal", value: sense * outcome.value };
    if (outcome.status === "unbounded") return { status: "unbounded", value: sense === 1 ? -Infinity : Infinity };
    return outcome;
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
