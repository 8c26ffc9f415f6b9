import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  betaQuantile,
  bisectIncreasing,
  chiSquareCdf,
  chiSquareQuantile,
  gammaQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
  poissonExactLimits,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
  zForLevel,
} from "./distributions.ts";

// Reference values in this file come from closed forms that hold for special
// parameters (exponential, Cauchy, factorials, binomial sums), not from the code.

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** P(X >= a) for X ~ Binomial(a + b − 1, x), summed term by term: equals I_x(a, b) for integers. */
function binomialUpperTail(a: number, b: number, x: number): number {
  const n = a + b - 1;
  let s = 0;
  for (let k = a; k <= n; k++) s += (factorial(n) / (factorial(k) * factorial(n - k))) * x ** k * (1 - x) ** (n - k);
  return s;
}

/** Poisson CDF summed directly. */
function poissonCdf(k: number, mu: number): number {
  let term = Math.exp(-mu);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mu / i;
    sum += term;
  }
  return sum;
}

describe("normalQuantile", () => {
  it("matches published percentage points", () => {
    // Standard tables (e.g. Abramowitz & Stegun 26.2): z(0.975), z(0.999), z(0.5)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 13);
    // Tail branch (r > 5): z(1e-12) = −7.034483825...
    expect(normalQuantile(1e-12)).toBeCloseTo(-7.034483825, 8);
  });

  it("gives the z of a two-sided level", () => {
    expect(zForLevel(0.95)).toBeCloseTo(1.959963984540054, 13);
    expect(zForLevel(0.998)).toBeCloseTo(3.090232306167813, 13);
  });

  it("rejects probabilities outside (0, 1)", () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });

  it("inverts the normal CDF (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });
});

describe("normalCdf", () => {
  it("matches tabulated values", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(0)).toBe(0.5);
  });
});

describe("logGamma", () => {
  it("matches ln((n−1)!) and ln √π", () => {
    for (let n = 1; n <= 20; n++) expect(logGamma(n)).toBeCloseTo(Math.log(factorial(n - 1)), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // Γ(1.5) = √π/2; reflection branch: Γ(0.25)·Γ(0.75) = π√2
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    expect(logGamma(0.25) + logGamma(0.75)).toBeCloseTo(Math.log(Math.PI * Math.SQRT2), 13);
  });
  it("rejects x <= 0", () => expect(() => logGamma(0)).toThrow(RangeError));
});

describe("regularised incomplete gamma", () => {
  it("equals the Poisson tail for integer shape: P(a, x) = 1 − Σ_{k<a} e^{−x} x^k / k!", () => {
    for (const a of [1, 2, 5, 10, 30]) {
      for (const x of [0.1, 1, 4.5, 10, 25, 60]) {
        const ref = 1 - poissonCdf(a - 1, x);
        expect(regularizedGammaP(a, x)).toBeCloseTo(ref, 12);
        expect(regularizedGammaQ(a, x)).toBeCloseTo(1 - ref, 12);
      }
    }
  });
  it("P(½, x) = erf(√x): P(½, 1.96²/2) = 0.95000420970", () => {
    expect(regularizedGammaP(0.5, (1.96 * 1.96) / 2)).toBeCloseTo(0.950004209703559, 13);
  });
  it("P + Q = 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, x) => {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("regularised incomplete beta", () => {
  it("equals binomial tail sums for integer parameters", () => {
    for (const [a, b] of [
      [1, 1],
      [2, 3],
      [5, 5],
      [3, 9],
      [12, 4],
    ] as const) {
      for (const x of [0.01, 0.2, 0.5, 0.77, 0.99]) expect(regularizedBeta(x, a, b)).toBeCloseTo(binomialUpperTail(a, b, x), 12);
    }
  });
  it("I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b for real a, b", () => {
    expect(regularizedBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
    expect(regularizedBeta(0.3, 1, 7.25)).toBeCloseTo(1 - 0.7 ** 7.25, 13);
  });
});

describe("chi-square and gamma quantiles", () => {
  it("99.8% point with 1 d.f. is 9.5495 (= z(0.999)²)", () => {
    expect(chiSquareQuantile(0.998, 1)).toBeCloseTo(9.5495, 4);
    expect(chiSquareQuantile(0.998, 1)).toBeCloseTo(3.090232306167813 ** 2, 10);
  });
  it("2 d.f. is exponential: χ²(p, 2) = −2 ln(1 − p)", () => {
    for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) expect(chiSquareQuantile(p, 2)).toBeCloseTo(-2 * Math.log(1 - p), 12);
  });
  it("matches a published table value: χ²(0.975, 20) = 34.170", () => {
    // Pearson & Hartley, Biometrika Tables, Table 8
    expect(chiSquareQuantile(0.975, 20)).toBeCloseTo(34.17, 2);
  });
  it("inverts the CDF (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.2, max: 400, noNaN: true }), (p, df) => {
        expect(chiSquareCdf(chiSquareQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
  });
  it("gammaQuantile(p, 1) = −ln(1 − p)", () => {
    expect(gammaQuantile(0.3, 1)).toBeCloseTo(-Math.log(0.7), 13);
  });
});

describe("Student's t", () => {
  it("1 d.f. is Cauchy: t(p) = tan(π(p − ½))", () => {
    for (const p of [0.6, 0.975, 0.999]) expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
  });
  it("2 d.f.: t(p) = (2p − 1)/√(2p(1 − p))", () => {
    for (const p of [0.1, 0.975, 0.999]) expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 10);
  });
  it("table value t(0.975, 3) = 3.182446", () => expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446305, 8));
  it("CDF is symmetric and inverts the quantile", () => {
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 15);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 12);
    expect(studentTQuantile(0.1, 7)).toBeCloseTo(-studentTQuantile(0.9, 7), 12);
  });
});

