import { describe, expect, it } from "vitest";
import { AT_LOWER, BASIC, BasisMemory } from "./basis-memory.ts";

describe("BasisMemory", () => {
  it("has nothing to offer before any basis is remembered", () => {
    expect(new BasisMemory(4, 2).basisFor([0, 1], [0])).toBeNull();
  });

  it("keeps what it remembered; a new cell starts at its lower bound, a new relation basic", () => {
    const memory = new BasisMemory(5, 3);
    // A component of cells 0 and 1 in relation 0: cell 1 basic, the row at its bound.
    memory.remember([0, 1], [0], { cols: Int32Array.of(AT_LOWER, BASIC), rows: Int32Array.of(AT_LOWER) });
    // It grew: cell 3 and relation 2 are new.
    const basis = memory.basisFor([0, 1, 3], [0, 2])!;
    expect([...basis.cols]).toEqual([AT_LOWER, BASIC, AT_LOWER]);
    expect([...basis.rows]).toEqual([AT_LOWER, BASIC]);
  });

  it("offers nothing when the statuses would not give one basic variable per row", () => {
    const memory = new BasisMemory(4, 2);
    memory.remember([0, 1], [0], { cols: Int32Array.of(BASIC, BASIC), rows: Int32Array.of(AT_LOWER) });
    expect(memory.basisFor([0, 1], [0])).toBeNull();
  });
});
