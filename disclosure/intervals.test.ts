// Exact intervals with fewer LPs (intervals.ts, attack.simpleBounds): the
// same intervals as two LPs per cell, on hand-worked tables.

import { describe, expect, it } from "vitest";
import { ComponentAttack } from "./attack.ts";
import { findComponents } from "./components.ts";
import { exactIntervals } from "./intervals.ts";
import { loadSolver, solveCounter } from "./lp.ts";
import type { SdcProblem } from "./model.ts";
import { lowerBound, resolveOptions } from "./options.ts";
import { releaseOf } from "./release.ts";
import { eliminateSingletons } from "./singletons.ts";
import { cellsOf, gridProblem, hierarchyProblem, rel } from "./test-support/problems.ts";
import { indexRelease } from "./validate.ts";

/** The attacks on the components left when `hidden` is suppressed. */
async function attacksOf(problem: SdcProblem, hidden: string[]) {
  const { structure, values, published } = indexRelease(releaseOf(problem, hidden));
  const { unknown, values: known } = eliminateSingletons(
    structure,
    published.map((p) => 1 - p),
    values,
  );
  const options = resolveOptions();
  const highs = await loadSolver();
  const attacks = findComponents(structure, unknown).map((component) => ({
    attack: new ComponentAttack(highs, structure, component, unknown, known, (c) => lowerBound(structure.publishable[c] === 1, options)),
    cells: component.cells,
  }));
  return { attacks, index: (id: string) => structure.index.get(id)! };
}

/** The attack on the one component left. */
async function attackOf(problem: SdcProblem, hidden: string[]) {
  const { attacks, index } = await attacksOf(problem, hidden);
  expect(attacks.length).toBe(1);
  return { ...attacks[0]!, index };
}

// 3×3 with margins; the rectangle c00 c01 c10 c11 hidden.
//   2  6  9 | 17
//   7  3  8 | 18
//  10 12 15 | 37
//  19 21 32 | 72
// c00 = t, c01 = 8 − t, c10 = 9 − t, c11 = 1 + t, every hidden cell ≥ 1: t ∈ [1, 7].
const grid = gridProblem([
  [2, 6, 9],
  [7, 3, 8],
  [10, 12, 15],
]);
const rectangle = ["c00", "c01", "c10", "c11"];

describe("simple bounds", () => {
  it("a part is at most its published total minus the other parts' minimums", async () => {
    const { attack, index } = await attackOf(grid, rectangle);
    // Row 0: c00 + c01 = 17 − 9 = 8, so c00 ≤ 7; column 0: c00 + c10 = 9, so c00 ≤ 8.
    expect(attack.simpleBounds(index("c00"))).toEqual({ lower: 1, upper: 7 });
    // Row 1: c10 + c11 = 10; column 1: c01 + c11 = 9: c11 ≤ 8.
    expect(attack.simpleBounds(index("c11"))).toEqual({ lower: 1, upper: 8 });
    attack.dispose();
  });

  it("a total and a part of one equation do not bound each other", async () => {
    // T = a + b with T and a hidden, b published: T − a = b leaves both free upwards.
    const problem: SdcProblem = { cells: cellsOf({ T: 9, a: 2, b: 7 }), relations: [rel("T", "a", "b")] };
    const { attack, index } = await attackOf(problem, ["T", "a"]);
    expect(attack.simpleBounds(index("T"))).toEqual({ lower: 1, upper: Infinity });
    expect(attack.simpleBounds(index("a"))).toEqual({ lower: 1, upper: Infinity });
    attack.dispose();
  });
});

describe("exactIntervals", () => {
  it("gives the rectangle's intervals with fewer LPs than two per cell", async () => {
    const { attack, index } = await attackOf(grid, rectangle);
    const cells = rectangle.map(index);
    const before = solveCounter.count;
    const intervals = exactIntervals(attack, cells);
    const solves = solveCounter.count - before;
    expect(intervals.get(index("c00"))).toEqual({ min: 1, max: 7, width: 6 });
    expect(intervals.get(index("c11"))).toEqual({ min: 2, max: 8, width: 6 });
    expect(intervals.get(index("c01"))).toEqual({ min: 1, max: 7, width: 6 });
    expect(intervals.get(index("c10"))).toEqual({ min: 2, max: 8, width: 6 });
    expect(solves).toBeLessThan(2 * cells.length);
    attack.dispose();
  });

  it("matches two LPs per cell on a hierarchy with a latent stratum", async () => {
    const problem = hierarchyProblem({
      leaves: [
        [
          [2, 9],
          [7, 3],
          [12, 4],
        ],
        [
          [1, 6],
          [8, 8],
        ],
      ],
      latentB: true,
    });
    const hidden = ["R0M0.a", "R0M1.a", "R0M0", "R0M1", "R1M0.a", "R1M1.a", "R1M0", "R1M1"];
    const { attacks } = await attacksOf(problem, hidden);
    for (const { attack, cells } of attacks) {
      const intervals = exactIntervals(attack, cells);
      for (const c of cells) {
        const { min, max, width } = attack.interval(c);
        expect(intervals.get(c)).toEqual({ min, max, width });
      }
      attack.dispose();
    }
  });
});