describe("betaQuantile", () => {
  it("Beta(a, 1) quantile is p^(1/a)", () => {
    expect(betaQuantile(0.025, 4, 1)).toBeCloseTo(0.025 ** 0.25, 12);
  });

  it("agrees with bisection on I_x(a, b) = p, from tiny to national counts and both tails", () => {
    const bisected = (p: number, a: number, b: number) => bisectIncreasing((x) => regularizedBeta(x, a, b) - p, 0, 1);
    for (const [a, b] of [
      [1, 1],
      [0.5, 3],
      [1, 5000],
      [3, 2e5],
      [2e5, 7],
      [40, 60],
      [1e6, 1e6 + 1],
      [1, 1e7],
      [12345, 54321],
    ] as const) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        const x = betaQuantile(p, a, b);
        const reference = bisected(p, a, b);
        expect(Math.abs(x - reference), `${p} ${a} ${b}`).toBeLessThanOrEqual(1e-12 * reference);
      }
    }
  });
});

describe("poissonExactLimits", () => {
  /** Limits found by bisection on the directly summed Poisson CDF (Garwood's definition). */
  function garwood(o: number, level: number): { lower: number; upper: number } {
    const tail = (1 - level) / 2;
    const solve = (f: (mu: number) => number) => {
      let lo = 0;
      let hi = 200;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (f(mid) > 0) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const lower = o === 0 ? 0 : solve((mu) => poissonCdf(o - 1, mu) - (1 - tail));
    const upper = solve((mu) => poissonCdf(o, mu) - tail);
    return { lower, upper };
  }

  it.each([0, 1, 2, 5, 9, 10, 25])("count %i agrees with CDF bisection at 95% and 99.8%", (o) => {
    for (const level of [0.95, 0.998]) {
      const ref = garwood(o, level);
      const got = poissonExactLimits(o, level);
      expect(got.lower).toBeCloseTo(ref.lower, 9);
      expect(got.upper).toBeCloseTo(ref.upper, 9);
    }
  });

  it("zero count: lower 0, upper −ln(α/2) (3.689 at 95%)", () => {
    expect(poissonExactLimits(0, 0.95)).toEqual({ lower: 0, upper: expect.closeTo(-Math.log(0.025), 12) });
    expect(poissonExactLimits(0, 0.998).upper).toBeCloseTo(-Math.log(0.001), 12);
  });

  it("rejects negative or non-finite counts", () => {
    expect(() => poissonExactLimits(-1, 0.95)).toThrow(RangeError);
    expect(() => poissonExactLimits(Infinity, 0.95)).toThrow(RangeError);
  });
});

describe("zForLevel, remembered", () => {
  it("gives the same z the second time and still refuses a level outside (0, 1)", async () => {
    const { zForLevel } = await import("./distributions.ts");
    const first = zForLevel(0.998);
    expect(zForLevel(0.998)).toBe(first);
    expect(first).toBeCloseTo(3.0902, 4);
    expect(() => zForLevel(1)).toThrow(RangeError);
    expect(() => zForLevel(1)).toThrow(RangeError);
  });
});
