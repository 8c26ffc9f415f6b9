// Widths proven while hiding (reach.ts): points of different patterns
// combine, and they come back as witnesses for a component.

import { describe, expect, it } from "vitest";
import { Reach } from "./reach.ts";

const point = (moves: Record<number, number>) => ({
  cells: Int32Array.from(Object.keys(moves).map(Number)),
  deltas: Float64Array.from(Object.values(moves)),
});

describe("Reach", () => {
  // Cells 0..5; cells 0 and 1 are protected, true values 2, 3, 9, 9, 9, 9.
  const values = [2, 3, 9, 9, 9, 9];
  const isTarget = (c: number) => c < 2;

  it("a cell's width combines the largest rise and the largest fall seen, from any points", () => {
    const reach = new Reach(values.length, isTarget);
    expect(reach.width(0)).toBe(0);
    reach.add(point({ 0: 3, 2: -3 })); // one pattern raises cell 0 by 3
    expect(reach.width(0)).toBe(3);
    reach.add(point({ 0: -1, 3: 1 })); // another lowers it by 1
    expect(reach.width(0)).toBe(4);
    reach.add(point({ 0: 2.5, 1: 1.999_999_9 })); // less than the rise seen: nothing for cell 0
    expect(reach.width(0)).toBe(4);
    // Cell 1 only moved up by ~2: the solver's noise does not cost a unit.
    expect(reach.width(1)).toBe(2);
  });

  it("dense points count the cells they move", () => {
    const reach = new Reach(values.length, isTarget);
    reach.addDense([0, 2, 4], Float64Array.from([6, 5, 9]), values);
    expect(reach.width(0)).toBe(4);
  });

  it("witnesses are the extreme points, written out over a component's cells", () => {
    const reach = new Reach(values.length, isTarget);
    reach.add(point({ 0: 3, 2: -3 }));
    reach.add(point({ 0: -1, 3: 1 }));
    reach.add(point({ 4: 5 })); // moves no protected cell: not kept
    // A component of cells 0, 2 and 3 (column j is cells[j]).
    const witnesses = reach.witnesses([0], [0, 2, 3], values);
    expect(witnesses.map((w) => [...w])).toEqual([
      [5, 6, 9],
      [1, 9, 10],
    ]);
    // A component holding cell 1 only: it was never moved, so no witness.
    expect(reach.witnesses([1], [1, 5], values)).toEqual([]);
  });
});
