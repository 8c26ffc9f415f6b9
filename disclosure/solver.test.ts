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

  it("gives the same extremes with Devex dual weights, re-solved after bounds change (lp.ts `devex`)", async () => {
    const solver = await loadSolver();
    // A chain of totals: x0 = x1 + x2, x1 = x3 + x4, x2 = x5 + x6, x0 = 40; every cell ≥ 1.
    const rows = [
      { indices: [0, 1, 2], values: [1, -1, -1], lower: 0, upper: 0 },
      { indices: [1, 3, 4], values: [1, -1, -1], lower: 0, upper: 0 },
      { indices: [2, 5, 6], values: [1, -1, -1], lower: 0, upper: 0 },
      { indices: [0], values: [1], lower: 40, upper: 40 },
    ];
    const answers = (devex: boolean) => {
      const lp = new Lp(solver, { lower: new Float64Array(7).fill(1), upper: new Float64Array(7).fill(Infinity), rows, primal: true, devex });
      try {
        const out = [3, 4, 5].flatMap((c) => [lp.extreme(c, 1).value, lp.extreme(c, -1).value]);
        // Cells published one after another, as pruning does: bounds fixed, then solved again.
        lp.setBounds(1, 12, 12);
        out.push(lp.extreme(3, -1).value, lp.extreme(5, -1).value);
        lp.setBounds(5, 20, 20);
        out.push(lp.extreme(6, -1).value, lp.extreme(6, 1).value);
        return out;
      } finally {
        lp.dispose();
      }
    };
    expect(answers(false)).toEqual([1, 37, 1, 37, 1, 37, 11, 27, 8, 8]);
    expect(answers(true)).toEqual(answers(false));
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
