// The cheap checks of the hiding and pruning passes, on a hand-worked 3×3
// table: the probe (probe.ts), the verifier's point certificates and its
// pruning test (verify.ts).

import { describe, expect, it } from "vitest";
import { loadSolver, solveCounter } from "./lp.ts";
import { resolveOptions } from "./options.ts";
import { Probe } from "./probe.ts";
import { Reach } from "./reach.ts";
import { SuppressionState } from "./state.ts";
import { gridProblem } from "./test-support/problems.ts";
import { indexProblem } from "./validate.ts";
import { Verifier } from "./verify.ts";

// 3×3 with margins; c00 = 2 and c11 = 3 are sensitive.
//   2  6  9 | 17
//   7  3  8 | 18
//  10 12 15 | 37
//  19 21 32 | 72
// With the rectangle c00 c01 c10 c11 hidden: c00 = t, c01 = 8 − t,
// c10 = 9 − t, c11 = 1 + t, every hidden cell ≥ 1, so t ∈ [1, 7]:
// c00 ∈ [1, 7] and c11 ∈ [2, 8], width 6 each.
const problem = gridProblem([
  [2, 6, 9],
  [7, 3, 8],
  [10, 12, 15],
]);

async function setUp(hidden: string[]) {
  const { structure, values } = indexProblem(problem);
  const state = new SuppressionState(await loadSolver(), structure, values, resolveOptions(), problem.cells);
  const id = (name: string) => structure.index.get(name)!;
  for (const name of hidden) state.hide(id(name), name === "c00" || name === "c11" ? "primary" : "complementary");
  const targets = [id("c00"), id("c11")];
  const required = new Map(targets.map((t) => [t, 5]));
  const reach = new Reach(structure.ids.length, (c) => targets.includes(c));
  return { state, id, targets, required, reach };
}

describe("Probe", () => {
  it("a cell alone in its row is given away: width 0", async () => {
    const { state, id, reach } = await setUp(["c00", "c11"]);
    const probe = new Probe(state, reach);
    expect(probe.covers(id("c00"), 5)).toBe(false);
    expect(probe.covers(id("c00"), 1)).toBe(false);
    probe.dispose();
  });

  it("follows the pattern as cells are hidden, and hands its points to the reach", async () => {
    const { state, id, reach } = await setUp(["c00", "c11"]);
    const probe = new Probe(state, reach);
    expect(probe.covers(id("c11"), 5)).toBe(false);
    state.hide(id("c01"), "complementary");
    state.hide(id("c10"), "complementary");
    // The maximiser alone (t = 7) settles it: c00 rises from 2 to 7.
    const before = solveCounter.count;
    expect(probe.covers(id("c00"), 5)).toBe(true);
    expect(solveCounter.count - before).toBe(1);
    // Its point proves c11 ∈ [3, 8] as well.
    expect(reach.width(id("c00"))).toBe(5);
    expect(reach.width(id("c11"))).toBe(5);
    probe.dispose();
  });

  it("solves the other side when the largest value does not settle it, and stays exact", async () => {
    const { state, id, reach } = await setUp(["c00", "c01", "c10", "c11"]);
    const probe = new Probe(state, reach);
    // Row 0's published total (17) and c02 (9) leave c00 ≤ 8 − 1 (c01 ≥ 1): at most 6 wide, with no LP.
    const before = solveCounter.count;
    expect(probe.covers(id("c00"), 7)).toBe(false);
    expect(solveCounter.count).toBe(before);
    // c00 ∈ [1, 7]: width 6 exactly.
    expect(probe.covers(id("c00"), 6)).toBe(true);
    // The minimiser (t = 1) and maximiser (t = 7) prove c11 ∈ [2, 8].
    expect(reach.width(id("c11"))).toBe(6);
    probe.dispose();
  });

  it("starts again from the bases of the attacks it dropped: the same answers as a fresh probe, in far fewer iterations", async () => {
    // A 10×10 table with margins (values 1–20 from a fixed seed), its small cells hidden; then,
    // step by step, two more cells hidden and one small cell probed, by the probe that lived
    // through the steps and by a fresh one.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const grid = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => 1 + Math.floor(random() * 20)));
    const table = gridProblem(grid);
    const { structure, values } = indexProblem(table);
    const state = new SuppressionState(await loadSolver(), structure, values, resolveOptions(), table.cells);
    const interior = structure.ids.flatMap((name, i) => (name.startsWith("c") ? [i] : []));
    const small = interior.filter((c) => values[c]! < 5);
    const large = interior.filter((c) => values[c]! >= 5);
    for (const c of small) state.hide(c, "primary");
    const everywhere = () => new Reach(structure.ids.length, () => true);
    const living = new Probe(state, everywhere());
    living.covers(small[0]!, 5); // its first attack, from scratch
    const iterations = { living: 0, fresh: 0 };
    const answers = { living: [] as boolean[], fresh: [] as boolean[] };
    for (let step = 0; step < 12; step++) {
      for (let n = 0; n < 2; n++) state.hide(large[Math.floor(random() * large.length)]!, "complementary");
      const s = small[step % small.length]!;
      let before = solveCounter.iterations;
      answers.living.push(living.covers(s, 5));
      iterations.living += solveCounter.iterations - before;
      const fresh = new Probe(state, everywhere());
      before = solveCounter.iterations;
      answers.fresh.push(fresh.covers(s, 5));
      iterations.fresh += solveCounter.iterations - before;
      fresh.dispose();
    }
    living.dispose();
    expect(answers.living).toEqual(answers.fresh);
    expect(answers.fresh).toContain(false);
    expect(answers.fresh).toContain(true);
    // 60 against 236 when written.
    expect(iterations.living).toBeLessThan(iterations.fresh / 2);
  });
});

