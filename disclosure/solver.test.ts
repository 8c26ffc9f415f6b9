import { describe, expect, it } from "vitest";
import { Lp, packRows } from "./lp.ts";
import { HighsModel, loadSolver, MODEL_STATUS } from "./solver.ts";

describe("HiGHS through its C API (solver.ts)", () => {
  it("solves a small program, then again with a new objective and new bounds, warm", async () => {
    const solver = await loadSolver();
    // x + y = 10, x − y ≤ 4, 0 ≤ x, y ≤ 8.
    const lp = new Lp(solver, {
      lower: [0, 0],
      upper: [8, 8],
      rows: [
        { indices: [0, 1], values: [1, 1], lower: 10, upper: 10 },
        { indices: [0, 1], values: [1, -1], lower: -Infinity, upper: 4 },
      ],
    });
    try {
      expect(lp.extreme(0, -1)).toEqual({ status: "optimal", value: 7 });
      expect([...lp.solution()]).toEqual([7, 3]);
      expect(lp.extreme(0, 1)).toEqual({ status: "optimal", value: 2 });
      expect([...lp.solution()]).toEqual([2, 8]);
      lp.setBounds(1, 0, 6);
      expect(lp.extreme(0, 1)).toEqual({ status: "optimal", value: 4 });
      expect(lp.minimiseSum([0, 1], 1, [2, 1])).toEqual({ status: "optimal", value: 14 });
    } finally {
      lp.dispose();
    }
  });

  it("tells infeasible from unbounded (presolve off)", async () => {
    const solver = await loadSolver();
    const infeasible = new Lp(solver, { lower: [0], upper: [1], rows: [{ indices: [0], values: [1], lower: 2, upper: Infinity }] });
    const unbounded = new Lp(solver, { lower: [0, 0], upper: [Infinity, Infinity], rows: [{ indices: [0, 1], values: [1, -1], lower: 0, upper: 0 }] });
    try {
      expect(infeasible.extreme(0, 1).status).toBe("infeasible");
      expect(unbounded.extreme(0, -1)).toEqual({ status: "unbounded", value: Infinity });
      expect(unbounded.extreme(0, 1)).toEqual({ status: "optimal", value: 0 });
    } finally {
      infeasible.dispose();
      unbounded.dispose();
    }
  });

  it("refuses a program HiGHS cannot read, and frees it", async () => {
    const solver = await loadSolver();
    const rows = packRows([{ indices: [0, 5], values: [1, 1], lower: 0, upper: 1 }]);
    const bad = () =>
      new HighsModel(solver, {
        cost: new Float64Array(2),
        colLower: new Float64Array(2),
        colUpper: new Float64Array([1, 1]),
        rowLower: rows.lower,
        rowUpper: rows.upper,
        starts: rows.starts,
        indices: rows.indices,
        values: rows.values,
      });
    expect(bad).toThrow(/HiGHS refused a program of 2 columns and 1 rows/);
  });

  it("keeps its answers right while the solver's memory grows under it", async () => {
    const solver = await loadSolver();
    // Programs of 500,000 columns (x0 = x(n−1), x0 ≤ 3) grow the WebAssembly memory, which
    // detaches every view made before: each array must be copied through a fresh view.
    const n = 500_000;
    const before = solver.memory.buffer.byteLength;
    const upper = new Float64Array(n).fill(Infinity);
    upper[0] = 3;
    const models = Array.from({ length: 3 }, () => new Lp(solver, { lower: new Float64Array(n), upper, rows: [{ indices: [0, n - 1], values: [1, -1], lower: 0, upper: 0 }] }));
    try {
      expect(solver.memory.buffer.byteLength).toBeGreaterThan(before);
      for (const lp of models) {
        expect(lp.extreme(n - 1, -1)).toEqual({ status: "optimal", value: 3 });
        const x = lp.solution();
        expect(x.length).toBe(n);
        expect(x[n - 1]).toBe(3);
      }
    } finally {
      for (const lp of models) lp.dispose();
    }
    expect(MODEL_STATUS.optimal).toBe(7);
  });
});
