/**
 * A small HiGHS wrapper of the attacker's own (not the publisher's): one model per component,
 * re-solved with changed objectives so the simplex warm-starts.
 */
import highsModule, { type Highs, type Model } from "highs";

// highs ships CommonJS typings; Node's ESM entry gives the loader itself. Accept both shapes.
const loadHighs: typeof highsModule.default = (highsModule as unknown as { default?: typeof highsModule.default }).default ?? (highsModule as unknown as typeof highsModule.default);

let cached: Promise<Highs> | undefined;
export const loadSolver = (): Promise<Highs> => (cached ??= loadHighs());

export interface Row {
  idx: number[];
  val: number[];
  lo: number;
  hi: number;
}

export interface Expression {
  idx: number[];
  val: number[];
}

export class AttackerLp {
  private readonly model: Model;
  private costCols: number[] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    numCols: number,
    rows: readonly Row[],
  ) {
    const inf = highs.infinity;
    const starts = new Int32Array(rows.length + 1);
    rows.forEach((r, i) => (starts[i + 1] = starts[i]! + r.idx.length));
    const indices = new Int32Array(starts[rows.length]!);
    const values = new Float64Array(indices.length);
    rows.forEach((r, i) => {
      indices.set(r.idx, starts[i]!);
      values.set(r.val, starts[i]!);
    });
    const bound = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    this.model = highs.createModel({
      numCols,
      numRows: rows.length,
      colCost: new Float64Array(numCols),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(inf),
      rowLower: Float64Array.from(rows, (r) => bound(r.lo)),
      rowUpper: Float64Array.from(rows, (r) => bound(r.hi)),
      matrix: { format: "csr", numRows: rows.length, numCols, starts, indices, values },
    });
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  addRow(row: Row): void {
    const inf = this.highs.infinity;
    this.model.addRow(row.lo === -Infinity ? -inf : row.lo, row.hi === Infinity ? inf : row.hi, { indices: row.idx, values: row.val });
  }

  /**
   * Minimise (sense 1) or maximise (sense −1) an expression. Returns the optimum, ±Infinity
   * when unbounded, NaN when infeasible.
   */
  optimise(e: Expression, sense: 1 | -1): number {
    for (const c of this.costCols) this.model.changeColCost(c, 0);
    const merged = new Map<number, number>();
    e.idx.forEach((c, k) => merged.set(c, (merged.get(c) ?? 0) + e.val[k]!));
    for (const [c, v] of merged) this.model.changeColCost(c, sense * v);
    this.costCols = [...merged.keys()];
    this.solves++;
    const codes = this.highs.constants.modelStatus;
    let status = this.model.run().modelStatus;
    if (status !== codes.optimal && status !== codes.infeasible && status !== codes.unbounded && status !== codes.empty) {
      this.model.clearSolver(); // a warm start that cannot conclude: retry from scratch
      status = this.model.run().modelStatus;
    }
    if (status === codes.optimal) return sense * this.model.getObjectiveValue();
    if (status === codes.empty) return 0;
    if (status === codes.unbounded) return sense === 1 ? -Infinity : Infinity;
    if (status === codes.infeasible) return NaN;
    throw new Error(`attacker LP stopped with status ${status}`);
  }

  solution(): Float64Array {
    return Float64Array.from(this.model.getSolution().colValue);
  }

  dispose(): void {
    this.model.dispose();
  }
}
