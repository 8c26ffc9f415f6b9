import { describe, expect, it } from "vitest";
import { badArcIndex, crossingProblem, geometryProblem, selfCrossing } from "./geometry-rules.ts";

const square: [number, number][] = [
  [4, 50],
  [5, 50],
  [5, 51],
  [4, 51],
  [4, 50],
];
const bowtie: [number, number][] = [
  [4, 50],
  [5, 51],
  [5, 50],
  [4, 51],
  [4, 50],
];

describe("geometryProblem", () => {
  it("accepts a closed ring of numbers, as a Polygon and a MultiPolygon", () => {
    expect(geometryProblem("Polygon", [square])).toBeNull();
    expect(geometryProblem("MultiPolygon", [[square], [square]])).toBeNull();
  });

  it("names strings, too few positions, an open ring and empty coordinates", () => {
    expect(geometryProblem("Polygon", [square.map(([x, y]) => [String(x), String(y)])])).toBe("ring 1: position 1 holds string values, not numbers");
    expect(
      geometryProblem("Polygon", [
        [
          [4, 50],
          [5, 50],
          [4, 50],
        ],
      ]),
    ).toBe("ring 1: has 3 position(s), a closed ring needs at least 4");
    expect(geometryProblem("MultiPolygon", [[square], [square.slice(0, 4)]])).toBe("polygon 2, ring 1: is not closed (its last position differs from its first)");
    expect(geometryProblem("Polygon", [])).toBe("polygon 1 has no ring");
    expect(
      geometryProblem("Polygon", [
        [
          [4, 50],
          [Number.NaN, 50],
          [5, 51],
          [4, 50],
        ],
      ]),
    ).toBe("ring 1: position 2 is not a finite number");
  });
});

describe("selfCrossing", () => {
  it("finds the crossing of a bow tie and none in a square or a ring touching itself at a point", () => {
    expect(selfCrossing(bowtie)).toEqual([0, 2]);
    expect(selfCrossing(square)).toBeNull();
    // A figure eight that only touches at (5, 50).
    expect(
      selfCrossing([
        [4, 50],
        [5, 50],
        [6, 49],
        [6, 51],
        [5, 50],
        [4, 51],
        [4, 50],
      ]),
    ).toBeNull();
    expect(crossingProblem("MultiPolygon", [[square], [bowtie]])).toBe("polygon 2, ring 1 crosses itself (segments 1 and 3)");
  });

  it("stays near linear: a ring of 200,000 points in well under a second", () => {
    const n = 200_000;
    const ring: [number, number][] = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    const started = performance.now();
    expect(selfCrossing(ring)).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("badArcIndex", () => {
  it("finds an index past the arcs, reversed (~i) or not, and accepts good ones", () => {
    expect(badArcIndex([[0, 1, ~2]], 3)).toBeNull();
    expect(badArcIndex([[0, 7]], 3)).toBe(7);
    expect(badArcIndex([[[0]], [[~5]]], 3)).toBe(~5);
    expect(badArcIndex([[0.5]], 3)).toBe(0.5);
  });
});
