// Feasible points as width certificates (witnesses.ts), on hand-made points.
// Column 0 is the protected cell, column 1 a cell about to be published.

import { describe, expect, it } from "vitest";
import { pointsAt, pointsOnto, provenWidth, sparsestFirst, spreadOf, sufficientSpread, widen } from "./witnesses.ts";

const p = (...xs: number[]) => Float64Array.from(xs);

describe("widths proven by points", () => {
  it("rounds each end inward, as the audit does", () => {
    expect(provenWidth(p(1.5), p(6.5), 0)).toBe(4); // [2, 6]
    expect(provenWidth(p(1), p(6), 0)).toBe(5);
    // LP noise does not cost a unit.
    expect(provenWidth(p(1 + 1e-9), p(6 - 1e-9), 0)).toBe(5);
    expect(provenWidth(p(3), p(3), 0)).toBe(0);
  });

  it("spreadOf picks the extreme points; widen adds one", () => {
    const truth = p(3, 10);
    const a = p(1, 12);
    const b = p(7, 6);
    const spread = spreadOf([truth, a, b], 0);
    expect(spread).toMatchObject({ low: a, high: b, width: 6 });
    const c = p(9, 4);
    expect(widen(spread, c, 0)).toMatchObject({ low: a, high: c, width: 8 });
    // A point inside changes nothing (same object back).
    expect(widen(spread, truth, 0)).toBe(spread);
  });

  it("sufficientSpread stops at the first points that prove the width", () => {
    const truth = p(3, 10);
    const near = p(8, 5); // with the truth: [3, 8], width 5
    const far = p(20, -7);
    const spread = sufficientSpread([truth, near, far], 0, 5);
    expect(spread).toMatchObject({ low: truth, high: near, width: 5 });
    // Not enough anywhere: all the points, and the width they give.
    expect(sufficientSpread([truth, near, far], 0, 50).width).toBe(17);
  });

  it("sparsestFirst keeps the truth first and orders the rest by cells moved", () => {
    const truth = p(3, 10, 4);
    const two = p(5, 8, 4);
    const three = p(5, 8, 5);
    const one = p(4, 10, 4);
    expect(sparsestFirst([truth, three, two, one])).toEqual([truth, one, two, three]);
  });
});

describe("points once a cell is published", () => {
  // x0 + x1 = 13, x1 is to be published at its true value 10.
  const truth = p(3, 10);
  const up = p(8, 5);
  const down = p(1, 12);

  it("pointsAt keeps only the points that already give it its value", () => {
    expect(pointsAt([truth, up, down], 1, 10)).toEqual([truth]);
  });

  it("pointsOnto moves the others onto it, along segments to the far side", () => {
    // up (x1 = 5) mixes with down (x1 = 12, the furthest above 10): weight
    // 2/7 on up gives x1 = 10 and x0 = 2/7·8 + 5/7·1 = 3. And down mixes with
    // up: the same point. Here every feasible point with x1 = 10 has x0 = 3:
    // publishing x1 discloses x0, and the points agree.
    const onto = pointsOnto([truth, up, down], 1, 10);
    for (const q of onto) {
      expect(q[1]).toBe(10);
      expect(q[0]).toBeCloseTo(3, 12);
    }
  });

  it("a mixed point keeps most of a spread when the partner is far", () => {
    // Three free cells x0 + x1 + x2 = 20 (truth 3, 10, 7); x1 is published at 10.
    const t = p(3, 10, 7);
    const high = p(9, 9, 2); // x1 just below 10
    const far = p(1, 18, 1); // x1 far above 10
    const onto = pointsOnto([t, high, far], 1, 10);
    const spread = spreadOf(onto, 0);
    // high mixes with far at weight 8/9: x0 = 8/9·9 + 1/9·1 = 73/9 ≈ 8.1.
    expect(spread.high[0]).toBeCloseTo(73 / 9, 12);
    expect(spread.high[1]).toBe(10);
    expect(spread.high[0]! + spread.high[1]! + spread.high[2]!).toBeCloseTo(20, 12);
    expect(spread.width).toBe(5); // [3, 8.1] rounds to [3, 8]
  });

  it("no point on the other side: nothing to mix", () => {
    expect(pointsOnto([truth, up], 1, 10)).toEqual([truth]);
  });
});
