// SdcCell.weight: a count behind several published figures costs them all when hidden, so
// complementary suppression goes round it when a lighter cell protects as well.

import { describe, expect, it } from "vitest";
import { protect, SdcError, type SdcProblem } from "./index.ts";
import { gridProblem } from "./test-support/problems.ts";

/** A 4×4 table of equal cells but one small count: its rows and columns are interchangeable. */
const problem = (): SdcProblem =>
  gridProblem([
    [20, 20, 20, 20],
    [20, 2, 20, 20],
    [20, 20, 20, 20],
    [20, 20, 20, 20],
  ]);

const weighted = (base: SdcProblem, weights: Record<string, number>): SdcProblem => ({
  ...base,
  cells: base.cells.map((c) => (weights[c.id] ? { ...c, weight: weights[c.id] } : c)),
});

const complementary = (hidden: Map<string, string>) => [...hidden].filter(([, kind]) => kind === "complementary").map(([id]) => id);

describe("weights of cells (figures a count stands for)", () => {
  it("a heavy cell is left published when an equally good light one protects the small count", async () => {
    const plain = await protect(problem());
    const chosen = complementary(plain.hidden);
    expect(chosen.length).toBeGreaterThan(0);
    // Make every interior cell the plain pattern chose heavy: another rectangle does as well.
    const heavy = Object.fromEntries(chosen.filter((id) => id.startsWith("c")).map((id) => [id, 25]));
    expect(Object.keys(heavy).length).toBeGreaterThan(0);
    const result = await protect(weighted(problem(), heavy));
    expect(result.audit.pass).toBe(true);
    expect(result.hidden.get("c11")).toBe("primary");
    for (const id of Object.keys(heavy)) expect(result.hidden.has(id)).toBe(false);
    // As few cells as before: only which ones changed.
    expect(complementary(result.hidden).length).toBe(chosen.length);
  });

  it("weight 1 is the default", async () => {
    const plain = await protect(problem());
    const ones = await protect(weighted(problem(), Object.fromEntries(problem().cells.map((c) => [c.id, 1]))));
    expect([...ones.hidden].sort()).toEqual([...plain.hidden].sort());
  });

  it("a weight that is not a positive number is refused, naming the cell", async () => {
    for (const weight of [0, -2, Infinity, Number.NaN]) {
      const bad = { ...problem(), cells: problem().cells.map((c) => (c.id === "c00" ? { ...c, weight } : c)) };
      await expect(protect(bad)).rejects.toThrow(SdcError);
      await expect(protect(bad)).rejects.toThrow(/weight of "c00" must be a positive number/);
    }
  });
});