describe("Verifier", () => {
  it("needs no LP for cells the reach's points already prove", async () => {
    const { state, id, targets, required, reach } = await setUp(["c00", "c01", "c10", "c11"]);
    const probe = new Probe(state, reach);
    probe.covers(id("c00"), 5);
    probe.dispose();
    const before = solveCounter.count;
    const verifier = new Verifier(state, targets, required, reach);
    expect(solveCounter.count).toBe(before);
    expect(verifier.failing()).toEqual([]);
    // A proven width, not the exact one: the first points that show 5 suffice.
    expect(verifier.width(id("c00"))).toBeGreaterThanOrEqual(5);
    verifier.dispose();
  });

  it("solves a cell's largest value first, and its smallest only when still short", async () => {
    const { state, targets, required } = await setUp(["c00", "c01", "c10", "c11"]);
    let before = solveCounter.count;
    const verifier = new Verifier(state, targets, required);
    // The maximiser of c00 (t = 7) and the true table prove both widths: c00 reaches 2 and 7, c11 3 and 8.
    expect(solveCounter.count - before).toBe(1);
    expect(verifier.failing()).toEqual([]);
    verifier.dispose();
    // Asking for 7, both sides are solved and the failing widths are exact: 6.
    const wide = new Map(targets.map((t) => [t, 7]));
    before = solveCounter.count;
    const strict = new Verifier(state, targets, wide);
    expect(strict.failing().sort()).toEqual([...targets].sort());
    expect(targets.map((t) => strict.width(t))).toEqual([6, 6]);
    expect(solveCounter.count - before).toBe(4);
    strict.dispose();
  });

  it("refuses to publish a cell that gives a protected cell away, and publishes one that does not", async () => {
    // The rectangle plus c22 (15) and r2 (37): c22 and r2 are redundant.
    const { state, id, targets, required } = await setUp(["c00", "c01", "c10", "c11", "c22", "r2"]);
    const verifier = new Verifier(state, targets, required);
    // Publishing c01 leaves c00 alone in row 0.
    expect(verifier.tryPublish(id("c01"))).toBe(false);
    // c22 and r2 only move together (r2 = 22 + c22): either can go back.
    expect(verifier.tryPublish(id("r2"))).toBe(true);
    expect(verifier.tryPublish(id("c22"))).toBe(true);
    expect(verifier.width(id("c00"))).toBeGreaterThanOrEqual(5);
    expect(verifier.failing()).toEqual([]);
    verifier.dispose();
  });
});
