import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { proportionDifference, proportionRatio, rateDifference, rateRatio } from "./equity.ts";

describe("proportionDifference (Newcombe hybrid score)", () => {
  // Newcombe RG (1998b) Interval estimation for the difference between independent
  // proportions. Stat Med 17:873–890, Table II, method 10 (4 d.p. as published).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])("%i/%i − %i/%i → [%d, %d]", (x1, n1, x2, n2, lo, hi) => {
    const d = proportionDifference(x1, n1, x2, n2, 0.95);
    expect(d.value).toBeCloseTo(x1 / n1 - x2 / n2, 14);
    expect(d.lower).toBeCloseTo(lo, 4);
    expect(d.upper).toBeCloseTo(hi, 4);
  });

  it("stays within [−1, 1], contains the difference, and 99.8% ⊇ 95% (property)", () => {
    const group = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        const a = proportionDifference(x1, n1, x2, n2, 0.95);
        const b = proportionDifference(x1, n1, x2, n2, 0.998);
        expect(a.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(a.upper).toBeLessThanOrEqual(1 + 1e-12);
        expect(a.lower).toBeLessThanOrEqual(a.value + 1e-12);
        expect(a.upper).toBeGreaterThanOrEqual(a.value - 1e-12);
        expect(b.lower).toBeLessThanOrEqual(a.lower + 1e-12);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper - 1e-12);
      }),
    );
  });

  it("swapping the groups negates the interval", () => {
    const a = proportionDifference(56, 70, 48, 80);
    const b = proportionDifference(48, 80, 56, 70);
    expect(b.lower).toBeCloseTo(-a.upper, 14);
    expect(b.upper).toBeCloseTo(-a.lower, 14);
  });
});

describe("proportionRatio (Katz log method)", () => {
  it("30/100 vs 20/100: RR 1.5, se(ln RR) = √(1/30 − 1/100 + 1/20 − 1/100) = 0.25166", () => {
    // exp(ln 1.5 ± 1.959964 × 0.251661) computed by hand / numpy
    const r = proportionRatio(30, 100, 20, 100);
    expect(r.value).toBeCloseTo(1.5, 14);
    expect(r.lower).toBeCloseTo(0.9159608293223659, 10);
    expect(r.upper).toBeCloseTo(2.456436921723568, 10);
    const r998 = proportionRatio(30, 100, 20, 100, 0.998);
    expect(r998.lower).toBeCloseTo(0.6891982585087566, 10);
    expect(r998.upper).toBeCloseTo(3.2646629213318183, 10);
  });

  it("is symmetric on the log scale", () => {
    const r = proportionRatio(12, 340, 31, 410);
    expect(Math.log(r.upper) - Math.log(r.value)).toBeCloseTo(Math.log(r.value) - Math.log(r.lower), 12);
  });

  it("zero numerators leave the interval undefined", () => {
    expect(proportionRatio(0, 50, 3, 50)).toEqual({ value: 0, lower: NaN, upper: NaN });
    expect(proportionRatio(3, 50, 0, 50)).toEqual({ value: Infinity, lower: NaN, upper: NaN });
    expect(proportionRatio(0, 50, 0, 50).value).toBeNaN();
  });
});

describe("rateRatio", () => {
  // Reference: scipy.stats.binomtest(e1, e1 + e2).proportion_ci(method="exact") (Clopper–Pearson),
  // mapped by RR = π/(1 − π) · t2/t1.
  it.each([
    [30, 1000, 15, 1200, 0.95, 1.2514628844233877, 4.799829364532033],
    [30, 1000, 15, 1200, 0.998, 0.8931642088820729, 7.2157142801343985],
    [3, 2000, 4, 1000, 0.95, 0.0549317373315175, 2.2166299445913795],
    [3, 2000, 4, 1000, 0.998, 0.01629467304358067, 6.022770622077471],
    [0, 500, 7, 800, 0.95, 0, 1.110102368154532],
  ])("exact conditional: %i/%i vs %i/%i at %d", (e1, t1, e2, t2, level, lo, hi) => {
    const r = rateRatio(e1, t1, e2, t2, { level });
    expect(r.lower).toBeCloseTo(lo, 9);
    expect(r.upper).toBeCloseTo(hi, 9);
  });

  it("exact: no events in the reference group gives an infinite upper limit", () => {
    const r = rateRatio(5, 100, 0, 100, { level: 0.95 });
    expect(r.value).toBe(Infinity);
    expect(r.lower).toBeCloseTo(0.91635585731546, 9);
    expect(r.upper).toBe(Infinity);
  });

  it("log-normal: exp(ln RR ± z√(1/e1 + 1/e2))", () => {
    const r = rateRatio(30, 1000, 15, 1200, { method: "log-normal" });
    expect(r.value).toBeCloseTo(2.4, 14);
    expect(r.lower).toBeCloseTo(1.291331304305015, 10);
    expect(r.upper).toBeCloseTo(4.460512945668881, 10);
    expect(rateRatio(0, 10, 4, 10, { method: "log-normal" }).lower).toBeNaN();
  });

  it("exact interval contains the ratio (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 10, max: 1e6 }), fc.integer({ min: 10, max: 1e6 }), (e1, e2, t1, t2) => {
        const r = rateRatio(e1, t1, e2, t2);
        expect(r.lower).toBeLessThanOrEqual(r.value * (1 + 1e-12));
        expect(r.upper).toBeGreaterThanOrEqual(r.value * (1 - 1e-12));
      }),
    );
  });
});

describe("rateDifference (MOVER with Poisson limits)", () => {
  // Reference recomputed in Python (scipy chi2 for < 10 events, Byar otherwise), per 1000.
  it.each([
    [30, 1000, 15, 1200, 0.95, 17.5, 4.802767768395366, 31.461218425950925],
    [30, 1000, 15, 1200, 0.998, 17.5, -2.1185109632209524, 39.97995475248686],
    [4, 1000, 12, 1500, 0.95, -4, -10.646229088318497, 3.344523087958728],
    [0, 1000, 3, 1000, 0.998, -3, -13.06224077918807, 4.457223725815311],
  ])("%i/%i − %i/%i at %d", (e1, t1, e2, t2, level, d, lo, hi) => {
    const r = rateDifference(e1, t1, e2, t2, { level, multiplier: 1000 });
    expect(r.value).toBeCloseTo(d, 12);
    expect(r.lower).toBeCloseTo(lo, 9);
    expect(r.upper).toBeCloseTo(hi, 9);
  });

  it("rejects zero person-time", () => {
    expect(() => rateDifference(1, 0, 1, 10)).toThrow(RangeError);
    expect(() => rateRatio(1, 10, 1, 0)).toThrow(RangeError);
  });
});
