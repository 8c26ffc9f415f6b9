import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { byarLimits, meanLimits, poissonCountLimits, proportionLimits, rateLimits, sufficientStatistics, wilson } from "./confidence.ts";

// z values from standard normal tables, not from the code under test.
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** Wilson bounds by numerical inversion of the score test |p̂ − p| = z·√(p(1 − p)/n) (bisection). */
function scoreInversion(x: number, n: number, z: number): { lower: number; upper: number } {
  const ph = x / n;
  const g = (p: number) => Math.abs(ph - p) - z * Math.sqrt((p * (1 - p)) / n);
  const root = (lo: number, hi: number, increasing: boolean) => {
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (g(mid) < 0 === increasing) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // g is positive far from p̂ and negative at p̂.
  return { lower: x === 0 ? 0 : root(0, ph, false), upper: x === n ? 1 : root(ph, 1, true) };
}

describe("wilson", () => {
  it("reproduces Newcombe (1998a, Stat Med 17:857, Table I, method 3)", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of cases) {
      const ci = wilson(x, n, 0.95);
      expect(ci.lower).toBeCloseTo(lo, 4);
      expect(ci.upper).toBeCloseTo(hi, 4);
    }
  });

  it.each([
    [0, 20],
    [1, 29],
    [15, 148],
    [65, 100],
    [1045, 5000],
    [29, 29],
    [3, 1_000_000],
    [0.445, 1],
  ])("%d/%d equals the numerical inversion of the score test, 95% and 99.8%", (x, n) => {
    for (const [level, z] of [
      [0.95, Z95],
      [0.998, Z998],
    ] as const) {
      const ref = scoreInversion(x, n, z);
      const ci = wilson(x, n, level);
      expect(ci.lower).toBeCloseTo(ref.lower, 12);
      expect(ci.upper).toBeCloseTo(ref.upper, 12);
    }
  });

  it("zero numerator gives exactly 0 and numerator = denominator exactly 1", () => {
    expect(wilson(0, 50).lower).toBe(0);
    expect(wilson(50, 50).upper).toBe(1);
    expect(wilson(50, 50).lower).toBeCloseTo(50 / (50 + Z95 * Z95), 12); // n/(n + z²)
    expect(wilson(0, 50).upper).toBeCloseTo((Z95 * Z95) / (50 + Z95 * Z95), 12);
  });

  it("rejects impossible inputs", () => {
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(6, 5)).toThrow(RangeError);
    expect(() => wilson(-1, 5)).toThrow(RangeError);
    expect(() => wilson(1, 5, 1)).toThrow(RangeError);
  });

  const proportionArb = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it("bounds lie in [0, 1], contain p̂, and the 99.8% interval contains the 95% one (property)", () => {
    fc.assert(
      fc.property(proportionArb, ([x, n]) => {
        const a = wilson(x, n, 0.95);
        const b = wilson(x, n, 0.998);
        const p = x / n;
        expect(a.lower).toBeGreaterThanOrEqual(0);
        expect(a.upper).toBeLessThanOrEqual(1);
        expect(a.lower).toBeLessThanOrEqual(p);
        expect(a.upper).toBeGreaterThanOrEqual(p);
        expect(b.lower).toBeLessThanOrEqual(a.lower);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper);
        expect(b.lower).toBeGreaterThanOrEqual(0);
        expect(b.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("proportionLimits scales value and bounds (percentage)", () => {
    const pc = proportionLimits(65, 100, 100);
    expect(pc.value).toBe(65);
    expect(pc.lower).toBeCloseTo(55.25444329688796, 10); // 100 × Wilson lower (scipy-based check)
    expect(pc.upper).toBeCloseTo(73.63575175690247, 10);
  });
});

describe("poissonCountLimits", () => {
  it("is exact below 10 events: Garwood table values", () => {
    // Garwood (1936) / Breslow & Day vol. II appendix: 95% limits for O = 1 and O = 9
    expect(poissonCountLimits(1)).toMatchObject({ lower: expect.closeTo(0.0253, 4), upper: expect.closeTo(5.5716, 4), method: "exact" });
    expect(poissonCountLimits(9)).toMatchObject({ lower: expect.closeTo(4.1154, 4), upper: expect.closeTo(17.0848, 4), method: "exact" });
  });

  it("switches to Byar at the 9/10 boundary", () => {
    expect(poissonCountLimits(9, 0.95).method).toBe("exact");
    expect(poissonCountLimits(9.999, 0.95).method).toBe("exact");
    const ten = poissonCountLimits(10, 0.95);
    expect(ten.method).toBe("byar");
    // Byar (Breslow & Day 1987, p. 69) worked by hand for O = 10, z = 1.959964:
    // lower = 10(1 − 1/90 − z/(3√10))³, upper = 11(1 − 1/99 + z/(3√11))³
    expect(ten.lower).toBeCloseTo(4.787449913967563, 10);
    expect(ten.upper).toBeCloseTo(18.391458605756473, 10);
    // Byar approximates the exact limits (4.7954, 18.3904) closely at 10.
    expect(Math.abs(ten.lower - 4.7954) / 4.7954).toBeLessThan(0.005);
    expect(Math.abs(ten.upper - 18.3904) / 18.3904).toBeLessThan(0.005);
  });

  it("99.8% Byar limits at 10 and 65 events", () => {
    expect(poissonCountLimits(10, 0.998)).toMatchObject({ lower: expect.closeTo(2.916318374695686, 10), upper: expect.closeTo(24.19372492788055, 10) });
    expect(byarLimits(65, 0.998).lower).toBeCloseTo(42.8802614714802, 10);
    expect(byarLimits(65, 0.998).upper).toBeCloseTo(94.000290844318, 10);
  });

  it("zero count: lower 0, upper 3.689 (95%) and 6.908 (99.8%)", () => {
    expect(poissonCountLimits(0, 0.95)).toMatchObject({ lower: 0, upper: expect.closeTo(3.6889, 4) });
    expect(poissonCountLimits(0, 0.998)).toMatchObject({ lower: 0, upper: expect.closeTo(6.9078, 4) });
  });

  it("contains the count and nests the 95% interval in the 99.8% one (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (o) => {
        const a = poissonCountLimits(o, 0.95);
        const b = poissonCountLimits(o, 0.998);
        expect(a.lower).toBeLessThanOrEqual(o);
        expect(a.upper).toBeGreaterThan(o);
        expect(b.lower).toBeLessThanOrEqual(a.lower);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper);
      }),
    );
  });
});

