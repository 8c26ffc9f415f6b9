// The ceiling's shortcut (no known cell: a count above 0 is unbounded, no LP) checked against
// the LPs it replaces, on random hierarchies and on a grid with margins.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ceiling } from "./ceiling.ts";
import { loadSolver, solveCounter } from "./lp.ts";
import type { SdcProblem } from "./model.ts";
import { resolveOptions } from "./options.ts";
import { gridProblem, hierarchyProblem, type HierarchySpec } from "./test-support/problems.ts";
import { indexProblem } from "./validate.ts";

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }));
const leaves = fc.array(fc.array(fc.tuple(count, count), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 4 });
const spec: fc.Arbitrary<HierarchySpec> = fc.record({ leaves, latentB: fc.boolean() });

/** The same problem with one cell apart, related to nothing, known: the ceiling must then solve its LPs. */
const withAFact = (p: SdcProblem): SdcProblem => ({ relations: p.relations, cells: [...p.cells, { id: "fact", value: 3, publishable: true, known: true }] });

async function ceilings(problem: SdcProblem, publishZeros: boolean) {
  const highs = await loadSolver();
  const options = resolveOptions({ publishZeros });
  const short = indexProblem(problem);
  const long = indexProblem(withAFact(problem));
  return {
    cells: problem.cells,
    shortcut: new Ceiling(highs, short.structure, short.values, options),
    solved: new Ceiling(highs, long.structure, long.values, options),
  };
}

describe("Ceiling without known cells", () => {
  it("gives every count above 0 the width the LPs give it (unbounded), without solving", async () => {
    await fc.assert(
      fc.asyncProperty(spec, fc.boolean(), async (s, publishZeros) => {
        const { cells, shortcut, solved } = await ceilings(hierarchyProblem(s), publishZeros);
        try {
          for (let i = 0; i < cells.length; i++) {
            if (cells[i]!.value === 0) continue;
            const before = solveCounter.count;
            expect(shortcut.width(i)).toBe(Infinity);
            expect(solveCounter.count).toBe(before);
            expect(solved.width(i)).toBe(Infinity);
          }
        } finally {
          shortcut.dispose();
          solved.dispose();
        }
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it("solves its LPs once a cell is known", async () => {
    // A 2×2 grid whose first row total is a known 3: c00 + c01 = 3 with both at least 1, so c00 lies in [1, 2].
    const problem = gridProblem([
      [1, 2],
      [0, 4],
    ]);
    const known: SdcProblem = { relations: problem.relations, cells: problem.cells.map((c) => (c.id === "r0" ? { ...c, known: true } : c)) };
    const highs = await loadSolver();
    const { structure, values } = indexProblem(known);
    const ceiling = new Ceiling(highs, structure, values, resolveOptions({}));
    try {
      const c00 = structure.index.get("c00")!;
      const before = solveCounter.count;
      expect(ceiling.width(c00)).toBe(1);
      expect(solveCounter.count).toBeGreaterThan(before);
    } finally {
      ceiling.dispose();
    }
  });
});
