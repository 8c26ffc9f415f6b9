// Property tests on random small hierarchies: total → 2–5 regions → 2–5
// municipalities each, every area split into strata a + b, counts 0–30
// (skewed small so that many cells are sensitive).

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { audit, protect, releaseOf, type SdcOptions } from "./index.ts";
import { hierarchyProblem, naiveAttack, type HierarchySpec } from "./test-support/problems.ts";

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }));
const leaves = fc.array(fc.array(fc.tuple(count, count), { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 5 });
const spec: fc.Arbitrary<HierarchySpec> = fc.record({ leaves, latentB: fc.boolean() });
const options: fc.Arbitrary<SdcOptions> = fc.constantFrom<SdcOptions>({}, { publishZeros: false });

const RUNS = { numRuns: 80, seed: 20240611 };

describe("protect on random hierarchies", () => {
  it("the audit passes and no published cell is small", async () => {
    await fc.assert(
      fc.asyncProperty(spec, options, async (s, opts) => {
        const problem = hierarchyProblem(s);
        const result = await protect(problem, opts);
        expect(result.audit.pass).toBe(true);
        for (const c of result.audit.cells) {
          if (c.status !== "known") expect(c.width).toBeGreaterThanOrEqual(5);
        }
        const minPublished = opts.publishZeros === false ? 0 : 1;
        for (const cell of result.release.cells) {
          if (cell.value === undefined) continue;
          expect(cell.value >= minPublished && cell.value < 5).toBe(false);
        }
        // Every sensitive publishable cell is hidden as primary.
        for (const id of result.sensitive) {
          const cell = problem.cells.find((c) => c.id === id)!;
          if (cell.publishable) expect(result.hidden.get(id)).toBe("primary");
        }
      }),
      RUNS,
    );
  });

  it("a naive attacker adding and subtracting relations never recovers a sensitive cell", async () => {
    await fc.assert(
      fc.asyncProperty(spec, options, async (s, opts) => {
        const problem = hierarchyProblem(s);
        const result = await protect(problem, opts);
        const recovered = naiveAttack(result.release, { publishZeros: opts.publishZeros ?? true });
        const truth = new Map(problem.cells.map((c) => [c.id, c.value]));
        // The attacker is sound: what it finds is true.
        for (const [id, v] of recovered) expect(v).toBe(truth.get(id));
        for (const id of result.sensitive) expect(recovered.has(id)).toBe(false);
      }),
      RUNS,
    );
  });

  it("the same attacker does break primary suppression alone, when a singleton exists", async () => {
    // Sanity check that the attacker has teeth: one small leaf, nothing else hidden.
    const problem = hierarchyProblem({
      leaves: [
        [
          [2, 10],
          [7, 9],
        ],
        [
          [8, 6],
          [12, 15],
        ],
      ],
    });
    const primaryOnly = await audit(problem, ["R0M0.a"]);
    expect(primaryOnly.pass).toBe(false);
    expect(naiveAttack(releaseOf(problem, ["R0M0.a"])).get("R0M0.a")).toBe(2);
  });

  it("with known cells (last year's release) it still passes, capping only what known facts force", async () => {
    const withKnown = fc.tuple(spec, fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(withKnown, options, async ([s, flags], opts) => {
        const problem = hierarchyProblem(s);
        problem.cells.forEach((c, i) => {
          if (flags[i] && i % 3 === 0) c.known = true;
        });
        const result = await protect(problem, opts);
        expect(result.audit.pass).toBe(true);
        for (const id of result.hidden.keys()) expect(problem.cells.find((c) => c.id === id)!.known).toBeFalsy();
        for (const c of result.audit.cells) {
          if (c.capped) expect(result.unprotectable).toContain(c.id);
          else expect(c.width).toBeGreaterThanOrEqual(5);
        }
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it("no complementary cell is redundant", async () => {
    await fc.assert(
      fc.asyncProperty(spec, options, async (s, opts) => {
        const problem = hierarchyProblem(s);
        const result = await protect(problem, opts);
        const hidden = [...result.hidden.keys()];
        for (const [id, kind] of result.hidden) {
          if (kind !== "complementary") continue;
          const without = await audit(
            problem,
            hidden.filter((h) => h !== id),
            opts,
          );
          expect(without.pass, `publishing ${id} should break the audit`).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