describe("rateLimits", () => {
  it("scales the count limits by multiplier / denominator", () => {
    const r = rateLimits(9, 20_000, 100_000);
    expect(r.value).toBe(45);
    expect(r.lower).toBeCloseTo(4.115373097378334 * 5, 8);
    expect(r.upper).toBeCloseTo(17.084803451419166 * 5, 8);
    expect(r.method).toBe("exact");
    const big = rateLimits(1045, 1_000_000, 1000, 0.95);
    expect(big.lower).toBeCloseTo(0.9825932018073325, 12);
    expect(big.upper).toBeCloseTo(1.11033121298565, 12);
  });
  it("rejects a zero denominator", () => expect(() => rateLimits(1, 0)).toThrow(RangeError));
});

describe("meanLimits (Student's t)", () => {
  // PHEindicatormethods phe_mean example, values 30, 40, 50, 60: mean 45, sd 12.9099,
  // t(0.975, 3) = 3.182446 → 45 ± 20.5426 (reference computed with scipy.stats.t).
  const s = sufficientStatistics([30, 40, 50, 60]);
  it("95% and 99.8% limits", () => {
    const m95 = meanLimits(s.sum, s.sumOfSquares, s.n, 0.95);
    expect(m95.value).toBe(45);
    expect(m95.sd).toBeCloseTo(12.909944487358056, 12);
    expect(m95.lower).toBeCloseTo(24.457397432394792, 9);
    expect(m95.upper).toBeCloseTo(65.5426025676052, 9);
    const m998 = meanLimits(s.sum, s.sumOfSquares, s.n, 0.998);
    expect(m998.lower).toBeCloseTo(-20.934519589464983, 8);
    expect(m998.upper).toBeCloseTo(110.93451958946498, 8);
  });
  it("constant data gives a zero-width interval, not NaN", () => {
    const c = sufficientStatistics([0.1, 0.1, 0.1]);
    const m = meanLimits(c.sum, c.sumOfSquares, c.n);
    expect(m.lower).toBeCloseTo(0.1, 12);
    expect(m.upper).toBeCloseTo(0.1, 12);
  });
  it("needs at least two observations", () => {
    expect(() => meanLimits(5, 25, 1)).toThrow(RangeError);
    expect(() => meanLimits(5, 25, 0)).toThrow(RangeError);
  });
});
